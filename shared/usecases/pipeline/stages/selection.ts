/**
 * Stages RankAndSelect and ApplySelection: the ranking and the proposed selection an admin
 * approves, stored as a small header and one row per alliance (shared/db/selection.ts), then the
 * approved outcome applied to every alliance, one page of rows per step.
 */
import { randomUUID } from 'node:crypto';
import { loadAllianceWithMembers, roundAllianceIds } from '../../../db/alliances.ts';
import { systemActor } from '../../../db/audit.ts';
import { commit, commitFirstTime } from '../../../db/commit.ts';
import { enterStage } from '../../../db/pipeline.ts';
import { loadReviews } from '../../../db/reviews.ts';
import { roundAudit } from '../../../db/rounds.ts';
import {
  applySelectionRow,
  loadAdjustments,
  loadSelection,
  pageSelectionRows,
  type SelectionHeader,
  selectionAppliedUpdate,
  selectionClaimPut,
  selectionProposedUpdate,
  selectionRowTransactions,
  selectionTakeoverPut,
  summarise,
} from '../../../db/selection.ts';
import { requestedFunding } from '../../../domain/award.ts';
import type { Member } from '../../../domain/model/alliance.ts';
import { selectionResultDraft } from '../../../domain/notify-events.ts';
import { PIPELINE_COMPONENT as COMPONENT } from '../../../domain/pipeline.ts';
import { asCandidates, rankAlliances } from '../../../domain/scoring.ts';
import { adjustRow, selectWithinBudget } from '../../../domain/selection.ts';
import { TaskError } from '../../../errors.ts';
import { logger } from '../../../logger.ts';
import { allianceRecipients, writeAll } from '../../notify-events.ts';
import { getRound } from '../../rounds.ts';
import { eachLimited, PAGE_CONCURRENCY, pipelinePageSize } from '../paging.ts';

const fundedOf = (header: SelectionHeader) => header.result.funded;

/**
 * Ranking (raw and calibrated), bonuses and the budget-constrained selection: the proposal an admin
 * approves. Computed once: a re-run (retry, restart) finds the proposal (or the approved selection)
 * and keeps it. The rows are written in transactions of ≤100 items while the header says
 * `computing` for this run; a run that died half-way is taken over by the next, which rewrites
 * every row; only then does the header become `proposed`.
 */
export async function rankAndSelect(roundId: string, executionId: string, now = new Date()) {
  const existing = await loadSelection(roundId);
  if (existing && existing.status !== 'computing') return { funded: fundedOf(existing), reused: true };
  const round = await getRound(roundId);
  const inReview = await roundAllianceIds(roundId, 'in-review');
  const alliances = (await Promise.all(inReview.map((id) => loadAllianceWithMembers(id)))).filter(
    (a) => a !== undefined,
  );
  const reviews = await loadReviews(roundId);
  const confirmed = (members: Member[]) => members.filter((m) => m.state === 'confirmed');
  const ranking = rankAlliances({
    alliances: alliances.map(({ alliance, members }) => ({
      id: alliance.id,
      sectors: alliance.sectors ?? [],
      enterpriseCount: confirmed(members).filter((m) => m.kind === 'enterprise').length,
      societyCount: confirmed(members).filter((m) => m.kind === 'society').length,
      requested: requestedFunding(alliance),
    })),
    reviews: reviews.map((r) => ({ reviewerId: r.reviewerId, allianceId: r.allianceId, scores: r.scores })),
    round,
  });
  const result = selectWithinBudget(asCandidates(ranking), {
    budget: round.budget,
    perAllianceCap: round.perAllianceCap,
    policy: round.selectionPolicy,
  });
  const header: SelectionHeader = {
    roundId,
    status: 'computing',
    proposalId: `${executionId}:${randomUUID()}`,
    computedAt: now.toISOString(),
    policy: round.selectionPolicy,
    budget: round.budget,
    result: summarise(result),
  };
  const claimed = await commitFirstTime([
    existing ? selectionTakeoverPut(header, existing.proposalId) : selectionClaimPut(header),
  ]);
  if (!claimed) {
    // Another run claimed or finished it meanwhile: it writes the rows; this step is retried.
    const current = await loadSelection(roundId);
    if (current && current.status !== 'computing') return { funded: fundedOf(current), reused: true };
    throw new TaskError('SelectionBeingComputed', `round ${roundId}: another run is writing the ranking`);
  }
  const transactions = selectionRowTransactions(roundId, header.proposalId, ranking, result);
  // A few transactions at a time: the header check in each stops them all if another run takes over.
  for (let i = 0; i < transactions.length; i += 4)
    await Promise.all(transactions.slice(i, i + 4).map((items) => commit(items)));
  await commit([
    selectionProposedUpdate(roundId, header.proposalId),
    roundAudit(
      roundId,
      {
        action: 'pipeline.selection-proposed',
        actor: systemActor(COMPONENT, executionId),
        reason: `${header.result.funded} of ${ranking.length} funded by ${round.selectionPolicy}, ¥${result.totalAwarded} of ¥${round.budget}`,
      },
      now,
    ),
  ]);
  await enterStage({
    roundId,
    stage: 'selection',
    by: COMPONENT,
    waitingOn: 'admin: approval of the selection',
  });
  return { funded: header.result.funded, reused: false };
}

