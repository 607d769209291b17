/**
 * The expert committee (专家评审, §2.2.4): admins register reviewers (expertise, affiliations,
 * declared conflicts); reviewers see only their own assignments and scores, score on the round's
 * rubric, or declare a conflict and are replaced automatically. When the last review is in, the
 * pipeline moves on.
 */

import { loadAllianceWithMembers } from '../db/alliances.ts';
import { allianceAudit, roundAudit } from '../db/audit.ts';
import { commit } from '../db/commit.ts';
import {
  type AssignmentRecord,
  assignmentActiveCheck,
  assignmentPut,
  assignmentReplacedUpdate,
  loadAssignment,
  loadAssignments,
  loadPassedAlliances,
  loadReview,
  loadReviewerAssignments,
  loadReviewers,
  prefetchAssignment,
  type ReviewerRecord,
  type ReviewRecord,
  reviewerInput,
  reviewerPut,
  reviewPresenceCheck,
  reviewPut,
  reviewsAndAllianceNames,
} from '../db/reviews.ts';
import { tallyAdd } from '../db/tallies.ts';
import { type Principal, userActor } from '../domain/actors.ts';
import { assignReviewers, replaceReviewer } from '../domain/assignment.ts';
import { conflict, domainError, domainErrorCatalogue, notFound, nouns } from '../domain/errors.ts';
import { validateScores } from '../domain/scoring.ts';
import type { Text } from '../domain/text.ts';
import { completeGate, loadGate } from './pipeline/gates.ts';
import { notifyAssignments } from './pipeline/stages/review.ts';
import { commitWithTally, loadOrCountTally, reviewsDone } from './pipeline/tallies.ts';
import { reviewerDocuments } from './review-documents.ts';
import { getRound } from './rounds.ts';

const assignmentOf = (roundId: string, allianceId: string): Text => ({
  en: `assignment of alliance ${allianceId} in round ${roundId}`,
  zh: `评审分配（联盟 ${allianceId}，申报批次 ${roundId}）`,
});

/** Reviews are taken only while the round's review gate is open (409 before and after). */
async function assertReviewsOpen(roundId: string): Promise<void> {
  const gate = await loadGate(roundId, 'review');
  if (gate?.status !== 'open')
    throw conflict({
      en: `round ${roundId} is not accepting reviews`,
      zh: `申报批次 ${roundId} 当前不接受评审意见`,
    });
}

/**
 * Registers a reviewer for a round: before the review stage or during it (a reviewer added then
 * takes replacements), never once it has closed (409: nothing is left to review).
 */
export async function registerReviewer(
  principal: Principal,
  roundId: string,
  input: Omit<ReviewerRecord, 'roundId' | 'registeredAt'>,
  now = new Date(),
) {
  const round = await getRound(roundId);
  if ((await loadGate(roundId, 'review'))?.status === 'closed')
    throw conflict({
      en: `round ${roundId} has finished its reviews; reviewers can no longer be registered`,
      zh: `申报批次 ${roundId} 的评审已结束，不能再登记评审专家`,
    });
  const record: ReviewerRecord = { ...input, roundId: round.id, registeredAt: now.toISOString() };
  await commit([
    reviewerPut(record),
    roundAudit(
      roundId,
      {
        action: 'reviewer.registered',
        actor: userActor(principal),
        reason: `${input.name}: expertise ${input.expertise.join(', ') || '—'}; affiliations ${input.affiliations.length}, declared conflicts ${input.conflicts.length}`,
        data: { reviewerId: input.reviewerId },
      },
      now,
    ),
  ]);
  return record;
}

export const listReviewers = (roundId: string) => loadReviewers(roundId);

/** The current assignments, or (preview) what the assignment would be with the current reviewers. */
export async function assignments(roundId: string, preview: boolean, seed?: string) {
  if (!preview) {
    // One Query: assignments show the round exists; only none reads the round (404 when missing).
    const items = await loadAssignments(roundId);
    if (items.length === 0) await getRound(roundId);
    return { preview: false, items };
  }
  const round = await getRound(roundId);
  const result = assignReviewers(
    (await loadReviewers(roundId)).map(reviewerInput),
    await loadPassedAlliances(roundId),
    {
      perAlliance: round.reviewersPerAlliance,
      seed: seed ?? roundId,
    },
  );
  return { preview: true, seed: seed ?? roundId, ...result };
}

