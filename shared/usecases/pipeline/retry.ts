/**
 * Retrying a round whose pipeline failed (POST /v1/rounds/{id}/pipeline/retry): a new execution,
 * round-<id>-<attempt>, that resumes where the failed one stopped. It runs the state machine from
 * its start, and every step is idempotent — what is done is found and kept (assignments, reviews,
 * the selection, the notice, awards), and a gate the people already got past completes itself — so
 * it passes quickly through what is done and carries on at the step that failed. Step Functions on
 * AWS works the same way: a new execution of the same state machine, with the same input.
 */
import { ExecutionAlreadyExists, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { sfnClient } from '../../aws/clients.ts';
import { env } from '../../config.ts';
import { roundAudit } from '../../db/audit.ts';
import { commit } from '../../db/commit.ts';
import { type AttemptRecord, loadPipeline, retryNotStarted, retryUpdate } from '../../db/pipeline.ts';
import { loadRoundStatus } from '../../db/rounds.ts';
import { byWhom, type Principal, userActor } from '../../domain/actors.ts';
import { conflict, notFound, nouns, unavailable } from '../../domain/errors.ts';
import {
  executionNameForAttempt,
  failureSummary,
  type PipelineStage,
  stagesBefore,
} from '../../domain/pipeline.ts';
import { executionArnFor } from './start.ts';
import { executionStatus } from './status.ts';

const FAILED = new Set(['FAILED', 'TIMED_OUT', 'ABORTED']);

export async function retryPipeline(principal: Principal, roundId: string, reason: string, now = new Date()) {
  const item = await loadPipeline(roundId);
  if (!item?.executionArn) {
    if (!(await loadRoundStatus(roundId))) throw notFound(nouns.round(roundId));
    throw conflict({
      en: `the pipeline of round ${roundId} has not started; close the round to start it`,
      zh: `申报批次 ${roundId} 的流程尚未启动；请先截止申报以启动流程`,
    });
  }
  const live = await executionStatus(item.executionArn);
  const attempt = item.attempt ?? 1;
  if (live === 'RUNNING') {
    throw conflict({
      en: `the pipeline of round ${roundId} is running (attempt ${attempt}, stage ${item.stage}); only a run that failed can be retried`,
      zh: `申报批次 ${roundId} 的流程正在运行（第 ${attempt} 次，阶段 ${item.stage}），只有失败的流程才能重试`,
    });
  }
  // Step Functions no longer knowing the run (live undefined) means it is gone, whatever the status
  // item last recorded: that run can be retried too, unless the round had finished.
  const failed = live ? FAILED.has(live) : item.status !== 'SUCCEEDED';
  if (!failed) {
    throw conflict({
      en: `nothing failed in the pipeline of round ${roundId} (${live ?? item.status}, stage ${item.stage})`,
      zh: `申报批次 ${roundId} 的流程没有失败（${live ?? item.status}，阶段 ${item.stage}），无需重试`,
    });
  }
  const resumeStage =
    item.failure?.stage ?? (item.stage !== 'failed' ? item.stage : lastStageBefore(item)) ?? 'starting';
  const next = attempt + 1;
  const executionName = executionNameForAttempt(roundId, next);
  const stateMachineArn = env('roundPipelineArn');
  const executionArn = executionArnFor(stateMachineArn, executionName);
  const previous: AttemptRecord = {
    attempt,
    executionName: item.executionArn.slice(item.executionArn.lastIndexOf(':') + 1),
    executionArn: item.executionArn,
    ...(item.attemptStartedAt || item.startedAt
      ? { startedAt: item.attemptStartedAt ?? item.startedAt }
      : {}),
    outcome: live ?? item.status,
    ...(item.failure ? { error: failureSummary(item.failure.error, item.failure.cause) } : {}),
    ...(item.failure?.stage ? { stage: item.failure.stage } : {}),
  };
  const by = byWhom(principal);
  await commit(
    [
      retryUpdate(
        {
          roundId,
          previousArn: item.executionArn,
          previous,
          attempt: next,
          executionArn,
          // The stage before the one that failed: the new run enters the failed stage itself, with
          // what it waits on, when it gets there.
          resumeStage: stagesBefore(resumeStage as PipelineStage).at(-1) ?? 'starting',
          by,
          reason,
        },
        now,
      ),
      roundAudit(
        roundId,
        {
          action: 'pipeline.retried',
          actor: userActor(principal),
          reason,
          data: { attempt: next, executionName, resumesAt: resumeStage, previous },
        },
        now,
      ),
    ],
    conflict({
      en: `the pipeline of round ${roundId} changed meanwhile (another retry?); reload its status`,
      zh: `申报批次 ${roundId} 的流程已被同时修改（可能已有人重试），请刷新流程状态`,
    }),
  );
  try {
    await sfnClient().send(
      new StartExecutionCommand({ stateMachineArn, name: executionName, input: JSON.stringify({ roundId }) }),
    );
  } catch (error) {
    if (!(error instanceof ExecutionAlreadyExists)) {
      await retryNotStarted(roundId, executionArn, {
        error: (error as Error).name ?? 'Error',
        cause: `the retry could not be started: ${(error as Error).message}`,
        stage: resumeStage,
      });
      throw unavailable({
        en: 'Step Functions (starting the retry; try again)',
        zh: 'Step Functions（启动重试失败，请再试一次）',
      });
    }
  }
  return { roundId, attempt: next, executionName, resumesAt: resumeStage };
}

/** The last stage the history recorded before the run failed. */
function lastStageBefore(item: { history?: { stage: string }[] }): string | undefined {
  return [...(item.history ?? [])].reverse().find((h) => h.stage !== 'failed')?.stage;
}
