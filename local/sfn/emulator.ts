/**
 * Local Step Functions: runs the state machines of the synthesized template with
 * aws-local-stepfunctions, maps every Lambda task to its handler running in-process, and answers
 * the Step Functions API (StartExecution, SendTaskSuccess, ...) over HTTP so handler code using
 * `@aws-sdk/client-sfn` works unchanged (point it here with `AWS_ENDPOINT_URL_SFN`).
 *
 * Semantics kept from AWS:
 *  - `arn:aws:states:::lambda:invoke` returns `{ Payload, StatusCode: 200, ExecutedVersion, ... }`;
 *    a bare function ARN returns the function's result; a thrown error fails the task with the
 *    error's `name` as the Step Functions error (so `Retry`/`Catch` on custom names,
 *    `States.TaskFailed` and `States.ALL` behave as on AWS) and the Lambda error JSON as `Cause`;
 *  - `.waitForTaskToken`: a fresh token per task invocation, then SendTaskSuccess (output is the
 *    task result), SendTaskFailure (error/cause), TimeoutSeconds (`States.Timeout`) or
 *    HeartbeatSeconds (`States.HeartbeatTimeout`);
 *  - StartExecution is idempotent: same name and input while RUNNING returns the same execution;
 *    otherwise a reused name is ExecutionAlreadyExists.
 * Local additions: `timeScale` shortens Wait states, callback/heartbeat timeouts, retry intervals
 * and the execution timeout; Wait states can be overridden by name or skipped on demand.
 *
 * Persistence: with `dataDir`, execution records are kept in
 * `<dataDir>/stepfunctions/executions.json`. On start, executions that were RUNNING when the
 * process stopped are restarted FROM THE BEGINNING with the same name and input (the task
 * position, pending tokens and history are not persisted). This is sound because the project's
 * tasks are idempotent by design (every step records its outcome under a deterministic key, and
 * a callback step overwrites its pending gate with the new token); tokens issued before the
 * restart answer TaskDoesNotExist.
 */
import { randomUUID } from 'node:crypto';
import { ExecutionError, StateMachine, type StateMachineDefinition } from 'aws-local-stepfunctions';
import {
  type AslDefinition,
  type CfnTemplate,
  extractStateMachines,
  functionNameFromReference,
  type IntrinsicResolver,
  LOCAL_ACCOUNT,
  LOCAL_PARTITION,
  LOCAL_REGION,
  roleArn as localRoleArn,
  stateMachineArn as localStateMachineArn,
  STATE_MACHINE_METADATA_KEY,
  type TemplateStateMachine,
} from '../template.ts';
import { type CallbackEvent, CallbackRegistry } from './callbacks.ts';
import {
  type PreparedDefinition,
  prepareDefinition,
  type TaskKind,
  type TaskStateInfo,
  TIMEOUT_PARAMETER,
} from './definition.ts';
import { lambdaFunctionError, runtimeError, SfnServiceError } from './errors.ts';
import { fromRunnerEvent, type HistoryEvent, toWireEvents } from './history.ts';
import { evaluateReferencePath } from './jsonpath.ts';
import { type JsonServer, type Operation, startJsonServer } from './server.ts';
import { type ExecutionRecord, type ExecutionStatus, ExecutionStore } from './store.ts';

export type { ExecutionRecord, ExecutionStatus } from './store.ts';

/** A state machine given directly rather than through a template. */
export interface LocalStateMachineInput {
  definition: AslDefinition;
  name?: string;
  roleArn?: string;
}

export type LocalSfnLogEntry =
  | {
      kind: 'execution';
      event: 'started' | 'restarted' | 'succeeded' | 'failed' | 'timed-out' | 'aborted';
      executionArn: string;
      name: string;
      stateMachine: string;
      error?: string;
      cause?: string;
    }
  | {
      kind: 'task';
      event: 'invoked' | 'succeeded' | 'failed';
      executionArn: string;
      state: string;
      integration: TaskKind;
      function?: string;
      durationMs?: number;
      error?: string;
    }
  | { kind: 'callback'; event: CallbackEvent['action']; executionArn: string; state: string; token: string }
  | { kind: 'wait'; executionArn: string; state: string; ms: number }
  | { kind: 'error'; message: string };

/** Handler for a Task resource other than Lambda (keyed by the resolved Resource ARN). */
export type ResourceHandler = (
  input: unknown,
  meta: { executionArn: string; stateName: string; resource: string },
) => Promise<unknown> | unknown;

