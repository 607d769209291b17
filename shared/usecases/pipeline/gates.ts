/**
 * Completing a callback gate: the API's side of `waitForTaskToken`. The gate item holds the task
 * token the pipeline stored; the first caller to flip it from open to closed sends the token back
 * to Step Functions, so a gate is never completed twice. Tokens never travel in URLs.
 */
import { InvalidToken, SendTaskSuccessCommand, TaskDoesNotExist, TaskTimedOut } from '@aws-sdk/client-sfn';
import { sfnClient } from '../../aws/clients.ts';
import { claimGate, type GateItem, loadGate, setGateStatus } from '../../db/gates.ts';
import { loadSelection, uncoveredDropCount } from '../../db/selection.ts';
import type { GateName } from '../../domain/pipeline.ts';
import { logger } from '../../logger.ts';
import { recountTally, reviewsDone, screeningDone } from './tallies.ts';

export { type GateItem, loadGate } from '../../db/gates.ts';

/**
 * Sends the gate's token back with `output`. Returns false when the gate is not open (not reached
 * yet, or already completed by someone else): the caller decides whether that is an error.
 *
 * A token whose run is gone (the stack restarted, or the run failed: TaskDoesNotExist,
 * TaskTimedOut, InvalidToken) still counts: the people are done, the gate stays closed, and the run
 * that opens it next (the restarted or retried one) finds it closed and completes itself. When the
 * gate was re-opened meanwhile with a new token, the claim is tried again with that one.
 */
export async function completeGate(
  roundId: string,
  gate: GateName,
  output: Record<string, unknown>,
  by: string,
): Promise<boolean> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const current = await loadGate(roundId, gate);
    if (current?.status !== 'open') return false;
    if (!(await claimGate(roundId, gate, current.taskToken, by))) continue; // closed by someone, or a new token
    try {
      await sfnClient().send(
        new SendTaskSuccessCommand({ taskToken: current.taskToken, output: JSON.stringify(output) }),
      );
    } catch (error) {
      if (
        error instanceof TaskTimedOut ||
        error instanceof TaskDoesNotExist ||
        error instanceof InvalidToken
      ) {
        logger.info('gate completed after its run ended; the next run that opens it completes at once', {
          roundId,
          gate,
          error: error.name,
        });
        return true;
      }
      // Transient: reopen so the next call can try again.
      await setGateStatus(roundId, gate, 'open');
      throw error;
    }
    return true;
  }
  return false;
}

/**
 * Whether what a gate waits for already holds, and the output it would have been completed with;
 * undefined while people still have something to do.
 * - screening: every screened alliance has a decision (a round with none still needs an admin's
 *   explicit "complete", as before), or the gate was completed before;
 * - review: every active assignment has its review, or the gate was completed before (by the last
 *   review, an admin closing reviews early, or the deadline's ConcludeReviews in an earlier run);
 * - selection approval: the selection is approved;
 * - objections: no objection is open (the gate reopens while CheckObjections finds open ones);
 * - supplement (递补): every dropped alliance's freed money has a fill-or-decline decision.
 * Screening, review and objections recount their tally here, once per opening (./tallies.ts); the
 * decisions made at the gate then keep it, each in its own transaction.
 */
export async function gateSatisfied(
  roundId: string,
  gate: GateName,
  previous: GateItem | undefined,
): Promise<Record<string, unknown> | undefined> {
  const completedBefore = previous?.status === 'closed';
  switch (gate) {
    case 'screening': {
      // Counted from the records once per opening; the decisions keep it from here on.
      const tally = await recountTally(roundId, 'screening');
      if (!screeningDone(tally) && !completedBefore) return undefined;
      return { passed: tally.passed, rejected: tally.rejected };
    }
    case 'review': {
      const tally = await recountTally(roundId, 'review');
      if (completedBefore) return { allReviewsIn: false, completedBefore: true };
      return reviewsDone(tally) ? { allReviewsIn: true } : undefined;
    }
    case 'selection-approval':
      return (await loadSelection(roundId))?.status === 'approved' ? { approved: true } : undefined;
    case 'objections':
      return (await recountTally(roundId, 'objections')).open === 0 ? { resolved: true } : undefined;
    case 'supplement': {
      const selection = await loadSelection(roundId);
      return selection && uncoveredDropCount(selection) <= 0 ? { decided: true } : undefined;
    }
  }
}
