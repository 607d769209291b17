/**
 * Members' side of reports (§4.4): the alliance's reports by due date, and a submission (from due,
 * overdue or returned) naming a verified report document and the progress of every indicator. The
 * submission pins the document's SHA-256 as verified (documents never change once judged; the pin
 * says which bytes the office reviewed).
 */
import { type DocumentItem, loadDocumentItem } from '../../db/documents.ts';
import { listReportDeadlines } from '../../db/reports.ts';
import { byWhom, type Principal, userActor } from '../../domain/actors.ts';
import { cstDate, type DeadlineStatus, deadlineOccasion, draft } from '../../domain/deadlines.ts';
import { conflict, type ErrorDetail, ruleViolation } from '../../domain/errors.ts';
import type { Lang, Text } from '../../domain/text.ts';
import { accessAlliance } from '../alliances/index.ts';
import { writeNotification } from '../notifications.ts';
import { loadReport, present, ref, reportNoun, requireVersion, transition } from './lifecycle.ts';

/** Every report deadline of an alliance, by due date, with status and report (members and admins). */
export async function listReports(principal: Principal, allianceId: string) {
  await accessAlliance(principal, allianceId);
  return { items: (await listReportDeadlines(allianceId)).map(present) };
}

interface Problem {
  path: string;
  code: string;
  message: Text;
}

/** What is wrong with a submission: its document, and its progress against the alliance's indicators. */
function problemsOf(
  allianceId: string,
  body: { documentId: string; progress: { indicatorId: string }[] },
  document: DocumentItem | undefined,
  indicators: { id: string; name: string }[],
): Problem[] {
  const problems: Problem[] = [];
  const path = 'body.documentId';
  if (document?.kind !== 'report') {
    problems.push({
      path,
      code: 'report_document_missing',
      message: {
        en: `no report document ${body.documentId} of alliance ${allianceId}: upload it (kind report) first`,
        zh: `联盟 ${allianceId} 没有报告文件 ${body.documentId}：请先上传（类型为 report）`,
      },
    });
  } else if (document.status !== 'verified') {
    problems.push({
      path,
      code: 'report_document_not_verified',
      message: {
        en: `the report document ${body.documentId} is ${document.status}, not verified`,
        zh: `报告文件 ${body.documentId} 当前状态为 ${document.status}，尚未通过核验`,
      },
    });
  }
  const known = new Set(indicators.map((i) => i.id));
  const given = new Set(body.progress.map((p) => p.indicatorId));
  body.progress.forEach((p, i) => {
    if (!known.has(p.indicatorId))
      problems.push({
        path: `body.progress.${i}.indicatorId`,
        code: 'unknown_indicator',
        message: {
          en: `the alliance has no indicator ${p.indicatorId}`,
          zh: `联盟没有考核指标 ${p.indicatorId}`,
        },
      });
  });
  for (const indicator of indicators) {
    if (!given.has(indicator.id))
      problems.push({
        path: 'body.progress',
        code: 'indicator_missing',
        message: {
          en: `no progress given for indicator ${indicator.id} (${indicator.name})`,
          zh: `未填报考核指标 ${indicator.id}（${indicator.name}）的进展`,
        },
      });
  }
  return problems;
}

const detailsOf =
  (problems: Problem[]) =>
  (lang: Lang): ErrorDetail[] =>
    problems.map((p) => ({ path: p.path, code: p.code, message: p.message[lang] }));

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
  const deadline = await loadReport(allianceId, reportId);
  const from: DeadlineStatus[] = ['due', 'overdue', 'returned'];
  if (!from.includes(deadline.status))
    throw conflict({
      en: `report ${reportId} is ${deadline.status}; only a due, overdue or returned report is submitted`,
      zh: `报告 ${reportId} 当前状态为 ${deadline.status}，只有待提交、已逾期或已退回的报告可以提交`,
    });
  requireVersion(deadline, body.version);

  const document = await loadDocumentItem(allianceId, body.documentId);
  const indicators = view.alliance.indicators ?? [];
  const problems = problemsOf(allianceId, body, document, indicators);
  if (problems.length > 0)
    throw ruleViolation(
      problems.map((p) => p.code),
      detailsOf(problems),
    );

  const known = new Map(indicators.map((i) => [i.id, i]));
  const late = cstDate(now) > deadline.due;
  const report = {
    documentId: body.documentId,
    ...(document?.sha256 ? { documentSha256: document.sha256 } : {}),
    progress: body.progress.map((p) => {
      const i = known.get(p.indicatorId)!;
      return { ...p, name: i.name, target: i.target, ...(i.unit ? { unit: i.unit } : {}) };
    }),
    summary: body.summary,
    submittedAt: now.toISOString(),
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
    data: {
      documentId: body.documentId,
      ...(document?.sha256 ? { documentSha256: document.sha256 } : {}),
      progress: report.progress,
      late,
    },
    now,
  });
  const updated = await loadReport(allianceId, reportId);
  await writeNotification(
    draft(
      { role: 'admin' },
      'report-submitted',
      `submitted#${deadlineOccasion(ref(deadline))}#${updated.version ?? 1}`,
      ref(deadline),
      { version: updated.version, late, by: report.submittedBy },
      {
        en: `Alliance ${view.alliance.name} submitted its ${deadline.kind} due ${deadline.due}${late ? ' (late)' : ''}`,
        zh: `联盟「${view.alliance.name}」已提交${reportNoun(deadline).zh}（截止 ${deadline.due}）${late ? '（逾期提交）' : ''}`,
      },
    ),
    now,
  );
  return present(updated);
}
