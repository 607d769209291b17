/**
 * Reports (§4.4): each report deadline of a designated alliance (DEADLINE items written at
 * designation) carries its report's status, the latest submission, the programme office's latest
 * decision and the status history. Members submit (from due, overdue or returned), admins accept
 * or return with comments. Every change writes its audit record, in the alliance's partition, in
 * the same transaction; the people concerned are told through the notifications outbox.
 *
 * The daily deadline sweep (runDeadlineSweep) applies the pure plan of shared/domain/deadlines.ts:
 * reminders, the overdue transition and escalation, each idempotent on its own.
 */
import {
  GetCommand,
  QueryCommand,
  type QueryCommandOutput,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import type { Member } from '../api/alliances.ts';
import type { DocumentRecord } from '../api/documents.ts';
import type { Report } from '../api/reports.ts';
import { documentClient } from '../aws/clients.ts';
import { type Actor, auditPut, systemActor, userActor } from '../db/audit.ts';
import { indexKeys, keys } from '../db/keys.ts';
import { conditionFailed, stripKeys, table } from '../db/table.ts';
import {
  cstDate,
  type DeadlineKind,
  type DeadlineRef,
  type DeadlineStatus,
  deadlineOccasion,
  draft,
  isReportKind,
  parseReportId,
  planSweep,
  reportIdOf,
  type SweepConfig,
  type SweepDeadline,
  sweepWindow,
} from '../domain/deadlines.ts';
import type { Principal } from '../http/auth.ts';
import { ApiError, conflict, notFound, versionConflict } from '../http/errors.ts';
import { accessAlliance } from './alliances.ts';
import { writeNotification } from './notifications.ts';

interface StatusChange {
  status: DeadlineStatus;
  at: string;
  by: string;
  reason?: string;
}

interface DeadlineItem {
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

const byWhom = (p: Principal) => `${p.username} (${p.sub})`;

function present(d: DeadlineItem): Report {
  return {
    id: reportIdOf(d),
    allianceId: d.allianceId,
    ...(d.roundId ? { roundId: d.roundId } : {}),
    kind: d.kind,
    ...(d.year !== undefined ? { year: d.year } : {}),
    due: d.due,
    status: d.status,
    version: d.version ?? 1,
    ...(d.report ? { report: d.report } : {}),
    ...(d.review ? { review: d.review } : {}),
    ...(d.overdueAt ? { overdueAt: d.overdueAt } : {}),
    ...(d.escalatedAt ? { escalatedAt: d.escalatedAt } : {}),
    statusHistory:
      d.statusHistory ??
      (d.createdAt ? [{ status: 'due', at: d.createdAt, by: 'system (designation)' }] : []),
  };
}

async function queryAll(input: ConstructorParameters<typeof QueryCommand>[0]) {
  const items: Record<string, unknown>[] = [];
  let startKey: QueryCommandOutput['LastEvaluatedKey'];
  do {
    const page = await documentClient().send(
      new QueryCommand({ ...input, ...(startKey ? { ExclusiveStartKey: startKey } : {}) }),
    );
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
}

async function loadDeadline(allianceId: string, reportId: string): Promise<DeadlineItem> {
  const ref = parseReportId(reportId);
  if (!ref) throw notFound(`report ${reportId} of alliance ${allianceId}`);
  const { Item } = await documentClient().send(
    new GetCommand({
      TableName: table(),
      Key: keys.deadline(allianceId, ref.kind, ref.due),
      ConsistentRead: true,
    }),
  );
  if (!Item) throw notFound(`report ${reportId} of alliance ${allianceId}`);
  return stripKeys<DeadlineItem>(Item);
}

/** Every report deadline of an alliance, by due date, with status and report (members and admins). */
export async function listReports(principal: Principal, allianceId: string) {
  await accessAlliance(principal, allianceId);
  const { pk, skPrefix } = keys.allianceDeadlines(allianceId);
  const items = await queryAll({
    TableName: table(),
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': pk, ':prefix': skPrefix },
    ConsistentRead: true,
  });
  // Report deadlines only: other DEADLINE items (an inspection's follow-up) are not reports.
  return {
    items: items.filter((i) => isReportKind(i.kind)).map((i) => present(stripKeys<DeadlineItem>(i))),
  };
}

function invalidReport(problems: { path: string; code: string; message: string }[]): ApiError {
  return new ApiError(422, 'rule_violation', { rules: problems.map((p) => p.code).join(', ') }, problems);
}

/** The condition on the deadline's version when the caller sent one (absent version = 1). */
function versionCondition(version: number | undefined, values: Record<string, unknown>): string {
  if (version === undefined) return '';
  values[':v'] = version;
  return version === 1 ? ' AND (attribute_not_exists(version) OR version = :v)' : ' AND version = :v';
}

/**
 * Moves a deadline from one of `from` to `to` with its history entry and audit record in one
 * transaction. 409 when the status (or the version sent) no longer holds.
 */
async function transition(
  deadline: DeadlineItem,
  options: {
    from: DeadlineStatus[];
    to: DeadlineStatus;
    actor: Actor;
    by: string;
    action: string;
    reason?: string;
    version?: number;
    set?: Record<string, unknown>;
    data?: Record<string, unknown>;
    now: Date;
  },
) {
  const at = options.now.toISOString();
  const change: StatusChange = {
    status: options.to,
    at,
    by: options.by,
    ...(options.reason ? { reason: options.reason } : {}),
  };
  const values: Record<string, unknown> = {
    ':to': options.to,
    ':one': 1,
    ':change': [change],
    ':empty': [],
    ':at': at,
  };
  const fromNames = options.from.map((s, i) => {
    values[`:from${i}`] = s;
    return `:from${i}`;
  });
  const sets = [
    '#status = :to',
    'version = if_not_exists(version, :one) + :one',
    'statusHistory = list_append(if_not_exists(statusHistory, :empty), :change)',
    'updatedAt = :at',
  ];
  Object.entries(options.set ?? {}).forEach(([k, v], i) => {
    values[`:s${i}`] = v;
    sets.push(`${k} = :s${i}`);
  });
  const condition = `#status IN (${fromNames.join(', ')})${versionCondition(options.version, values)}`;
  const entityPk = keys.alliance(deadline.allianceId).pk;
  try {
    await documentClient().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: table(),
              Key: keys.deadline(deadline.allianceId, deadline.kind, deadline.due),
              UpdateExpression: `SET ${sets.join(', ')}`,
              ConditionExpression: condition,
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: values,
            },
          },
          auditPut(
            table(),
            entityPk,
            {
              action: options.action,
              actor: options.actor,
              ...(options.reason ? { reason: options.reason } : {}),
              data: {
                reportId: reportIdOf(deadline),
                kind: deadline.kind,
                due: deadline.due,
                from: deadline.status,
                to: options.to,
                version: (deadline.version ?? 1) + 1,
                ...options.data,
              },
            },
            options.now,
          ),
        ],
      }),
    );
  } catch (error) {
    if (conditionFailed(error, 0)) {
      if (options.version !== undefined && options.version !== (deadline.version ?? 1))
        throw versionConflict(options.version);
      throw conflict(
        `report ${reportIdOf(deadline)} is ${deadline.status}; it can become ${options.to} only from ${options.from.join(', ')}`,
      );
    }
    throw error;
  }
}

