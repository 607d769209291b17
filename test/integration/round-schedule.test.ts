/**
 * A round's "application window closes" schedule on the local stack: creating a round creates an
 * EventBridge Scheduler one-time schedule (answered by the local Scheduler API), which starts the
 * round's pipeline at the closing time with no further call and then deletes itself. Also: the
 * wire format the real `@aws-sdk/client-scheduler` speaks, against a standalone local endpoint.
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ConflictException,
  CreateScheduleCommand,
  DeleteScheduleCommand,
  GetScheduleCommand,
  ListSchedulesCommand,
  ResourceNotFoundException,
  SchedulerClient,
  UpdateScheduleCommand,
  ValidationException,
} from '@aws-sdk/client-scheduler';
import { StopExecutionCommand } from '@aws-sdk/client-sfn';
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalSchedulerApi, startLocalSchedulerApi } from '../../local/scheduler-api.ts';
import { executionNameForRound } from '../../shared/domain/pipeline.ts';
import { executionArnFor } from '../../shared/usecases/pipeline/start.ts';
import { api, apiUrl, ddb, eventually, handlerEnv, sfn, tableName, tokenFor } from './client.ts';
import { roundBody } from './fixtures.ts';

const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
/** The stack's Scheduler endpoint, as the rounds handler reaches it. */
const stackScheduler = new SchedulerClient({
  endpoint: handlerEnv.AWS_ENDPOINT_URL_SCHEDULER,
  region: 'us-east-1',
  credentials,
});
const GROUP = handlerEnv.SCHEDULE_GROUP!;
/** Rounds whose pipeline these tests started: stopped at the end (they wait at admin gates). */
const started: string[] = [];
afterAll(async () => {
  stackScheduler.destroy();
  for (const roundId of started) {
    const executionArn = executionArnFor(handlerEnv.ROUND_PIPELINE_ARN!, executionNameForRound(roundId));
    await sfn.send(new StopExecutionCommand({ executionArn, cause: 'test finished' })).catch(() => undefined);
  }
});

interface ListedSchedule {
  name: string;
  friendlyName: string;
  expression: string;
  source: string;
  nextRun: string | null;
  target: { arn: string; logicalId?: string };
  input?: string;
}

async function localSchedules(): Promise<ListedSchedule[]> {
  const res = await fetch(`${apiUrl}/local/schedules`);
  expect(res.status).toBe(200);
  return (await res.json()) as ListedSchedule[];
}

async function pipelineStatus(roundId: string, token: string) {
  const res = await api('GET', `/v1/rounds/${roundId}/pipeline`, { token });
  expect(res.status).toBe(200);
  return res.body;
}

/** Polls the pipeline until it is running and has moved past its first stage. */
const pipelineUnderWay = (roundId: string, token: string, timeoutMs = 20_000) => {
  started.push(roundId);
  return eventually(
    async () => {
      const status = await pipelineStatus(roundId, token);
      return status.status === 'RUNNING' && status.stage !== 'starting' && status.stage !== 'not-started'
        ? status
        : undefined;
    },
    `the pipeline of ${roundId} to be under way`,
    timeoutMs,
  );
};

const window = (closesInMs: number) => {
  const now = Date.now();
  return {
    opensAt: new Date(now - 3_600_000).toISOString(),
    closesAt: new Date(now + closesInMs).toISOString(),
  };
};

async function createRound(admin: string, closesInMs: number) {
  const res = await api('POST', '/v1/rounds', {
    token: admin,
    body: roundBody({ applicationWindow: window(closesInMs) }),
  });
  expect(res.status, res.text).toBe(201);
  return res.body as { id: string; version: number; applicationWindow: { closesAt: string } };
}

const getSchedule = (name: string) =>
  stackScheduler.send(new GetScheduleCommand({ Name: name, GroupName: GROUP }));

