/**
 * Where a round's pipeline is (GET /v1/rounds/{id}/pipeline): the stage its tasks recorded on the
 * status item, what that stage waits on (a gate's words in the caller's language), and the live
 * status of its execution. Recording stages is the data layer's (shared/db/pipeline.ts).
 */
import { DescribeExecutionCommand, ExecutionDoesNotExist } from '@aws-sdk/client-sfn';
import { sfnClient } from '../../aws/clients.ts';
import { loadPipeline } from '../../db/pipeline.ts';
import { loadRoundStatus } from '../../db/rounds.ts';
import { notFound, nouns } from '../../domain/errors.ts';
import { executionNameForRound, waitingOnIn } from '../../domain/pipeline.ts';
import type { Lang } from '../../domain/text.ts';

type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED' | 'NOT_STARTED';

/** The execution's own status; undefined when Step Functions does not know it (any more). */
async function executionStatus(executionArn: string): Promise<ExecutionStatus | undefined> {
  try {
    const execution = await sfnClient().send(new DescribeExecutionCommand({ executionArn }));
    return execution.status as ExecutionStatus | undefined;
  } catch (error) {
    if (error instanceof ExecutionDoesNotExist) return undefined;
    throw error;
  }
}

/** The round's pipeline status (the PipelineStatus schema); NOT_STARTED before its pipeline starts. */
export async function roundPipelineStatus(roundId: string, lang: Lang) {
  const executionName = executionNameForRound(roundId);
  const item = await loadPipeline(roundId);
  if (!item) {
    if (!(await loadRoundStatus(roundId))) throw notFound(nouns.round(roundId));
    return { roundId, executionName, status: 'NOT_STARTED' as const, stage: 'not-started', history: [] };
  }
  const live = typeof item.executionArn === 'string' ? await executionStatus(item.executionArn) : undefined;
  return {
    roundId,
    executionName,
    status: live ?? (item.status as ExecutionStatus),
    stage: item.stage,
    ...(item.waitingOn ? { waitingOn: waitingOnIn(item.waitingOn, lang) } : {}),
    startedAt: item.startedAt,
    updatedAt: item.updatedAt,
    history: item.history ?? [],
  };
}
