/** Demo data for `npm start`: idempotent, so a restart with kept data seeds nothing twice. */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../shared/aws/clients.ts';
import { env } from '../shared/config.ts';
import { keys } from '../shared/db/keys.ts';
import type { LocalStack } from './stack.ts';

export async function seedDemo(_stack: LocalStack): Promise<string[]> {
  const roundId = 'demo-2026';
  const now = new Date();
  try {
    await documentClient().send(
      new PutCommand({
        TableName: env('tableName'),
        Item: {
          ...keys.round(roundId),
          type: 'round',
          id: roundId,
          name: '2026 企会协作创新计划 (demo)',
          status: 'open',
          version: 1,
          createdAt: now.toISOString(),
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return [`round ${roundId} created (open)`];
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException)
      return [`round ${roundId} (kept from an earlier start)`];
    throw error;
  }
}
