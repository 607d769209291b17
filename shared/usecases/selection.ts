/**
 * Selection (择优支持) and public notice (社会公示): an admin reads the ranking and the proposed
 * selection and approves it (adjusting with recorded reasons; the budget still holds); the public
 * reads the notice. Objections to it (filing, resolving, bulk dismissal): ./objections.ts.
 */
import { commit } from '../db/commit.ts';
import { noticeKeys } from '../db/notices.ts';
import { roundAudit } from '../db/rounds.ts';
import {
  loadReadySelection,
  loadSelectionRows,
  pageRanking,
  selectionApprovalItems,
  summarise,
} from '../db/selection.ts';
import { byWhom, type Principal, userActor } from '../domain/actors.ts';
import { conflict, domainError, domainErrorCatalogue, notFound, ruleViolation } from '../domain/errors.ts';
import { applyAdjustments, type SelectionResult } from '../domain/selection.ts';
import { format } from '../domain/text.ts';
import { noticeOf, publishedNotice, readNoticeObject } from './notice.ts';
import { completeGate, loadGate } from './pipeline/gates.ts';

const noRanking = (roundId: string) =>
  notFound({
    en: `a ranking of round ${roundId} (the pipeline has not reached selection)`,
    zh: `申报批次 ${roundId} 的排名（流程尚未进入择优阶段）`,
  });

/** The selection's header once its rows are all written (proposed or approved). */
export async function selectionHeader(roundId: string) {
  const header = await loadReadySelection(roundId);
  if (!header) throw noRanking(roundId);
  return header;
}

/**
 * GET …/ranking: the header (status, policy, budget, the proposed and approved totals, drops and
 * 递补 counts) and one page of the ranking in rank order — each item an alliance's scores, bonuses,
 * proposed row, approved row, drop and 递补 addition.
 */
export async function ranking(roundId: string, cursor: string | undefined, limit: number) {
  const { proposalId: _run, ...header } = await selectionHeader(roundId);
  const page = await pageRanking(roundId, cursor, limit);
  return { ...header, ...page };
}

/** The adjustments name alliances that are not in the ranking: one detail per alliance. */
function unknownAlliances(allianceIds: string[]) {
  const { en, zh } = domainErrorCatalogue.validation_failed;
  return domainError(
    'validation_failed',
    {
      en: format(en, { summary: 'body.adjustments: unknown alliances' }),
      zh: format(zh, { summary: 'body.adjustments: 联盟不在本批次的排名中' }),
    },
    {},
    (lang) =>
      allianceIds.map((id) => ({
        path: 'body.adjustments',
        code: 'unknown_alliance',
        message: lang === 'zh' ? `${id} 不在本批次的排名中` : `${id} is not in this round's ranking`,
      })),
  );
}

export async function approveSelection(
  principal: Principal,
  roundId: string,
  input: {
    adjustments: { allianceId: string; action: 'include' | 'exclude'; reason: string }[];
    note?: string;
  },
  now = new Date(),
) {
  const header = await selectionHeader(roundId);
  const gate = await loadGate(roundId, 'selection-approval');
  if (header.status !== 'proposed' || gate?.status !== 'open')
    throw conflict({
      en: `round ${roundId} is not waiting for a selection approval`,
      zh: `申报批次 ${roundId} 当前不在等待择优结果审批`,
    });
  // Every row once, for the budget check over the adjusted selection; the per-alliance effects are
  // the pipeline's ApplySelection, page by page.
  const rows = await loadSelectionRows(roundId);
  const proposed: SelectionResult = { ...header.result, rows: rows.map((r) => r.proposed) };
  const known = new Set(rows.map((r) => r.allianceId));
  const unknown = input.adjustments.filter((a) => !known.has(a.allianceId));
  if (unknown.length) throw unknownAlliances(unknown.map((a) => a.allianceId));
  const adjusted = applyAdjustments(proposed, input.adjustments, header.budget);
  if ('error' in adjusted) {
    throw ruleViolation(['budget'], (lang) => [
      { path: 'body.adjustments', code: 'budget', message: adjusted.error[lang], over: adjusted.over },
    ]);
  }
  const at = now.toISOString();
  const by = byWhom(principal);
  const summary = summarise(adjusted);
  const approved = {
    by,
    at,
    ...(input.note ? { note: input.note } : {}),
    adjustments: input.adjustments.length,
    result: summary,
  };
  await commit(
    [
      ...selectionApprovalItems(roundId, approved, input.adjustments),
      roundAudit(
        roundId,
        {
          action: 'selection.approved',
          actor: userActor(principal),
          reason:
            input.note ??
            `approved: ${summary.funded} funded, ¥${adjusted.totalAwarded} of ¥${header.budget}`,
          data: {
            adjustments: input.adjustments.map((a) => ({ allianceId: a.allianceId, action: a.action })),
            funded: summary.funded,
            totalAwarded: adjusted.totalAwarded,
          },
        },
        now,
      ),
    ],
    (failed) =>
      failed === 0
        ? conflict({
            en: `the selection of round ${roundId} was approved meanwhile`,
            zh: `申报批次 ${roundId} 的择优结果已被他人同时审批`,
          })
        : undefined,
  );
  await completeGate(roundId, 'selection-approval', { approved: true }, by);
  return { roundId, funded: summary.funded, totalAwarded: adjusted.totalAwarded };
}

export async function noticeDocument(roundId: string, kind: 'json' | 'html') {
  await publishedNotice(roundId);
  const document = await readNoticeObject(noticeKeys(roundId)[kind]);
  if (document === undefined) throw noticeOf(roundId);
  return document;
}
