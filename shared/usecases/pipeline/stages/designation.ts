/** Stages DesignateBatch and CompleteDesignation: awards, accounts, deadlines, funding. */

import { setAllianceStatus } from '../../../db/alliance-status.ts';
import { loadAlliance, loadAllianceWithMembers } from '../../../db/alliances.ts';
import { allianceAudit, systemActor } from '../../../db/audit.ts';
import { commit, commitFirstTime, putItem } from '../../../db/commit.ts';
import { awardPut, deadlinePut, roundFundedItems } from '../../../db/designation.ts';
import { enterStage } from '../../../db/pipeline.ts';
import {
  fundedRowOf,
  isSelected,
  loadSelectionRow,
  pageSelectionRows,
  type SelectionRowItem,
} from '../../../db/selection.ts';
import { allocateAward, implementationDeadlines } from '../../../domain/award.ts';
import { designationDraft } from '../../../domain/notify-events.ts';
import { PIPELINE_COMPONENT as COMPONENT } from '../../../domain/pipeline.ts';
import { TaskError } from '../../../errors.ts';
import { syncNotice } from '../../notice.ts';
import { confirmedMembers, writeAll } from '../../notify-events.ts';
import { type PageInput, runPage } from '../paging.ts';

/** Stage DesignateBatch: designates one page of the alliances still selected (see ../paging.ts). */
export async function designateBatch(input: PageInput & { executionId: string }) {
  if (!input.cursor) {
    // The first page: the notice as it stands when designation starts, and the stage.
    await syncNotice(input.roundId);
    await enterStage({ roundId: input.roundId, stage: 'designation', by: COMPONENT });
  }
  return runPage(
    input,
    'designation',
    // The selection rows (the round's partition, read consistently): the alliances still selected.
    async (cursor, limit) => {
      const page = await pageSelectionRows(input.roundId, cursor, limit);
      return { ...page, items: page.items.filter(isSelected) };
    },
    (row) => designate(input.roundId, row.allianceId, input.executionId, row),
  );
}

/** Statuses in which an alliance left the selection on its own account or by objection: skipped, not failed. */
const LEFT_SELECTION = new Set(['withdrawn', 'dropped']);

/** A selected alliance that withdrew (or was dropped) before its turn: audited, not designated. */
async function skipDesignation(
  roundId: string,
  allianceId: string,
  status: string,
  executionId: string,
  now: Date,
) {
  await commit([
    allianceAudit(
      allianceId,
      {
        action: 'pipeline.designation-skipped',
        actor: systemActor(COMPONENT, executionId),
        reason: `not designated: the alliance is ${status}`,
        data: { roundId },
      },
      now,
    ),
  ]);
  return { allianceId, designated: false, reused: false, dropped: true };
}

/**
 * Designates one alliance: its award, its dedicated account (budget lines) and its deadlines (once).
 * Reads only the alliance's selection row and the alliance. Dropped or withdrawn since the list was
 * read: nothing to designate, not a failure (audited when the row did not say so). Any other status
 * than selected (or designated, a re-run) is an error: designating it would fund what nobody selected.
 */
export async function designate(
  roundId: string,
  allianceId: string,
  executionId: string,
  /** The alliance's selection row when the caller has just read it (consistently); else it is read. */
  paged?: SelectionRowItem,
  now = new Date(),
) {
  const row = paged ?? (await loadSelectionRow(roundId, allianceId));
  if (row?.dropped) return { allianceId, designated: false, reused: false, dropped: true };
  const funded = fundedRowOf(row);
  if (!funded)
    throw new TaskError(
      'NotSelected',
      `alliance ${allianceId} is not in the approved selection of ${roundId}`,
    );
  const loaded = await loadAllianceWithMembers(allianceId);
  if (!loaded) throw new TaskError('AllianceNotFound', `alliance ${allianceId}`);
  const { alliance } = loaded;
  const unexpected = (status: string) =>
    new TaskError(
      'UnexpectedAllianceStatus',
      `alliance ${allianceId} of round ${roundId} is ${status}, not selected: it is not designated`,
    );
  if (LEFT_SELECTION.has(alliance.status))
    return skipDesignation(roundId, allianceId, alliance.status, executionId, now);
  if (alliance.status !== 'selected' && alliance.status !== 'designated') throw unexpected(alliance.status);
  const at = now.toISOString();
  const lines = allocateAward(alliance.budgetLines ?? [], funded.award);
  const deadlines = alliance.period ? implementationDeadlines(alliance.period) : [];
  const granted = await putItem(
    awardPut({
      roundId,
      allianceId,
      amount: funded.award,
      requested: funded.requested,
      rank: funded.rank,
      lines,
      designatedAt: at,
    }),
  );
  // Each write is once-only, so a step cut short (award written, deadlines not yet) is completed on
  // a re-run, and one that finished changes nothing: a deadline or status already written stays.
  for (const d of deadlines) await putItem(deadlinePut(roundId, allianceId, d, at));
  const moved = await setAllianceStatus(
    allianceId,
    'designated',
    ['selected'],
    `designated with an award of ¥${funded.award}`,
    executionId,
  );
  if (!moved) {
    // Not selected any more: designated already (a re-run), or it left the selection meanwhile.
    const status = (await loadAlliance(allianceId))?.status ?? 'missing';
    if (LEFT_SELECTION.has(status)) return skipDesignation(roundId, allianceId, status, executionId, now);
    if (status !== 'designated') throw unexpected(status);
  }
  // Each member is told of the award, once per round (a re-run of the page writes nothing new).
  const ref = { allianceId, allianceName: alliance.name ?? allianceId };
  await writeAll(
    confirmedMembers(loaded.members).map((m) => designationDraft(roundId, ref, m, funded.award)),
    now,
  );
  return { allianceId, designated: true, reused: !granted };
}

export async function completeDesignation(roundId: string, executionId: string, now = new Date()) {
  await commitFirstTime(roundFundedItems(roundId, executionId, now)); // funded already: a retried step
  await enterStage({ roundId, stage: 'implementation', status: 'SUCCEEDED', by: COMPONENT });
  return { roundId, funded: true };
}