export interface LocalStepFunctionsOptions {
  /** Synthesized template: every AWS::StepFunctions::StateMachine in it is registered. */
  template?: CfnTemplate;
  /** Resolver for intrinsics of the template the built-in rules do not know. */
  resolver?: IntrinsicResolver;
  /** State machines given directly (merged with the template's), keyed by logical id. */
  stateMachines?: Record<string, TemplateStateMachine | LocalStateMachineInput>;
  /** Invokes a Lambda function (by local function name = template logical id) with an event. */
  invoke: (functionName: string, event: unknown) => Promise<unknown>;
  /** Handlers for non-Lambda Task resources (by resolved Resource ARN). */
  resourceHandlers?: Record<string, ResourceHandler>;
  /** Folder for persisted execution records (`<dataDir>/stepfunctions/executions.json`). */
  dataDir?: string;
  /**
   * Multiplies Wait durations, callback/heartbeat timeouts, retry intervals and the execution
   * timeout (e.g. 0.001 turns a 10-day Wait into ~14 minutes). Default 1.
   */
  timeScale?: number;
  /** Wait state name → duration in ms, instead of the state's own (not scaled). */
  waitOverrides?: Record<string, number>;
  /** Every Retry interval in ms (tests: 0). Default: IntervalSeconds × timeScale (without backoff when scaled). */
  retryIntervalMs?: number;
  /** HTTP port; 0 (default) picks a free one. */
  port?: number;
  host?: string;
  /** Debug log of executions, Lambda task invocations, callbacks and waits. */
  log?: (entry: LocalSfnLogEntry) => void;
  /** Validate definitions with asl-validator (default true). */
  validate?: boolean;
  /** Restart persisted RUNNING executions on start (default true). */
  resume?: boolean;
}

export interface PendingTaskInfo {
  token: string;
  executionArn: string;
  stateName: string;
  issuedAt: Date;
}

export interface LocalStepFunctions {
  /** Starts the HTTP endpoint, loads persisted executions and (after start resolves) restarts RUNNING ones. */
  start(): Promise<void>;
  /** Stops the endpoint and every running execution (they stay RUNNING on disk, to be resumed). */
  stop(): Promise<void>;
  /** Endpoint URL, for `AWS_ENDPOINT_URL_SFN` or an SFNClient `endpoint`. */
  readonly url: string;
  /** State machine logical id → local ARN. */
  readonly stateMachineArns: Readonly<Record<string, string>>;
  /**
   * ARN of a state machine by logical id, `esip:statemachine` metadata (e.g. `round-pipeline`),
   * construct id (the logical id without CDK's hash) or construct path segment.
   * Throws if none or several match.
   */
  stateMachineArn(reference: string): string;
  /** The resolved ASL of a state machine (what DescribeStateMachine returns, parsed). */
  definition(stateMachineArn: string): AslDefinition;
  startExecution(request: {
    stateMachineArn: string;
    name?: string;
    input?: string | object;
  }): Promise<{ executionArn: string; startDate: Date }>;
  describeExecution(executionArn: string): ExecutionRecord;
  listExecutions(filter?: { stateMachineArn?: string; status?: ExecutionStatus }): ExecutionRecord[];
  /** Resolves when the execution is no longer RUNNING. */
  waitForExecution(executionArn: string, options?: { timeoutMs?: number }): Promise<ExecutionRecord>;
  /** Callback tasks waiting for SendTaskSuccess/Failure. */
  pendingTasks(executionArn?: string): PendingTaskInfo[];
  sendTaskSuccess(taskToken: string, output: unknown): void;
  sendTaskFailure(taskToken: string, error?: string, cause?: string): void;
  /** Ends the Wait states currently waiting (of one execution, or all) now. Returns how many. */
  skipWaits(executionArn?: string): number;
  /** Overrides (ms) or clears (undefined) the duration of a Wait state by name, for new waits. */
  setWaitOverride(stateName: string, ms: number | undefined): void;
  /** GetExecutionHistory events (wire shape). */
  history(executionArn: string): Record<string, unknown>[];
  /** The API operations, callable in-process with AWS JSON request objects. */
  readonly operations: Readonly<Record<string, Operation>>;
}

/** A state machine of the template, prepared for running. */
interface Machine
  extends Pick<
    TemplateStateMachine,
    | 'logicalId'
    | 'name'
    | 'arn'
    | 'definition'
    | 'definitionString'
    | 'roleArn'
    | 'type'
    | 'path'
    | 'metadata'
  > {
  prepared: PreparedDefinition;
  runner: StateMachine;
  creationDate: number;
}

interface Waiter {
  finish(): void;
  cancel(): void;
}

interface Running {
  record: ExecutionRecord;
  machine: Machine;
  placeholder: string;
  context: Record<string, unknown>;
  abort: () => void;
  settled: boolean;
  waits: Set<Waiter>;
  cancelTimeout?: () => void;
  history: HistoryEvent[];
}