async function confirmedMembers(allianceId: string): Promise<Member[]> {
  const items = await queryAll({
    TableName: table(),
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :member)',
    ExpressionAttributeValues: { ':pk': keys.alliance(allianceId).pk, ':member': 'MEMBER#' },
  });
  return items.map((m) => stripKeys<Member>(m)).filter((m) => m.state === 'confirmed');
}

const ref = (d: DeadlineItem): DeadlineRef => ({ allianceId: d.allianceId, kind: d.kind, due: d.due });

export async function submitReport(
  principal: Principal,
  allianceId: string,
  reportId: string,
  body: {
    documentId: string;
    progress: { indicatorId: string; actual: number; note?: string | undefined }[];
    summary: string;
    version?: number | undefined;
  },
  now = new Date(),
) {
  const view = await accessAlliance(principal, allianceId, { confirmedOnly: true });
  const deadline = await loadDeadline(allianceId, reportId);
  const from: DeadlineStatus[] = ['due', 'overdue', 'returned'];
  if (!from.includes(deadline.status))
    throw conflict(
      `report ${reportId} is ${deadline.status}; only a due, overdue or returned report is submitted`,
    );
  if (body.version !== undefined && body.version !== (deadline.version ?? 1))
    throw versionConflict(body.version);

  const problems: { path: string; code: string; message: string }[] = [];
  const { Item: docItem } = await documentClient().send(
    new GetCommand({
      TableName: table(),
      Key: keys.allianceDocument(allianceId, body.documentId),
      ConsistentRead: true,
    }),
  );
  const document = docItem as (DocumentRecord & Record<string, unknown>) | undefined;
  if (document?.kind !== 'report') {
    problems.push({
      path: 'body.documentId',
      code: 'report_document_missing',
      message: `no report document ${body.documentId} of alliance ${allianceId}: upload it (kind report) first`,
    });
  } else if (document.status !== 'verified') {
    problems.push({
      path: 'body.documentId',
      code: 'report_document_not_verified',
      message: `the report document ${body.documentId} is ${document.status}, not verified`,
    });
  }
  const indicators = view.alliance.indicators ?? [];
  const known = new Map(indicators.map((i) => [i.id, i]));
  const given = new Set(body.progress.map((p) => p.indicatorId));
  body.progress.forEach((p, i) => {
    if (!known.has(p.indicatorId))
      problems.push({
        path: `body.progress.${i}.indicatorId`,
        code: 'unknown_indicator',
        message: `the alliance has no indicator ${p.indicatorId}`,
      });
  });
  for (const indicator of indicators) {
    if (!given.has(indicator.id))
      problems.push({
        path: 'body.progress',
        code: 'indicator_missing',
        message: `no progress given for indicator ${indicator.id} (${indicator.name})`,
      });
  }
  if (problems.length > 0) throw invalidReport(problems);

  const at = now.toISOString();
  const late = cstDate(now) > deadline.due;
  const report = {
    documentId: body.documentId,
    progress: body.progress.map((p) => {
      const i = known.get(p.indicatorId)!;
      return { ...p, name: i.name, target: i.target, ...(i.unit ? { unit: i.unit } : {}) };
    }),
    summary: body.summary,
    submittedAt: at,
    submittedBy: byWhom(principal),
    ...(view.callerOrgId ? { organisationId: view.callerOrgId } : {}),
    late,
  };
  await transition(deadline, {
    from,
    to: 'submitted',
    actor: userActor(principal),
    by: byWhom(principal),
    action: 'report.submitted',
    reason: late ? `submitted after the due date ${deadline.due}` : 'submitted',
    ...(body.version !== undefined ? { version: body.version } : {}),
    set: { report },
    data: { documentId: body.documentId, progress: report.progress, late },
    now,
  });
  const updated = await loadDeadline(allianceId, reportId);
  await writeNotification(
    draft(
      { role: 'admin' },
      'report-submitted',
      `submitted#${deadlineOccasion(ref(deadline))}#${updated.version ?? 1}`,
      ref(deadline),
      { version: updated.version, late, by: report.submittedBy },
      {
        en: `Alliance ${view.alliance.name} submitted its ${deadline.kind} due ${deadline.due}${late ? ' (late)' : ''}`,
        zh: `联盟「${view.alliance.name}」已提交${deadline.kind === 'annual-report' ? '年度报告' : '结题报告'}（截止 ${deadline.due}）${late ? '（逾期提交）' : ''}`,
      },
    ),
    now,
  );
  return present(updated);
}

