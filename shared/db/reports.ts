/**
 * Report deadlines (§4.4): DEADLINE items in the alliance's partition, one per report (annual,
 * completion) written at designation and one per inspection follow-up; gsi1 DEADLINES sorts them all
 * by due date (`<due>#<allianceId>#<kind>`), which the daily sweep and the inspection draw read.
 * A report deadline carries its report's status, the latest submission, the programme office's
 * latest decision and the status history. Reads by intent, and the items its use cases write
 * (the items designation writes are in designation.ts).
 */
import { type DeadlineKind, type DeadlineStatus, isReportKind } from '../domain/deadlines.ts';
import type { Report } from '../domain/model/report.ts';
import type { TxItem } from './commit.ts';
import { indexKeys, keys } from './keys.ts';
import { getItem, getRecord, queryAll, queryIndex, queryPrefix } from './query.ts';
import { stripKeys, table } from './table.ts';

export interface StatusChange {
  status: DeadlineStatus;
  at: string;
  by: string;
  reason?: string;
}

/** A report deadline as stored (without its table keys). */
export interface DeadlineItem {
  allianceId: string;
  roundId?: string;
  kind: DeadlineKind;
  due: string;
  year?: number;
  status: DeadlineStatus;
  version?: number;
  report?: Report['report'];
  review?: Report['review'];
  overdueAt?: string;
  escalatedAt?: string;
  statusHistory?: StatusChange[];
  createdAt?: string;
}

/** Any DEADLINE item (a report's or an inspection follow-up's), as far as every kind shares it. */
export interface AnyDeadline {
  allianceId: string;
  kind: string;
  due: string;
  status: string;
}

// --- Reads ---------------------------------------------------------------------------------------

/** One report deadline (consistent read), or undefined. */
export const loadDeadline = (allianceId: string, kind: DeadlineKind, due: string) =>
  getRecord<DeadlineItem>(keys.deadline(allianceId, kind, due));

/** An alliance's report deadlines, by due date (an inspection's follow-up is not a report). */
export async function listReportDeadlines(allianceId: string): Promise<DeadlineItem[]> {
  const { pk, skPrefix } = keys.allianceDeadlines(allianceId);
  const items = await queryPrefix(pk, skPrefix);
  return items.filter((i) => isReportKind(i.kind)).map((i) => stripKeys<DeadlineItem>(i));
}

/**
 * The report deadlines due in the sweep's window that are still to be chased (due, returned or
 * overdue; submitted and accepted ones need nothing from the sweep): one range read of gsi1
 * DEADLINES by due date, never a Scan.
 */
export async function listDeadlinesDue(window: { from: string; to: string }): Promise<DeadlineItem[]> {
  const items = await queryAll({
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk BETWEEN :from AND :to',
    FilterExpression: '#status IN (:due, :returned, :overdue)',
    ExpressionAttributeNames: { '#status': 'status' },
    ExpressionAttributeValues: {
      ':pk': indexKeys.deadlines(),
      ':from': window.from,
      // '~' sorts after every character of `<due>#<allianceId>#<kind>`: the whole last day is included.
      ':to': `${window.to}#~`,
      ':due': 'due',
      ':returned': 'returned',
      ':overdue': 'overdue',
    },
  });
  return items.filter((i) => isReportKind(i.kind)).map((i) => stripKeys<DeadlineItem>(i));
}

/** Every DEADLINE item of every designated alliance (gsi1 DEADLINES, one Query). */
export async function listAllDeadlines(): Promise<AnyDeadline[]> {
  const items = await queryIndex<AnyDeadline>('gsi1', indexKeys.deadlines());
  return items.filter((d) => typeof d.allianceId === 'string');
}