const STATE_MACHINE_ARN = /^arn:[^:]+:states:[^:]+:\d{12}:stateMachine:[^:]+$/;
const EXECUTION_ARN = /^arn:[^:]+:states:[^:]+:\d{12}:execution:([^:]+):([^:]+)$/;
// AWS: 1-80 characters, no whitespace, brackets, wildcards, special characters or control characters.
const EXECUTION_NAME = /^[^\s<>{}[\]?*"#%\\^|~`$&,;:/\p{Cc}]{1,80}$/u;
const MAX_TIMER_MS = 2 ** 31 - 1;

/** setTimeout for any duration (chunks beyond Node's 24.8-day limit). Returns a cancel function. */
function longTimeout(ms: number, fn: () => void): () => void {
  let timer: NodeJS.Timeout;
  const deadline = Date.now() + ms;
  const arm = () => {
    const left = deadline - Date.now();
    timer = setTimeout(left > MAX_TIMER_MS ? arm : fn, Math.max(0, Math.min(left, MAX_TIMER_MS)));
  };
  arm();
  return () => clearTimeout(timer);
}

function toJsonValue(value: unknown): unknown {
  const text = JSON.stringify(value);
  return text === undefined ? null : JSON.parse(text);
}

function replaceInStrings(value: unknown, search: string, replacement: string): unknown {
  if (typeof value === 'string')
    return value.includes(search) ? value.replaceAll(search, replacement) : value;
  if (Array.isArray(value)) return value.map((v) => replaceInStrings(v, search, replacement));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, replaceInStrings(v, search, replacement)] as const),
    );
  }
  return value;
}

function parseJson(text: string, onError: () => Error): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw onError();
  }
}

/** Definitions already validated in this process (asl-validator is slow: ~0.3 s per definition). */
const validatedDefinitions = new Set<string>();

const epochSeconds = (ms: number | undefined) => (ms === undefined ? undefined : ms / 1000);

