/**
 * The expert committee (专家评审, §2.2.4): admins register reviewers (expertise, affiliations,
 * declared conflicts); reviewers see only their own assignments and scores, score on the round's
 * rubric, or declare a conflict and are replaced automatically. When the last review is in, the
 * pipeline moves on.
 */
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../aws/clients.ts';
import { loadAllianceWithMembers } from '../db/alliances.ts';
import { auditPut, userActor } from '../db/audit.ts';
import { indexKeys, keys } from '../db/keys.ts';
import { queryAll } from '../db/query.ts';
import {
  type AssignmentRecord,
  loadAssignments,
  loadReviewers,
  loadReviews,
  type ReviewerRecord,
  type ReviewRecord,
} from '../db/reviews.ts';
import { loadScreenings } from '../db/screening.ts';
import { conditionFailed, stripKeys, table } from '../db/table.ts';
import { assignReviewers, conflicted, replaceReviewer } from '../domain/assignment.ts';
import { validateScores } from '../domain/scoring.ts';
import type { Principal } from '../http/auth.ts';
import { ApiError, conflict, notFound } from '../http/errors.ts';
import type { Lang } from '../http/i18n.ts';
import { completeGate, loadGate } from './gates.ts';
import { getRound } from './rounds.ts';

export async function registerReviewer(
  principal: Principal,
  roundId: string,
  input: Omit<ReviewerRecord, 'roundId' | 'registeredAt'>,
  now = new Date(),
) {
  const round = await getRound(roundId);
  const record: ReviewerRecord = { ...input, roundId: round.id, registeredAt: now.toISOString() };
  await documentClient().send(
    new TransactWriteCommand({
      TransactItems: [
        {
          Put: {
            TableName: table(),
            Item: { ...keys.reviewer(roundId, input.reviewerId), type: 'reviewer', ...record },
          },
        },
        auditPut(
          table(),
          keys.round(roundId).pk,
          {
            action: 'reviewer.registered',
            actor: userActor(principal),
            reason: `${input.name}: expertise ${input.expertise.join(', ') || '—'}; affiliations ${input.affiliations.length}, declared conflicts ${input.conflicts.length}`,
            data: { reviewerId: input.reviewerId },
          },
          now,
        ),
      ],
    }),
  );
  return record;
}

export const listReviewers = (roundId: string) => loadReviewers(roundId);

async function allianceInputs(roundId: string) {
  const passed = (await loadScreenings(roundId)).filter((s) => s.decision?.outcome === 'pass');
  return Promise.all(
    passed.map(async (s) => {
      const loaded = await loadAllianceWithMembers(s.allianceId);
      return {
        id: s.allianceId,
        memberOrganisationIds: (loaded?.members ?? [])
          .filter((m) => m.state === 'confirmed')
          .map((m) => m.organisationId),
        sectors: loaded?.alliance.sectors ?? [],
      };
    }),
  );
}

const reviewerInput = (r: ReviewerRecord) => ({
  id: r.reviewerId,
  expertise: r.expertise,
  conflicts: [...new Set([...r.affiliations, ...r.conflicts])],
});

/** The current assignments, or (preview) what the assignment would be with the current reviewers. */
export async function assignments(roundId: string, preview: boolean, seed?: string) {
  const round = await getRound(roundId);
  if (!preview) return { preview: false, items: await loadAssignments(roundId) };
  const result = assignReviewers(
    (await loadReviewers(roundId)).map(reviewerInput),
    await allianceInputs(roundId),
    {
      perAlliance: round.reviewersPerAlliance,
      seed: seed ?? roundId,
    },
  );
  return { preview: true, seed: seed ?? roundId, ...result };
}

