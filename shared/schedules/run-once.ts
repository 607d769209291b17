/**
 * Scheduled jobs run at most once per schedule per day: a conditional put of the day's run item
 * claims the run, so a retried or doubled invocation finds it taken and does nothing.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { documentClient } from '../aws/clients.ts';
import { env } from '../config.ts';
import { keys } from '../db/keys.ts';

/** What EventBridge Scheduler delivers: the schedule's Input, with the scheduled time filled in. */
export const ScheduledEventSchema = z.object({
  schedule: z.string().min(1).max(64),
  scheduledTime: z.iso.datetime({ offset: true }).optional(),
});

export async function claimRun(
  schedule: string,
  when: Date,
  data: Record<string, unknown> = {},
): Promise<boolean> {
  const day = when.toISOString().slice(0, 10);
  try {
    await documentClient().send(
      new PutCommand({
        TableName: env('tableName'),
        Item: {
          ...keys.scheduleRun(schedule, day),
          type: 'schedule-run',
          schedule,
          day,
          startedAt: new Date().toISOString(),
          ...data,
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
