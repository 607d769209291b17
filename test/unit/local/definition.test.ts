import { describe, expect, it } from 'vitest';
import { CallbackRegistry } from '../../../local/sfn/callbacks.ts';
import {
  LOCAL_WAIT_RESOURCE,
  MAX_TIMER_SECONDS,
  prepareDefinition,
  taskKind,
} from '../../../local/sfn/definition.ts';
import type { SfnServiceError } from '../../../local/sfn/errors.ts';
import { evaluateReferencePath } from '../../../local/sfn/jsonpath.ts';
import type { AslDefinition } from '../../../local/template.ts';

const fn = 'arn:aws:lambda:us-east-1:000000000000:function:Fn';

const definition: AslDefinition = {
  StartAt: 'Call',
  TimeoutSeconds: 31_536_000,
  States: {
    Call: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      Parameters: { FunctionName: fn, 'Payload.$': '$' },
      Retry: [{ ErrorEquals: ['Lambda.ServiceException'], IntervalSeconds: 2 }, { ErrorEquals: ['X'] }],
      Next: 'Gate',
    },
    Gate: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
      TimeoutSeconds: 10_368_000,
      HeartbeatSeconds: 600,
      Next: 'Pause',
    },
    Pause: { Type: 'Wait', Seconds: 864_000, InputPath: '$.x', Next: 'Each' },
    Each: {
      Type: 'Map',
      ItemProcessor: {
        StartAt: 'Inner',
        States: { Inner: { Type: 'Task', Resource: fn, End: true } },
      },
      Next: 'Both',
    },
    Both: {
      Type: 'Parallel',
      Branches: [{ StartAt: 'Left', States: { Left: { Type: 'Wait', SecondsPath: '$.s', End: true } } }],
      End: true,
    },
  },
};

describe('prepareDefinition', () => {
  const prepared = prepareDefinition(definition, { timeScale: 0.001 });
  const states = prepared.runnerDefinition.States;

  it('lists every task, nested ones included, by kind', () => {
    expect([...prepared.tasks.keys()]).toEqual(['Call', 'Gate', 'Inner']);
    expect(prepared.tasks.get('Call')!.kind).toBe('lambda-invoke');
    expect(prepared.tasks.get('Gate')!.kind).toBe('lambda-callback');
    expect(prepared.tasks.get('Inner')!.kind).toBe('lambda-function');
  });

  it('scales callback timeouts, lifts the runner default 60 s timeout off plain tasks', () => {
    expect(states['Gate']!['TimeoutSeconds']).toBeCloseTo(10_368);
    expect(prepared.tasks.get('Gate')!.timeoutMs).toBeCloseTo(10_368_000);
    expect(prepared.tasks.get('Gate')!.heartbeatMs).toBeCloseTo(600);
    expect(states['Gate']!['HeartbeatSeconds']).toBeUndefined();
    expect(states['Call']!['TimeoutSeconds']).toBe(MAX_TIMER_SECONDS);
    expect(
      prepareDefinition(definition, { timeScale: 1 }).runnerDefinition.States['Gate']!['TimeoutSeconds'],
    ).toBe(MAX_TIMER_SECONDS);
  });

  it('turns Wait states (nested too) into local wait tasks and keeps their paths', () => {
    expect(states['Pause']).toMatchObject({
      Type: 'Task',
      Resource: LOCAL_WAIT_RESOURCE,
      InputPath: '$.x',
      Next: 'Each',
    });
    expect(states['Pause']!['Seconds']).toBeUndefined();
    expect([...prepared.waits.keys()]).toEqual(['Pause', 'Left']);
    const branch = (states['Both']!['Branches'] as AslDefinition[])[0]!;
    expect(branch.States['Left']!['Type']).toBe('Task');
  });

  it('moves the execution timeout to the emulator and scales retry intervals', () => {
    expect(prepared.runnerDefinition['TimeoutSeconds']).toBeUndefined();
    expect(prepared.timeoutSeconds).toBe(31_536_000);
    expect(prepared.retryIntervals.get('Call')).toEqual([2, 1]);
    expect(
      prepareDefinition(definition, { timeScale: 1, retryIntervalMs: 0 }).retryIntervals.get('Call'),
    ).toEqual([0, 0]);
  });

  it('leaves the original definition untouched', () => {
    expect(definition.States['Pause']!['Type']).toBe('Wait');
    expect(definition['TimeoutSeconds']).toBe(31_536_000);
  });

  it('rejects duplicate state names and JSONata', () => {
    const dup: AslDefinition = {
      StartAt: 'A',
      States: {
        A: {
          Type: 'Map',
          ItemProcessor: { StartAt: 'A', States: { A: { Type: 'Pass', End: true } } },
          End: true,
        },
      },
    };
    expect(() => prepareDefinition(dup, { timeScale: 1 })).toThrow(/used twice/);
    expect(() => prepareDefinition({ ...definition, QueryLanguage: 'JSONata' }, { timeScale: 1 })).toThrow(
      /JSONata/,
    );
  });
});

