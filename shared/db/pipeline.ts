/**
 * A round's pipeline in the table: the PIPELINE status item (current stage, what it waits on, and
 * its history), the gate items the pipeline opens (closing them is shared/db/gates.ts's), and the
 * pipeline tasks' own transactions.
 */

import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { type GateName, type PipelineStage, stagesBefore } from '../domain/pipeline.ts';
import { commit, putItem, type TxItem, updateItem } from './commit.ts';
import { inList, setExtra } from './expressions.ts';
import { keys } from './keys.ts';
import { getItem } from './query.ts';
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
}

/** The round's pipeline status item, or undefined when its pipeline has never been started. */
export async function loadPipeline(roundId: string): Promise<PipelineItem | undefined> {
  return (await getItem(keys.pipeline(roundId))) as PipelineItem | undefined;
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
