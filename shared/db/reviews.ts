/**
 * The expert committee's records of a round: reviewers, assignments and reviews (all in the round's
 * partition; gsi1 lists a reviewer's assignments across rounds). Reads by intent, and the items the
 * review use cases and pipeline stages write.
 */
import type { Actor } from '../domain/actors.ts';
import type { AllianceInput, ReviewerInput } from '../domain/assignment.ts';
import type { AssignmentRecord, ReviewerRecord, ReviewRecord } from '../domain/records.ts';
import { loadAllianceWithMembers } from './alliances.ts';
import { roundAudit } from './audit.ts';
import { indexKeys, keys } from './keys.ts';
import { getItems, getRecord, queryIndex, queryPrefix } from './query.ts';
import { inRequest } from './request-scope.ts';
import { loadScreenings } from './screening.ts';
import { stripKeys, table } from './table.ts';

export type { AssignmentRecord, ReviewerRecord, ReviewRecord } from '../domain/records.ts';

// --- Reads ---------------------------------------------------------------------------------------

const inRound = (roundId: string, prefix: string) => queryPrefix(keys.round(roundId).pk, prefix);

export const loadReviewers = async (roundId: string) =>
  (await inRound(roundId, 'REVIEWER#')).map((i) => stripKeys<ReviewerRecord>(i));
export const loadAssignments = async (roundId: string) =>
  (await inRound(roundId, 'ASSIGN#')).map((i) => stripKeys<AssignmentRecord>(i));
export const loadReviews = async (roundId: string) =>
  (await inRound(roundId, 'REVIEW#')).map((i) => stripKeys<ReviewRecord>(i));

/** One reviewer's assignment to one alliance (consistent read), or undefined. */
export const loadAssignment = (roundId: string, allianceId: string, reviewerId: string) =>
  getRecord<AssignmentRecord>(keys.assignment(roundId, allianceId, reviewerId));

/**
 * Within an HTTP request: the items a reviewer's request about one assignment reads — the
 * assignment, the round, the review gate and the reviewer's review — in one consistent BatchGet,
 * so the use case's reads of each (by key) are answered from it (request-scope.ts). Outside a
 * request (no memo) it reads nothing.
 */
export async function prefetchAssignment(roundId: string, allianceId: string, reviewerId: string) {
  if (!inRequest()) return;
  await getItems([
    keys.assignment(roundId, allianceId, reviewerId),
    keys.round(roundId),
    keys.gate(roundId, 'review'),
    keys.review(roundId, allianceId, reviewerId),
  ]);
}

/**
 * For a reviewer's assignment list: each one's review (when `withReview`) and its alliance's name,
 * in BatchGets of up to 100 keys (one for a reviewer's usual handful), not a read per assignment.
 */
export async function reviewsAndAllianceNames(
  list: { roundId: string; allianceId: string; reviewerId: string; withReview: boolean }[],
): Promise<{ review: ReviewRecord | undefined; name: string | undefined }[]> {
  const wanted = list.flatMap((a) => [
    keys.alliance(a.allianceId),
    ...(a.withReview ? [keys.review(a.roundId, a.allianceId, a.reviewerId)] : []),
  ]);
  const found: (Record<string, unknown> | undefined)[] = [];
  for (let i = 0; i < wanted.length; i += 100) found.push(...(await getItems(wanted.slice(i, i + 100))));
  let at = 0;
  return list.map((a) => {
    const head = found[at++];
    const review = a.withReview ? found[at++] : undefined;
    return {
      name: head?.name as string | undefined,
      review: review ? stripKeys<ReviewRecord>(review) : undefined,
    };
  });
}

/** One reviewer's review of one alliance, or undefined. */
export const loadReview = (roundId: string, allianceId: string, reviewerId: string) =>
  getRecord<ReviewRecord>(keys.review(roundId, allianceId, reviewerId));

/** A reviewer's assignments across rounds (replaced ones included). */
export const loadReviewerAssignments = (reviewerId: string) =>
  queryIndex<AssignmentRecord>('gsi1', indexKeys.reviewerAssignments(reviewerId));

