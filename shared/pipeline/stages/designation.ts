import { PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../../aws/clients.ts';
import { loadAllianceWithMembers } from '../../db/alliances.ts';
import { auditPut, systemActor } from '../../db/audit.ts';
import { indexKeys, keys } from '../../db/keys.ts';
import { fundedIds, loadSelection } from '../../db/selection.ts';
import { conditionFailed, table } from '../../db/table.ts';
import { allocateAward, implementationDeadlines } from '../../domain/award.ts';
import { TaskError } from '../../errors.ts';
import { enterStage } from '../status.ts';
import { COMPONENT, setAllianceStatus } from './common.ts';

export async function listDesignated(roundId: string) {
  const selection = await loadSelection(roundId);
  if (!selection) throw new TaskError('SelectionNotApproved', `round ${roundId}: no selection`);
  const allianceIds = fundedIds(selection);
  await enterStage({ roundId, stage: 'designation', by: COMPONENT });
  return { allianceIds, count: allianceIds.length };
}

/** Designates one alliance: its award, its dedicated account (budget lines) and its deadlines (once). */
export async function designate(roundId: string, allianceId: string, executionId: string, now = new Date()) {
  const selection = await loadSelection(roundId);
  const row = selection?.approved?.result.rows.find((r) => r.allianceId === allianceId && r.funded);
  if (!selection || !row || !fundedIds(selection).includes(allianceId)) {
    throw new TaskError(
      'NotSelected',
      `alliance ${allianceId} is not in the approved selection of ${roundId}`,
    );
  }
  const loaded = await loadAllianceWithMembers(allianceId);
  if (!loaded) throw new TaskError('AllianceNotFound', `alliance ${allianceId}`);
  const { alliance } = loaded;
  const at = now.toISOString();
  const lines = allocateAward(alliance.budgetLines ?? [], row.award);
  const deadlines = alliance.period ? implementationDeadlines(alliance.period) : [];
  try {
    await documentClient().send(
      new PutCommand({
        TableName: table(),
        Item: {
          ...keys.award(allianceId),
          type: 'award',
          roundId,
          allianceId,
          amount: row.award,
          requested: row.requested,
          rank: row.rank,
          lines: lines.map((l) => ({ ...l, spent: 0 })),
          designatedAt: at,
          ledger: { status: 'open', spent: 0 },
          // Remaining money per line and in total: the ledger's conditional writes compare against these
          // (DynamoDB conditions cannot add, so balances are kept, not derived).
          balances: Object.fromEntries(lines.map((l) => [l.lineId, l.allocation])),
          balance: row.award,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  } catch (error) {
    if (conditionFailed(error)) return { allianceId, designated: true, reused: true };
    throw error;
  }
  for (const d of deadlines) {
    try {
      await documentClient().send(
        new PutCommand({
          TableName: table(),
          Item: {
            ...keys.deadline(allianceId, d.kind, d.due),
            type: 'deadline',
            gsi1pk: indexKeys.deadlines(),
            gsi1sk: `${d.due}#${allianceId}#${d.kind}`,
            roundId,
            allianceId,
            ...d,
            status: 'due',
            createdAt: at,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    } catch (error) {
      if (!conditionFailed(error)) throw error;
    }
  }
  await setAllianceStatus(
    allianceId,
    'designated',
    ['selected'],
    `designated with an award of ¥${row.award}`,
    executionId,
  );
  return { allianceId, designated: true, reused: false };
}

export async function completeDesignation(roundId: string, executionId: string, now = new Date()) {
  try {
    await documentClient().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: table(),
              Key: keys.round(roundId),
              UpdateExpression: 'SET #status = :funded, fundedAt = :at, version = version + :one',
              ConditionExpression: '#status <> :funded',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: { ':funded': 'funded', ':at': now.toISOString(), ':one': 1 },
            },
          },
          auditPut(
            table(),
            keys.round(roundId).pk,
            {
              action: 'round.funded',
              actor: systemActor(COMPONENT, executionId),
              reason: 'every remaining selected alliance is designated and funded',
            },
            now,
          ),
        ],
      }),
    );
  } catch (error) {
    if (!conditionFailed(error, 0)) throw error;
  }
  await enterStage({ roundId, stage: 'implementation', status: 'SUCCEEDED', by: COMPONENT });
  return { roundId, funded: true };
}