export async function reviewReport(
  principal: Principal,
  allianceId: string,
  reportId: string,
  decision: 'accepted' | 'returned',
  body: { comments?: string | undefined; version?: number | undefined },
  now = new Date(),
) {
  const view = await accessAlliance(principal, allianceId);
  const deadline = await loadDeadline(allianceId, reportId);
  if (deadline.status !== 'submitted')
    throw conflict(`report ${reportId} is ${deadline.status}; only a submitted report is ${decision}`);
  if (body.version !== undefined && body.version !== (deadline.version ?? 1))
    throw versionConflict(body.version);
  const review = {
    decision,
    ...(body.comments ? { comments: body.comments } : {}),
    at: now.toISOString(),
    by: byWhom(principal),
  };
  await transition(deadline, {
    from: ['submitted'],
    to: decision,
    actor: userActor(principal),
    by: byWhom(principal),
    action: `report.${decision}`,
    ...(body.comments ? { reason: body.comments } : {}),
    ...(body.version !== undefined ? { version: body.version } : {}),
    set: { review },
    data: { decision },
    now,
  });
  const updated = await loadDeadline(allianceId, reportId);
  const what =
    deadline.kind === 'annual-report'
      ? { en: 'annual report', zh: '年度报告' }
      : { en: 'completion report', zh: '结题报告' };
  for (const m of view.members.filter((x) => x.state === 'confirmed')) {
    await writeNotification(
      draft(
        { organisationId: m.organisationId },
        decision === 'accepted' ? 'report-accepted' : 'report-returned',
        `${decision}#${deadlineOccasion(ref(deadline))}#${updated.version ?? 1}`,
        ref(deadline),
        { version: updated.version, ...(body.comments ? { comments: body.comments } : {}) },
        decision === 'accepted'
          ? {
              en: `The ${what.en} due ${deadline.due} of ${view.alliance.name} was accepted`,
              zh: `联盟「${view.alliance.name}」截止 ${deadline.due} 的${what.zh}已通过`,
            }
          : {
              en: `The ${what.en} due ${deadline.due} of ${view.alliance.name} was returned: ${body.comments ?? ''}`,
              zh: `联盟「${view.alliance.name}」截止 ${deadline.due} 的${what.zh}已退回：${body.comments ?? ''}`,
            },
      ),
      now,
    );
  }
  return present(updated);
}

