/**
 * A report's life on its deadline item: how the API shows it, how it is found, and the one way its
 * status changes (a conditional transition with its history entry and audit record, committed together).
 */
import { commit } from '../../db/commit.ts';
import { allianceAudit, type DeadlineItem, loadDeadline, reportTransitionUpdate } from '../../db/reports.ts';
import type { Actor } from '../../domain/actors.ts';
import { type DeadlineRef, type DeadlineStatus, parseReportId, reportIdOf } from '../../domain/deadlines.ts';
import { conflict, notFound, versionConflict } from '../../domain/errors.ts';
import type { Report } from '../../domain/model/report.ts';
import type { Text } from '../../domain/text.ts';

export function present(d: DeadlineItem): Report {
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

export const ref = (d: DeadlineItem): DeadlineRef => ({ allianceId: d.allianceId, kind: d.kind, due: d.due });

/** What a report is called in messages. */
export const reportNoun = (d: { kind: DeadlineRef['kind'] }): Text =>
  d.kind === 'annual-report'
    ? { en: 'annual report', zh: '年度报告' }
    : { en: 'completion report', zh: '结题报告' };

/** The report deadline `reportId` of an alliance; 404 when there is none. */
export async function loadReport(allianceId: string, reportId: string): Promise<DeadlineItem> {
  const missing = () =>
    notFound({
      en: `report ${reportId} of alliance ${allianceId}`,
      zh: `报告 ${reportId}（联盟 ${allianceId}）`,
    });
  const id = parseReportId(reportId);
  if (!id) throw missing();
  const deadline = await loadDeadline(allianceId, id.kind, id.due);
  if (!deadline) throw missing();
  return deadline;
}

/** A version sent that is not the report's is a 409 before anything is written. */
export function requireVersion(deadline: DeadlineItem, version: number | undefined) {
  if (version !== undefined && version !== (deadline.version ?? 1)) throw versionConflict(version);
}

/**
 * Moves a report from one of `from` to `to` with its history entry and audit record in one
 * transaction. 409 when the status (or the version sent) no longer holds.
 */
export async function transition(
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
  const reportId = reportIdOf(deadline);
  const stale = () => {
    if (options.version !== undefined && options.version !== (deadline.version ?? 1))
      return versionConflict(options.version);
    return conflict({
      en: `report ${reportId} is ${deadline.status}; it can become ${options.to} only from ${options.from.join(', ')}`,
      zh: `报告 ${reportId} 当前状态为 ${deadline.status}，只有状态为 ${options.from.join('、')} 时才能变为 ${options.to}`,
    });
  };
  await commit(
    [
      reportTransitionUpdate(deadline, {
        from: options.from,
        to: options.to,
        change: {
          status: options.to,
          at,
          by: options.by,
          ...(options.reason ? { reason: options.reason } : {}),
        },
        ...(options.version !== undefined ? { version: options.version } : {}),
        ...(options.set ? { set: options.set } : {}),
      }),
      allianceAudit(
        deadline.allianceId,
        {
          action: options.action,
          actor: options.actor,
          ...(options.reason ? { reason: options.reason } : {}),
          data: {
            reportId,
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
    (failed) => (failed === 0 ? stale() : undefined),
  );
}
