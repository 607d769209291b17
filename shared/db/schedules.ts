/** Run-once records of scheduled jobs: SCHEDULE#<schedule> / RUN#<day>, one per schedule per day. */
import { putItem } from './commit.ts';
import { keys } from './keys.ts';
import { table } from './table.ts';

/** Claims the day's run of a schedule (a conditional put): false when it was already claimed. */
export function claimScheduleRun(
  schedule: string,
  day: string,
  startedAt: string,
  data: Record<string, unknown> = {},
): Promise<boolean> {
  return putItem({
    TableName: table(),
    Item: { ...keys.scheduleRun(schedule, day), type: 'schedule-run', schedule, day, startedAt, ...data },
    ConditionExpression: 'attribute_not_exists(pk)',
  });
}
