/**
 * The local Step Functions emulator, driven through the real AWS SDK (SFNClient) against the
 * template a small CDK app synthesizes (test/local/fixtures/stack.ts). Runs its own emulator on a
 * free port; it does not need the rest of the local stack.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DescribeExecutionCommand,
  type DescribeExecutionCommandOutput,
  DescribeStateMachineCommand,
  ExecutionAlreadyExists,
  ExecutionDoesNotExist,
  GetExecutionHistoryCommand,
  InvalidToken,
  ListExecutionsCommand,
  SendTaskFailureCommand,
  SendTaskHeartbeatCommand,
  SendTaskSuccessCommand,
  SFNClient,
  StartExecutionCommand,
  StateMachineDoesNotExist,
  StopExecutionCommand,
  TaskDoesNotExist,
  TaskTimedOut,
} from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalInvoker } from '../../local/lambda.ts';
import {
  createLocalStepFunctions,
  type LocalSfnLogEntry,
  type LocalStepFunctions,
} from '../../local/sfn/index.ts';
import { type CfnTemplate, extractFunctions, extractStateMachines } from '../../local/template.ts';
import { registry } from './fixtures/registry.ts';
import { buildTestTemplate, projectRoot } from './fixtures/stack.ts';

const TIME_SCALE = 0.001;

let template: CfnTemplate;
let emulator: LocalStepFunctions;
let client: SFNClient;
const logs: LocalSfnLogEntry[] = [];
const savedEnv: Record<string, string | undefined> = {};

function newEmulator(options: { dataDir?: string } = {}) {
  const invoker = createLocalInvoker(extractFunctions(template), { root: projectRoot });
  return createLocalStepFunctions({
    template,
    invoke: invoker.invoke,
    timeScale: TIME_SCALE,
    retryIntervalMs: 0,
    waitOverrides: { Overridden: 5 },
    log: (entry) => logs.push(entry),
    ...options,
  });
}

function sdkClient(url: string) {
  return new SFNClient({
    endpoint: url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
}

async function eventually<T>(
  probe: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function finished(executionArn: string, sfn = client): Promise<DescribeExecutionCommandOutput> {
  return eventually(async () => {
    const out = await sfn.send(new DescribeExecutionCommand({ executionArn }));
    return out.status === 'RUNNING' ? undefined : out;
  });
}

const tokensOf = (gateId: string) => registry().gates[gateId] ?? [];
const nextToken = (gateId: string, count = 1) =>
  eventually(() => (tokensOf(gateId).length >= count ? tokensOf(gateId)[count - 1] : undefined));

let counter = 0;
const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${++counter}`;

async function start(machine: string, input: unknown, name?: string, sfn = client, emu = emulator) {
  const out = await sfn.send(
    new StartExecutionCommand({
      stateMachineArn: emu.stateMachineArn(machine),
      input: JSON.stringify(input),
      ...(name ? { name } : {}),
    }),
  );
  return out.executionArn!;
}

beforeAll(async () => {
  template = buildTestTemplate();
  emulator = newEmulator();
  await emulator.start();
  client = sdkClient(emulator.url);
  // What the local stack sets for handlers: the SDK's own endpoint variable, region, dummy keys.
  const env = {
    AWS_ENDPOINT_URL_SFN: emulator.url,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
  };
  for (const [k, v] of Object.entries(env)) {
    savedEnv[k] = process.env[k];
    process.env[k] = v;
  }
});

afterAll(async () => {
  await emulator?.stop();
  for (const [k, v] of Object.entries(savedEnv)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

describe('state machines from the synthesized template', () => {
  it('registers each state machine under its local ARN', () => {
    const ids = Object.keys(extractStateMachines(template));
    expect(Object.keys(emulator.stateMachineArns).sort()).toEqual(ids.sort());
    const id = ids.find((i) => i.startsWith('Simple'))!;
    expect(emulator.stateMachineArns[id]).toBe(`arn:aws:states:us-east-1:000000000000:stateMachine:${id}`);
    expect(emulator.stateMachineArn('Simple')).toBe(emulator.stateMachineArns[id]);
  });

  it('DescribeStateMachine returns exactly the ASL resolved from the template', async () => {
    const resolved = extractStateMachines(template);
    for (const machine of Object.values(resolved)) {
      const out = await client.send(new DescribeStateMachineCommand({ stateMachineArn: machine.arn }));
      expect(out.definition).toBe(machine.definitionString);
      expect(out).toMatchObject({ name: machine.logicalId, type: 'STANDARD', status: 'ACTIVE' });
      expect(out.definition).not.toContain('Fn::');
      expect(out.definition).not.toContain('local:wait');
    }
    const mapping = JSON.parse(
      resolved[Object.keys(resolved).find((k) => k.startsWith('Mapping'))!]!.definitionString,
    );
    expect(mapping.States.EachItem.ItemProcessor.States.EchoItem.Resource).toMatch(
      /^arn:aws:lambda:us-east-1:000000000000:function:Echo[0-9A-F]{8}$/,
    );
  });

  it('answers StateMachineDoesNotExist for an unknown ARN', async () => {
    await expect(
      client.send(
        new StartExecutionCommand({
          stateMachineArn: 'arn:aws:states:us-east-1:000000000000:stateMachine:Nope',
        }),
      ),
    ).rejects.toBeInstanceOf(StateMachineDoesNotExist);
  });
});

describe('Lambda tasks', () => {
  it('runs lambda:invoke ({ Payload, StatusCode }) and a bare function ARN (result as is)', async () => {
    const name = unique('simple');
    const arn = await start('Simple', { value: 42 }, name);
    const out = await finished(arn);
    expect(out.status).toBe('SUCCEEDED');
    const output = JSON.parse(out.output!);
    expect(output.first.statusCode).toBe(200);
    expect(output.first.payload).toMatchObject({
      value: 42,
      executionId: arn,
      executionName: name,
      stateMachineName: emulator.stateMachineArn('Simple').split(':').pop(),
      seenBy: expect.stringMatching(/^Echo/),
    });
    expect(output.first.payload.remainingMs).toBeGreaterThan(9_000); // function timeout 10 s
    // The bare-ARN task received the first payload and returned its result directly (no Payload).
    expect(output.second).toMatchObject({ value: 42, seenBy: expect.stringMatching(/^Echo/) });
    expect(output.second.Payload).toBeUndefined();
    expect(logs).toContainEqual(
      expect.objectContaining({ kind: 'task', event: 'succeeded', executionArn: arn, state: 'SimpleEcho' }),
    );
  });

  it('retries on a custom error name, then succeeds', async () => {
    const key = unique('flaky');
    const arn = await start('Retrying', { key, failTimes: 2 });
    const out = await finished(arn);
    expect(out.status).toBe('SUCCEEDED');
    expect(JSON.parse(out.output!)).toEqual({ key, attempts: 3 });
  });

  it('catches the error once the retries are exhausted', async () => {
    const key = unique('flaky');
    const arn = await start('Retrying', { key, failTimes: 10 });
    const out = await finished(arn);
    expect(out).toMatchObject({ status: 'FAILED', error: 'RetriesExhausted', cause: 'still failing' });
    expect(registry().attempts[key]).toBe(4); // first attempt + MaxAttempts 3
  });

  it('catches a domain error by name, with the Lambda error as Cause', async () => {
    const arn = await start('Catching', { errorName: 'RuleViolation', message: 'budget exceeded' });
    const out = await finished(arn);
    expect(out.status).toBe('SUCCEEDED');
    const { failure } = JSON.parse(out.output!);
    expect(failure.Error).toBe('RuleViolation');
    expect(JSON.parse(failure.Cause)).toMatchObject({
      errorType: 'RuleViolation',
      errorMessage: 'budget exceeded',
    });
  });

  it('routes any other error through States.ALL to a failure state', async () => {
    const arn = await start('Catching', { errorName: 'Error', message: 'boom' });
    const out = await finished(arn);
    expect(out.status).toBe('FAILED');
    expect(out.error).toBe('PipelineFailed');
    expect(JSON.parse(out.cause!)).toMatchObject({ errorType: 'Error', errorMessage: 'boom' });
  });

  it('records a history of the execution', async () => {
    const arn = await start('Simple', { value: 1 });
    await finished(arn);
    const { events } = await client.send(new GetExecutionHistoryCommand({ executionArn: arn }));
    const types = events!.map((e) => e.type);
    expect(types[0]).toBe('ExecutionStarted');
    expect(types.at(-1)).toBe('ExecutionSucceeded');
    expect(types).toEqual(
      expect.arrayContaining([
        'TaskStateEntered',
        'TaskScheduled',
        'TaskSucceeded',
        'LambdaFunctionSucceeded',
      ]),
    );
    expect(events!.find((e) => e.type === 'TaskStateEntered')?.stateEnteredEventDetails?.name).toBe(
      'SimpleEcho',
    );
  });
});

describe('callback tasks', () => {
  it('completes with SendTaskSuccess; the output becomes the task result', async () => {
    const gateId = unique('gate');
    const arn = await start('Callback', { gateId, selfComplete: false });
    const token = await nextToken(gateId);
    expect((await client.send(new DescribeExecutionCommand({ executionArn: arn }))).status).toBe('RUNNING');
    expect(emulator.pendingTasks(arn)).toEqual([
      expect.objectContaining({ token, stateName: 'AwaitDecision' }),
    ]);
    await client.send(
      new SendTaskSuccessCommand({ taskToken: token, output: JSON.stringify({ approved: true }) }),
    );
    const out = await finished(arn);
    expect(out.status).toBe('SUCCEEDED');
    expect(JSON.parse(out.output!).decision).toEqual({ approved: true });
    // The token is spent: AWS answers TaskTimedOut ("Provided task does not exist anymore").
    await expect(
      client.send(new SendTaskSuccessCommand({ taskToken: token, output: '{}' })),
    ).rejects.toBeInstanceOf(TaskTimedOut);
  });

  it('a handler can complete its own task through the SDK (AWS_ENDPOINT_URL_SFN)', async () => {
    const gateId = unique('self');
    const arn = await start('Callback', { gateId, selfComplete: true });
    const out = await finished(arn);
    expect(out.status).toBe('SUCCEEDED');
    expect(JSON.parse(out.output!).decision).toEqual({ approvedBy: 'handler' });
  });

  it('SendTaskFailure fails the task with that error, which Catch handles', async () => {
    const gateId = unique('gate');
    const arn = await start('Callback', { gateId, selfComplete: false });
    const token = await nextToken(gateId);
    await client.send(
      new SendTaskFailureCommand({ taskToken: token, error: 'Rejected', cause: 'not eligible' }),
    );
    const out = await finished(arn);
    expect(out.status).toBe('SUCCEEDED');
    expect(JSON.parse(out.output!).failure).toEqual({ Error: 'Rejected', Cause: 'not eligible' });
  });

  it('times out with States.Timeout after TimeoutSeconds (scaled); the token then answers TaskTimedOut', async () => {
    const gateId = unique('quick');
    const arn = await start('CallbackTimeout', { gateId, selfComplete: false });
    const token = await nextToken(gateId);
    const out = await finished(arn);
    expect(out.status).toBe('SUCCEEDED');
    expect(JSON.parse(out.output!).failure.Error).toBe('States.Timeout');
    await expect(
      client.send(new SendTaskSuccessCommand({ taskToken: token, output: '{}' })),
    ).rejects.toBeInstanceOf(TaskTimedOut);
  });

  it('keeps a task alive with SendTaskHeartbeat, and fails it with States.HeartbeatTimeout without', async () => {
    const alive = unique('beat');
    const aliveArn = await start('Heartbeat', { gateId: alive, selfComplete: false });
    const token = await nextToken(alive);
    for (let i = 0; i < 10; i++) {
      await new Promise((r) => setTimeout(r, 100)); // heartbeat timeout is 600 ms: 1 s in all
      await client.send(new SendTaskHeartbeatCommand({ taskToken: token }));
    }
    await client.send(new SendTaskSuccessCommand({ taskToken: token, output: '"ok"' }));
    expect(JSON.parse((await finished(aliveArn)).output!).decision).toBe('ok');

    const silent = unique('beat');
    const silentArn = await start('Heartbeat', { gateId: silent, selfComplete: false });
    const out = await finished(silentArn);
    expect(JSON.parse(out.output!).failure.Error).toBe('States.HeartbeatTimeout');
  });

  it('answers InvalidToken for garbage and TaskDoesNotExist for a token never issued', async () => {
    await expect(
      client.send(new SendTaskSuccessCommand({ taskToken: 'not-a-token', output: '{}' })),
    ).rejects.toBeInstanceOf(InvalidToken);
    await expect(
      client.send(new SendTaskFailureCommand({ taskToken: `AQlsfn${'A'.repeat(64)}`, error: 'X' })),
    ).rejects.toBeInstanceOf(TaskDoesNotExist);
    await expect(
      client.send(new SendTaskHeartbeatCommand({ taskToken: `AQlsfn${'B'.repeat(64)}` })),
    ).rejects.toBeInstanceOf(TaskDoesNotExist);
  });
});

describe('executions', () => {
  it('StartExecution is idempotent for the same name and input while RUNNING', async () => {
    const gateId = unique('idem');
    const name = unique('round');
    const input = { gateId, selfComplete: false };
    const first = await start('Callback', input, name);
    expect(await start('Callback', input, name)).toBe(first);
    await expect(start('Callback', { ...input, other: 1 }, name)).rejects.toBeInstanceOf(
      ExecutionAlreadyExists,
    );
    const token = await nextToken(gateId);
    expect(tokensOf(gateId)).toHaveLength(1); // one execution, one task
    await client.send(new SendTaskSuccessCommand({ taskToken: token, output: '{}' }));
    await finished(first);
    await expect(start('Callback', input, name)).rejects.toBeInstanceOf(ExecutionAlreadyExists);
  });

  it('StopExecution aborts a running execution; its token is then spent', async () => {
    const gateId = unique('stop');
    const arn = await start('Callback', { gateId, selfComplete: false });
    const token = await nextToken(gateId);
    await client.send(new StopExecutionCommand({ executionArn: arn, error: 'Cancelled', cause: 'by admin' }));
    const out = await client.send(new DescribeExecutionCommand({ executionArn: arn }));
    expect(out).toMatchObject({ status: 'ABORTED', error: 'Cancelled', cause: 'by admin' });
    expect(out.stopDate).toBeInstanceOf(Date);
    await expect(
      client.send(new SendTaskSuccessCommand({ taskToken: token, output: '{}' })),
    ).rejects.toBeInstanceOf(TaskTimedOut);
  });

  it('ListExecutions filters by status; DescribeExecution of an unknown execution fails', async () => {
    const gateId = unique('list');
    const arn = await start('Callback', { gateId, selfComplete: false });
    await nextToken(gateId);
    const stateMachineArn = emulator.stateMachineArn('Callback');
    const running = await client.send(
      new ListExecutionsCommand({ stateMachineArn, statusFilter: 'RUNNING' }),
    );
    expect(running.executions!.map((e) => e.executionArn)).toContain(arn);
    expect(running.executions!.every((e) => e.status === 'RUNNING')).toBe(true);
    const succeeded = await client.send(
      new ListExecutionsCommand({ stateMachineArn, statusFilter: 'SUCCEEDED' }),
    );
    expect(succeeded.executions!.map((e) => e.executionArn)).not.toContain(arn);
    await client.send(new StopExecutionCommand({ executionArn: arn }));
    await expect(
      client.send(
        new DescribeExecutionCommand({ executionArn: `${arn.replace(/:[^:]+$/, '')}:does-not-exist` }),
      ),
    ).rejects.toBeInstanceOf(ExecutionDoesNotExist);
  });

  it('times out the execution after its TimeoutSeconds (scaled)', async () => {
    const arn = await start('TimesOut', {});
    const out = await finished(arn);
    expect(out).toMatchObject({ status: 'TIMED_OUT', error: 'States.Timeout' });
  });

  it('scales, overrides and skips Wait states', async () => {
    const until = new Date(Date.now() + 20_000).toISOString(); // 20 s → 20 ms
    const arn = await start('Waiting', { until });
    // The 10-day NoticePeriod (≈14 min scaled) is reached, then skipped on demand.
    await eventually(
      () => emulator.history(arn).some((e) => JSON.stringify(e).includes('"NoticePeriod"')) || undefined,
    );
    await eventually(() => emulator.skipWaits(arn) > 0 || undefined);
    const out = await finished(arn);
    expect(out.status).toBe('SUCCEEDED');
    const waits = logs.filter((l) => l.kind === 'wait' && l.executionArn === arn);
    expect(waits).toEqual([
      expect.objectContaining({ state: 'Overridden', ms: 5 }),
      expect.objectContaining({ state: 'UntilTimestamp', ms: expect.any(Number) }),
      expect.objectContaining({ state: 'NoticePeriod', ms: 864_000 }),
    ]);
    const untilMs = (waits[1] as { ms: number }).ms;
    expect(untilMs).toBeGreaterThan(0);
    expect(untilMs).toBeLessThanOrEqual(20);
    const entered = emulator
      .history(arn)
      .filter((e) => String(e['type']).endsWith('StateEntered'))
      .map((e) => [e['type'], (e['stateEnteredEventDetails'] as { name: string }).name]);
    expect(entered).toEqual([
      ['WaitStateEntered', 'Overridden'],
      ['WaitStateEntered', 'UntilTimestamp'],
      ['WaitStateEntered', 'NoticePeriod'],
      ['TaskStateEntered', 'AfterWaits'],
    ]);
  });
});

describe('Map states', () => {
  it('runs the item processor for each item, tasks included, and a callback per item with its own token', async () => {
    const gates = [unique('item'), unique('item'), unique('item')];
    const arn = await start('Mapping', { items: ['a', 'b', 'c'], gates });
    const tokens = await Promise.all(gates.map((g) => nextToken(g)));
    expect(new Set(tokens).size).toBe(3);
    for (const [i, token] of tokens.entries()) {
      await client.send(
        new SendTaskSuccessCommand({ taskToken: token, output: JSON.stringify({ gate: i }) }),
      );
    }
    const out = await finished(arn);
    expect(out.status).toBe('SUCCEEDED');
    const output = JSON.parse(out.output!);
    expect(output.results.map((r: { value: string; index: number }) => [r.value, r.index])).toEqual([
      ['a', 0],
      ['b', 1],
      ['c', 2],
    ]);
    expect(output.decisions).toEqual([{ gate: 0 }, { gate: 1 }, { gate: 2 }]);
  });
});

describe('persistence', () => {
  it('restarts a RUNNING execution from the beginning after a restart, with the same name and input', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'esip-sfn-'));
    try {
      const first = newEmulator({ dataDir });
      await first.start();
      const firstClient = sdkClient(first.url);
      const gateId = unique('restart');
      const name = unique('round');
      const arn = await start('Callback', { gateId, selfComplete: false }, name, firstClient, first);
      const oldToken = await nextToken(gateId);
      const before = await firstClient.send(new DescribeExecutionCommand({ executionArn: arn }));
      await first.stop();
      const saved = JSON.parse(await readFile(join(dataDir, 'stepfunctions', 'executions.json'), 'utf8'));
      expect(saved.executions).toContainEqual(
        expect.objectContaining({ executionArn: arn, status: 'RUNNING' }),
      );

      const second = newEmulator({ dataDir });
      await second.start();
      const secondClient = sdkClient(second.url);
      try {
        const newToken = await nextToken(gateId, 2); // the gate handler ran again
        expect(newToken).not.toBe(oldToken);
        const resumed = await secondClient.send(new DescribeExecutionCommand({ executionArn: arn }));
        expect(resumed).toMatchObject({ status: 'RUNNING', name, input: before.input });
        expect(resumed.startDate).toEqual(before.startDate);
        await expect(
          secondClient.send(new SendTaskSuccessCommand({ taskToken: oldToken, output: '{}' })),
        ).rejects.toBeInstanceOf(TaskDoesNotExist);
        await secondClient.send(
          new SendTaskSuccessCommand({ taskToken: newToken, output: '{"resumed":true}' }),
        );
        const out = await finished(arn, secondClient);
        expect(JSON.parse(out.output!).decision).toEqual({ resumed: true });
        await second.stop();
        const after = JSON.parse(await readFile(join(dataDir, 'stepfunctions', 'executions.json'), 'utf8'));
        expect(after.executions).toContainEqual(
          expect.objectContaining({ executionArn: arn, status: 'SUCCEEDED', restarts: 1 }),
        );
      } finally {
        await second.stop();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
