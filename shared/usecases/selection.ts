/**
 * Selection (择优支持) and public notice (社会公示): an admin reads the ranking and the proposed
 * selection, approves it (adjusting with recorded reasons; the budget still holds), and resolves
 * objections; the public reads the notice and files objections during the notice period.
 */
import { randomUUID } from 'node:crypto';
import { allianceStatusUpdate, setAllianceStatus } from '../db/alliance-status.ts';
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
import { fundedIds, loadSelection, selectionApprovalUpdate, selectionDropUpdate } from '../db/selection.ts';
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
import { applyAdjustments } from '../domain/selection.ts';
import { format } from '../domain/text.ts';
import { logger } from '../logger.ts';
import { readNoticeObject, syncNotice } from './notice.ts';
import { completeGate, loadGate } from './pipeline/gates.ts';

export async function ranking(roundId: string) {
  const selection = await loadSelection(roundId);
  if (!selection)
    throw notFound({
      en: `a ranking of round ${roundId} (the pipeline has not reached selection)`,
      zh: `申报批次 ${roundId} 的排名（流程尚未进入择优阶段）`,
    });
  return selection;
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
  const selection = await ranking(roundId);
  const gate = await loadGate(roundId, 'selection-approval');
  if (selection.status !== 'proposed' || gate?.status !== 'open')
    throw conflict({
      en: `round ${roundId} is not waiting for a selection approval`,
      zh: `申报批次 ${roundId} 当前不在等待择优结果审批`,
    });
  const known = new Set(selection.result.rows.map((r) => r.allianceId));
  const unknown = input.adjustments.filter((a) => !known.has(a.allianceId));
  if (unknown.length) throw unknownAlliances(unknown.map((a) => a.allianceId));
  const adjusted = applyAdjustments(selection.result, input.adjustments, selection.budget);
  if ('error' in adjusted) {
    throw ruleViolation(['budget'], (lang) => [
      { path: 'body.adjustments', code: 'budget', message: adjusted.error[lang], over: adjusted.over },
    ]);
  }
  const at = now.toISOString();
  const by = byWhom(principal);
  const approved = {
    by,
    at,
    ...(input.note ? { note: input.note } : {}),
    adjustments: input.adjustments,
    result: adjusted,
  };
  await commit(
    [
      selectionApprovalUpdate(roundId, approved),
      roundAudit(
        roundId,
        {
          action: 'selection.approved',
          actor: userActor(principal),
          reason:
            input.note ??
            `approved: ${adjusted.rows.filter((r) => r.funded).length} funded, ¥${adjusted.totalAwarded} of ¥${selection.budget}`,
          data: { adjustments: input.adjustments, totalAwarded: adjusted.totalAwarded },
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
  // Each alliance learns its outcome, with the reason the selection gives it.
  for (const row of adjusted.rows) {
    await setAllianceStatus(
      row.allianceId,
      row.funded ? 'selected' : 'not-selected',
      ['in-review'],
      row.reason.en,
      `approval by ${by}`,
    );
  }
  await completeGate(roundId, 'selection-approval', { approved: true }, by);
  return {
    roundId,
    funded: adjusted.rows.filter((r) => r.funded).length,
    totalAwarded: adjusted.totalAwarded,
  };
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
  const selection = await ranking(roundId);
  if (!fundedIds(selection).includes(input.allianceId))
    throw notFound({
      en: `alliance ${input.allianceId} in this notice`,
      zh: `本次公示中的联盟 ${input.allianceId}`,
    });
  // An alliance added by 递补 has the period of its supplementary notice; the others the notice's.
  const supplement = (selection.supplements ?? []).find((s) =>
    s.additions.some((a) => a.allianceId === input.allianceId),
  );
  const endsAt = supplement?.endsAt ?? notice.endsAt;
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
  const dropped = resolution.outcome === 'upheld';
  await commit(
    [
      ...objectionResolvedItems(objection, { ...resolution, by, at }, userActor(principal), now),
      tallyAdd(roundId, 'objections', { open: -1 }),
      // Upheld: the alliance leaves the selection, and its status and trail say why.
      dropped &&
        selectionDropUpdate(roundId, {
          allianceId: objection.allianceId,
          objectionId,
          at,
          reason: resolution.reason,
        }),
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
    // (CheckObjections) brings it in line.
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
