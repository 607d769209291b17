/**
 * A round's pipeline in the table: the PIPELINE status item (current stage, what it waits on, and
 * its history), the gate items the pipeline opens (closing them is shared/db/gates.ts's), and the
 * pipeline tasks' own transactions.
 */

import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { type GateName, type PipelineStage, stagesBefore } from '../domain/pipeline.ts';
import { commit, putItem, type TxItem, updateItem } from './commit.ts';
import { inList, setExtra } from './expressions.ts';
import { indexKeys, keys } from './keys.ts';
import { getItem } from './query.ts';
import { forgetReads } from './request-scope.ts';
import { table } from './table.ts';

export interface StageUpdate {
  roundId: string;
  stage: PipelineStage;
  by: string;
  waitingOn?: string;
  note?: string;
  status?: 'RUNNING' | 'FAILED' | 'SUCCEEDED';
  extra?: Record<string, unknown>;
}

export interface StageEntry {
  stage: string;
  at: string;
  by: string;
  note?: string;
}

/** An earlier run of a round's pipeline (the current one is described by the item itself). */
export interface AttemptRecord {
  attempt: number;
  executionName: string;
  executionArn: string;
  startedAt?: string;
  /** How it ended. */
  outcome: string;
  /** What failed, for a person: error name and one line (never a trace). */
  error?: { error: string; message: string };
  /** The stage it failed in. */
  stage?: string;
}

/** The PIPELINE item of a round. */
export interface PipelineItem {
  roundId: string;
  executionArn?: string;
  stage: string;
  status: 'RUNNING' | 'FAILED' | 'SUCCEEDED';
  waitingOn?: string;
  startedAt?: string;
  updatedAt?: string;
  history?: StageEntry[];
  /** The current run's number (1 when absent) and when it started. */
  attempt?: number;
  attemptStartedAt?: string;
  /** Earlier runs, oldest first. */
  attempts?: AttemptRecord[];
  /** The current run's failure, once RecordFailure has recorded it. */
  failure?: { error: string; cause: string; stage?: string };
  /** How far a paged step (screening, applying the selection, designation) has got. */
  progress?: PipelineProgress;
}

/** A paged step's progress: alliances processed so far by this run, and whether it is done. */
export interface PipelineProgress {
  step: string;
  processed: number;
  done: boolean;
  at: string;
}

/** The round's pipeline status item, or undefined when its pipeline has never been started. */
export async function loadPipeline(roundId: string): Promise<PipelineItem | undefined> {
  return (await getItem(keys.pipeline(roundId))) as PipelineItem | undefined;
}

/**
 * The status item read from the table again, not from this request's memo of it
 * (request-scope.ts): for a reader that learned it may have changed since its first read.
 */
export async function reloadPipeline(roundId: string): Promise<PipelineItem | undefined> {
  forgetReads();
  return loadPipeline(roundId);
}

/**
 * Moves the round forward to `stage`. Only forward (lifecycle order of `pipelineStages`; 'failed'
 * from anywhere): a retried task, or an execution replayed from the start after the local runner
 * restarts, re-enters stages the round has passed, and that must change nothing.
 */
export async function enterStage(update: StageUpdate, now = new Date()): Promise<boolean> {
  const at = now.toISOString();
  const names: Record<string, string> = { '#stage': 'stage', '#status': 'status', '#history': 'history' };
  const values: Record<string, unknown> = {
    ':stage': update.stage,
    ':status': update.status ?? 'RUNNING',
    ':at': at,
    ':entry': [{ stage: update.stage, at, by: update.by, ...(update.note ? { note: update.note } : {}) }],
    ':empty': [],
    ':roundId': update.roundId,
  };
  const earlier = stagesBefore(update.stage);
  const sets = [
    '#stage = :stage',
    '#status = :status',
    'updatedAt = :at',
    'roundId = :roundId',
    '#history = list_append(if_not_exists(#history, :empty), :entry)',
    'startedAt = if_not_exists(startedAt, :at)',
  ];
  const removes: string[] = [];
  if (update.waitingOn) {
    sets.push('waitingOn = :waitingOn');
    values[':waitingOn'] = update.waitingOn;
  } else removes.push('waitingOn');
  setExtra(update.extra, sets, names, values);
  const out = await updateItem({
    TableName: table(),
    Key: keys.pipeline(update.roundId),
    UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
    ConditionExpression: earlier.length
      ? `attribute_not_exists(#stage) OR #stage IN ${inList(earlier, 'before', values)}`
      : 'attribute_not_exists(#stage)',
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  });
  return out !== false;
}

/** Creates the status item when a round's pipeline is first started; a later start changes nothing. */
export async function initPipeline(roundId: string, executionArn: string, by: string, now = new Date()) {
  const at = now.toISOString();
  return putItem({
    TableName: table(),
    Item: {
      ...keys.pipeline(roundId),
      type: 'pipeline',
      roundId,
      executionArn,
      stage: 'starting',
      status: 'RUNNING',
      startedAt: at,
      updatedAt: at,
      history: [{ stage: 'starting', at, by }],
    },
    ConditionExpression: 'attribute_not_exists(pk)',
  });
}

/**
 * Stores a gate's task token. The latest token wins: a retried or restarted task replaces the gate
 * with its own token.
 */
