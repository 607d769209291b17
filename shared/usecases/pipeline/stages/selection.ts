/** Stage RankAndSelect: the ranking and the proposed selection an admin approves. */
import { loadAllianceWithMembers, roundAllianceIds } from '../../../db/alliances.ts';
import { systemActor } from '../../../db/audit.ts';
import { commit } from '../../../db/commit.ts';
import { enterStage } from '../../../db/pipeline.ts';
import { loadReviews } from '../../../db/reviews.ts';
import { roundAudit } from '../../../db/rounds.ts';
import { loadSelection, type SelectionRecord, selectionProposalPut } from '../../../db/selection.ts';
import { requestedFunding } from '../../../domain/award.ts';
import type { Member } from '../../../domain/model/alliance.ts';
import { PIPELINE_COMPONENT as COMPONENT } from '../../../domain/pipeline.ts';
import { asCandidates, rankAlliances } from '../../../domain/scoring.ts';
import { selectWithinBudget } from '../../../domain/selection.ts';
import { getRound } from '../../rounds.ts';

/** Ranking (raw and calibrated), bonuses and the budget-constrained selection: the proposal an admin approves. */
export async function rankAndSelect(roundId: string, executionId: string, now = new Date()) {
  // Computed once: a re-run (retry, restart) finds the proposal (or the approved selection) and keeps it.
  const existing = await loadSelection(roundId);
  if (existing) return { funded: existing.result.rows.filter((r) => r.funded).length, reused: true };
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
  const record: SelectionRecord = {
    roundId,
    status: 'proposed',
    computedAt: now.toISOString(),
    policy: round.selectionPolicy,
    budget: round.budget,
    ranking,
    result,
  };
  await commit([
    selectionProposalPut(record),
    roundAudit(
      roundId,
      {
        action: 'pipeline.selection-proposed',
        actor: systemActor(COMPONENT, executionId),
        reason: `${result.rows.filter((r) => r.funded).length} of ${result.rows.length} funded by ${round.selectionPolicy}, ¥${result.totalAwarded} of ¥${round.budget}`,
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
  return { funded: result.rows.filter((r) => r.funded).length, reused: false };
}
