/** Screening (科协把关, §2.2.3): the automatic findings, and an admin's pass/reject with a reason for each. */
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../aws/clients.ts';
import { allianceStatusUpdate } from '../db/alliance-status.ts';
import { auditPut, userActor } from '../db/audit.ts';
import { keys } from '../db/keys.ts';
import { loadScreening, loadScreenings } from '../db/screening.ts';
import { conditionFailed, table } from '../db/table.ts';
import type { Principal } from '../http/auth.ts';
import { conflict, notFound } from '../http/errors.ts';
import { completeGate, loadGate } from './gates.ts';

export async function listScreening(roundId: string) {
  const [records, gate] = await Promise.all([loadScreenings(roundId), loadGate(roundId, 'screening')]);
  return {
    gate: gate?.status ?? 'not-reached',
    decided: records.filter((r) => r.decision).length,
    total: records.length,
    items: records,
  };
}

/**
 * Records a decision (a pass or a reject, always with a reason) and the alliance's resulting
 * status, in one transaction. When every alliance of the round is decided, the pipeline moves on.
 */
export async function decide(
  principal: Principal,
  roundId: string,
  allianceId: string,
  decision: { outcome: 'pass' | 'reject'; reason: string },
  now = new Date(),
) {
  const record = await loadScreening(allianceId);
  if (!record || record.roundId !== roundId)
    throw notFound(`screening record of alliance ${allianceId} in round ${roundId}`);
  const gate = await loadGate(roundId, 'screening');
  if (gate?.status !== 'open')
    throw conflict({
      en: `round ${roundId} is not waiting for screening decisions`,
      zh: `申报批次 ${roundId} 当前不在等待审查决定`,
    });
  const at = now.toISOString();
  const by = `${principal.username} (${principal.sub})`;
  const status = decision.outcome === 'pass' ? 'submitted' : 'rejected';
  try {
    await documentClient().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: table(),
              Key: keys.screening(allianceId),
              UpdateExpression: 'SET decision = :decision',
              ConditionExpression: 'attribute_exists(pk)',
              ExpressionAttributeValues: { ':decision': { ...decision, by, at } },
            },
          },
          // A pass keeps it 'submitted' until reviewers are assigned; a reject is final. Both are recorded.
          allianceStatusUpdate({
            allianceId,
            to: status,
            from: ['submitted', 'rejected'],
            at,
            by,
            reason: `screening ${decision.outcome}: ${decision.reason}`,
            set: { screening: { outcome: decision.outcome, reason: decision.reason, at } },
          }),
          auditPut(
            table(),
            keys.alliance(allianceId).pk,
            {
              action: `screening.${decision.outcome}`,
              actor: userActor(principal),
              reason: decision.reason,
              data: { roundId, eligible: record.findings.eligible, failing: record.findings.failing },
            },
            now,
          ),
        ],
      }),
    );
  } catch (error) {
    if (conditionFailed(error)) throw conflict(`alliance ${allianceId} can no longer be screened`);
    throw error;
  }
  const all = await loadScreenings(roundId);
  const pending = all.filter((r) => !r.decision).length;
  let completed = false;
  if (pending === 0) {
    completed = await completeGate(
      roundId,
      'screening',
      {
        passed: all.filter((r) => r.decision?.outcome === 'pass').length,
        rejected: all.filter((r) => r.decision?.outcome === 'reject').length,
      },
      by,
    );
  }
  return { allianceId, outcome: decision.outcome, pending, screeningComplete: completed };
}

/** For a round with nothing (left) to decide: moves the pipeline on explicitly. */
export async function completeScreening(principal: Principal, roundId: string) {
  const all = await loadScreenings(roundId);
  const pending = all.filter((r) => !r.decision);
  if (pending.length)
    throw conflict(
      `${pending.length} alliance(s) still need a decision: ${pending.map((p) => p.allianceId).join(', ')}`,
    );
  const completed = await completeGate(
    roundId,
    'screening',
    { passed: all.filter((r) => r.decision?.outcome === 'pass').length },
    principal.username,
  );
  if (!completed)
    throw conflict({
      en: `round ${roundId} is not waiting for screening decisions`,
      zh: `申报批次 ${roundId} 当前不在等待审查决定`,
    });
  return { roundId, screeningComplete: true };
}
