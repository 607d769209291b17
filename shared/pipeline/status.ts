/** The pipeline-status item of a round: current stage, what it waits on, and its history. */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../aws/clients.ts';
import { env } from '../config.ts';
import { keys } from '../db/keys.ts';
import { type PipelineStage, stagesBefore } from '../domain/pipeline.ts';

export interface StageUpdate {
  roundId: string;
  stage: PipelineStage;
  by: string;
  waitingOn?: string;
  note?: string;
  status?: 'RUNNING' | 'FAILED' | 'SUCCEEDED';
  extra?: Record<string, unknown>;
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
  earlier.forEach((stage, i) => {
    values[`:before${i}`] = stage;
  });
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
  for (const [i, [key, value]] of Object.entries(update.extra ?? {}).entries()) {
    names[`#x${i}`] = key;
    values[`:x${i}`] = value;
    sets.push(`#x${i} = :x${i}`);
  }
  try {
    await documentClient().send(
      new UpdateCommand({
        TableName: env('tableName'),
        Key: keys.pipeline(update.roundId),
        UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
        ConditionExpression: earlier.length
          ? `attribute_not_exists(#stage) OR #stage IN (${earlier.map((_, i) => `:before${i}`).join(', ')})`
          : 'attribute_not_exists(#stage)',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

/** Creates the status item when a round's pipeline is first started; a later start changes nothing. */
export async function initPipeline(roundId: string, executionArn: string, by: string, now = new Date()) {
  const at = now.toISOString();
  try {
    await documentClient().send(
      new PutCommand({
        TableName: env('tableName'),
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
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}
