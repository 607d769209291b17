/**
 * 递补 (filling freed budget, issue #9): when an upheld objection drops an alliance, its award is
 * freed. The pipeline stops at AwaitSupplementDecision; the programme office previews the fill
 * (GET …/supplement: the left-out alliances under the round's policy, with the unspent money as the
 * budget, the same reasons) and decides (POST …/supplement: fill or decline, with a reason). Filled
 * alliances become selected, appear on the notice as a supplementary notice (补充公示) with its own
 * period, during which objections against them are accepted; the pipeline designates them after it.
 */
import { allianceStatusUpdate } from '../db/alliance-status.ts';
import { allianceAudit, roundAudit } from '../db/audit.ts';
import { commit } from '../db/commit.ts';
import {
  loadSelection,
  loadSelectionRows,
  prefetchSupplementItems,
  type SelectionHeader,
  type SelectionRowItem,
} from '../db/selection.ts';
import {
  type Addition,
  loadSupplements,
  type SupplementRecord,
  supplementDecisionItems,
} from '../db/supplements.ts';
import { byWhom, type Principal, userActor } from '../domain/actors.ts';
import { noticePeriodEnd } from '../domain/award.ts';
import { conflict, notFound } from '../domain/errors.ts';
import { yuan } from '../domain/money.ts';
import { supplementSelectedDraft } from '../domain/notify-events.ts';
import { asCandidates } from '../domain/scoring.ts';
import type { SelectionResult } from '../domain/selection.ts';
import { proposeSupplement } from '../domain/supplement.ts';
import { publishSupplement } from './notice.ts';
import { allianceRecipients, writeAll } from './notify-events.ts';
import { completeGate, loadGate } from './pipeline/gates.ts';
import { getRound } from './rounds.ts';

async function approvedSelection(roundId: string): Promise<SelectionHeader & { approved: object }> {
  const selection = await loadSelection(roundId);
  if (selection?.status !== 'approved' || !selection.approved)
    throw notFound({
      en: `an approved selection of round ${roundId}`,
      zh: `申报批次 ${roundId} 已批准的遴选结果`,
    });
  return selection as SelectionHeader & { approved: object };
}

/**
 * The 递补 proposal for the money freed by the drops no decision has covered yet. It ranges over
 * every left-out alliance, so it reads every selection row once (page by page): a round-level
 * decision like the approval, not a per-alliance one.
 */
export async function supplementProposal(roundId: string, loaded?: SelectionHeader) {
  const header = loaded?.approved ? loaded : await approvedSelection(roundId);
  const [round, rows] = await Promise.all([getRound(roundId), loadSelectionRows(roundId)]);
  const approvedRows = rows.flatMap((r) => (r.approved ? [r.approved] : []));
  const approved: SelectionResult = { ...header.approved!.result, rows: approvedRows };
  const earlier = rows.flatMap((r: SelectionRowItem) =>
    r.supplement ? [{ allianceId: r.allianceId, award: r.supplement.award }] : [],
  );
  const proposal = proposeSupplement(
    asCandidates(rows.map((r) => r.ranking)),
    approved,
    rows.flatMap((r) => (r.dropped ? [r.allianceId] : [])),
    { budget: round.budget, perAllianceCap: round.perAllianceCap, policy: round.selectionPolicy },
    earlier,
  );
  const uncovered = rows.flatMap((r) =>
    r.dropped && r.dropped.coveredBy === undefined ? [r.allianceId] : [],
  );
  return { selection: header, round, uncovered, proposal };
}

/** GET …/supplement: what a fill would add, and whether a decision is awaited. */
export async function previewSupplement(roundId: string) {
  // The header, the round and the gate in one BatchGet; the rows' and decisions' Queries in parallel.
  await prefetchSupplementItems(roundId);
  const [{ uncovered, proposal }, gate, decisions] = await Promise.all([
    supplementProposal(roundId),
    loadGate(roundId, 'supplement'),
    loadSupplements(roundId),
  ]);
  return {
    roundId,
    awaitingDecision: gate?.status === 'open' && uncovered.length > 0,
    covers: uncovered,
    freed: proposal.freed,
    available: proposal.available,
    additions: proposal.additions,
    rows: proposal.result.rows,
    summary: proposal.summary,
    decisions,
  };
}

