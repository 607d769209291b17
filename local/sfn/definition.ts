/**
 * Turns the ASL resolved from the template into what aws-local-stepfunctions runs, without
 * changing its meaning:
 *  - every Task state (at any depth: Map item processors, Parallel branches) is listed, so the
 *    emulator can give each one a local handler (the runner looks handlers up by state name);
 *  - Wait states become Task states with a local handler that waits (scaled by `timeScale`,
 *    overridable by name, skippable on demand, and safe for waits longer than Node's 24.8-day
 *    timer limit); the history still reports them as Wait states;
 *  - the runner's own per-task timer (60 s by default, unlike AWS which has none) is set to the
 *    state's TimeoutSeconds — scaled for callback tasks — or to the longest timer Node supports;
 *  - the execution-level TimeoutSeconds is enforced by the emulator (scaled), not by the runner,
 *    whose single setTimeout would overflow for CDK's usual one-year timeout.
 * DescribeStateMachine still returns the original, resolved definition.
 */
import type { AslDefinition } from '../template.ts';

/** The longest delay a Node timer supports, in seconds (2^31 - 1 ms ≈ 24.8 days). */
export const MAX_TIMER_SECONDS = Math.floor((2 ** 31 - 1) / 1000);
export const LOCAL_WAIT_RESOURCE = 'arn:aws:states:::local:wait';
/** Where a task's TimeoutSecondsPath value travels through Parameters for the local runner. */
export const TIMEOUT_PARAMETER = '__localTimeoutSeconds';

export type TaskKind = 'lambda-invoke' | 'lambda-callback' | 'lambda-function' | 'other';

export interface TaskStateInfo {
  name: string;
  /** The original state definition. */
  state: Record<string, unknown>;
  kind: TaskKind;
  resource: string;
  /** Callback timeout the emulator enforces, in ms (already scaled), if static. */
  timeoutMs?: number;
  /** The callback timeout comes from TimeoutSecondsPath, carried in Parameters[TIMEOUT_PARAMETER]. */
  timeoutFromParameter?: boolean;
  /** Heartbeat timeout in ms (already scaled), if static. */
  heartbeatMs?: number;
}

export interface PreparedDefinition {
  runnerDefinition: AslDefinition;
  tasks: Map<string, TaskStateInfo>;
  waits: Map<string, Record<string, unknown>>;
  /** Per state with Retry: one interval (ms) per retrier, for the runner's retryIntervalOverrides. */
  retryIntervals: Map<string, number[]>;
  /** Top-level TimeoutSeconds (unscaled), if any. */
  timeoutSeconds?: number;
}

export function taskKind(resource: string): TaskKind {
  if (/^arn:[^:]+:states:::lambda:invoke$/.test(resource)) return 'lambda-invoke';
  if (/^arn:[^:]+:states:::lambda:invoke\.waitForTaskToken$/.test(resource)) return 'lambda-callback';
  if (/^arn:[^:]+:lambda:[^:]*:[^:]*:function:[^:]+(:[^:]+)?$/.test(resource)) return 'lambda-function';
  return 'other';
}

export interface PrepareOptions {
  timeScale: number;
  /** Forces every retry interval to this many ms (tests); else intervals are scaled by timeScale. */
  retryIntervalMs?: number;
}

function scaledSeconds(seconds: number, timeScale: number): number {
  return Math.min(MAX_TIMER_SECONDS, Math.max(0.001, seconds * timeScale));
}

