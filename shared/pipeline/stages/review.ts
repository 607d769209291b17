import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../../aws/clients.ts';
import { loadAllianceWithMembers } from '../../db/alliances.ts';
import { auditPut, systemActor } from '../../db/audit.ts';
import { indexKeys, keys } from '../../db/keys.ts';
import { loadAssignments, loadReviewers, loadReviews } from '../../db/reviews.ts';
import { loadScreenings } from '../../db/screening.ts';
import { conditionFailed, table } from '../../db/table.ts';
import { assignReviewers } from '../../domain/assignment.ts';
import { getRound } from '../../usecases/rounds.ts';
import { enterStage } from '../status.ts';
import { COMPONENT, setAllianceStatus } from './common.ts';

/** Reviewer assignment for the passed alliances: computed once, then kept. */
export async function assignRoundReviewers(roundId: string, executionId: string, now = new Date()) {
  const round = await getRound(roundId);
  const reviewTimeoutSeconds = Math.max(
    1,
    Math.floor((Date.parse(round.reviewDeadline) - now.getTime()) / 1000),
  );
  const existing = await loadAssignments(roundId);
  if (existing.length > 0)
    return {
      assigned: existing.filter((a) => a.status === 'assigned').length,
      shortfalls: 0,
      reviewTimeoutSeconds,
      reused: true,
    };

  const passed = (await loadScreenings(roundId)).filter((s) => s.decision?.outcome === 'pass');
  const reviewers = await loadReviewers(roundId);
  const alliances = await Promise.all(
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
  const seed = roundId;
  const result = assignReviewers(
    reviewers.map((r) => ({
      id: r.reviewerId,
      expertise: r.expertise,
      conflicts: [...new Set([...r.affiliations, ...r.conflicts])],
    })),
    alliances,
    { perAlliance: round.reviewersPerAlliance, seed },
  );
  const at = now.toISOString();
  for (const a of result.assignments) {
    try {
      await documentClient().send(
        new PutCommand({
          TableName: table(),
          Item: {
            ...keys.assignment(roundId, a.allianceId, a.reviewerId),
            type: 'assignment',
            gsi1pk: indexKeys.reviewerAssignments(a.reviewerId),
            gsi1sk: `${roundId}#${a.allianceId}`,
            roundId,
            allianceId: a.allianceId,
            reviewerId: a.reviewerId,
            status: 'assigned',
            expertiseMatch: a.expertiseMatch,
            assignedAt: at,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    } catch (error) {
      if (!conditionFailed(error)) throw error;
    }
  }
  for (const alliance of alliances)
    await setAllianceStatus(
      alliance.id,
      'in-review',
      ['submitted'],
      'passed screening; sent to the expert committee',
      executionId,
    );
  await documentClient().send(
    new PutCommand(
      auditPut(table(), keys.round(roundId).pk, {
        action: 'pipeline.reviewers-assigned',
        actor: systemActor(COMPONENT, executionId),
        reason: `${result.assignments.length} assignments for ${alliances.length} alliances and ${reviewers.length} reviewers, seed ${seed}`,
        data: { seed, loads: result.loads, balanced: result.balanced, shortfalls: result.shortfalls },
      }).Put!,
    ),
  );
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
  try {
    await documentClient().send(
      new UpdateCommand({
        TableName: table(),
        Key: keys.gate(roundId, 'review'),
        UpdateExpression: 'SET #status = :closed, closedAt = :at, closedBy = :by',
        ConditionExpression: '#status = :open',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':closed': 'closed',
          ':open': 'open',
          ':at': new Date().toISOString(),
          ':by': 'review deadline',
        },
      }),
    );
  } catch (error) {
    if (!conditionFailed(error)) throw error;
  }
  const [assignments, reviews] = await Promise.all([loadAssignments(roundId), loadReviews(roundId)]);
  const done = new Set(reviews.map((r) => `${r.allianceId}#${r.reviewerId}`));
  const missing = assignments.filter(
    (a) => a.status === 'assigned' && !done.has(`${a.allianceId}#${a.reviewerId}`),
  );
  const item = auditPut(table(), keys.round(roundId).pk, {
    action: 'pipeline.reviews-concluded',
    actor: systemActor(COMPONENT, executionId),
    reason: missing.length
      ? `${missing.length} assigned reviews missing; ranking proceeds with the ${reviews.length} submitted (each alliance's count is shown)`
      : `all ${reviews.length} assigned reviews are in`,
    data: { missing: missing.map((m) => ({ allianceId: m.allianceId, reviewerId: m.reviewerId })) },
  });
  await documentClient().send(new PutCommand(item.Put!));
  return { reviews: reviews.length, missing: missing.length };
}