/** Items per 递补 decision transaction: DynamoDB's limit. */
const MAX_TRANSACTION_ITEMS = 100;

/** POST …/supplement: fill the freed budget as proposed, or decline to; audited, then the pipeline moves on. */
export async function decideSupplement(
  principal: Principal,
  roundId: string,
  input: { decision: 'fill' | 'decline'; reason: string },
  now = new Date(),
) {
  const gate = await loadGate(roundId, 'supplement');
  if (gate?.status !== 'open')
    throw conflict({
      en: `round ${roundId} is not waiting for a 递补 decision`,
      zh: `申报批次 ${roundId} 当前不在等待递补决定`,
    });
  const { selection, round, uncovered, proposal } = await supplementProposal(roundId);
  if (uncovered.length === 0)
    throw conflict({
      en: `no freed budget of round ${roundId} awaits a decision`,
      zh: `申报批次 ${roundId} 没有等待递补决定的释放经费`,
    });
  const at = now.toISOString();
  const by = byWhom(principal);
  const additions = input.decision === 'fill' ? proposal.additions : [];
  const endsAt = additions.length ? noticePeriodEnd(now, round.noticePeriodDays) : undefined;
  const record: SupplementRecord = {
    n: (selection.supplementCount ?? 0) + 1,
    decision: input.decision,
    by,
    at,
    reason: input.reason,
    covers: uncovered,
    additions: additions.length,
    awarded: additions.reduce((sum, a) => sum + a.award, 0),
    ...(endsAt ? { publishedAt: at, endsAt } : {}),
  };
  const onRows: Addition[] = additions.map((a) => ({
    ...a,
    n: record.n,
    at,
    ...(endsAt ? { endsAt } : {}),
  }));
  const actor = userActor(principal);
  const items = [
    ...supplementDecisionItems(roundId, record, selection.dropCount ?? 0, onRows),
    ...additions.flatMap((a) => [
      allianceStatusUpdate({
        allianceId: a.allianceId,
        to: 'selected',
        from: ['not-selected'],
        at,
        by,
        reason: `递补 (supplement ${record.n}): ${input.reason}`,
      }),
      allianceAudit(
        a.allianceId,
        {
          action: 'alliance.supplemented',
          actor,
          reason: input.reason,
          data: { award: a.award, rank: a.rank },
        },
        now,
      ),
    ]),
    roundAudit(
      roundId,
      {
        action: input.decision === 'fill' ? 'selection.supplemented' : 'selection.supplement-declined',
        actor,
        reason: input.reason,
        data: {
          n: record.n,
          covers: uncovered,
          freed: proposal.freed,
          available: proposal.available,
          additions,
        },
      },
      now,
    ),
  ];
  // One atomic decision: its record, the covered drops, each addition's row, status and audit.
  if (items.length > MAX_TRANSACTION_ITEMS)
    throw conflict({
      en: `this 递补 would add ${additions.length} alliances and cover ${uncovered.length} drops at once, more than one decision can record (${MAX_TRANSACTION_ITEMS} items); decline and add them by adjustment`,
      zh: `本次递补将一次新增 ${additions.length} 个联盟并覆盖 ${uncovered.length} 个撤销，超出单次决定可记录的上限（${MAX_TRANSACTION_ITEMS} 项）`,
    });
  await commit(
    items,
    conflict({
      en: `the selection of round ${roundId} changed meanwhile; reload the 递补 proposal`,
      zh: `申报批次 ${roundId} 的遴选结果已被同时修改，请刷新递补方案`,
    }),
  );
  // Each member of each alliance added is told, once per 递补 decision (after the commit).
  for (const a of additions) {
    const target = await allianceRecipients(a.allianceId);
    if (!target) continue;
    await writeAll(
      target.members.map((org) =>
        supplementSelectedDraft(roundId, target.ref, org, record.n, yuan(a.award), input.reason),
      ),
      now,
    );
  }
  if (record.endsAt) {
    const rows = proposal.result.rows.filter((r) => additions.some((a) => a.allianceId === r.allianceId));
    await publishSupplement(roundId, { publishedAt: at, endsAt: record.endsAt, rows });
  }
  await completeGate(roundId, 'supplement', { decision: input.decision, additions: additions.length }, by);
  return {
    roundId,
    decision: input.decision,
    additions,
    ...(record.endsAt ? { noticeEndsAt: record.endsAt } : {}),
  };
}
