/**
 * Completing a callback gate: the API's side of `waitForTaskToken`. The gate item holds the task
 * token the pipeline stored; the first caller to flip it from open to closed sends the token back
 * to Step Functions, so a gate is never completed twice. Tokens never travel in URLs.
 */
import { InvalidToken, SendTaskSuccessCommand, TaskDoesNotExist, TaskTimedOut } from '@aws-sdk/client-sfn';
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, sfnClient } from '../aws/clients.ts';
import { keys } from '../db/keys.ts';
import { conditionFailed, table } from '../db/table.ts';
import type { GateName } from '../domain/pipeline.ts';
import { conflict } from '../http/errors.ts';

export interface GateItem {
  roundId: string;
  gate: GateName;
  status: 'open' | 'closed' | 'expired';
  taskToken: string;
  openedAt: string;
}

export async function loadGate(roundId: string, gate: GateName): Promise<GateItem | undefined> {
  const { Item } = await documentClient().send(
    new GetCommand({ TableName: table(), Key: keys.gate(roundId, gate), ConsistentRead: true }),
  );
  return Item as GateItem | undefined;
}

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
  try {
    await documentClient().send(
      new UpdateCommand({
        TableName: table(),
        Key: keys.gate(roundId, gate),
        UpdateExpression: 'SET #status = :closed, closedAt = :at, closedBy = :by',
        ConditionExpression: '#status = :open AND taskToken = :token',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':closed': 'closed',
          ':open': 'open',
          ':token': current.taskToken,
          ':at': new Date().toISOString(),
          ':by': by,
        },
      }),
    );
  } catch (error) {
    if (conditionFailed(error)) return false;
    throw error;
  }
  try {
    await sfnClient().send(
      new SendTaskSuccessCommand({ taskToken: current.taskToken, output: JSON.stringify(output) }),
    );
  } catch (error) {
    if (error instanceof TaskTimedOut || error instanceof TaskDoesNotExist || error instanceof InvalidToken) {
      await documentClient().send(
        new UpdateCommand({
          TableName: table(),
          Key: keys.gate(roundId, gate),
          UpdateExpression: 'SET #status = :expired',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':expired': 'expired' },
        }),
      );
      throw conflict(
        `the pipeline no longer waits at the ${gate} step (${error.name}); see the round's pipeline status`,
      );
    }
    // Transient: reopen so the next call can try again.
    await documentClient().send(
      new UpdateCommand({
        TableName: table(),
        Key: keys.gate(roundId, gate),
        UpdateExpression: 'SET #status = :open',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':open': 'open' },
      }),
    );
    throw error;
  }
  return true;
}