describe('round close schedules on the local stack', () => {
  it('starts the pipeline when the application window closes, with no further call, then deletes itself', async () => {
    const admin = await tokenFor(['admin']);
    // Load the rounds handler first, so that creating the round takes far less than its 2 s.
    expect((await api('GET', '/v1/rounds?limit=1')).status).toBe(200);
    const round = await createRound(admin, 2_000);
    const name = `round-close-${round.id}`;
    const closesAt = Date.parse(round.applicationWindow.closesAt);
    const expression = `at(${new Date(Math.ceil(closesAt / 1000) * 1000).toISOString().slice(0, 19)})`;

    // The schedule, as EventBridge Scheduler would describe it.
    const schedule = await getSchedule(name);
    expect(schedule).toMatchObject({
      Name: name,
      GroupName: 'esip-rounds',
      ScheduleExpression: expression,
      ScheduleExpressionTimezone: 'UTC',
      FlexibleTimeWindow: { Mode: 'OFF' },
      ActionAfterCompletion: 'DELETE',
      State: 'ENABLED',
      Target: {
        Arn: handlerEnv.PIPELINE_STARTER_ARN,
        RoleArn: handlerEnv.SCHEDULER_ROLE_ARN,
        DeadLetterConfig: { Arn: handlerEnv.SCHEDULE_DLQ_ARN },
      },
    });
    expect(JSON.parse(schedule.Target!.Input!)).toEqual({ roundId: round.id, source: 'schedule' });
    expect(schedule.CreationDate).toBeInstanceOf(Date);
    // …listed with the template's schedules, pointing at the pipeline-starter function.
    const listed = (await localSchedules()).find((s) => s.name === name);
    expect(listed).toMatchObject({
      expression,
      source: 'scheduler-api',
      target: { logicalId: expect.stringMatching(/^PipelineStarterFn/) },
    });
    expect(Date.parse(listed!.nextRun!)).toBeGreaterThanOrEqual(closesAt);
    // …and recorded on the round, with an audit entry.
    const item = await ddb.send(
      new GetCommand({ TableName: tableName, Key: { pk: `ROUND#${round.id}`, sk: 'ROUND' } }),
    );
    expect(item.Item?.closeSchedule).toMatchObject({ name, group: 'esip-rounds', expression });
    const audit = await ddb.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :audit)',
        ExpressionAttributeValues: { ':pk': `ROUND#${round.id}`, ':audit': 'AUDIT#' },
      }),
    );
    expect(audit.Items?.map((a) => a.action).sort()).toEqual(['round.close-scheduled', 'round.created']);

    // Nothing else is called: the window closes and the schedule starts the pipeline.
    const running = await pipelineUnderWay(round.id, admin);
    expect(running.history[0]).toMatchObject({ stage: 'starting', by: 'schedule' });
    expect(Date.parse(running.history[0].at)).toBeGreaterThanOrEqual(closesAt);

    // A one-time schedule with ActionAfterCompletion DELETE is gone once it has run.
    await eventually(
      async () => ((await localSchedules()).some((s) => s.name === name) ? undefined : true),
      'the schedule to delete itself',
    );
    await expect(getSchedule(name)).rejects.toBeInstanceOf(ResourceNotFoundException);
  });

  it('starts the pipeline when the schedule is fired by hand (/local/schedules/<name>/fire)', async () => {
    const admin = await tokenFor(['admin']);
    const round = await createRound(admin, 86_400_000);
    const name = `round-close-${round.id}`;
    expect((await pipelineStatus(round.id, admin)).status).toBe('NOT_STARTED');

    const res = await fetch(`${apiUrl}/local/schedules/${name}/fire`, { method: 'POST' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ fired: name, result: { roundId: round.id } });

    const running = await pipelineUnderWay(round.id, admin);
    expect(running.history[0]).toMatchObject({ stage: 'starting', by: 'schedule' });
    await expect(getSchedule(name)).rejects.toBeInstanceOf(ResourceNotFoundException);
    // Fired, so completed: there is nothing left to fire.
    const again = await fetch(`${apiUrl}/local/schedules/${name}/fire`, { method: 'POST' });
    expect(again.status).toBe(404);
  });

  it('moves the schedule when an admin changes the closing time, and deletes it when an admin closes the round', async () => {
    const admin = await tokenFor(['admin']);
    const round = await createRound(admin, 86_400_000);
    const name = `round-close-${round.id}`;
    const body = roundBody({ applicationWindow: window(2 * 86_400_000) });
    const updated = await api('PUT', `/v1/rounds/${round.id}`, {
      token: admin,
      body: { ...body, version: round.version },
    });
    expect(updated.status, updated.text).toBe(200);
    const closesAt = Date.parse(body.applicationWindow.closesAt);
    expect((await getSchedule(name)).ScheduleExpression).toBe(
      `at(${new Date(Math.ceil(closesAt / 1000) * 1000).toISOString().slice(0, 19)})`,
    );

    // A stale version is refused, and the schedule stays where the stored round says.
    const stale = await api('PUT', `/v1/rounds/${round.id}`, {
      token: admin,
      body: { ...roundBody({ applicationWindow: window(3 * 86_400_000) }), version: round.version },
    });
    expect(stale.status).toBe(409);
    expect((await getSchedule(name)).ScheduleExpression).toBe(
      `at(${new Date(Math.ceil(closesAt / 1000) * 1000).toISOString().slice(0, 19)})`,
    );

    const closed = await api('POST', `/v1/rounds/${round.id}/close`, {
      token: admin,
      body: { reason: 'all applications are in' },
    });
    expect(closed.status, closed.text).toBe(202);
    await expect(getSchedule(name)).rejects.toBeInstanceOf(ResourceNotFoundException);
    const running = await pipelineUnderWay(round.id, admin);
    expect(running.history[0].by).toMatch(/^admin/);
  });
});

