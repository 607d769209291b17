/** The round close schedule's requests, names and at() expressions, against a mocked SchedulerClient. */
import {
  ConflictException,
  CreateScheduleCommand,
  DeleteScheduleCommand,
  ResourceNotFoundException,
  SchedulerClient,
  UpdateScheduleCommand,
} from '@aws-sdk/client-scheduler';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { setEnv } from '../functions/helpers.ts';
import { setSchedulingEnv } from './helpers.ts';

setEnv();
setSchedulingEnv();
const {
  atExpression,
  closeScheduleTime,
  createRoundCloseSchedule,
  deleteRoundCloseSchedule,
  PAST_WINDOW_LEAD_MS,
  planRoundCloseSchedule,
  putRoundCloseSchedule,
  roundCloseScheduleName,
  roundCloseScheduleRequest,
  scheduleClientToken,
} = await import('../../../shared/usecases/schedules/round-close.ts');

const scheduler = mockClient(SchedulerClient);
beforeEach(() => scheduler.reset());

const ROUND = 'r-0b6f2f0e-5c1a-4a57-9d0e-2f4f5a6b7c8d';
const notFound = () =>
  new ResourceNotFoundException({
    message: 'Schedule does not exist.',
    Message: 'Schedule does not exist.',
    $metadata: {},
  });

describe('schedule names', () => {
  it('is round-close-<roundId>, within the 64 characters EventBridge Scheduler allows', () => {
    const name = roundCloseScheduleName(ROUND);
    expect(ROUND).toHaveLength(38);
    expect(name).toBe(`round-close-${ROUND}`);
    expect(name).toHaveLength(50);
    expect(name).toMatch(/^[0-9a-zA-Z-_.]{1,64}$/);
  });

  it('refuses a name EventBridge Scheduler would reject', () => {
    expect(() => roundCloseScheduleName('x'.repeat(53))).toThrow(/not valid/);
    expect(() => roundCloseScheduleName('r/1')).toThrow(/not valid/);
  });
});

describe('at() expressions', () => {
  it('are the UTC time without a zone designator, to the second', () => {
    expect(atExpression(new Date('2026-04-01T00:00:00+08:00'))).toBe('at(2026-03-31T16:00:00)');
    expect(atExpression(new Date('2026-12-31T23:59:59.000Z'))).toBe('at(2026-12-31T23:59:59)');
  });

  it('round a fraction of a second up, so the schedule never fires before the window (inclusive) ends', () => {
    expect(atExpression(new Date('2026-03-31T16:00:00.001Z'))).toBe('at(2026-03-31T16:00:01)');
    expect(atExpression(new Date('2026-12-31T23:59:59.999Z'))).toBe('at(2027-01-01T00:00:00)');
  });

  it('rejects an invalid date', () => {
    expect(() => atExpression(new Date('nope'))).toThrow(RangeError);
  });

  it('fire shortly after now when the window has already closed', () => {
    const now = new Date('2026-05-01T10:00:00.250Z');
    expect(closeScheduleTime('2026-05-01T11:00:00Z', now).toISOString()).toBe('2026-05-01T11:00:00.000Z');
    const past = closeScheduleTime('2026-04-30T00:00:00Z', now);
    expect(past.getTime()).toBe(Math.ceil((now.getTime() + PAST_WINDOW_LEAD_MS) / 1000) * 1000);
    expect(closeScheduleTime(now.toISOString(), now).getTime()).toBeGreaterThan(now.getTime());
  });

  it('plans the schedule from the round id, the closing time and the configured group', () => {
    const plan = planRoundCloseSchedule(ROUND, '2026-06-30T15:59:59.5Z', new Date('2026-06-01T00:00:00Z'));
    expect(plan).toEqual({
      name: `round-close-${ROUND}`,
      group: 'esip-rounds',
      expression: 'at(2026-06-30T16:00:00)',
      at: '2026-06-30T16:00:00.000Z',
    });
  });
});

describe('client tokens', () => {
  it('are valid ClientTokens, equal for the same request and different otherwise', () => {
    const token = scheduleClientToken('create', ROUND, 'at(2026-06-30T16:00:00)');
    expect(token).toMatch(/^[a-zA-Z0-9-_]{1,64}$/);
    expect(scheduleClientToken('create', ROUND, 'at(2026-06-30T16:00:00)')).toBe(token);
    expect(scheduleClientToken('create', ROUND, 'at(2026-06-30T16:00:01)')).not.toBe(token);
    expect(scheduleClientToken('update', ROUND, 2, 'at(2026-06-30T16:00:00)')).not.toBe(
      scheduleClientToken('update', ROUND, 3, 'at(2026-06-30T16:00:00)'),
    );
  });
});

