/**
 * What designation (确定支持对象) writes: an alliance's AWARD with its dedicated account (budget lines
 * and their balances), its report DEADLINE items, the round's `funded` status; and the alliance
 * status changes the round pipeline makes (in-review, selected, designated…) with their audit records.
 */
import { systemActor } from '../domain/actors.ts';
import { PIPELINE_COMPONENT } from '../domain/pipeline.ts';
import type { TxItem } from './commit.ts';
import { indexKeys, keys } from './keys.ts';
import { roundAudit } from './rounds.ts';
import { table } from './table.ts';

/** A Put of a new item (its condition fails when the item exists): a transaction item or a single write. */
interface NewItemPut {
  TableName: string;
  Item: Record<string, unknown>;
  ConditionExpression: string;
}

export interface AwardGrant {
  roundId: string;
  allianceId: string;
  amount: number;
  requested: number;
  rank: number;
  /** The award split over the alliance's budget lines. */
  lines: { lineId: string; category: string; allocation: number }[];
  designatedAt: string;
}

/** The AWARD item: the amount, its budget lines and the dedicated account's opening balances (once). */
export function awardPut(grant: AwardGrant): NewItemPut {
  return {
    TableName: table(),
    Item: {
      ...keys.award(grant.allianceId),
      type: 'award',
      roundId: grant.roundId,
      allianceId: grant.allianceId,
      amount: grant.amount,
      requested: grant.requested,
      rank: grant.rank,
      lines: grant.lines.map((l) => ({ ...l, spent: 0 })),
      designatedAt: grant.designatedAt,
      ledger: { status: 'open', spent: 0 },
      // Remaining money per line and in total: the ledger's conditional writes compare against these
      // (DynamoDB conditions cannot add, so balances are kept, not derived).
      balances: Object.fromEntries(grant.lines.map((l) => [l.lineId, l.allocation])),
      balance: grant.amount,
    },
    ConditionExpression: 'attribute_not_exists(pk)',
  };
}

/**
 * A DEADLINE item of a designated alliance (once; gsi1 lists every deadline by due date): a report
 * deadline, or an inspection's follow-up (with its further attributes). Without a round, no roundId.
 */
export function deadlinePut(
  roundId: string | undefined,
  allianceId: string,
  deadline: { kind: string; due: string; [attribute: string]: unknown },
  createdAt: string,
): NewItemPut {
  return {
    TableName: table(),
    Item: {
      ...keys.deadline(allianceId, deadline.kind, deadline.due),
      type: 'deadline',
      gsi1pk: indexKeys.deadlines(),
      gsi1sk: `${deadline.due}#${allianceId}#${deadline.kind}`,
      ...(roundId ? { roundId } : {}),
      allianceId,
      ...deadline,
      status: 'due',
      createdAt,
    },
    ConditionExpression: 'attribute_not_exists(pk)',
  };
}

/** The round becomes funded (the first item's condition fails when it already is), with its audit record. */
export function roundFundedItems(roundId: string, executionId: string, now: Date): TxItem[] {
  return [
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
    roundAudit(
      roundId,
      {
        action: 'round.funded',
        actor: systemActor(PIPELINE_COMPONENT, executionId),
        reason: 'every remaining selected alliance is designated and funded',
      },
      now,
    ),
  ];
}
