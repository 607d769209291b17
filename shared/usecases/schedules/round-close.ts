/**
 * The per-round "application window closes" schedule: an EventBridge Scheduler one-time schedule
 * (`at(...)`, UTC) in the esip-rounds group that invokes pipeline-starter with
 * {"roundId", "source": "schedule"} and deletes itself after it has run (ActionAfterCompletion
 * DELETE). Locally the same calls are answered by local/scheduler-api.ts.
 *
 * EventBridge Scheduler fires with one-minute precision (between hh:mm:00 and hh:mm:59 of the
 * scheduled minute); the pipeline start is idempotent (execution named from the round id), so an
 * extra or late firing is harmless.
 */
import { createHash } from 'node:crypto';
import {
  CreateScheduleCommand,
  type CreateScheduleCommandInput,
  DeleteScheduleCommand,
  ResourceNotFoundException,
  UpdateScheduleCommand,
} from '@aws-sdk/client-scheduler';
import { schedulerClient } from '../../aws/clients.ts';
import { env } from '../../config.ts';
import type { RoundCloseSchedule } from '../../db/rounds.ts';

/** What the round item records about its close schedule (`closeSchedule`). */
export type { RoundCloseSchedule } from '../../db/rounds.ts';

export const ROUND_CLOSE_PREFIX = 'round-close-';

/** EventBridge Scheduler's limits on a schedule name. */
const NAME_PATTERN = /^[0-9a-zA-Z-_.]{1,64}$/;

/**
 * If the window has already closed when the schedule is (re)written, it fires this long after
 * "now" instead: a one-time schedule must lie in the future to fire.
 */
export const PAST_WINDOW_LEAD_MS = 60_000;

/** The schedule does not exist (checked by name too: errors may cross module copies of the SDK). */
export const isScheduleNotFound = (error: unknown): boolean =>
  error instanceof ResourceNotFoundException ||
  (error instanceof Error && error.name === 'ResourceNotFoundException');

export class ScheduleNameError extends Error {
  override name = 'ScheduleNameError';
}

/** round-close-<roundId>; a round id is `r-<uuid>` (38 characters), so the name has 50 of the 64 allowed. */
export function roundCloseScheduleName(roundId: string): string {
  const name = `${ROUND_CLOSE_PREFIX}${roundId}`;
  if (!NAME_PATTERN.test(name)) {
    throw new ScheduleNameError(
      `schedule name ${name} is not valid for EventBridge Scheduler (1–64 of 0-9 a-z A-Z - _ .)`,
    );
  }
  return name;
}

/** Rounded up to the whole second: the schedule never fires before the (inclusive) window end. */
export function ceilToSecond(when: Date): Date {
  return new Date(Math.ceil(when.getTime() / 1000) * 1000);
}

/** `at(yyyy-mm-ddThh:mm:ss)` of an instant, in UTC, rounded up to the whole second. */
export function atExpression(when: Date): string {
  if (Number.isNaN(when.getTime())) throw new RangeError('atExpression: invalid date');
  return `at(${ceilToSecond(when).toISOString().slice(0, 19)})`;
}

/** When the schedule of a window closing at `closesAt` fires, written at `now`. */
export function closeScheduleTime(closesAt: string, now: Date): Date {
  const closes = new Date(Date.parse(closesAt));
  if (Number.isNaN(closes.getTime())) throw new RangeError(`closeScheduleTime: invalid closesAt ${closesAt}`);
  return ceilToSecond(
    closes.getTime() > now.getTime() ? closes : new Date(now.getTime() + PAST_WINDOW_LEAD_MS),
  );
}

/** The schedule a round whose window closes at `closesAt` should have (pure; reads the group from env). */
export function planRoundCloseSchedule(roundId: string, closesAt: string, now: Date): RoundCloseSchedule {
  const at = closeScheduleTime(closesAt, now);
  return {
    name: roundCloseScheduleName(roundId),
    group: env('scheduleGroup'),
    expression: atExpression(at),
    at: at.toISOString(),
  };
}

/**
 * A ClientToken (1–64 of [a-zA-Z0-9-_]) that is the same for the same logical request — the same
 * operation on the same round, version and time — and differs otherwise.
 */
export function scheduleClientToken(...parts: (string | number)[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

/** The full CreateSchedule/UpdateSchedule request (UpdateSchedule replaces every field). */
export function roundCloseScheduleRequest(
  roundId: string,
  plan: RoundCloseSchedule,
  clientToken: string,
): CreateScheduleCommandInput {
  return {
    Name: plan.name,
    GroupName: plan.group,
    Description: `Round ${roundId}: the application window closes; start the round pipeline`,
    ScheduleExpression: plan.expression,
    ScheduleExpressionTimezone: 'UTC',
    FlexibleTimeWindow: { Mode: 'OFF' },
    State: 'ENABLED',
    ActionAfterCompletion: 'DELETE',
    Target: {
      Arn: env('pipelineStarterArn'),
      RoleArn: env('schedulerRoleArn'),
      Input: JSON.stringify({ roundId, source: 'schedule' }),
      // The target is invoked asynchronously; these retries cover the invocation itself
      // (throttling, Lambda unavailable). Starting the pipeline twice is harmless.
      RetryPolicy: { MaximumRetryAttempts: 10, MaximumEventAgeInSeconds: 86_400 },
      DeadLetterConfig: { Arn: env('scheduleDlqArn') },
    },
    ClientToken: clientToken,
  };
}

/** CreateSchedule. Fails with ConflictException if the round already has one. */
export async function createRoundCloseSchedule(
  roundId: string,
  plan: RoundCloseSchedule,
  clientToken: string,
): Promise<string | undefined> {
  const out = await schedulerClient().send(
    new CreateScheduleCommand(roundCloseScheduleRequest(roundId, plan, clientToken)),
  );
  return out.ScheduleArn;
}

/**
 * UpdateSchedule to `plan`, or CreateSchedule when the round has none (it has already run and
 * deleted itself, or the round predates its schedule).
 */
export async function putRoundCloseSchedule(
  roundId: string,
  plan: RoundCloseSchedule,
  clientToken: string,
): Promise<'updated' | 'created'> {
  try {
    await schedulerClient().send(
      new UpdateScheduleCommand(roundCloseScheduleRequest(roundId, plan, clientToken)),
    );
    return 'updated';
  } catch (error) {
    if (!isScheduleNotFound(error)) throw error;
  }
  await createRoundCloseSchedule(roundId, plan, scheduleClientToken('create', clientToken));
  return 'created';
}

/** DeleteSchedule; false when there was none (already run and deleted, or never created). */
export async function deleteRoundCloseSchedule(roundId: string): Promise<boolean> {
  let name: string;
  try {
    name = roundCloseScheduleName(roundId);
  } catch (error) {
    if (error instanceof ScheduleNameError) return false; // no such schedule can exist
    throw error;
  }
  try {
    await schedulerClient().send(new DeleteScheduleCommand({ Name: name, GroupName: env('scheduleGroup') }));
    return true;
  } catch (error) {
    if (isScheduleNotFound(error)) return false;
    throw error;
  }
}