export function createLocalStepFunctions(options: LocalStepFunctionsOptions): LocalStepFunctions {
  const timeScale = options.timeScale ?? 1;
  if (!(timeScale > 0)) throw new Error('timeScale must be a positive number');
  const host = options.host ?? '127.0.0.1';
  const log = (entry: LocalSfnLogEntry) => {
    try {
      options.log?.(entry);
    } catch {
      // a failing logger must not break executions
    }
  };
  const waitOverrides = new Map(Object.entries(options.waitOverrides ?? {}));

  // ---- state machines ------------------------------------------------------------------------
  const machines = new Map<string, Machine>();
  const sources: Record<string, TemplateStateMachine | LocalStateMachineInput> = {
    ...(options.template ? extractStateMachines(options.template, { resolver: options.resolver }) : {}),
    ...options.stateMachines,
  };
  for (const [logicalId, source] of Object.entries(sources)) {
    const fromTemplate = 'definitionString' in source;
    const name = source.name ?? logicalId;
    const definition = source.definition;
    if (options.validate !== false) {
      const key = JSON.stringify(definition);
      if (!validatedDefinitions.has(key)) {
        // Validates the definition exactly as resolved (throws with asl-validator's messages).
        new StateMachine(definition as unknown as StateMachineDefinition);
        validatedDefinitions.add(key);
      }
    }
    const prepared = prepareDefinition(definition, { timeScale, retryIntervalMs: options.retryIntervalMs });
    const machine: Machine = {
      logicalId,
      name,
      arn: fromTemplate ? source.arn : localStateMachineArn(name),
      definition,
      definitionString: fromTemplate ? source.definitionString : JSON.stringify(definition),
      roleArn: source.roleArn ?? localRoleArn(`${name}Role`),
      type: fromTemplate ? source.type : 'STANDARD',
      path: fromTemplate ? source.path : undefined,
      metadata: fromTemplate ? source.metadata : {},
      prepared,
      runner: new StateMachine(prepared.runnerDefinition as unknown as StateMachineDefinition, {
        validationOptions: { noValidate: true },
      }),
      creationDate: Date.now(),
    };
    machines.set(machine.arn, machine);
  }
  const stateMachineArns = Object.fromEntries([...machines.values()].map((m) => [m.logicalId, m.arn]));

  // ---- state ---------------------------------------------------------------------------------
  const store = new ExecutionStore(options.dataDir, (error) =>
    log({ kind: 'error', message: `saving executions to ${store.path}: ${String(error)}` }),
  );
  const running = new Map<string, Running>();
  const histories = new Map<string, HistoryEvent[]>();
  const doneWaiters = new Map<string, Set<(record: ExecutionRecord) => void>>();
  const callbacks = new CallbackRegistry((event) =>
    log({
      kind: 'callback',
      event: event.action,
      executionArn: event.executionArn,
      state: event.stateName,
      token: `${event.token.slice(0, 16)}…`,
    }),
  );
  let server: JsonServer | undefined;
  let stopping = false;

  const machineOf = (arn: unknown): Machine => {
    if (typeof arn !== 'string' || !STATE_MACHINE_ARN.test(arn)) {
      throw new SfnServiceError('InvalidArn', `Invalid Arn: '${String(arn)}'`);
    }
    const machine = machines.get(arn);
    if (!machine)
      throw new SfnServiceError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${arn}'`);
    return machine;
  };

  const recordOf = (arn: unknown): ExecutionRecord => {
    if (typeof arn !== 'string' || !EXECUTION_ARN.test(arn)) {
      throw new SfnServiceError('InvalidArn', `Invalid Arn: '${String(arn)}'`);
    }
    const record = store.records.get(arn);
    if (!record) throw new SfnServiceError('ExecutionDoesNotExist', `Execution Does Not Exist: '${arn}'`);
    return record;
  };

  const addHistory = (run: Running, type: string, details?: Record<string, unknown>) =>
    run.history.push({ timestamp: Date.now(), type, details });

  // ---- tasks ---------------------------------------------------------------------------------
  async function callLambda(run: Running, info: TaskStateInfo, functionReference: unknown, event: unknown) {
    if (typeof functionReference !== 'string') {
      throw runtimeError(
        `state ${info.name}: FunctionName must be a string, got ${JSON.stringify(functionReference)}`,
      );
    }
    const functionName = functionNameFromReference(functionReference);
    const started = performance.now();
    const base = {
      kind: 'task' as const,
      executionArn: run.record.executionArn,
      state: info.name,
      integration: info.kind,
      function: functionName,
    };
    log({ ...base, event: 'invoked' });
    try {
      const result = await options.invoke(functionName, toJsonValue(event));
      log({ ...base, event: 'succeeded', durationMs: Math.round(performance.now() - started) });
      return toJsonValue(result);
    } catch (error) {
      const stateError = lambdaFunctionError(error);
      log({
        ...base,
        event: 'failed',
        durationMs: Math.round(performance.now() - started),
        error: stateError.name,
      });
      throw stateError;
    }
  }

  async function runTask(run: Running, info: TaskStateInfo, input: unknown): Promise<unknown> {
    if (run.settled) return new Promise(() => {}); // the execution ended: never continue
    // The runner delivers its event log asynchronously (microtasks); yield one macrotask so the
    // StateEntered event of this task is in the history before the task's own events.
    await new Promise((resolve) => setImmediate(resolve));
    const region = LOCAL_REGION;
    switch (info.kind) {
      case 'lambda-invoke': {
        const params = (input ?? {}) as {
          FunctionName?: unknown;
          Payload?: unknown;
          InvocationType?: unknown;
        };
        addHistory(run, 'TaskScheduled', {
          resourceType: 'lambda',
          resource: 'invoke',
          region,
          parameters: JSON.stringify(input),
        });
        try {
          if (params.InvocationType === 'Event') {
            // Asynchronous invocation: Lambda answers 202 at once; the function's outcome is not the task's.
            callLambda(run, info, params.FunctionName, params.Payload ?? {}).catch(() => {});
            const result = { Payload: '', StatusCode: 202, SdkResponseMetadata: { RequestId: randomUUID() } };
            addHistory(run, 'TaskSucceeded', {
              resourceType: 'lambda',
              resource: 'invoke',
              output: JSON.stringify(result),
            });
            return result;
          }
          const payload = await callLambda(run, info, params.FunctionName, params.Payload ?? {});
          const requestId = randomUUID();
          const result = {
            ExecutedVersion: '$LATEST',
            Payload: payload,
            SdkHttpMetadata: {
              AllHttpHeaders: { 'X-Amz-Executed-Version': ['$LATEST'], 'x-amzn-RequestId': [requestId] },
              HttpHeaders: { 'X-Amz-Executed-Version': '$LATEST', 'x-amzn-RequestId': requestId },
              HttpStatusCode: 200,
            },
            SdkResponseMetadata: { RequestId: requestId },
            StatusCode: 200,
          };
          addHistory(run, 'TaskSucceeded', {
            resourceType: 'lambda',
            resource: 'invoke',
            output: JSON.stringify(result),
          });
          return result;
        } catch (error) {
          const e = error as Error;
          addHistory(run, 'TaskFailed', {
            resourceType: 'lambda',
            resource: 'invoke',
            error: e.name,
            cause: e.message,
          });
          throw error;
        }
      }
      case 'lambda-callback': {
        const params = (input ?? {}) as {
          FunctionName?: unknown;
          Payload?: unknown;
          [TIMEOUT_PARAMETER]?: unknown;
        };
        const fromPath = Number(params[TIMEOUT_PARAMETER]);
        if (info.timeoutFromParameter && !(Number.isInteger(fromPath) && fromPath >= 1)) {
          throw runtimeError(`TimeoutSecondsPath of ${info.name} does not point to a positive integer`);
        }
        const pending = callbacks.issue({
          executionArn: run.record.executionArn,
          stateName: info.name,
          timeoutMs: info.timeoutFromParameter ? Math.max(1, fromPath * 1000 * timeScale) : info.timeoutMs,
          heartbeatMs: info.heartbeatMs,
        });
        const payload = replaceInStrings(params.Payload ?? {}, run.placeholder, pending.token);
        const resource = 'invoke.waitForTaskToken';
        addHistory(run, 'TaskScheduled', {
          resourceType: 'lambda',
          resource,
          region,
          parameters: JSON.stringify({ ...params, Payload: payload }),
          timeoutInSeconds: info.state['TimeoutSeconds'],
          heartbeatInSeconds: info.state['HeartbeatSeconds'],
        });
        try {
          const response = await callLambda(run, info, params.FunctionName, payload);
          addHistory(run, 'TaskSubmitted', {
            resourceType: 'lambda',
            resource,
            output: JSON.stringify(response),
          });
        } catch (error) {
          callbacks.cancel(pending.token);
          const e = error as Error;
          addHistory(run, 'TaskFailed', {
            resourceType: 'lambda',
            resource,
            error: e.name,
            cause: e.message,
          });
          throw error;
        }
        try {
          const output = await pending.result;
          addHistory(run, 'TaskSucceeded', {
            resourceType: 'lambda',
            resource,
            output: JSON.stringify(output),
          });
          return output;
        } catch (error) {
          const e = error as Error;
          addHistory(run, e.name === 'States.HeartbeatTimeout' ? 'TaskTimedOut' : 'TaskFailed', {
            resourceType: 'lambda',
            resource,
            error: e.name,
            cause: e.message,
          });
          throw error;
        }
      }
      case 'lambda-function': {
        addHistory(run, 'LambdaFunctionScheduled', { resource: info.resource, input: JSON.stringify(input) });
        try {
          const result = await callLambda(run, info, info.resource, input);
          addHistory(run, 'LambdaFunctionSucceeded', { output: JSON.stringify(result) });
          return result;
        } catch (error) {
          const e = error as Error;
          addHistory(run, 'LambdaFunctionFailed', { error: e.name, cause: e.message });
          throw error;
        }
      }
      default: {
        const handler = options.resourceHandlers?.[info.resource];
        if (!handler) {
          throw runtimeError(`state ${info.name}: resource ${info.resource} is not emulated locally`);
        }
        return toJsonValue(
          await handler(toJsonValue(input), {
            executionArn: run.record.executionArn,
            stateName: info.name,
            resource: info.resource,
          }),
        );
      }
    }
  }

  function waitMs(run: Running, name: string, state: Record<string, unknown>, input: unknown): number {
    const override = waitOverrides.get(name);
    if (override !== undefined) return Math.max(0, override);
    let ms = 0;
    if (typeof state['Seconds'] === 'number') {
      ms = state['Seconds'] * 1000;
    } else if (typeof state['Timestamp'] === 'string') {
      ms = Date.parse(state['Timestamp']) - Date.now();
    } else if (typeof state['SecondsPath'] === 'string') {
      const seconds = evaluateReferencePath(state['SecondsPath'], input, run.context);
      if (!Number.isInteger(seconds) || (seconds as number) < 0) {
        throw runtimeError(`Wait ${name}: SecondsPath ${state['SecondsPath']} is not a non-negative integer`);
      }
      ms = (seconds as number) * 1000;
    } else if (typeof state['TimestampPath'] === 'string') {
      const timestamp = evaluateReferencePath(state['TimestampPath'], input, run.context);
      const at = typeof timestamp === 'string' ? Date.parse(timestamp) : Number.NaN;
      if (Number.isNaN(at)) {
        throw runtimeError(`Wait ${name}: TimestampPath ${state['TimestampPath']} is not a timestamp`);
      }
      ms = at - Date.now();
    }
    return Math.max(0, ms) * timeScale;
  }

  async function runWait(run: Running, name: string, state: Record<string, unknown>, input: unknown) {
    // A run that has ended (or whose emulator stops) ends its wait too: the runner, already
    // aborted, then clears its own timer for the state, so nothing keeps the process alive (a
    // stopped execution's record stays RUNNING and is resumed from its history, not from here).
    if (run.settled) throw runtimeError('the execution ended');
    const ms = waitMs(run, name, state, input);
    log({ kind: 'wait', executionArn: run.record.executionArn, state: name, ms });
    await new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        finish: () => {
          cancel();
          run.waits.delete(waiter);
          resolve();
        },
        cancel: () => {
          cancel();
          run.waits.delete(waiter);
          reject(runtimeError('the execution ended'));
        },
      };
      const cancel = longTimeout(ms, waiter.finish);
      run.waits.add(waiter);
    });
    return input;
  }

  // ---- executions ----------------------------------------------------------------------------
  function settle(run: Running, patch: Partial<ExecutionRecord> | undefined) {
    if (run.settled) return;
    run.settled = true;
    run.cancelTimeout?.();
    for (const waiter of [...run.waits]) waiter.cancel();
    callbacks.cancelExecution(run.record.executionArn);
    running.delete(run.record.executionArn);
    if (!patch) return; // emulator shutdown: the record stays RUNNING, to be resumed
    Object.assign(run.record, patch, { stopDate: Date.now() });
    const { record } = run;
    void store.save();
    const event = {
      SUCCEEDED: 'succeeded',
      FAILED: 'failed',
      TIMED_OUT: 'timed-out',
      ABORTED: 'aborted',
      RUNNING: 'started',
    } as const;
    log({
      kind: 'execution',
      event: event[record.status],
      executionArn: record.executionArn,
      name: record.name,
      stateMachine: run.machine.logicalId,
      error: record.error,
      cause: record.cause,
    });
    for (const resolve of doneWaiters.get(record.executionArn) ?? []) resolve({ ...record });
    doneWaiters.delete(record.executionArn);
  }

  async function consumeEvents(run: Running, events: AsyncGenerator<unknown>) {
    const waitStates = new Set(run.machine.prepared.waits.keys());
    try {
      for await (const event of events) {
        const converted = fromRunnerEvent(event as Parameters<typeof fromRunnerEvent>[0], waitStates);
        if (converted) run.history.push(converted);
      }
    } catch (error) {
      log({ kind: 'error', message: `event log of ${run.record.executionArn}: ${String(error)}` });
    }
  }

  function launch(record: ExecutionRecord, restarted: boolean) {
    const machine = machines.get(record.stateMachineArn);
    if (!machine) {
      Object.assign(record, {
        status: 'FAILED',
        error: 'States.Runtime',
        cause: `state machine ${record.stateMachineArn} no longer exists locally`,
        stopDate: Date.now(),
      });
      void store.save();
      return;
    }
    const input = JSON.parse(record.input) as unknown;
    const placeholder = `$$.Task.Token<${randomUUID()}>`;
    const context: Record<string, unknown> = {
      Execution: {
        Id: record.executionArn,
        Name: record.name,
        StartTime: new Date(record.startDate).toISOString(),
        Input: input,
        RoleArn: machine.roleArn,
        RedriveCount: 0,
      },
      StateMachine: { Id: machine.arn, Name: machine.name },
      Task: { Token: placeholder },
    };
    const history: HistoryEvent[] = [];
    histories.set(record.executionArn, history);
    const run: Running = {
      record,
      machine,
      placeholder,
      context,
      abort: () => {},
      settled: false,
      waits: new Set(),
      history,
    };
    running.set(record.executionArn, run);

    const handlers: Record<string, (input: unknown) => Promise<unknown>> = {};
    for (const [name, info] of machine.prepared.tasks) handlers[name] = (i) => runTask(run, info, i);
    for (const [name, state] of machine.prepared.waits) handlers[name] = (i) => runWait(run, name, state, i);

    const execution = machine.runner.run(input as never, {
      overrides: {
        taskResourceLocalHandlers: handlers as never,
        retryIntervalOverrides: Object.fromEntries(machine.prepared.retryIntervals),
      },
      context,
    });
    run.abort = execution.abort;
    const consumed = consumeEvents(run, execution.eventLogs);
    // The runner closes its event log with the final event; settle after it is recorded, so a
    // finished execution always has a complete history.
    const drained = () =>
      Promise.race([consumed, new Promise<void>((resolve) => setTimeout(resolve, 1000).unref())]);
    if (machine.prepared.timeoutSeconds !== undefined) {
      const seconds = machine.prepared.timeoutSeconds;
      run.cancelTimeout = longTimeout(seconds * 1000 * timeScale, () => {
        addHistory(run, 'ExecutionTimedOut', {
          error: 'States.Timeout',
          cause: `timed out after ${seconds} s`,
        });
        settle(run, {
          status: 'TIMED_OUT',
          error: 'States.Timeout',
          cause: `Execution timed out after ${seconds} seconds`,
        });
        execution.abort();
      });
    }
    execution.result.then(
      async (output) => {
        await drained();
        settle(run, { status: 'SUCCEEDED', output: JSON.stringify(output ?? null) });
      },
      async (error: unknown) => {
        if (run.settled) return;
        await drained();
        if (error instanceof ExecutionError && error.cause instanceof Error) {
          settle(run, { status: 'FAILED', error: error.cause.name, cause: error.cause.message });
        } else if (!run.settled) {
          settle(run, {
            status: 'FAILED',
            error: 'States.Runtime',
            cause: error instanceof Error ? error.message : String(error),
          });
        }
      },
    );
    log({
      kind: 'execution',
      event: restarted ? 'restarted' : 'started',
      executionArn: record.executionArn,
      name: record.name,
      stateMachine: machine.logicalId,
    });
  }

  function startExecution(request: Record<string, unknown>) {
    const machine = machineOf(request['stateMachineArn']);
    const name = request['name'] === undefined ? randomUUID() : request['name'];
    if (typeof name !== 'string' || !EXECUTION_NAME.test(name)) {
      throw new SfnServiceError('InvalidName', `Invalid Name: '${String(name)}'`);
    }
    const input = request['input'] === undefined ? '{}' : request['input'];
    if (typeof input !== 'string')
      throw new SfnServiceError('InvalidExecutionInput', 'input must be a JSON string');
    parseJson(
      input,
      () =>
        new SfnServiceError(
          'InvalidExecutionInput',
          `Invalid State Machine Execution Input: '${input.slice(0, 100)}'`,
        ),
    );
    const executionArn = `arn:${LOCAL_PARTITION}:states:${LOCAL_REGION}:${LOCAL_ACCOUNT}:execution:${machine.name}:${name}`;
    const existing = store.records.get(executionArn);
    if (existing) {
      if (existing.status === 'RUNNING' && existing.input === input) {
        return { executionArn, startDate: existing.startDate };
      }
      throw new SfnServiceError('ExecutionAlreadyExists', `Execution Already Exists: '${executionArn}'`);
    }
    const record: ExecutionRecord = {
      executionArn,
      stateMachineArn: machine.arn,
      name,
      status: 'RUNNING',
      input,
      startDate: Date.now(),
    };
    store.records.set(executionArn, record);
    void store.save();
    launch(record, false);
    return { executionArn, startDate: record.startDate };
  }

  function stopExecution(request: Record<string, unknown>) {
    const record = recordOf(request['executionArn']);
    const run = running.get(record.executionArn);
    if (run) {
      const error = typeof request['error'] === 'string' ? request['error'] : undefined;
      const cause = typeof request['cause'] === 'string' ? request['cause'] : undefined;
      addHistory(run, 'ExecutionAborted', { error, cause });
      settle(run, { status: 'ABORTED', error, cause });
      run.abort();
    }
    return { stopDate: epochSeconds(record.stopDate ?? Date.now()) };
  }

  function describeWire(record: ExecutionRecord) {
    return {
      executionArn: record.executionArn,
      stateMachineArn: record.stateMachineArn,
      name: record.name,
      status: record.status,
      startDate: epochSeconds(record.startDate),
      stopDate: epochSeconds(record.stopDate),
      input: record.input,
      inputDetails: { included: true },
      ...(record.output !== undefined ? { output: record.output, outputDetails: { included: true } } : {}),
      ...(record.error !== undefined ? { error: record.error } : {}),
      ...(record.cause !== undefined ? { cause: record.cause } : {}),
      redriveCount: 0,
      redriveStatus: 'NOT_REDRIVABLE',
    };
  }

  function listRecords(filter: { stateMachineArn?: string; status?: ExecutionStatus }) {
    return [...store.records.values()]
      .filter(
        (r) =>
          (filter.stateMachineArn === undefined || r.stateMachineArn === filter.stateMachineArn) &&
          (filter.status === undefined || r.status === filter.status),
      )
      .sort((a, b) => b.startDate - a.startDate);
  }

  function page<T>(items: T[], request: Record<string, unknown>, defaultSize: number) {
    const size =
      typeof request['maxResults'] === 'number' && request['maxResults'] > 0
        ? request['maxResults']
        : defaultSize;
    const offset =
      typeof request['nextToken'] === 'string'
        ? Number(Buffer.from(request['nextToken'], 'base64url').toString())
        : 0;
    if (!Number.isInteger(offset) || offset < 0)
      throw new SfnServiceError('ValidationException', 'Invalid nextToken');
    const slice = items.slice(offset, offset + size);
    const next =
      offset + size < items.length ? Buffer.from(String(offset + size)).toString('base64url') : undefined;
    return { slice, nextToken: next };
  }

  const operations: Record<string, Operation> = {
    StartExecution: (request) => startExecution(request),
    DescribeExecution: (request) => describeWire(recordOf(request['executionArn'])),
    StopExecution: (request) => stopExecution(request),
    ListExecutions: (request) => {
      if (request['stateMachineArn'] === undefined) {
        throw new SfnServiceError('ValidationException', 'stateMachineArn is required');
      }
      const machine = machineOf(request['stateMachineArn']);
      const status = request['statusFilter'] as ExecutionStatus | undefined;
      const { slice, nextToken } = page(listRecords({ stateMachineArn: machine.arn, status }), request, 100);
      return {
        executions: slice.map((r) => ({
          executionArn: r.executionArn,
          stateMachineArn: r.stateMachineArn,
          name: r.name,
          status: r.status,
          startDate: epochSeconds(r.startDate),
          stopDate: epochSeconds(r.stopDate),
          redriveCount: 0,
        })),
        ...(nextToken ? { nextToken } : {}),
      };
    },
    DescribeStateMachine: (request) => {
      const machine = machineOf(request['stateMachineArn']);
      return {
        stateMachineArn: machine.arn,
        name: machine.name,
        status: 'ACTIVE',
        definition: machine.definitionString,
        roleArn: machine.roleArn,
        type: machine.type,
        creationDate: epochSeconds(machine.creationDate),
        loggingConfiguration: { level: 'OFF', includeExecutionData: false },
        tracingConfiguration: { enabled: false },
      };
    },
    DescribeStateMachineForExecution: (request) => {
      const record = recordOf(request['executionArn']);
      const machine = machineOf(record.stateMachineArn);
      return {
        stateMachineArn: machine.arn,
        name: machine.name,
        definition: machine.definitionString,
        roleArn: machine.roleArn,
        updateDate: epochSeconds(machine.creationDate),
      };
    },
    ListStateMachines: (request) => {
      const { slice, nextToken } = page([...machines.values()], request, 100);
      return {
        stateMachines: slice.map((m) => ({
          stateMachineArn: m.arn,
          name: m.name,
          type: m.type,
          creationDate: epochSeconds(m.creationDate),
        })),
        ...(nextToken ? { nextToken } : {}),
      };
    },
    GetExecutionHistory: (request) => {
      const record = recordOf(request['executionArn']);
      let events = toWireEvents(histories.get(record.executionArn) ?? []);
      if (request['reverseOrder'] === true) events = events.reverse();
      const { slice, nextToken } = page(events, request, 1000);
      return { events: slice, ...(nextToken ? { nextToken } : {}) };
    },
    SendTaskSuccess: (request) => {
      const output = request['output'];
      if (typeof output !== 'string')
        throw new SfnServiceError('InvalidOutput', 'output must be a JSON string');
      const value = parseJson(
        output,
        () => new SfnServiceError('InvalidOutput', `Invalid Output: '${output.slice(0, 100)}'`),
      );
      callbacks.succeed(request['taskToken'], value);
      return {};
    },
    SendTaskFailure: (request) => {
      const error = typeof request['error'] === 'string' ? request['error'] : '';
      const cause = typeof request['cause'] === 'string' ? request['cause'] : '';
      callbacks.fail(request['taskToken'], error, cause);
      return {};
    },
    SendTaskHeartbeat: (request) => {
      callbacks.heartbeat(request['taskToken']);
      return {};
    },
  };

  // ---- lifecycle -----------------------------------------------------------------------------
  async function start() {
    if (server) return;
    stopping = false;
    const persisted = await store.load();
    server = await startJsonServer(operations, {
      host,
      port: options.port ?? 0,
      onError: (error) => log({ kind: 'error', message: String(error) }),
    });
    if (options.resume !== false) {
      const toResume = persisted.filter((r) => r.status === 'RUNNING' && !running.has(r.executionArn));
      // Deferred so the caller can set AWS_ENDPOINT_URL_SFN from `url` before handlers run.
      setImmediate(() => {
        if (stopping) return;
        for (const record of toResume) {
          record.restarts = (record.restarts ?? 0) + 1;
          launch(record, true);
        }
        if (toResume.length > 0) void store.save();
      });
    }
  }

  async function stop() {
    stopping = true;
    for (const run of [...running.values()]) {
      settle(run, undefined);
      run.abort();
    }
    await store.flush();
    await server?.close();
    server = undefined;
  }

  function stateMachineArn(reference: string): string {
    const all = [...machines.values()];
    const exact = all.find(
      (m) =>
        m.logicalId === reference ||
        m.arn === reference ||
        m.name === reference ||
        m.metadata[STATE_MACHINE_METADATA_KEY] === reference,
    );
    if (exact) return exact.arn;
    const matches = all.filter(
      (m) =>
        new RegExp(`^${reference.replace(/[^A-Za-z0-9]/g, '')}[0-9A-F]{8}$`).test(m.logicalId) ||
        m.path?.split('/').includes(reference),
    );
    if (matches.length !== 1) {
      throw new Error(
        `${matches.length === 0 ? 'no' : 'several'} state machines match ${reference} (have ${all.map((m) => m.logicalId).join(', ')})`,
      );
    }
    return matches[0]!.arn;
  }

  return {
    start,
    stop,
    get url() {
      if (!server) throw new Error('local Step Functions is not started');
      return server.url;
    },
    stateMachineArns,
    stateMachineArn,
    definition: (arn) => JSON.parse(machineOf(arn).definitionString) as AslDefinition,
    async startExecution(request) {
      const result = startExecution({
        stateMachineArn: request.stateMachineArn,
        name: request.name,
        input:
          typeof request.input === 'string' || request.input === undefined
            ? request.input
            : JSON.stringify(request.input),
      });
      return { executionArn: result.executionArn, startDate: new Date(result.startDate) };
    },
    describeExecution: (arn) => ({ ...recordOf(arn) }),
    listExecutions: (filter = {}) => listRecords(filter).map((r) => ({ ...r })),
    waitForExecution(arn, waitOptions = {}) {
      const record = recordOf(arn);
      if (record.status !== 'RUNNING') return Promise.resolve({ ...record });
      return new Promise<ExecutionRecord>((resolve, reject) => {
        const timer =
          waitOptions.timeoutMs === undefined
            ? undefined
            : setTimeout(() => {
                waiters.delete(done);
                reject(new Error(`execution ${arn} still RUNNING after ${waitOptions.timeoutMs} ms`));
              }, waitOptions.timeoutMs);
        const done = (r: ExecutionRecord) => {
          clearTimeout(timer);
          resolve(r);
        };
        const waiters = doneWaiters.get(arn) ?? new Set();
        waiters.add(done);
        doneWaiters.set(arn, waiters);
      });
    },
    pendingTasks: (executionArn) =>
      callbacks.list(executionArn).map((p) => ({
        token: p.token,
        executionArn: p.executionArn,
        stateName: p.stateName,
        issuedAt: new Date(p.issuedAt),
      })),
    sendTaskSuccess: (taskToken, output) => callbacks.succeed(taskToken, toJsonValue(output)),
    sendTaskFailure: (taskToken, error = '', cause = '') => callbacks.fail(taskToken, error, cause),
    skipWaits(executionArn) {
      let count = 0;
      for (const run of running.values()) {
        if (executionArn !== undefined && run.record.executionArn !== executionArn) continue;
        for (const waiter of [...run.waits]) {
          waiter.finish();
          count++;
        }
      }
      return count;
    },
    setWaitOverride(stateName, ms) {
      if (ms === undefined) waitOverrides.delete(stateName);
      else waitOverrides.set(stateName, ms);
    },
    history: (arn) => toWireEvents(histories.get(recordOf(arn).executionArn) ?? []),
    operations,
  };
}
