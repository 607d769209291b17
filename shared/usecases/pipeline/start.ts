/** Starting a round's pipeline: one Standard execution per round, named from the round id. */
import { ExecutionAlreadyExists, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { sfnClient } from '../../aws/clients.ts';
import { env } from '../../config.ts';
import { initPipeline } from '../../db/pipeline.ts';
import { executionNameForRound } from '../../domain/pipeline.ts';
import { logger } from '../../logger.ts';

export interface StartResult {
  executionArn: string;
  alreadyStarted: boolean;
}

/** The ARN Step Functions gives the execution of `name` (…:stateMachine:X → …:execution:X:name). */
export const executionArnFor = (stateMachineArn: string, name: string) =>
  `${stateMachineArn.replace(':stateMachine:', ':execution:')}:${name}`;

/**
 * Records the pipeline's first stage (only if the round has none yet), then starts the execution.
 * Recording first means the execution's own stage updates can never be overwritten by it.
 */
export async function startRoundPipeline(roundId: string, by: string): Promise<StartResult> {
  const stateMachineArn = env('roundPipelineArn');
  const name = executionNameForRound(roundId);
  await initPipeline(roundId, executionArnFor(stateMachineArn, name), by);
  try {
    const out = await sfnClient().send(
      new StartExecutionCommand({ stateMachineArn, name, input: JSON.stringify({ roundId }) }),
    );
    return { executionArn: out.executionArn!, alreadyStarted: false };
  } catch (error) {
    if (error instanceof ExecutionAlreadyExists) {
      logger.info('pipeline already started for round', { roundId, name });
      return { executionArn: executionArnFor(stateMachineArn, name), alreadyStarted: true };
    }
    throw error;
  }
}
