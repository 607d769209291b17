/**
 * Where a round's pipeline is (GET /v1/rounds/{id}/pipeline): the stage its tasks recorded on the
 * status item, what that stage waits on (a gate's words in the caller's language), and the live
 * status of its execution. Recording stages is the data layer's (shared/db/pipeline.ts).
 */
import { DescribeExecutionCommand, ExecutionDoesNotExist } from '@aws-sdk/client-sfn';
import { sfnClient } from '../../aws/clients.ts';
import { loadPipeline, reloadPipeline } from '../../db/pipeline.ts';
import { loadRoundStatus } from '../../db/rounds.ts';
import { notFound, nouns } from '../../domain/errors.ts';
import { executionNameForRound, failureSummary, waitingOnIn } from '../../domain/pipeline.ts';
import type { Lang } from '../../domain/text.ts';

export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED' | 'NOT_STARTED';

/** The execution's own status; undefined when Step Functions does not know it (any more). */
export async function executionStatus(executionArn: string): Promise<ExecutionStatus | undefined> {
  try {
    const execution = await sfnClient().send(new DescribeExecutionCommand({ executionArn }));
    return execution.status as ExecutionStatus | undefined;
  } catch (error) {
    if (error instanceof ExecutionDoesNotExist) return undefined;
    throw error;
  }
}

/** The name of the execution an ARN names (its last segment). */
const nameOf = (executionArn: string) => executionArn.slice(executionArn.lastIndexOf(':') + 1);

/** The round's pipeline status (the PipelineStatus schema); NOT_STARTED before its pipeline starts. */
export async function roundPipelineStatus(roundId: string, lang: Lang) {
  let item = await loadPipeline(roundId);
  if (!item) {
    if (!(await loadRoundStatus(roundId))) throw notFound(nouns.round(roundId));
    return {
      roundId,
      executionName: executionNameForRound(roundId),
      status: 'NOT_STARTED' as const,
      stage: 'not-started',
      history: [],
    };
  }
  const executionName = item.executionArn ? nameOf(item.executionArn) : executionNameForRound(roundId);
  const live = item.executionArn ? await executionStatus(item.executionArn) : undefined;
  // The run may have ended between the two reads (its last step writes the item, then it ends):
  // read the item again (from the table: within a request the first read is memoised), so an
  // ended run is never shown with the stage it had before its last step.
  if (live && live !== 'RUNNING' && item.status === 'RUNNING') item = (await reloadPipeline(roundId)) ?? item;
  const status = live ?? (item.status as ExecutionStatus);
  const attempt = item.attempt ?? 1;
  const failure = item.failure ? failureSummary(item.failure.error, item.failure.cause) : undefined;
  return {
    roundId,
    executionName,
    status,
    stage: item.stage,
    ...(item.waitingOn ? { waitingOn: waitingOnIn(item.waitingOn, lang) } : {}),
    startedAt: item.startedAt,
    updatedAt: item.updatedAt,
    attempt,
    attempts: [
      ...(item.attempts ?? []),
      {
        attempt,
        executionName,
        executionArn: item.executionArn ?? '',
        ...(item.attemptStartedAt || item.startedAt
          ? { startedAt: item.attemptStartedAt ?? item.startedAt }
          : {}),
        outcome: status,
        ...(failure ? { error: failure } : {}),
        ...(item.failure?.stage ? { stage: item.failure.stage } : {}),
      },
    ].map(({ executionArn: _arn, ...visible }) => visible),
    ...(failure
      ? { failure: { ...failure, ...(item.failure?.stage ? { stage: item.failure.stage } : {}) } }
      : {}),
    ...(item.progress ? { progress: item.progress } : {}),
    history: item.history ?? [],
  };
}
