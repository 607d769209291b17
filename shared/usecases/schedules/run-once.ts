/**
 * Scheduled jobs run at most once per schedule per day: a conditional put of the day's run item
 * claims the run, so a retried or doubled invocation finds it taken and does nothing.
 */
import * as z from 'zod';
import { claimScheduleRun } from '../../db/schedules.ts';

/** What EventBridge Scheduler delivers: the schedule's Input, with the scheduled time filled in. */
export const ScheduledEventSchema = z.object({
  schedule: z.string().min(1).max(64),
  scheduledTime: z.iso.datetime({ offset: true }).optional(),
});

/** Claims the run of `schedule` on the (UTC) day of `when`: false when it was already claimed. */
export function claimRun(schedule: string, when: Date, data: Record<string, unknown> = {}): Promise<boolean> {
  return claimScheduleRun(schedule, when.toISOString().slice(0, 10), new Date().toISOString(), data);
}