/**
 * ApplySelection (after AwaitSelectionApproval, before PublishNotice), a loop: one page of ≤100
 * rows per call. Each row gets its approved outcome (the proposed row with the admin's adjustment,
 * if any) and its alliance the status selected / not-selected with the selection's reason.
 * Idempotent: a row that has its outcome is skipped, so a re-run of a page changes nothing. Returns
 * the cursor of the next page, none when every row is done (the header then records appliedAt).
 */
export async function applySelection(
  roundId: string,
  executionId: string,
  cursor?: string,
  now = new Date(),
): Promise<{ cursor?: string; processed: number }> {
  const header = await loadSelection(roundId);
  if (header?.status !== 'approved' || !header.approved)
    throw new TaskError('SelectionNotApproved', `round ${roundId}: no approved selection to apply`);
  const adjustments = header.approved.adjustments > 0 ? await loadAdjustments(roundId) : [];
  const byId = new Map(adjustments.map((a) => [a.allianceId, a]));
  const page = await pageSelectionRows(roundId, cursor, pipelinePageSize());
  const pending = page.items.filter((row) => !row.approved);
  const outcomes = await Promise.all(
    pending.map((row) =>
      applySelectionRow(
        roundId,
        row.allianceId,
        adjustRow(row.proposed, byId.get(row.allianceId)),
        systemActor(COMPONENT, executionId),
        now,
      ).then((outcome) => ({ allianceId: row.allianceId, outcome })),
    ),
  );
  for (const { allianceId, outcome } of outcomes)
    if (outcome === 'row-only')
      logger.warn('alliance not in review when the selection was applied; its status is left as it is', {
        roundId,
        allianceId,
      });
  // Each member of each alliance of the page is told its outcome, once per round (a re-run of the
  // page writes nothing new; rows applied by an earlier run that stopped short are told now).
  const skipped = new Set(outcomes.filter((o) => o.outcome === 'row-only').map((o) => o.allianceId));
  await eachLimited(
    page.items.filter((row) => !skipped.has(row.allianceId)),
    PAGE_CONCURRENCY,
    async (row) => {
      const approved = row.approved ?? adjustRow(row.proposed, byId.get(row.allianceId));
      const to = await allianceRecipients(row.allianceId);
      if (!to) return;
      await writeAll(
        to.members.map((m) => selectionResultDraft(roundId, to.ref, m, approved.funded, approved.reason)),
        now,
      );
    },
  );
  if (page.nextCursor) return { cursor: page.nextCursor, processed: page.items.length };
  if (!header.appliedAt) {
    await commitFirstTime([
      selectionAppliedUpdate(roundId, now.toISOString()),
      roundAudit(
        roundId,
        {
          action: 'pipeline.selection-applied',
          actor: systemActor(COMPONENT, executionId),
          reason: `every alliance has its outcome: ${header.approved.result.funded} selected of ${header.approved.result.rows}`,
        },
        now,
      ),
    ]);
  }
  return { processed: page.items.length };
}