/** What the sweep's messages say of an alliance: its name and its confirmed member organisations. */
export async function loadSweepAlliance(allianceId: string): Promise<{ name?: string; memberIds: string[] }> {
  const [members, alliance] = await Promise.all([
    queryAll({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :member)',
      ExpressionAttributeValues: { ':pk': keys.alliance(allianceId).pk, ':member': 'MEMBER#' },
    }),
    getItem(keys.alliance(allianceId)),
  ]);
  return {
    memberIds: members.filter((m) => m.state === 'confirmed').map((m) => m.organisationId as string),
    ...(typeof alliance?.name === 'string' ? { name: alliance.name } : {}),
  };
}

// --- Items to write ------------------------------------------------------------------------------

export interface ReportTransition {
  from: readonly DeadlineStatus[];
  to: DeadlineStatus;
  /** The status history's entry (who, when, why). */
  change: StatusChange;
  /** Optimistic concurrency: the version the caller saw (absent on a stored item = 1). */
  version?: number;
  /** Further attributes to set (names are attribute names). */
  set?: Record<string, unknown>;
}

/**
 * Moves a report deadline from one of `from` to `to`: bumps its version, stamps updatedAt and
 * appends to statusHistory. The condition fails when the status (or the version sent) no longer holds.
 */
export function reportTransitionUpdate(
  d: { allianceId: string; kind: DeadlineKind; due: string },
  t: ReportTransition,
): TxItem {
  const values: Record<string, unknown> = {
    ':to': t.to,
    ':one': 1,
    ':change': [t.change],
    ':empty': [],
    ':at': t.change.at,
  };
  const fromNames = t.from.map((s, i) => {
    values[`:from${i}`] = s;
    return `:from${i}`;
  });
  const sets = [
    '#status = :to',
    'version = if_not_exists(version, :one) + :one',
    'statusHistory = list_append(if_not_exists(statusHistory, :empty), :change)',
    'updatedAt = :at',
    ...Object.entries(t.set ?? {}).map(([name, value], i) => {
      values[`:s${i}`] = value;
      return `${name} = :s${i}`;
    }),
  ];
  let version = '';
  if (t.version !== undefined) {
    values[':v'] = t.version;
    version = t.version === 1 ? ' AND (attribute_not_exists(version) OR version = :v)' : ' AND version = :v';
  }
  return {
    Update: {
      TableName: table(),
      Key: keys.deadline(d.allianceId, d.kind, d.due),
      UpdateExpression: `SET ${sets.join(', ')}`,
      ConditionExpression: `#status IN (${fromNames.join(', ')})${version}`,
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: values,
    },
  };
}

/** The sweep's overdue transition: only from the status planned, and only once the due date has passed. */
export function overdueUpdate(
  d: { allianceId: string; kind: DeadlineKind; due: string },
  from: DeadlineStatus,
  today: string,
  change: StatusChange,
): TxItem {
  return {
    Update: {
      TableName: table(),
      Key: keys.deadline(d.allianceId, d.kind, d.due),
      UpdateExpression:
        'SET #status = :overdue, overdueAt = :at, updatedAt = :at, version = if_not_exists(version, :one) + :one, statusHistory = list_append(if_not_exists(statusHistory, :empty), :change)',
      ConditionExpression: '#status = :from AND due < :today',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':overdue': 'overdue',
        ':from': from,
        ':today': today,
        ':at': change.at,
        ':one': 1,
        ':empty': [],
        ':change': [change],
      },
    },
  };
}

/** The sweep's escalation marker: set once, on an overdue report. */
export function escalatedUpdate(
  d: { allianceId: string; kind: DeadlineKind; due: string },
  at: string,
): TxItem {
  return {
    Update: {
      TableName: table(),
      Key: keys.deadline(d.allianceId, d.kind, d.due),
      UpdateExpression: 'SET escalatedAt = :at, updatedAt = :at',
      ConditionExpression: 'attribute_not_exists(escalatedAt) AND #status = :overdue',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':at': at, ':overdue': 'overdue' },
    },
  };
}

export { allianceAudit } from './audit.ts';
