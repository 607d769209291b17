import { setAllianceStatus } from '../../../db/alliance-status.ts';
import { loadAlliance } from '../../../db/alliances.ts';
import { roundAudit } from '../../../db/audit.ts';
import { commitFirstTime, putItem } from '../../../db/commit.ts';
import { closeOpenGate } from '../../../db/gates.ts';
import { enterStage, stepDone, stepDonePut } from '../../../db/pipeline.ts';
import {
  assignmentPut,
  loadAssignments,
  loadMissingReviews,
  loadPassedAlliances,
  loadReviewers,
  reviewerInput,
  reviewsConcludedAudit,
} from '../../../db/reviews.ts';
import { systemActor } from '../../../domain/actors.ts';
import { assignReviewers } from '../../../domain/assignment.ts';
import { reviewerAssignedDraft } from '../../../domain/notify-events.ts';
import { PIPELINE_COMPONENT as COMPONENT } from '../../../domain/pipeline.ts';
import { writeNotification } from '../../notifications.ts';
import { getRound } from '../../rounds.ts';
import { eachLimited, PAGE_CONCURRENCY } from '../paging.ts';

/** Reviewer assignment for the passed alliances: computed once, then kept. */
export async function assignRoundReviewers(roundId: string, executionId: string, now = new Date()) {
  const round = await getRound(roundId);
  const reviewTimeoutSeconds = Math.max(
    1,
    Math.floor((Date.parse(round.reviewDeadline) - now.getTime()) / 1000),
  );
  if (await stepDone(roundId, 'assign-reviewers')) {
    const existing = await loadAssignments(roundId);
    return {
      assigned: existing.filter((a) => a.status === 'assigned').length,
      shortfalls: 0,
      reviewTimeoutSeconds,
      reused: true,
    };
  }
  // Not finished before (or never started): the seeded assignment of the same inputs is the same,
  // and every write below is once-only, so a run cut short is completed without duplicates.
  const alliances = await loadPassedAlliances(roundId);
  const reviewers = await loadReviewers(roundId);
  const seed = roundId;
  const result = assignReviewers(reviewers.map(reviewerInput), alliances, {
    perAlliance: round.reviewersPerAlliance,
    seed,
  });
  const at = now.toISOString();
  // Each written once: a retry after a partial run keeps what is there.
  for (const a of result.assignments)
    await putItem(assignmentPut(roundId, a.allianceId, a.reviewerId, a.expertiseMatch, at).Put);
  // Each reviewer is told of each assignment, once (before the step is marked done, so a run cut
  // short tells the rest on its re-run). The step is not paged: its writes grow with the round.
  await notifyAssignments(roundId, result.assignments, now);
  for (const alliance of alliances)
    await setAllianceStatus(
      alliance.id,
      'in-review',
      ['submitted'],
      'passed screening; sent to the expert committee',
      executionId,
    );
  await commitFirstTime([
    stepDonePut(roundId, 'assign-reviewers', executionId, now),
    roundAudit(roundId, {
      action: 'pipeline.reviewers-assigned',
      actor: systemActor(COMPONENT, executionId),
      reason: `${result.assignments.length} assignments for ${alliances.length} alliances and ${reviewers.length} reviewers, seed ${seed}`,
      data: { seed, loads: result.loads, balanced: result.balanced, shortfalls: result.shortfalls },
    }),
  ]);
  await enterStage({
    roundId,
    stage: 'review',
    by: COMPONENT,
    waitingOn: 'reviewers: all assigned reviews, or the review deadline',
  });
  return {
    assigned: result.assignments.length,
    shortfalls: result.shortfalls.length,
    reviewTimeoutSeconds,
    reused: false,
  };
}

/** After the review gate: what is missing is recorded; the round proceeds with the reviews it has. */
export async function concludeReviews(roundId: string, executionId: string) {
  // If the deadline ended the wait, the gate is still open: close it, so no review arrives after ranking.
  await closeOpenGate(roundId, 'review', 'review deadline');
  const { reviews, missing } = await loadMissingReviews(roundId);
  await commitFirstTime([
    stepDonePut(roundId, 'conclude-reviews', executionId),
    reviewsConcludedAudit(roundId, systemActor(COMPONENT, executionId), missing, reviews.length),
  ]);
  return { reviews: reviews.length, missing: missing.length };
}

/** One reviewer-assigned notification per assignment (alliance names read once per alliance). */
export async function notifyAssignments(
  roundId: string,
  assignments: readonly { allianceId: string; reviewerId: string }[],
  now: Date,
) {
  const ids = [...new Set(assignments.map((a) => a.allianceId))];
  const names = new Map<string, string>();
  await eachLimited(ids, PAGE_CONCURRENCY, async (id) => {
    names.set(id, (await loadAlliance(id))?.name ?? id);
  });
  await eachLimited(assignments, PAGE_CONCURRENCY, (a) =>
    writeNotification(
      reviewerAssignedDraft(
        roundId,
        { allianceId: a.allianceId, allianceName: names.get(a.allianceId) ?? a.allianceId },
        a.reviewerId,
      ),
      now,
    ),
  );
}