// ---------------------------------------------------------------------------------------------
// The daily sweep

export interface SweepSummary {
  today: string;
  window: { from: string; to: string };
  deadlines: number;
  notified: number;
  alreadyNotified: number;
  markedOverdue: number;
  escalated: number;
  skipped: number;
}

/** Reads the deadlines due in the sweep's window (gsi1 DEADLINES by due date, never a Scan). */
async function deadlinesInWindow(window: { from: string; to: string }) {
  const items = await queryAll({
    TableName: table(),
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk BETWEEN :from AND :to',
    // Only reports still to be chased; submitted and accepted ones need nothing from the sweep.
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

/**
 * Runs the day's plan. Each action stands alone and is idempotent: notifications are conditional
 * puts of deterministic ids, the overdue transition is conditional on the status it moves from and
 * on the due date having passed, the escalation marker on its absence. So a second run (same day or
 * a missed day later) finds everything done and changes nothing.
 */
export async function runDeadlineSweep(
  when: Date,
  config: SweepConfig,
  executionId?: string,
): Promise<SweepSummary> {
  const today = cstDate(when);
  const window = sweepWindow(today, config);
  const found = await deadlinesInWindow(window);
  const members = new Map<string, Promise<{ ids: string[]; name?: string }>>();
  const alliance = (id: string) => {
    let entry = members.get(id);
    if (!entry) {
      entry = Promise.all([
        confirmedMembers(id),
        documentClient().send(new GetCommand({ TableName: table(), Key: keys.alliance(id) })),
      ]).then(([list, a]) => ({
        ids: list.map((m) => m.organisationId),
        ...(typeof a.Item?.name === 'string' ? { name: a.Item.name } : {}),
      }));
      members.set(id, entry);
    }
    return entry;
  };
  const deadlines: SweepDeadline[] = [];
  for (const d of found) {
    const info = await alliance(d.allianceId);
    deadlines.push({
      allianceId: d.allianceId,
      kind: d.kind,
      due: d.due,
      status: d.status,
      ...(d.year !== undefined ? { year: d.year } : {}),
      ...(d.escalatedAt ? { escalatedAt: d.escalatedAt } : {}),
      ...(info.name ? { allianceName: info.name } : {}),
      members: info.ids,
    });
  }
  const summary: SweepSummary = {
    today,
    window,
    deadlines: deadlines.length,
    notified: 0,
    alreadyNotified: 0,
    markedOverdue: 0,
    escalated: 0,
    skipped: 0,
  };
  const actor = systemActor('deadline-sweep', executionId);
  const by = 'system (deadline-sweep)';
  const now = new Date();
  // A deadline whose overdue transition did not hold (submitted meanwhile, or already moved) gets
  // nothing more from this run: its notices and escalation were planned on a status it no longer has.
  const stale = new Set<string>();
  for (const action of planSweep(deadlines, today, config)) {
    const occasion = deadlineOccasion(
      action.type === 'notify' ? action.notification.subject : action.deadline,
    );
    if (stale.has(occasion)) {
      summary.skipped++;
      continue;
    }
    if (action.type === 'notify') {
      if (await writeNotification(action.notification, now)) summary.notified++;
      else summary.alreadyNotified++;
      continue;
    }
    const { allianceId, kind, due } = action.deadline;
    const key = keys.deadline(allianceId, kind, due);
    const at = now.toISOString();
    const common = {
      reportId: reportIdOf(action.deadline),
      kind,
      due,
      today,
      daysOverdue: action.daysOverdue,
    };
    const update =
      action.type === 'mark-overdue'
        ? {
            UpdateExpression:
              'SET #status = :overdue, overdueAt = :at, updatedAt = :at, version = if_not_exists(version, :one) + :one, statusHistory = list_append(if_not_exists(statusHistory, :empty), :change)',
            // Only from the status planned, and only once the due date has passed.
            ConditionExpression: '#status = :from AND due < :today',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: {
              ':overdue': 'overdue',
              ':from': action.from,
              ':today': today,
              ':at': at,
              ':one': 1,
              ':empty': [],
              ':change': [
                {
                  status: 'overdue',
                  at,
                  by,
                  reason: `not submitted by ${due} (${action.daysOverdue} day${action.daysOverdue === 1 ? '' : 's'} overdue)`,
                },
              ],
            },
          }
        : {
            UpdateExpression: 'SET escalatedAt = :at, updatedAt = :at',
            ConditionExpression: 'attribute_not_exists(escalatedAt) AND #status = :overdue',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':at': at, ':overdue': 'overdue' },
          };
    try {
      await documentClient().send(
        new TransactWriteCommand({
          TransactItems: [
            { Update: { TableName: table(), Key: key, ...update } },
            auditPut(
              table(),
              keys.alliance(allianceId).pk,
              action.type === 'mark-overdue'
                ? {
                    action: 'report.overdue',
                    actor,
                    reason: `the ${kind} due ${due} was not submitted`,
                    data: { ...common, from: action.from, to: 'overdue' },
                  }
                : {
                    action: 'report.escalated',
                    actor,
                    reason: `overdue for more than ${config.escalationGraceDays} days: escalated to the programme office`,
                    data: { ...common, graceDays: config.escalationGraceDays },
                  },
              now,
            ),
          ],
        }),
      );
      if (action.type === 'mark-overdue') summary.markedOverdue++;
      else summary.escalated++;
    } catch (error) {
      // Already done (another run got there first) or no longer applicable (submitted meanwhile).
      if (!conditionFailed(error, 0)) throw error;
      summary.skipped++;
      if (action.type === 'mark-overdue') stale.add(occasion);
    }
  }
  return summary;
}
