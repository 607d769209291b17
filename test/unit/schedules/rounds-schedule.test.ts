/**
 * Rounds and their close schedules (shared/usecases/rounds.ts) with mocked DynamoDB, Scheduler
 * and Step Functions: what is called, in which order, and that a failure on either side leaves no
 * half-written state (a round without its schedule, or a schedule without its round).
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  CreateScheduleCommand,
  DeleteScheduleCommand,
  ResourceNotFoundException,
  SchedulerClient,
  ThrottlingException,
  UpdateScheduleCommand,
} from '@aws-sdk/client-scheduler';
import { SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import {
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import type { RoundInput } from '../../../shared/api/rounds.ts';
import type { Principal } from '../../../shared/http/auth.ts';
import { setEnv } from '../functions/helpers.ts';
import { setSchedulingEnv } from './helpers.ts';

setEnv();
setSchedulingEnv();
const { closeRound, createRound, getRound, updateRound } = await import('../../../shared/usecases/rounds.ts');
const { DomainError } = await import('../../../shared/domain/errors.ts');
const { httpStatusOf } = await import('../../../shared/http/errors.ts');

const ddb = mockClient(DynamoDBDocumentClient);
const scheduler = mockClient(SchedulerClient);
const sfn = mockClient(SFNClient);

beforeEach(() => {
  ddb.reset();
  scheduler.reset();
  sfn.reset();
});

const admin: Principal = { sub: 'admin-1', username: 'admin', roles: ['admin'] };
const NOW = new Date('2026-05-01T08:00:00.000Z');

const input = (closesAt = '2026-06-30T15:59:59.500Z'): RoundInput => ({
  name: '2026 企会协作创新计划',
  year: 2026,
  budget: 2_000_000,
  perAllianceCap: 300_000,
  enterpriseContributionMinPercent: 50,
  applicationWindow: { opensAt: '2026-05-01T00:00:00.000Z', closesAt },
  reviewDeadline: '2026-08-01T00:00:00.000Z',
  reviewersPerAlliance: 3,
  rubric: [{ id: 'innovation', name: '创新性', weight: 100, max: 10 }],
  noticePeriodDays: 7,
  prioritySectors: [],
  bonuses: { multipleEnterprisesAndSocieties: 0, crossSector: 0 },
  selectionPolicy: 'rank-order',
});

/** sinon numbers every call of every spy in one sequence. */
const callId = (call: object) => (call as { callId: number }).callId;

/** Every call to either mocked service, in order, as "Service.Command". */
const sequence = () =>
  [
    ...scheduler.calls().map((c) => ({ c, s: 'Scheduler' })),
    ...ddb.calls().map((c) => ({ c, s: 'DynamoDB' })),
  ]
    .sort((a, b) => callId(a.c) - callId(b.c))
    .map(({ c, s }) => `${s}.${c.args[0].constructor.name.replace(/Command$/, '')}`);

const transactItems = () => ddb.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!;
const roundItemWritten = () => transactItems()[0]!.Put!.Item!;
const auditsWritten = () =>
  transactItems()
    .slice(1)
    .map((t) => t.Put!.Item!);