/**
 * My assignments: the active ones (status pending or submitted) and those I was replaced on after
 * declaring a conflict (status conflict, with my reason; nothing more of the alliance than its name).
 */
export async function myAssignments(principal: Principal) {
  const mine = await loadReviewerAssignments(principal.sub);
  // Every assignment's review and alliance name in one BatchGet, not reads per assignment.
  const found = await reviewsAndAllianceNames(
    mine.map((a) => ({ ...a, withReview: a.status === 'assigned' })),
  );
  return {
    items: await Promise.all(
      mine.map(async (a, i) => {
        const active = a.status === 'assigned';
        const { review, name } = found[i]!;
        return {
          roundId: a.roundId,
          allianceId: a.allianceId,
          name,
          reviewed: Boolean(review),
          status: !active ? 'conflict' : review ? 'submitted' : 'pending',
          ...(active ? {} : { conflictReason: a.replacedReason }),
          assignedAt: a.assignedAt,
        };
      }),
    ),
  };
}

async function myAssignment(
  principal: Principal,
  roundId: string,
  allianceId: string,
): Promise<AssignmentRecord> {
  await prefetchAssignment(roundId, allianceId, principal.sub); // one BatchGet for the request's reads by key
  const assignment = await loadAssignment(roundId, allianceId, principal.sub);
  // Not assigned (or replaced): as far as this reviewer is concerned, it does not exist.
  if (assignment?.status !== 'assigned') throw notFound(assignmentOf(roundId, allianceId));
  return assignment;
}

/** What a reviewer sees: the application, the rubric and their own review — never anyone else's. */
export async function readAssigned(principal: Principal, roundId: string, allianceId: string) {
  await myAssignment(principal, roundId, allianceId);
  const [loaded, round, review, documents] = await Promise.all([
    loadAllianceWithMembers(allianceId),
    getRound(roundId),
    loadReview(roundId, allianceId, principal.sub),
    reviewerDocuments(allianceId),
  ]);
  if (!loaded) throw notFound(nouns.alliance(allianceId));
  return {
    alliance: { ...loaded.alliance, members: loaded.members.filter((m) => m.state === 'confirmed') },
    rubric: round.rubric,
    reviewDeadline: round.reviewDeadline,
    myReview: review,
    // Verified only; each opens through GET …/documents/{documentId} (a short-lived link).
    documents,
  };
}

export async function submitReview(
  principal: Principal,
  roundId: string,
  allianceId: string,
  input: { scores: Record<string, number>; comment: string; recommendation: string },
  now = new Date(),
) {
  await myAssignment(principal, roundId, allianceId);
  const round = await getRound(roundId);
  await assertReviewsOpen(roundId);
  if (now.getTime() > Date.parse(round.reviewDeadline))
    throw conflict({
      en: `the review deadline ${round.reviewDeadline} has passed`,
      zh: `评审截止时间 ${round.reviewDeadline} 已过`,
    });
  const problems = validateScores(input.scores, round.rubric);
  if (problems.length) {
    throw domainError(
      'validation_failed',
      domainErrorCatalogue.validation_failed,
      { summary: problems.map((p) => p.path).join(', ') },
      (lang) => problems.map((p) => ({ path: `body.${p.path}`, code: 'rubric', message: p.message[lang] })),
    );
  }
  const previous = await loadReview(roundId, allianceId, principal.sub);
  const record: ReviewRecord = {
    roundId,
    allianceId,
    reviewerId: principal.sub,
    scores: input.scores,
    comment: input.comment,
    recommendation: input.recommendation,
    submittedAt: now.toISOString(),
    version: (previous?.version ?? 0) + 1,
  };
  // A first review of an active assignment: one more in (the assignment must still be active). The
  // tally is not read first; if it was never counted, commitWithTally counts it and tries again.
  const counted = !previous && tallyAdd(roundId, 'review', { reviewed: 1, reviews: 1 }, { mustExist: true });
  await commitWithTally(
    roundId,
    'review',
    [
      reviewPut(record, previous),
      !previous && assignmentActiveCheck(roundId, allianceId, principal.sub),
      counted,
      allianceAudit(
        allianceId,
        {
          action: previous ? 'review.updated' : 'review.submitted',
          // The audit names the reviewer but not the scores: applicants read this trail.
          actor: userActor(principal),
          data: { roundId, version: record.version },
        },
        now,
      ),
    ],
    counted,
    (failed) =>
      failed === 0
        ? conflict({
            en: 'this review changed meanwhile; reload and retry',
            zh: '该评审意见已被修改，请刷新后重试',
          })
        : failed === 1 && !previous
          ? notFound(assignmentOf(roundId, allianceId))
          : undefined,
  );
  const complete = reviewsDone(await loadOrCountTally(roundId, 'review'));
  if (complete) await completeGate(roundId, 'review', { allReviewsIn: true }, principal.username);
  return { review: record, allReviewsIn: complete };
}