describe('the local Scheduler API speaks the SDK’s REST-JSON', () => {
  let local: LocalSchedulerApi;
  let client: SchedulerClient;
  const invoked: { id: string; event: unknown }[] = [];
  const target = {
    Arn: 'arn:aws:lambda:us-east-1:000000000000:function:TargetFn',
    RoleArn: 'arn:aws:iam::000000000000:role/r',
    Input: '{"hello":"<aws.scheduler.schedule-arn>"}',
  };

  beforeAll(async () => {
    local = await startLocalSchedulerApi({
      port: 0,
      groups: ['g1'],
      functionFor: (arn) => (arn.endsWith(':function:TargetFn') ? 'TargetFn' : undefined),
      invoke: async (id, event) => {
        invoked.push({ id, event });
        return { ok: true };
      },
    });
    local.start();
    client = new SchedulerClient({ endpoint: local.url, region: 'us-east-1', credentials });
  });
  afterAll(async () => {
    client.destroy();
    await local.close();
  });

  const base = (name: string, extra: Record<string, unknown> = {}) => ({
    Name: name,
    GroupName: 'g1',
    ScheduleExpression: 'at(2099-01-01T00:00:00)',
    FlexibleTimeWindow: { Mode: 'OFF' as const },
    Target: target,
    ...extra,
  });

  it('creates, describes, lists, updates and deletes', async () => {
    const created = await client.send(
      new CreateScheduleCommand(base('s1', { ActionAfterCompletion: 'DELETE' })),
    );
    expect(created.ScheduleArn).toBe('arn:aws:scheduler:us-east-1:000000000000:schedule/g1/s1');
    const got = await client.send(new GetScheduleCommand({ Name: 's1', GroupName: 'g1' }));
    expect(got).toMatchObject({
      Arn: created.ScheduleArn,
      Name: 's1',
      GroupName: 'g1',
      ScheduleExpression: 'at(2099-01-01T00:00:00)',
      ScheduleExpressionTimezone: 'UTC',
      State: 'ENABLED',
      ActionAfterCompletion: 'DELETE',
      Target: target,
    });
    expect(got.CreationDate).toBeInstanceOf(Date);
    expect(Math.abs(got.CreationDate!.getTime() - Date.now())).toBeLessThan(60_000);

    await client.send(
      new UpdateScheduleCommand(base('s1', { ScheduleExpression: 'cron(0 1 * * ? *)', State: 'DISABLED' })),
    );
    const updated = await client.send(new GetScheduleCommand({ Name: 's1', GroupName: 'g1' }));
    // Update replaces every field: ActionAfterCompletion is back to its default.
    expect(updated).toMatchObject({
      ScheduleExpression: 'cron(0 1 * * ? *)',
      State: 'DISABLED',
      ActionAfterCompletion: 'NONE',
    });
    expect(updated.CreationDate).toEqual(got.CreationDate);

    const listed = await client.send(new ListSchedulesCommand({ GroupName: 'g1', NamePrefix: 's' }));
    expect(listed.Schedules?.map((s) => s.Name)).toEqual(['s1']);
    expect(listed.Schedules?.[0]).toMatchObject({
      GroupName: 'g1',
      State: 'DISABLED',
      Target: { Arn: target.Arn },
    });

    await client.send(new DeleteScheduleCommand({ Name: 's1', GroupName: 'g1' }));
    await expect(client.send(new GetScheduleCommand({ Name: 's1', GroupName: 'g1' }))).rejects.toBeInstanceOf(
      ResourceNotFoundException,
    );
  });

  it('answers with the typed errors the SDK knows', async () => {
    await client.send(new CreateScheduleCommand(base('dup')));
    await expect(client.send(new CreateScheduleCommand(base('dup')))).rejects.toBeInstanceOf(
      ConflictException,
    );
    // The same request with the same client token is a retry: it succeeds again.
    await client.send(new CreateScheduleCommand(base('idem', { ClientToken: 'tok' })));
    await expect(
      client.send(new CreateScheduleCommand(base('idem', { ClientToken: 'tok' }))),
    ).resolves.toMatchObject({
      ScheduleArn: expect.stringContaining('schedule/g1/idem'),
    });
    await expect(
      client.send(new CreateScheduleCommand(base('bad', { ScheduleExpression: 'at(2099-01-01 00:00)' }))),
    ).rejects.toBeInstanceOf(ValidationException);
    await expect(client.send(new CreateScheduleCommand(base('x'.repeat(65))))).rejects.toBeInstanceOf(
      ValidationException,
    );
    await expect(
      client.send(new CreateScheduleCommand(base('nogroup', { GroupName: 'no-such-group' }))),
    ).rejects.toBeInstanceOf(ResourceNotFoundException);
    await expect(client.send(new UpdateScheduleCommand(base('missing')))).rejects.toBeInstanceOf(
      ResourceNotFoundException,
    );
    const error = await client
      .send(new DeleteScheduleCommand({ Name: 'missing', GroupName: 'g1' }))
      .catch((e) => e);
    expect(error).toBeInstanceOf(ResourceNotFoundException);
    expect(error.$metadata.httpStatusCode).toBe(404);
    expect(error.message).toContain('missing');
  });

  it('fires an at() schedule at its time with its input, and honours ActionAfterCompletion', async () => {
    const at = (ms: number) =>
      `at(${new Date(Math.ceil((Date.now() + ms) / 1000) * 1000).toISOString().slice(0, 19)})`;
    await client.send(
      new CreateScheduleCommand(
        base('once-delete', { ScheduleExpression: at(1_000), ActionAfterCompletion: 'DELETE' }),
      ),
    );
    await client.send(new CreateScheduleCommand(base('once-keep', { ScheduleExpression: at(1_000) })));
    const fired = await eventually(
      async () => (invoked.length >= 2 ? invoked : undefined),
      'both schedules to fire',
      10_000,
    );
    expect(fired.map((f) => f.id)).toEqual(['TargetFn', 'TargetFn']);
    expect(fired[0]!.event).toEqual({
      hello: expect.stringMatching(/^arn:aws:scheduler:.*:schedule\/g1\/once-/),
    });
    await eventually(
      async () => (local.find('g1/once-delete') ? undefined : true),
      'once-delete to be deleted',
    );
    await expect(
      client.send(new GetScheduleCommand({ Name: 'once-delete', GroupName: 'g1' })),
    ).rejects.toBeInstanceOf(ResourceNotFoundException);
    // ActionAfterCompletion NONE: still there, with nothing left to run.
    expect(local.find('g1/once-keep')).toMatchObject({ nextRun: null, lastRun: expect.any(Date) });
  });

  it('keeps schedules across a restart with a state file, and fires a one-time schedule missed meanwhile', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'esip-scheduler-'));
    const stateFile = join(dir, 'schedules.json');
    const calls: unknown[] = [];
    const start = async () => {
      const api = await startLocalSchedulerApi({
        port: 0,
        groups: ['g1'],
        stateFile,
        functionFor: () => 'TargetFn',
        invoke: async (_id, event) => {
          calls.push(event);
          return {};
        },
      });
      return { api, sdk: new SchedulerClient({ endpoint: api.url, region: 'us-east-1', credentials }) };
    };
    try {
      const first = await start();
      const soon = `at(${new Date(Math.ceil((Date.now() + 1_000) / 1000) * 1000).toISOString().slice(0, 19)})`;
      await first.sdk.send(
        new CreateScheduleCommand(
          base('missed', { ScheduleExpression: soon, ActionAfterCompletion: 'DELETE' }),
        ),
      );
      await first.sdk.send(new CreateScheduleCommand(base('later')));
      const later = await first.sdk.send(new GetScheduleCommand({ Name: 'later', GroupName: 'g1' }));
      // Stopped before "missed" was due (never armed), restarted after.
      first.sdk.destroy();
      await first.api.close();
      await new Promise((r) => setTimeout(r, 2_100));
      expect(calls).toHaveLength(0);

      const second = await start();
      expect(
        (await second.sdk.send(new GetScheduleCommand({ Name: 'later', GroupName: 'g1' }))).CreationDate,
      ).toEqual(later.CreationDate);
      second.api.start();
      await eventually(
        async () => (calls.length === 1 ? true : undefined),
        'the missed schedule to fire',
        5_000,
      );
      await eventually(async () => (second.api.find('g1/missed') ? undefined : true), 'it to be deleted');
      expect(second.api.find('g1/later')).toBeDefined();
      second.sdk.destroy();
      await second.api.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