export async function myAssignments(principal: Principal) {
  const items = await queryAll({
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': indexKeys.reviewerAssignments(principal.sub) },
  });
  const mine = items.map((i) => stripKeys<AssignmentRecord>(i)).filter((a) => a.status === 'assigned');
  return {
    items: await Promise.all(
      mine.map(async (a) => {
        const [{ Item: review }, loaded] = await Promise.all([
          documentClient().send(
            new GetCommand({ TableName: table(), Key: keys.review(a.roundId, a.allianceId, a.reviewerId) }),
          ),
          loadAllianceWithMembers(a.allianceId),
        ]);
        return {
          roundId: a.roundId,
          allianceId: a.allianceId,
          name: loaded?.alliance.name,
          reviewed: Boolean(review),
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
  const { Item } = await documentClient().send(
    new GetCommand({
      TableName: table(),
      Key: keys.assignment(roundId, allianceId, principal.sub),
      ConsistentRead: true,
    }),
  );
  // Not assigned (or replaced): as far as this reviewer is concerned, it does not exist.
  if (Item?.status !== 'assigned') throw notFound(`assignment of alliance ${allianceId} in round ${roundId}`);
  return stripKeys<AssignmentRecord>(Item);
}

/** What a reviewer sees: the application, the rubric and their own review — never anyone else's. */
export async function readAssigned(principal: Principal, roundId: string, allianceId: string) {
  await myAssignment(principal, roundId, allianceId);
  const [loaded, round, { Item: review }] = await Promise.all([
    loadAllianceWithMembers(allianceId),
    getRound(roundId),
    documentClient().send(
      new GetCommand({ TableName: table(), Key: keys.review(roundId, allianceId, principal.sub) }),
    ),
  ]);
  if (!loaded) throw notFound(`alliance ${allianceId}`);
  return {
    alliance: { ...loaded.alliance, members: loaded.members.filter((m) => m.state === 'confirmed') },
    rubric: round.rubric,
    reviewDeadline: round.reviewDeadline,
    myReview: review ? stripKeys<ReviewRecord>(review) : undefined,
  };
}

async function allReviewsIn(roundId: string) {
  const [assigned, reviews] = await Promise.all([loadAssignments(roundId), loadReviews(roundId)]);
  const done = new Set(reviews.map((r) => `${r.allianceId}#${r.reviewerId}`));
  return assigned
    .filter((a) => a.status === 'assigned')
    .every((a) => done.has(`${a.allianceId}#${a.reviewerId}`));
}

export async function submitReview(
  principal: Principal,
  roundId: string,
  allianceId: string,
  input: { scores: Record<string, number>; comment: string; recommendation: string },
  lang: Lang,
  now = new Date(),
) {
  await myAssignment(principal, roundId, allianceId);
  const round = await getRound(roundId);
  const gate = await loadGate(roundId, 'review');
  if (gate?.status !== 'open')
    throw conflict({
      en: `round ${roundId} is not accepting reviews`,
      zh: `申报批次 ${roundId} 当前不接受评审意见`,
    });
  if (now.getTime() > Date.parse(round.reviewDeadline))
    throw conflict({
      en: `the review deadline ${round.reviewDeadline} has passed`,
      zh: `评审截止时间 ${round.reviewDeadline} 已过`,
    });
  const problems = validateScores(input.scores, round.rubric);
  if (problems.length) {
    throw new ApiError(
      400,
      'validation_failed',
      { summary: problems.map((p) => p.path).join(', ') },
      (l: Lang) => problems.map((p) => ({ path: `body.${p.path}`, code: 'rubric', message: p.message[l] })),
    );
  }
  void lang;
  const key = keys.review(roundId, allianceId, principal.sub);
  const { Item: previous } = await documentClient().send(
    new GetCommand({ TableName: table(), Key: key, ConsistentRead: true }),
  );
  const record: ReviewRecord = {
    roundId,
    allianceId,
    reviewerId: principal.sub,
    scores: input.scores,
    comment: input.comment,
    recommendation: input.recommendation,
    submittedAt: now.toISOString(),
    version: ((previous?.version as number | undefined) ?? 0) + 1,
  };
  try {
    await documentClient().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: table(),
              Item: { ...key, type: 'review', ...record },
              ConditionExpression: previous ? 'version = :v' : 'attribute_not_exists(pk)',
              ...(previous ? { ExpressionAttributeValues: { ':v': previous.version } } : {}),
            },
          },
          auditPut(
            table(),
            keys.alliance(allianceId).pk,
            {
              action: previous ? 'review.updated' : 'review.submitted',
              // The audit names the reviewer but not the scores: applicants read this trail.
              actor: userActor(principal),
              data: { roundId, version: record.version },
            },
            now,
          ),
        ],
      }),
    );
  } catch (error) {
    if (conditionFailed(error, 0))
      throw conflict({
        en: 'this review changed meanwhile; reload and retry',
        zh: '该评审意见已被修改，请刷新后重试',
      });
    throw error;
  }
  const complete = await allReviewsIn(roundId);
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
  const round = await getRound(roundId);
  const [reviewers, current, alliances] = await Promise.all([
    loadReviewers(roundId),
    loadAssignments(roundId),
    allianceInputs(roundId),
  ]);
  const me = reviewers.find((r) => r.reviewerId === principal.sub);
  const alliance = alliances.find((a) => a.id === allianceId);
  if (!me || !alliance) throw notFound(`assignment of alliance ${allianceId} in round ${roundId}`);
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
  await documentClient().send(
    new TransactWriteCommand({
      TransactItems: [
        {
          Put: {
            TableName: table(),
            Item: { ...keys.reviewer(roundId, me.reviewerId), type: 'reviewer', ...updatedMe },
          },
        },
        {
          Update: {
            TableName: table(),
            Key: keys.assignment(roundId, allianceId, principal.sub),
            UpdateExpression: 'SET #status = :replaced, replacedReason = :reason, replacedAt = :at',
            ConditionExpression: '#status = :assigned',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: {
              ':replaced': 'replaced',
              ':assigned': 'assigned',
              ':reason': input.reason,
              ':at': at,
            },
          },
        },
        ...added.map((p) => ({
          Put: {
            TableName: table(),
            Item: {
              ...keys.assignment(roundId, allianceId, p.reviewerId),
              type: 'assignment',
              gsi1pk: indexKeys.reviewerAssignments(p.reviewerId),
              gsi1sk: `${roundId}#${allianceId}`,
              roundId,
              allianceId,
              reviewerId: p.reviewerId,
              status: 'assigned',
              expertiseMatch: p.expertiseMatch ?? 0,
              assignedAt: at,
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        })),
        auditPut(
          table(),
          keys.round(roundId).pk,
          {
            action: 'review.conflict-declared',
            actor: userActor(principal),
            reason: input.reason,
            data: { allianceId, replacedBy: added.map((p) => p.reviewerId) },
          },
          now,
        ),
      ],
    }),
  );
  return { allianceId, replacedBy: added.map((p) => p.reviewerId), shortfall: added.length === 0 };
}

/** An admin ends the review period early; the pipeline proceeds with the reviews that are in. */
export async function closeReviews(principal: Principal, roundId: string, reason: string) {
  const completed = await completeGate(roundId, 'review', { closedEarly: true, reason }, principal.username);
  if (!completed) throw conflict(`round ${roundId} is not waiting for reviews`);
  return { roundId, closed: true };
}

export { conflicted };