/** The alliances that passed screening, as the assignment sees them: confirmed members and sectors. */
export async function loadPassedAlliances(roundId: string): Promise<AllianceInput[]> {
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

/** A registered reviewer as the assignment sees them: affiliations count as conflicts. */
export const reviewerInput = (r: ReviewerRecord): ReviewerInput => ({
  id: r.reviewerId,
  expertise: r.expertise,
  conflicts: [...new Set([...r.affiliations, ...r.conflicts])],
});

/** The round's submitted reviews, and the active assignments that have none yet. */
export async function loadMissingReviews(roundId: string) {
  const [assignments, reviews] = await Promise.all([loadAssignments(roundId), loadReviews(roundId)]);
  const done = new Set(reviews.map((r) => `${r.allianceId}#${r.reviewerId}`));
  const missing = assignments.filter(
    (a) => a.status === 'assigned' && !done.has(`${a.allianceId}#${a.reviewerId}`),
  );
  return { reviews, missing };
}

// --- Items to write ------------------------------------------------------------------------------

/** A reviewer's registration (or its update, e.g. with a newly declared conflict). */
export function reviewerPut(record: ReviewerRecord) {
  return {
    Put: {
      TableName: table(),
      Item: { ...keys.reviewer(record.roundId, record.reviewerId), type: 'reviewer', ...record },
    },
  };
}

/** A new assignment of a reviewer to an alliance (never overwrites one). */
export function assignmentPut(
  roundId: string,
  allianceId: string,
  reviewerId: string,
  expertiseMatch: number,
  at: string,
) {
  return {
    Put: {
      TableName: table(),
      Item: {
        ...keys.assignment(roundId, allianceId, reviewerId),
        type: 'assignment',
        gsi1pk: indexKeys.reviewerAssignments(reviewerId),
        gsi1sk: `${roundId}#${allianceId}`,
        roundId,
        allianceId,
        reviewerId,
        status: 'assigned',
        expertiseMatch,
        assignedAt: at,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

/** An active assignment marked replaced (after a declared conflict), with why and when. */
export function assignmentReplacedUpdate(
  roundId: string,
  allianceId: string,
  reviewerId: string,
  reason: string,
  at: string,
) {
  return {
    Update: {
      TableName: table(),
      Key: keys.assignment(roundId, allianceId, reviewerId),
      UpdateExpression: 'SET #status = :replaced, replacedReason = :reason, replacedAt = :at',
      ConditionExpression: '#status = :assigned',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':replaced': 'replaced',
        ':assigned': 'assigned',
        ':reason': reason,
        ':at': at,
      },
    },
  };
}

/** The assignment is still active (not replaced): a first review counts only then. */
export function assignmentActiveCheck(roundId: string, allianceId: string, reviewerId: string) {
  return {
    ConditionCheck: {
      TableName: table(),
      Key: keys.assignment(roundId, allianceId, reviewerId),
      ConditionExpression: '#status = :assigned',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':assigned': 'assigned' },
    },
  };
}

/** The reviewer's review of the alliance is in (`present`) or not, as read: the tally's deltas rely on it. */
export function reviewPresenceCheck(
  roundId: string,
  allianceId: string,
  reviewerId: string,
  present: boolean,
) {
  return {
    ConditionCheck: {
      TableName: table(),
      Key: keys.review(roundId, allianceId, reviewerId),
      ConditionExpression: present ? 'attribute_exists(pk)' : 'attribute_not_exists(pk)',
    },
  };
}

/** A review, first written or updated over `previous` (optimistic: the version must not have moved). */
export function reviewPut(record: ReviewRecord, previous: ReviewRecord | undefined) {
  return {
    Put: {
      TableName: table(),
      Item: {
        ...keys.review(record.roundId, record.allianceId, record.reviewerId),
        type: 'review',
        ...record,
      },
      ConditionExpression: previous ? 'version = :v' : 'attribute_not_exists(pk)',
      ...(previous ? { ExpressionAttributeValues: { ':v': previous.version } } : {}),
    },
  };
}

/** The round's record of how the review period ended: which assigned reviews are missing. */
export function reviewsConcludedAudit(
  roundId: string,
  actor: Actor,
  missing: readonly AssignmentRecord[],
  submitted: number,
) {
  return roundAudit(roundId, {
    action: 'pipeline.reviews-concluded',
    actor,
    reason: missing.length
      ? `${missing.length} assigned reviews missing; ranking proceeds with the ${submitted} submitted (each alliance's count is shown)`
      : `all ${submitted} assigned reviews are in`,
    // At most 100 pairs on the audit record (an item must not grow with the round); the assignments
    // themselves say which reviews are missing.
    data: {
      missingCount: missing.length,
      missing: missing.slice(0, 100).map((m) => ({ allianceId: m.allianceId, reviewerId: m.reviewerId })),
    },
  });
}
