/**
 * Selection (择优支持) and public notice (社会公示): an admin reads the ranking and the proposed
 * selection, approves it (adjusting with recorded reasons; the budget still holds), and resolves
 * objections; the public reads the notice and files objections during the notice period.
 */
import { randomUUID } from 'node:crypto';
import { allianceStatusUpdate } from '../db/alliance-status.ts';
import { allianceAudit } from '../db/audit.ts';
import { commit } from '../db/commit.ts';
import {
  loadNotice,
  loadObjection,
  loadObjections,
  noticeKeys,
  type ObjectionRecord,
  objectionFiledItems,
  objectionResolvedItems,
} from '../db/notices.ts';
import { roundAudit } from '../db/rounds.ts';
import {
  isSelected,
  loadReadySelection,
  loadSelectionRow,
  loadSelectionRows,
  pageRanking,
  selectionApprovalItems,
  selectionDropItems,
  summarise,
} from '../db/selection.ts';
import { loadTally, tallyAdd } from '../db/tallies.ts';
import { byWhom, type Principal, userActor } from '../domain/actors.ts';
import {
  conflict,
  domainError,
  domainErrorCatalogue,
  notFound,
  nouns,
  ruleViolation,
} from '../domain/errors.ts';
import { applyAdjustments, type SelectionResult } from '../domain/selection.ts';
import { format } from '../domain/text.ts';
import { logger } from '../logger.ts';
import { readNoticeObject, syncNotice } from './notice.ts';
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

const noticeOf = (roundId: string) =>
  notFound({ en: `a public notice of round ${roundId}`, zh: `申报批次 ${roundId} 的公示` });

async function publishedNotice(roundId: string) {
  const notice = await loadNotice(roundId);
  if (!notice) throw noticeOf(roundId);
  return notice;
}

export async function noticeDocument(roundId: string, kind: 'json' | 'html') {
  await publishedNotice(roundId);
  const document = await readNoticeObject(noticeKeys(roundId)[kind]);
  if (document === undefined) throw noticeOf(roundId);
  return document;
}

/** Anyone may object to an announced alliance during the notice period. */
export async function fileObjection(
  roundId: string,
  input: { allianceId: string; name: string; contact: string; text: string },
  sourceIp: string,
  now = new Date(),
) {
  const notice = await publishedNotice(roundId);
  const row = await loadSelectionRow(roundId, input.allianceId);
  if (!row || !isSelected(row))
    throw notFound({
      en: `alliance ${input.allianceId} in this notice`,
      zh: `本次公示中的联盟 ${input.allianceId}`,
    });
  // An alliance added by 递补 has the period of its supplementary notice; the others the notice's.
  const endsAt = row.supplement?.endsAt ?? notice.endsAt;
  if (now.getTime() > Date.parse(endsAt))
    throw conflict({
      en: `the notice period for alliance ${input.allianceId} of round ${roundId} ended at ${endsAt}`,
      zh: `申报批次 ${roundId} 中联盟 ${input.allianceId} 的公示期已于 ${endsAt} 结束`,
    });
  const objection: ObjectionRecord = {
    ...input,
    id: `o-${randomUUID()}`,
    roundId,
    status: 'open',
    filedAt: now.toISOString(),
  };
  await commit([
    ...objectionFiledItems(objection, sourceIp, now),
    tallyAdd(roundId, 'objections', { open: 1 }),
  ]);
  return {
    id: objection.id,
    roundId,
    allianceId: input.allianceId,
    status: objection.status,
    filedAt: objection.filedAt,
  };
}

export async function listObjections(roundId: string) {
  return { items: await loadObjections(roundId) };
}

const outcomeZh = { open: '待处理', upheld: '成立', dismissed: '不成立' } as const;

/** Upheld → the alliance is dropped from the selection; dismissed → it stays. Always with a reason. */
export async function resolveObjection(
  principal: Principal,
  roundId: string,
  objectionId: string,
  resolution: { outcome: 'upheld' | 'dismissed'; reason: string },
  now = new Date(),
) {
  const objection = await loadObjection(roundId, objectionId);
  if (!objection) throw notFound(nouns.objection(objectionId));
  if (objection.status !== 'open')
    throw conflict({
      en: `objection ${objectionId} is already ${objection.status}`,
      zh: `异议 ${objectionId} 已处理（${outcomeZh[objection.status]}）`,
    });
  const at = now.toISOString();
  const by = byWhom(principal);
  // Upheld against an alliance still in the selection: it is dropped (one row read). Upheld against
  // one already out (an earlier objection, a withdrawal): the objection is resolved, nothing more.
  const dropped =
    resolution.outcome === 'upheld' && isSelected(await loadSelectionRow(roundId, objection.allianceId));
  await commit(
    [
      ...objectionResolvedItems(objection, { ...resolution, by, at }, userActor(principal), now),
      tallyAdd(roundId, 'objections', { open: -1 }),
      // Upheld: the alliance leaves the selection, and its status and trail say why.
      ...(dropped
        ? selectionDropItems(roundId, objection.allianceId, { objectionId, at, reason: resolution.reason })
        : []),
      dropped &&
        allianceStatusUpdate({
          allianceId: objection.allianceId,
          to: 'dropped',
          from: ['selected'],
          at,
          by,
          reason: `objection upheld: ${resolution.reason}`,
        }),
      dropped &&
        allianceAudit(
          objection.allianceId,
          {
            action: 'alliance.dropped',
            actor: userActor(principal),
            reason: `objection ${objectionId} upheld: ${resolution.reason}`,
          },
          now,
        ),
    ],
    conflict({
      en: `objection ${objectionId} was resolved meanwhile`,
      zh: `异议 ${objectionId} 已被他人同时处理`,
    }),
  );
  if (dropped) {
    // The notice shows the alliance withdrawn at once; if this fails, the pipeline's next step
    // (CheckObjections) brings it in line. syncNotice reads every selection row (page by page): the
    // one part of resolving an objection that grows with the round, and only when one is upheld.
    await syncNotice(roundId).catch((error: unknown) =>
      logger.error('notice not updated', { roundId, error }),
    );
  }
  // The tally (recounted whenever the pipeline checks objections) says whether any is still open.
  const open = (await loadTally(roundId, 'objections'))?.counts.open ?? 0;
  const gate = await loadGate(roundId, 'objections');
  if (open <= 0 && gate?.status === 'open') await completeGate(roundId, 'objections', { resolved: true }, by);
  return { ...objection, status: resolution.outcome, resolution: { ...resolution, by, at } };
}