export async function openGateItem(
  gate: { roundId: string; gate: GateName; taskToken: string; executionId: string; waitingOn: string },
  now = new Date(),
): Promise<void> {
  await putItem({
    TableName: table(),
    Item: {
      ...keys.gate(gate.roundId, gate.gate),
      type: 'gate',
      roundId: gate.roundId,
      gate: gate.gate,
      status: 'open',
      taskToken: gate.taskToken,
      executionId: gate.executionId,
      openedAt: now.toISOString(),
      waitingOn: gate.waitingOn,
      // In the open-gates index while open (closing removes it): how long a round has waited.
      gsi1pk: indexKeys.openGates(),
      gsi1sk: `${now.toISOString()}#${gate.roundId}#${gate.gate}`,
    },
  });
}

/**
 * A pipeline task's transaction, which a retried or replayed task may attempt again: false when it
 * was cancelled (a concurrent or earlier attempt already made the change, or a condition no longer
 * holds), so the task carries on as if it had made it.
 */
export async function commitTask(items: readonly TxItem[]): Promise<boolean> {
  try {
    await commit(items);
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException || error instanceof TransactionCanceledException)
      return false;
    throw error;
  }
}

/** Whether a pipeline step of the round has run to its end (see stepDonePut). */
export async function stepDone(roundId: string, step: string): Promise<boolean> {
  return (await getItem(keys.stepDone(roundId, step))) !== undefined;
}

/**
 * Marks a step of the round done, once: put first in the step's last transaction, so a re-run
 * (a retry or a restart) finds it and neither repeats the step's side effects nor its audit record.
 */
export function stepDonePut(roundId: string, step: string, executionId: string, now = new Date()): TxItem {
  return {
    Put: {
      TableName: table(),
      Item: {
        ...keys.stepDone(roundId, step),
        type: 'pipeline-step',
        roundId,
        step,
        executionId,
        at: now.toISOString(),
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

export interface RetryStart {
  roundId: string;
  /** The run being replaced: the update holds only while it is still the current one. */
  previousArn: string;
  previous: AttemptRecord;
  attempt: number;
  executionArn: string;
  resumeStage: string;
  by: string;
  reason: string;
}

/**
 * Makes a new run the round's current one: the stage back to where the failed run stopped, status
 * RUNNING, the failed run appended to `attempts`. Conditional on the failed run still being current,
 * so two admins retrying at once start one run.
 */
export function retryUpdate(retry: RetryStart, now = new Date()): TxItem {
  const at = now.toISOString();
  return {
    Update: {
      TableName: table(),
      Key: keys.pipeline(retry.roundId),
      UpdateExpression:
        'SET executionArn = :arn, #status = :running, #stage = :stage, updatedAt = :at, attempt = :attempt, ' +
        'attemptStartedAt = :at, attempts = list_append(if_not_exists(attempts, :empty), :previous), ' +
        '#history = list_append(if_not_exists(#history, :empty), :entry) REMOVE waitingOn, failure',
      ConditionExpression: 'executionArn = :previousArn',
      ExpressionAttributeNames: { '#status': 'status', '#stage': 'stage', '#history': 'history' },
      ExpressionAttributeValues: {
        ':arn': retry.executionArn,
        ':running': 'RUNNING',
        ':stage': retry.resumeStage,
        ':at': at,
        ':attempt': retry.attempt,
        ':empty': [],
        ':previous': [retry.previous],
        ':entry': [
          { stage: retry.resumeStage, at, by: retry.by, note: `attempt ${retry.attempt}: ${retry.reason}` },
        ],
        ':previousArn': retry.previousArn,
      },
    },
  };
}

/** A retry whose execution could not be started: the round is FAILED again, with why. */
export async function retryNotStarted(
  roundId: string,
  executionArn: string,
  failure: { error: string; cause: string; stage: string },
) {
  await updateItem({
    TableName: table(),
    Key: keys.pipeline(roundId),
    UpdateExpression: 'SET #status = :failed, #stage = :failedStage, failure = :failure, updatedAt = :at',
    ConditionExpression: 'executionArn = :arn',
    ExpressionAttributeNames: { '#status': 'status', '#stage': 'stage' },
    ExpressionAttributeValues: {
      ':failed': 'FAILED',
      ':failedStage': 'failed',
      ':failure': failure,
      ':at': new Date().toISOString(),
      ':arn': executionArn,
    },
  });
}

/** Sets one attribute of the status item (and updatedAt), only while the pipeline runs. */
async function setWhileRunning(
  roundId: string,
  attribute: 'waitingOn' | 'progress',
  value: unknown,
  now: Date,
) {
  await updateItem({
    TableName: table(),
    Key: keys.pipeline(roundId),
    UpdateExpression: 'SET #attribute = :value, updatedAt = :at',
    ConditionExpression: '#status = :running',
    ExpressionAttributeNames: { '#attribute': attribute, '#status': 'status' },
    ExpressionAttributeValues: { ':value': value, ':at': now.toISOString(), ':running': 'RUNNING' },
  });
}

/**
 * What the round waits on now, when its stage stays (a gate re-opened in a later stage, e.g. the
 * objections to a supplementary notice): only while the pipeline runs.
 */
export async function setWaitingOn(roundId: string, waitingOn: string, now = new Date()): Promise<void> {
  await setWhileRunning(roundId, 'waitingOn', waitingOn, now);
}

/** Records how far a paged step has got (one small update per page; only while the pipeline runs). */
export async function setProgress(roundId: string, progress: Omit<PipelineProgress, 'at'>, now = new Date()) {
  await setWhileRunning(roundId, 'progress', { ...progress, at: now.toISOString() }, now);
}