/** A reviewer declares a conflict: the assignment is replaced by a conflict-free reviewer at once. */
export async function declareConflict(
  principal: Principal,
  roundId: string,
  allianceId: string,
  input: { reason: string; organisationId?: string },
  now = new Date(),
) {
  await myAssignment(principal, roundId, allianceId);
  // A conflict declared after the reviews closed would replace an assignment (and change the
  // counts the ranking used) after the fact.
  await assertReviewsOpen(roundId);
  const round = await getRound(roundId);
  const [reviewers, current, alliances] = await Promise.all([
    loadReviewers(roundId),
    loadAssignments(roundId),
    loadPassedAlliances(roundId),
  ]);
  const me = reviewers.find((r) => r.reviewerId === principal.sub);
  const alliance = alliances.find((a) => a.id === allianceId);
  if (!me || !alliance) throw notFound(assignmentOf(roundId, allianceId));
  const declared = input.organisationId ? [input.organisationId] : alliance.memberOrganisationIds;
  const updatedMe = { ...me, conflicts: [...new Set([...me.conflicts, ...declared])] };
  const active = current
    .filter((a) => a.status === 'assigned')
    .map((a) => ({ allianceId: a.allianceId, reviewerId: a.reviewerId }));
  // Earlier replacements on this alliance stay excluded too.
  const replaced = current
    .filter((a) => a.status === 'replaced')
    .map((a) => ({ allianceId: a.allianceId, reviewerId: a.reviewerId }));
  const replacement = replaceReviewer(
    reviewers.map((r) => reviewerInput(r.reviewerId === principal.sub ? updatedMe : r)),
    alliances,
    active,
    [{ allianceId, reviewerId: principal.sub }],
    {
      perAlliance: round.reviewersPerAlliance,
      seed: `${roundId}#${allianceId}#${principal.sub}`,
      exclude: replaced,
    },
  );
  const at = now.toISOString();
  const added = replacement.added.filter((p) => p.allianceId === allianceId);
  // The review tally: this assignment leaves (with its review, if one is in), the replacements join
  // (not read first; counted and tried again only if it never was).
  const reviewed = Boolean(await loadReview(roundId, allianceId, principal.sub));
  const tally = tallyAdd(
    roundId,
    'review',
    { assigned: added.length - 1, reviewed: reviewed ? -1 : 0 },
    { mustExist: true },
  );
  await commitWithTally(
    roundId,
    'review',
    [
      reviewerPut(updatedMe),
      assignmentReplacedUpdate(roundId, allianceId, principal.sub, input.reason, at),
      ...added.map((p) => assignmentPut(roundId, allianceId, p.reviewerId, p.expertiseMatch ?? 0, at)),
      reviewPresenceCheck(roundId, allianceId, principal.sub, reviewed),
      tally,
      roundAudit(
        roundId,
        {
          action: 'review.conflict-declared',
          actor: userActor(principal),
          reason: input.reason,
          data: { allianceId, replacedBy: added.map((p) => p.reviewerId) },
        },
        now,
      ),
    ],
    tally,
  );
  await notifyAssignments(roundId, added, now);
  return { allianceId, replacedBy: added.map((p) => p.reviewerId), shortfall: added.length === 0 };
}

/** An admin ends the review period early; the pipeline proceeds with the reviews that are in. */
export async function closeReviews(principal: Principal, roundId: string, reason: string) {
  const completed = await completeGate(roundId, 'review', { closedEarly: true, reason }, principal.username);
  if (!completed)
    throw conflict({
      en: `round ${roundId} is not waiting for reviews`,
      zh: `申报批次 ${roundId} 当前不在等待评审`,
    });
  return { roundId, closed: true };
}