export function prepareDefinition(definition: AslDefinition, options: PrepareOptions): PreparedDefinition {
  if (definition['QueryLanguage'] === 'JSONata') {
    throw new Error('JSONata state machines are not supported by the local runner');
  }
  const tasks = new Map<string, TaskStateInfo>();
  const waits = new Map<string, Record<string, unknown>>();
  const retryIntervals = new Map<string, number[]>();
  const seen = new Set<string>();

  const prepareStates = (states: Record<string, Record<string, unknown>>) => {
    const out: Record<string, Record<string, unknown>> = {};
    for (const [name, original] of Object.entries(states)) {
      if (seen.has(name)) {
        throw new Error(`state name ${name} is used twice; the local runner needs unique state names`);
      }
      seen.add(name);
      if (original['QueryLanguage'] === 'JSONata') {
        throw new Error(`state ${name}: JSONata is not supported by the local runner`);
      }
      const state: Record<string, unknown> = { ...original };
      if (Array.isArray(original['Retry'])) {
        retryIntervals.set(
          name,
          (original['Retry'] as { IntervalSeconds?: number }[]).map((retrier) =>
            options.retryIntervalMs !== undefined
              ? options.retryIntervalMs
              : (retrier.IntervalSeconds ?? 1) * 1000 * options.timeScale,
          ),
        );
      }
      switch (original['Type']) {
        case 'Task': {
          const resource = String(original['Resource']);
          const kind = taskKind(resource);
          const info: TaskStateInfo = { name, state: original, kind, resource };
          const timeout = original['TimeoutSeconds'];
          if (kind === 'lambda-callback') {
            if (typeof timeout === 'number') {
              state['TimeoutSeconds'] = scaledSeconds(timeout, options.timeScale);
              info.timeoutMs = (state['TimeoutSeconds'] as number) * 1000;
            } else if (original['TimeoutSecondsPath'] === undefined) {
              state['TimeoutSeconds'] = MAX_TIMER_SECONDS;
            }
            const heartbeat = original['HeartbeatSeconds'];
            if (typeof heartbeat === 'number') {
              info.heartbeatMs = scaledSeconds(heartbeat, options.timeScale) * 1000;
            }
          } else if (typeof timeout === 'number') {
            state['TimeoutSeconds'] = Math.min(timeout, MAX_TIMER_SECONDS);
          } else if (original['TimeoutSecondsPath'] === undefined) {
            state['TimeoutSeconds'] = MAX_TIMER_SECONDS;
          }
          delete state['HeartbeatSeconds'];
          delete state['HeartbeatSecondsPath'];
          // AWS reads TimeoutSecondsPath from the state's input; aws-local-stepfunctions reads it from
          // the input after Parameters. Carry the value through Parameters so both agree (the task
          // override only passes FunctionName and Payload on, so the extra field goes nowhere).
          const timeoutPath = original['TimeoutSecondsPath'];
          const parameters = original['Parameters'];
          if (
            typeof timeoutPath === 'string' &&
            parameters &&
            typeof parameters === 'object' &&
            !Array.isArray(parameters)
          ) {
            state['Parameters'] = {
              ...(parameters as Record<string, unknown>),
              [`${TIMEOUT_PARAMETER}.$`]: timeoutPath,
            };
            if (kind === 'lambda-callback') {
              // The emulator times callbacks itself (scaled, and beyond Node's 24.8-day timer limit).
              delete state['TimeoutSecondsPath'];
              state['TimeoutSeconds'] = MAX_TIMER_SECONDS;
              info.timeoutFromParameter = true;
            } else {
              state['TimeoutSecondsPath'] = `$.${TIMEOUT_PARAMETER}`;
            }
          }
          tasks.set(name, info);
          break;
        }
        case 'Wait': {
          waits.set(name, original);
          for (const key of ['Seconds', 'Timestamp', 'SecondsPath', 'TimestampPath']) delete state[key];
          state['Type'] = 'Task';
          state['Resource'] = LOCAL_WAIT_RESOURCE;
          state['TimeoutSeconds'] = MAX_TIMER_SECONDS;
          break;
        }
        case 'Map': {
          if (original['ItemReader'] !== undefined || original['ResultWriter'] !== undefined) {
            throw new Error(
              `Map state ${name}: distributed Map (ItemReader/ResultWriter) is not supported locally`,
            );
          }
          for (const key of ['ItemProcessor', 'Iterator']) {
            const processor = original[key] as AslDefinition | undefined;
            if (processor) state[key] = { ...processor, States: prepareStates(processor.States) };
          }
          break;
        }
        case 'Parallel': {
          state['Branches'] = (original['Branches'] as AslDefinition[]).map((branch) => ({
            ...branch,
            States: prepareStates(branch.States),
          }));
          break;
        }
      }
      out[name] = state;
    }
    return out;
  };

  const runnerDefinition: AslDefinition = { ...definition, States: prepareStates(definition.States) };
  delete runnerDefinition['TimeoutSeconds'];
  const timeoutSeconds = definition['TimeoutSeconds'];
  return {
    runnerDefinition,
    tasks,
    waits,
    retryIntervals,
    timeoutSeconds: typeof timeoutSeconds === 'number' ? timeoutSeconds : undefined,
  };
}
