/**
 * Completing a callback gate: the API's side of `waitForTaskToken`. The gate item holds the task
 * token the pipeline stored; the first caller to flip it from open to closed sends the token back
 * to Step Functions, so a gate is never completed twice. Tokens never travel in URLs.
 */
import { InvalidToken, SendTaskSuccessCommand, TaskDoesNotExist, TaskTimedOut } from '@aws-sdk/client-sfn';
import { sfnClient } from '../../aws/clients.ts';
import { claimGate, loadGate, setGateStatus } from '../../db/gates.ts';
import { conflict } from '../../domain/errors.ts';
import type { GateName } from '../../domain/pipeline.ts';

export { type GateItem, loadGate } from '../../db/gates.ts';

/**
 * Sends the gate's token back with `output`. Returns false when the gate is not open (not reached
 * yet, or already completed by someone else): the caller decides whether that is an error.
 */
export async function completeGate(
  roundId: string,
  gate: GateName,
  output: Record<string, unknown>,
  by: string,
): Promise<boolean> {
  const current = await loadGate(roundId, gate);
  if (current?.status !== 'open') return false;
  if (!(await claimGate(roundId, gate, current.taskToken, by))) return false;
  try {
    await sfnClient().send(
      new SendTaskSuccessCommand({ taskToken: current.taskToken, output: JSON.stringify(output) }),
    );
  } catch (error) {
    if (error instanceof TaskTimedOut || error instanceof TaskDoesNotExist || error instanceof InvalidToken) {
      await setGateStatus(roundId, gate, 'expired');
      throw conflict({
        en: `the pipeline no longer waits at the ${gate} step (${error.name}); see the round's pipeline status`,
        zh: `流程已不再停留在 ${gate} 步骤（${error.name}），请查看本批次的流程状态`,
      });
    }
    // Transient: reopen so the next call can try again.
    await setGateStatus(roundId, gate, 'open');
    throw error;
  }
  return true;
}