describe('taskKind', () => {
  it.each([
    ['arn:aws:states:::lambda:invoke', 'lambda-invoke'],
    ['arn:aws-cn:states:::lambda:invoke.waitForTaskToken', 'lambda-callback'],
    [fn, 'lambda-function'],
    [`${fn}:live`, 'lambda-function'],
    ['arn:aws:states:::dynamodb:putItem', 'other'],
  ])('%s → %s', (resource, kind) => {
    expect(taskKind(resource)).toBe(kind);
  });
});

describe('evaluateReferencePath', () => {
  const input = { a: { b: [10, { c: 'x' }] }, 'odd key': 1 };
  it.each([
    ['$', input],
    ['$.a.b[0]', 10],
    ['$.a.b[1].c', 'x'],
    ["$['odd key']", 1],
    ['$.missing.deeper', undefined],
    ['$$.Execution.Name', 'n'],
  ])('%s', (path, expected) => {
    expect(evaluateReferencePath(path, input, { Execution: { Name: 'n' } })).toEqual(expected);
  });
});

describe('CallbackRegistry', () => {
  it('settles a pending task once; then the token answers TaskTimedOut', async () => {
    const registry = new CallbackRegistry();
    const task = registry.issue({ executionArn: 'e', stateName: 's' });
    registry.succeed(task.token, { ok: true });
    await expect(task.result).resolves.toEqual({ ok: true });
    expect(() => registry.succeed(task.token, {})).toThrow(
      expect.objectContaining({ type: 'TaskTimedOut' }) as SfnServiceError,
    );
  });

  it('distinguishes malformed tokens from unknown ones', () => {
    const registry = new CallbackRegistry();
    expect(() => registry.heartbeat('garbage')).toThrow(expect.objectContaining({ type: 'InvalidToken' }));
    expect(() => registry.heartbeat(`AQlsfn${'x'.repeat(64)}`)).toThrow(
      expect.objectContaining({ type: 'TaskDoesNotExist' }),
    );
  });

  it('fails a task with the given error and cause', async () => {
    const registry = new CallbackRegistry();
    const task = registry.issue({ executionArn: 'e', stateName: 's' });
    registry.fail(task.token, 'Rejected', 'no');
    await expect(task.result).rejects.toMatchObject({ name: 'Rejected', message: 'no' });
  });

  it('closes the tokens of an execution that ended', () => {
    const registry = new CallbackRegistry();
    const a = registry.issue({ executionArn: 'e1', stateName: 's' });
    const b = registry.issue({ executionArn: 'e2', stateName: 's' });
    registry.cancelExecution('e1');
    expect(registry.list().map((t) => t.token)).toEqual([b.token]);
    expect(() => registry.succeed(a.token, {})).toThrow(expect.objectContaining({ type: 'TaskTimedOut' }));
  });
});