describe('createRound', () => {
  it('creates the schedule, then stores the round recording it, with an audit entry for each', async () => {
    scheduler.on(CreateScheduleCommand).resolves({ ScheduleArn: 'arn:s' });
    ddb.on(TransactWriteCommand).resolves({});
    const round = await createRound(admin, input(), NOW);

    expect(round.id).toMatch(/^r-[0-9a-f-]{36}$/);
    expect(sequence()).toEqual(['Scheduler.CreateSchedule', 'DynamoDB.TransactWrite']);
    const request = scheduler.commandCalls(CreateScheduleCommand)[0]!.args[0].input;
    expect(request).toMatchObject({
      Name: `round-close-${round.id}`,
      GroupName: 'esip-rounds',
      ScheduleExpression: 'at(2026-06-30T16:00:00)',
      ScheduleExpressionTimezone: 'UTC',
      FlexibleTimeWindow: { Mode: 'OFF' },
      ActionAfterCompletion: 'DELETE',
      Target: {
        Arn: process.env.PIPELINE_STARTER_ARN,
        RoleArn: process.env.SCHEDULER_ROLE_ARN,
        Input: JSON.stringify({ roundId: round.id, source: 'schedule' }),
        DeadLetterConfig: { Arn: process.env.SCHEDULE_DLQ_ARN },
      },
    });
    expect(request.ClientToken).toMatch(/^[a-zA-Z0-9-_]{1,64}$/);

    const closeSchedule = {
      name: `round-close-${round.id}`,
      group: 'esip-rounds',
      expression: 'at(2026-06-30T16:00:00)',
      at: '2026-06-30T16:00:00.000Z',
    };
    expect(roundItemWritten()).toMatchObject({ id: round.id, status: 'open', version: 1, closeSchedule });
    expect(auditsWritten().map((a) => a.action)).toEqual(['round.created', 'round.close-scheduled']);
    expect(auditsWritten()[1]).toMatchObject({
      data: closeSchedule,
      actor: { kind: 'user', sub: 'admin-1' },
    });
    // The API's round is the documented shape, without the bookkeeping.
    expect(round).not.toHaveProperty('closeSchedule');
  });

  it('writes nothing when the schedule cannot be created (503)', async () => {
    scheduler
      .on(CreateScheduleCommand)
      .rejects(
        new ThrottlingException({ message: 'Rate exceeded', Message: 'Rate exceeded', $metadata: {} }),
      );
    const error = await createRound(admin, input(), NOW).catch((e) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(httpStatusOf(error)).toBe(503);
    expect(error).toMatchObject({ code: 'unavailable' });
    expect(ddb.calls()).toHaveLength(0);
  });

  it('deletes the schedule again when the round cannot be stored', async () => {
    scheduler.on(CreateScheduleCommand).resolves({ ScheduleArn: 'arn:s' });
    scheduler.on(DeleteScheduleCommand).resolves({});
    const failure = new Error('DynamoDB is down');
    ddb.on(TransactWriteCommand).rejects(failure);
    await expect(createRound(admin, input(), NOW)).rejects.toBe(failure);
    expect(sequence()).toEqual([
      'Scheduler.CreateSchedule',
      'DynamoDB.TransactWrite',
      'Scheduler.DeleteSchedule',
    ]);
    const created = scheduler.commandCalls(CreateScheduleCommand)[0]!.args[0].input;
    expect(scheduler.commandCalls(DeleteScheduleCommand)[0]!.args[0].input).toMatchObject({
      Name: created.Name,
      GroupName: 'esip-rounds',
    });
  });

  it('still reports the write failure when the clean-up fails too', async () => {
    scheduler.on(CreateScheduleCommand).resolves({ ScheduleArn: 'arn:s' });
    scheduler.on(DeleteScheduleCommand).rejects(new Error('scheduler down as well'));
    const failure = new Error('DynamoDB is down');
    ddb.on(TransactWriteCommand).rejects(failure);
    await expect(createRound(admin, input(), NOW)).rejects.toBe(failure);
  });

  it('schedules a window that has already closed a minute from now', async () => {
    scheduler.on(CreateScheduleCommand).resolves({ ScheduleArn: 'arn:s' });
    ddb.on(TransactWriteCommand).resolves({});
    await createRound(admin, input('2026-04-30T00:00:00.000Z'), NOW);
    expect(scheduler.commandCalls(CreateScheduleCommand)[0]!.args[0].input.ScheduleExpression).toBe(
      'at(2026-05-01T08:01:00)',
    );
  });
});

describe('updateRound', () => {
  const ROUND = 'r-0b6f2f0e-5c1a-4a57-9d0e-2f4f5a6b7c8d';
  const storedSchedule = {
    name: `round-close-${ROUND}`,
    group: 'esip-rounds',
    expression: 'at(2026-06-30T16:00:00)',
    at: '2026-06-30T16:00:00.000Z',
  };
  const stored = (extra: Record<string, unknown> = {}) => ({
    pk: `ROUND#${ROUND}`,
    sk: 'ROUND',
    type: 'round',
    ...input(),
    id: ROUND,
    status: 'open',
    version: 3,
    createdAt: '2026-04-01T00:00:00.000Z',
    updatedAt: '2026-04-01T00:00:00.000Z',
    closeSchedule: storedSchedule,
    ...extra,
  });

  it('moves the schedule when the window closes at another time, then stores the round', async () => {
    ddb.on(GetCommand).resolves({ Item: stored() });
    ddb.on(TransactWriteCommand).resolves({});
    scheduler.on(UpdateScheduleCommand).resolves({ ScheduleArn: 'arn:s' });
    const round = await updateRound(admin, ROUND, { ...input('2026-07-15T04:00:00Z'), version: 3 }, NOW);

    expect(round).toMatchObject({ id: ROUND, version: 4 });
    expect(round).not.toHaveProperty('closeSchedule');
    expect(sequence()).toEqual(['DynamoDB.Get', 'Scheduler.UpdateSchedule', 'DynamoDB.TransactWrite']);
    expect(scheduler.commandCalls(UpdateScheduleCommand)[0]!.args[0].input).toMatchObject({
      Name: `round-close-${ROUND}`,
      GroupName: 'esip-rounds',
      ScheduleExpression: 'at(2026-07-15T04:00:00)',
      ScheduleExpressionTimezone: 'UTC',
      ActionAfterCompletion: 'DELETE',
      Target: { Input: JSON.stringify({ roundId: ROUND, source: 'schedule' }) },
    });
    expect(roundItemWritten().closeSchedule).toEqual({
      ...storedSchedule,
      expression: 'at(2026-07-15T04:00:00)',
      at: '2026-07-15T04:00:00.000Z',
    });
    expect(auditsWritten().map((a) => a.action)).toEqual(['round.updated', 'round.close-rescheduled']);
    expect(auditsWritten()[1]!.data).toMatchObject({
      from: storedSchedule.at,
      at: '2026-07-15T04:00:00.000Z',
    });
  });

  it('leaves the schedule alone when the closing time is unchanged', async () => {
    ddb.on(GetCommand).resolves({ Item: stored() });
    ddb.on(TransactWriteCommand).resolves({});
    await updateRound(admin, ROUND, { ...input(), budget: 2_500_000, version: 3 }, NOW);
    expect(scheduler.calls()).toHaveLength(0);
    expect(roundItemWritten()).toMatchObject({ budget: 2_500_000, closeSchedule: storedSchedule });
    expect(auditsWritten().map((a) => a.action)).toEqual(['round.updated']);
  });

  it('gives a round without a schedule (created before them) one', async () => {
    ddb.on(GetCommand).resolves({ Item: stored({ closeSchedule: undefined }) });
    ddb.on(TransactWriteCommand).resolves({});
    scheduler.on(UpdateScheduleCommand).rejects(
      new ResourceNotFoundException({
        message: 'Schedule does not exist.',
        Message: 'Schedule does not exist.',
        $metadata: {},
      }),
    );
    scheduler.on(CreateScheduleCommand).resolves({ ScheduleArn: 'arn:s' });
    await updateRound(admin, ROUND, { ...input(), version: 3 }, NOW);
    expect(sequence()).toEqual([
      'DynamoDB.Get',
      'Scheduler.UpdateSchedule',
      'Scheduler.CreateSchedule',
      'DynamoDB.TransactWrite',
    ]);
    expect(roundItemWritten().closeSchedule).toEqual(storedSchedule);
  });

  it('writes nothing when the schedule cannot be moved (503)', async () => {
    ddb.on(GetCommand).resolves({ Item: stored() });
    scheduler
      .on(UpdateScheduleCommand)
      .rejects(new ThrottlingException({ message: 'slow down', Message: 'slow down', $metadata: {} }));
    const error = await updateRound(
      admin,
      ROUND,
      { ...input('2026-07-15T04:00:00Z'), version: 3 },
      NOW,
    ).catch((e) => e);
    expect(httpStatusOf(error)).toBe(503);
    expect(error).toMatchObject({ code: 'unavailable' });
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });

  it('puts the schedule back to what the stored round says when the write loses (stale version)', async () => {
    // Read for the update; read again after the write failed: another admin's version 4 won,
    // which closes at yet another time.
    const winner = {
      ...storedSchedule,
      expression: 'at(2026-07-01T00:00:00)',
      at: '2026-07-01T00:00:00.000Z',
    };
    ddb
      .on(GetCommand)
      .resolvesOnce({ Item: stored() })
      .resolvesOnce({ Item: stored({ version: 4, closeSchedule: winner }) });
    ddb.on(TransactWriteCommand).rejects(
      new TransactionCanceledException({
        message: 'Transaction cancelled',
        $metadata: {},
        CancellationReasons: [{ Code: 'ConditionalCheckFailed' }, { Code: 'None' }, { Code: 'None' }],
      }),
    );
    scheduler.on(UpdateScheduleCommand).resolves({ ScheduleArn: 'arn:s' });
    const error = await updateRound(
      admin,
      ROUND,
      { ...input('2026-07-15T04:00:00Z'), version: 3 },
      NOW,
    ).catch((e) => e);
    expect(httpStatusOf(error)).toBe(409);
    expect(error).toMatchObject({ code: 'version_conflict' });
    expect(sequence()).toEqual([
      'DynamoDB.Get',
      'Scheduler.UpdateSchedule',
      'DynamoDB.TransactWrite',
      'DynamoDB.Get',
      'Scheduler.UpdateSchedule',
    ]);
    const [moved, restored] = scheduler.commandCalls(UpdateScheduleCommand).map((c) => c.args[0].input);
    expect(moved!.ScheduleExpression).toBe('at(2026-07-15T04:00:00)');
    expect(restored!.ScheduleExpression).toBe('at(2026-07-01T00:00:00)');
  });

  it('deletes the schedule it moved when the round has been closed meanwhile', async () => {
    ddb
      .on(GetCommand)
      .resolvesOnce({ Item: stored() })
      .resolvesOnce({ Item: stored({ status: 'closed', version: 4 }) });
    ddb.on(TransactWriteCommand).rejects(
      new TransactionCanceledException({
        message: 'Transaction cancelled',
        $metadata: {},
        CancellationReasons: [{ Code: 'ConditionalCheckFailed' }],
      }),
    );
    scheduler.on(UpdateScheduleCommand).resolves({ ScheduleArn: 'arn:s' });
    scheduler.on(DeleteScheduleCommand).resolves({});
    await expect(
      updateRound(admin, ROUND, { ...input('2026-07-15T04:00:00Z'), version: 3 }, NOW),
    ).rejects.toSatisfy((error) => httpStatusOf(error) === 409);
    expect(scheduler.commandCalls(DeleteScheduleCommand)).toHaveLength(1);
  });

  it('refuses a closed round before touching the schedule', async () => {
    ddb.on(GetCommand).resolves({ Item: stored({ status: 'closed' }) });
    await expect(
      updateRound(admin, ROUND, { ...input('2026-07-15T04:00:00Z'), version: 3 }, NOW),
    ).rejects.toSatisfy(
      (error) => httpStatusOf(error) === 409 && (error as { code: string }).code === 'conflict',
    );
    expect(scheduler.calls()).toHaveLength(0);
  });

  it('reads rounds without the schedule bookkeeping', async () => {
    ddb.on(GetCommand).resolves({ Item: stored() });
    const round = await getRound(ROUND);
    expect(round).toMatchObject({ id: ROUND, status: 'open' });
    expect(round).not.toHaveProperty('closeSchedule');
  });
});

describe('closeRound', () => {
  const ROUND = 'r-6d1f1a4e-2b0c-4d8e-9f3a-1c2b3d4e5f60';

  beforeEach(() => {
    ddb.on(GetCommand).resolves({
      Item: { pk: `ROUND#${ROUND}`, sk: 'ROUND', type: 'round', id: ROUND, status: 'open', version: 1 },
    });
    ddb.on(PutCommand).resolves({});
    ddb.on(UpdateCommand).resolves({});
    sfn.on(StartExecutionCommand).resolves({ executionArn: 'arn:exec' });
  });

  it('starts the pipeline, then deletes the close schedule', async () => {
    scheduler.on(DeleteScheduleCommand).resolves({});
    await expect(closeRound(admin, ROUND, 'budget approved early', NOW)).resolves.toEqual({
      roundId: ROUND,
      alreadyStarted: false,
    });
    expect(sfn.commandCalls(StartExecutionCommand)).toHaveLength(1);
    expect(scheduler.commandCalls(DeleteScheduleCommand)[0]!.args[0].input).toMatchObject({
      Name: `round-close-${ROUND}`,
      GroupName: 'esip-rounds',
    });
    const audit = ddb.commandCalls(PutCommand).at(-1)!.args[0].input.Item!;
    expect(audit).toMatchObject({ action: 'round.close-requested', data: { closeScheduleDeleted: true } });
  });

  it('is fine when the schedule has already gone', async () => {
    scheduler.on(DeleteScheduleCommand).rejects(
      new ResourceNotFoundException({
        message: 'Schedule does not exist.',
        Message: 'Schedule does not exist.',
        $metadata: {},
      }),
    );
    await expect(closeRound(admin, ROUND, 'now', NOW)).resolves.toMatchObject({ roundId: ROUND });
  });

  it('still closes when the schedule cannot be deleted (a later firing finds the pipeline started)', async () => {
    scheduler
      .on(DeleteScheduleCommand)
      .rejects(new ThrottlingException({ message: 'slow', Message: 'slow', $metadata: {} }));
    await expect(closeRound(admin, ROUND, 'now', NOW)).resolves.toMatchObject({ alreadyStarted: false });
    const audit = ddb.commandCalls(PutCommand).at(-1)!.args[0].input.Item!;
    expect(audit).toMatchObject({ data: { closeScheduleDeleted: 'failed' } });
  });
});
