/**
 * Stage CheckSupplement (递补): after the objections, whether freed money awaits the programme
 * office's decision (→ AwaitSupplementDecision), a supplementary notice period is still running
 * (→ WaitSupplementaryNotice, then objections again), or designation may start.
 */

import { commit } from '../../../db/commit.ts';
import { enterStage } from '../../../db/pipeline.ts';
import { loadSelection, uncoveredDropCount } from '../../../db/selection.ts';
import { loadSupplements, supplementNoticeEndedUpdate } from '../../../db/supplements.ts';
import { PIPELINE_COMPONENT as COMPONENT } from '../../../domain/pipeline.ts';
import { supplementProposal } from '../../supplement.ts';

export type SupplementStep = { next: 'decide' } | { next: 'notice'; endsAt: string } | { next: 'done' };

export async function checkSupplement(roundId: string): Promise<SupplementStep> {
  const selection = await loadSelection(roundId);
  if (selection?.status !== 'approved' || !selection.approved) return { next: 'done' };
  if (uncoveredDropCount(selection) > 0) {
    // Freed money a 递补 could spend: the office decides (when nobody fits, there is nothing to decide).
    const { proposal } = await supplementProposal(roundId, selection);
    if (proposal.additions.length > 0) return { next: 'decide' };
  }
  // A supplementary notice the pipeline has not waited out yet (time is the Wait state's business,
  // as for the main notice period).
  const running = (selection.supplementCount ? await loadSupplements(roundId) : [])
    .flatMap((s) => (s.endsAt && !s.noticeEnded ? [s.endsAt] : []))
    .sort()
    .at(-1);
  if (running) {
    await enterStage({
      roundId,
      stage: 'supplement',
      by: COMPONENT,
      waitingOn: `the supplementary notice period (objections until ${running})`,
    });
    return { next: 'notice', endsAt: running };
  }
  return { next: 'done' };
}

/** After WaitSupplementaryNotice: every supplementary notice period it waited for is over. */
export async function endSupplementaryNotice(roundId: string) {
  const ended = (await loadSupplements(roundId)).filter((s) => s.endsAt && !s.noticeEnded);
  if (ended.length) await commit(ended.map((s) => supplementNoticeEndedUpdate(roundId, s.n)));
  return { roundId, ended: ended.map((s) => s.n) };
}