describe('Scheduler calls', () => {
  const plan = {
    name: `round-close-${ROUND}`,
    group: 'esip-rounds',
    expression: 'at(2026-06-30T16:00:00)',
    at: '2026-06-30T16:00:00.000Z',
  };

  it('CreateSchedule: one-time, UTC, no flexible window, pipeline-starter with the round id, deleted after it ran', async () => {
    scheduler.on(CreateScheduleCommand).resolves({ ScheduleArn: 'arn:schedule' });
    await expect(createRoundCloseSchedule(ROUND, plan, 'tok-1')).resolves.toBe('arn:schedule');
    const calls = scheduler.commandCalls(CreateScheduleCommand);
    expect(calls).toHaveLength(1);
    const input = calls[0]!.args[0].input;
    expect(input).toEqual({
      Name: `round-close-${ROUND}`,
      GroupName: 'esip-rounds',
      Description: expect.stringContaining(ROUND),
      ScheduleExpression: 'at(2026-06-30T16:00:00)',
      ScheduleExpressionTimezone: 'UTC',
      FlexibleTimeWindow: { Mode: 'OFF' },
      State: 'ENABLED',
      ActionAfterCompletion: 'DELETE',
      Target: {
        Arn: 'arn:aws:lambda:us-east-1:000000000000:function:PipelineStarterFn',
        RoleArn: 'arn:aws:iam::000000000000:role/RoundCloseSchedulerRole',
        Input: JSON.stringify({ roundId: ROUND, source: 'schedule' }),
        RetryPolicy: {
          MaximumRetryAttempts: expect.any(Number),
          MaximumEventAgeInSeconds: expect.any(Number),
        },
        DeadLetterConfig: { Arn: 'arn:aws:sqs:us-east-1:000000000000:pipeline-starter-dlq' },
      },
      ClientToken: 'tok-1',
    });
    expect(JSON.parse(input.Target!.Input!)).toEqual({ roundId: ROUND, source: 'schedule' });
    expect(input.Target!.RetryPolicy!.MaximumEventAgeInSeconds).toBeLessThanOrEqual(86_400);
    expect(input.Target!.RetryPolicy!.MaximumRetryAttempts).toBeLessThanOrEqual(185);
    expect(input.Description!.length).toBeLessThanOrEqual(512);
  });

  it('UpdateSchedule sends the whole schedule again (the API replaces every field)', async () => {
    scheduler.on(UpdateScheduleCommand).resolves({ ScheduleArn: 'arn:schedule' });
    await expect(putRoundCloseSchedule(ROUND, plan, 'tok-2')).resolves.toBe('updated');
    expect(scheduler.commandCalls(UpdateScheduleCommand)[0]!.args[0].input).toEqual(
      roundCloseScheduleRequest(ROUND, plan, 'tok-2'),
    );
    expect(scheduler.commandCalls(CreateScheduleCommand)).toHaveLength(0);
  });

  it('creates the schedule when there is none to update', async () => {
    scheduler.on(UpdateScheduleCommand).rejects(notFound());
    scheduler.on(CreateScheduleCommand).resolves({ ScheduleArn: 'arn:schedule' });
    await expect(putRoundCloseSchedule(ROUND, plan, 'tok-3')).resolves.toBe('created');
    const created = scheduler.commandCalls(CreateScheduleCommand)[0]!.args[0].input;
    expect(created).toMatchObject({ Name: plan.name, ScheduleExpression: plan.expression });
    expect(created.ClientToken).toMatch(/^[a-zA-Z0-9-_]{1,64}$/);
    expect(created.ClientToken).not.toBe('tok-3');
  });

  it('passes on other errors', async () => {
    scheduler
      .on(UpdateScheduleCommand)
      .rejects(new ConflictException({ message: 'busy', Message: 'busy', $metadata: {} }));
    await expect(putRoundCloseSchedule(ROUND, plan, 'tok-4')).rejects.toBeInstanceOf(ConflictException);
    expect(scheduler.commandCalls(CreateScheduleCommand)).toHaveLength(0);
  });

  it('DeleteSchedule names the group; a schedule already gone is not an error', async () => {
    scheduler.on(DeleteScheduleCommand).resolvesOnce({}).rejectsOnce(notFound());
    await expect(deleteRoundCloseSchedule(ROUND)).resolves.toBe(true);
    await expect(deleteRoundCloseSchedule(ROUND)).resolves.toBe(false);
    expect(scheduler.commandCalls(DeleteScheduleCommand)[0]!.args[0].input).toMatchObject({
      Name: `round-close-${ROUND}`,
      GroupName: 'esip-rounds',
    });
  });

  it('does not ask to delete a schedule whose name could never exist', async () => {
    await expect(deleteRoundCloseSchedule('a'.repeat(60))).resolves.toBe(false);
    expect(scheduler.calls()).toHaveLength(0);
  });
});
