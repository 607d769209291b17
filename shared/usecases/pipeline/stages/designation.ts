/** Stages ListDesignated, DesignateAlliances and CompleteDesignation: awards, accounts, deadlines, funding. */

import { setAllianceStatus } from '../../../db/alliance-status.ts';
import { loadAllianceWithMembers } from '../../../db/alliances.ts';
import { commitFirstTime, putItem } from '../../../db/commit.ts';
import { awardPut, deadlinePut, roundFundedItems } from '../../../db/designation.ts';
import { enterStage } from '../../../db/pipeline.ts';
import { fundedIds, fundedRowOf, loadSelection } from '../../../db/selection.ts';
import { allocateAward, implementationDeadlines } from '../../../domain/award.ts';
import { PIPELINE_COMPONENT as COMPONENT } from '../../../domain/pipeline.ts';
import { TaskError } from '../../../errors.ts';
import { syncNotice } from '../../notice.ts';

export async function listDesignated(roundId: string) {
  const selection = await loadSelection(roundId);
  if (!selection) throw new TaskError('SelectionNotApproved', `round ${roundId}: no selection`);
  const allianceIds = fundedIds(selection);
  await syncNotice(roundId); // the notice as it stands when designation starts
  await enterStage({ roundId, stage: 'designation', by: COMPONENT });
  return { allianceIds, count: allianceIds.length };
}

/** Designates one alliance: its award, its dedicated account (budget lines) and its deadlines (once). */
export async function designate(roundId: string, allianceId: string, executionId: string, now = new Date()) {
  const selection = await loadSelection(roundId);
  // Withdrawn (or dropped) after ListDesignated read the list: nothing to designate, not a failure.
  if (selection?.dropped?.some((d) => d.allianceId === allianceId))
    return { allianceId, designated: false, reused: false, dropped: true };
  const row = selection ? fundedRowOf(selection, allianceId) : undefined;
  if (!selection || !row || !fundedIds(selection).includes(allianceId)) {
    throw new TaskError(
      'NotSelected',
      `alliance ${allianceId} is not in the approved selection of ${roundId}`,
    );
  }
  const loaded = await loadAllianceWithMembers(allianceId);
  if (!loaded) throw new TaskError('AllianceNotFound', `alliance ${allianceId}`);
  const { alliance } = loaded;
  const at = now.toISOString();
  const lines = allocateAward(alliance.budgetLines ?? [], row.award);
  const deadlines = alliance.period ? implementationDeadlines(alliance.period) : [];
  const granted = await putItem(
    awardPut({
      roundId,
      allianceId,
      amount: row.award,
      requested: row.requested,
      rank: row.rank,
      lines,
      designatedAt: at,
    }),
  );
  // Each write is once-only, so a step cut short (award written, deadlines not yet) is completed on
  // a re-run, and one that finished changes nothing: a deadline or status already written stays.
  for (const d of deadlines) await putItem(deadlinePut(roundId, allianceId, d, at));
  await setAllianceStatus(
    allianceId,
    'designated',
    ['selected'],
    `designated with an award of ¥${row.award}`,
    executionId,
  );
  return { allianceId, designated: true, reused: !granted };
}

export async function completeDesignation(roundId: string, executionId: string, now = new Date()) {
  await commitFirstTime(roundFundedItems(roundId, executionId, now)); // funded already: a retried step
  await enterStage({ roundId, stage: 'implementation', status: 'SUCCEEDED', by: COMPONENT });
  return { roundId, funded: true };
}
