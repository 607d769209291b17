/**
 * Execution history in the shape of GetExecutionHistory, built from the runner's event log plus
 * the task events the emulator records itself (TaskScheduled/TaskSubmitted/TaskSucceeded/...).
 * Simplified: events carry the AWS type names and the main details, not every field AWS sends.
 */

export interface HistoryEvent {
  timestamp: number; // ms
  type: string;
  details?: Record<string, unknown>;
}

interface RunnerEvent {
  type: string;
  timestamp: number;
  state?: { name: string; type: string; input?: unknown; output?: unknown };
  parentState?: { name: string };
  index?: number;
  input?: unknown;
  output?: unknown;
  Error?: string;
  Cause?: unknown;
}

const DETAILS_KEY: Record<string, string> = {
  ExecutionStarted: 'executionStartedEventDetails',
  ExecutionSucceeded: 'executionSucceededEventDetails',
  ExecutionFailed: 'executionFailedEventDetails',
  ExecutionAborted: 'executionAbortedEventDetails',
  ExecutionTimedOut: 'executionTimedOutEventDetails',
  MapIterationStarted: 'mapIterationStartedEventDetails',
  MapIterationSucceeded: 'mapIterationSucceededEventDetails',
  MapIterationFailed: 'mapIterationFailedEventDetails',
  TaskScheduled: 'taskScheduledEventDetails',
  TaskSubmitted: 'taskSubmittedEventDetails',
  TaskSucceeded: 'taskSucceededEventDetails',
  TaskFailed: 'taskFailedEventDetails',
  TaskTimedOut: 'taskTimedOutEventDetails',
  LambdaFunctionScheduled: 'lambdaFunctionScheduledEventDetails',
  LambdaFunctionSucceeded: 'lambdaFunctionSucceededEventDetails',
  LambdaFunctionFailed: 'lambdaFunctionFailedEventDetails',
};

const json = (value: unknown) => JSON.stringify(value ?? null);
const causeText = (cause: unknown) => (typeof cause === 'string' ? cause : json(cause));

/** Converts one runner event; `waitStates` are Wait states the emulator runs as tasks. */
export function fromRunnerEvent(
  event: RunnerEvent,
  waitStates: ReadonlySet<string>,
): HistoryEvent | undefined {
  const label = (state: { name: string; type: string }) => (waitStates.has(state.name) ? 'Wait' : state.type);
  switch (event.type) {
    case 'ExecutionStarted':
      return { timestamp: event.timestamp, type: 'ExecutionStarted', details: { input: json(event.input) } };
    case 'ExecutionSucceeded':
      return {
        timestamp: event.timestamp,
        type: 'ExecutionSucceeded',
        details: { output: json(event.output) },
      };
    case 'ExecutionFailed':
      return {
        timestamp: event.timestamp,
        type: 'ExecutionFailed',
        details: { error: event.Error, cause: causeText(event.Cause) },
      };
    case 'StateEntered':
      return event.state
        ? {
            timestamp: event.timestamp,
            type: `${label(event.state)}StateEntered`,
            details: { name: event.state.name, input: json(event.state.input) },
          }
        : undefined;
    case 'StateExited':
      return event.state
        ? {
            timestamp: event.timestamp,
            type: `${label(event.state)}StateExited`,
            details: { name: event.state.name, output: json(event.state.output) },
          }
        : undefined;
    case 'StateFailed':
      if (event.state?.type === 'Task' && event.Error === 'States.Timeout') {
        return {
          timestamp: event.timestamp,
          type: 'TaskTimedOut',
          details: { error: 'States.Timeout', cause: '', resourceType: 'lambda' },
        };
      }
      if (event.state?.type === 'Map' || event.state?.type === 'Parallel') {
        return {
          timestamp: event.timestamp,
          type: `${event.state.type}StateFailed`,
          details: { name: event.state.name, error: event.Error, cause: causeText(event.Cause) },
        };
      }
      return undefined;
    case 'MapIterationStarted':
    case 'MapIterationSucceeded':
    case 'MapIterationFailed':
      return {
        timestamp: event.timestamp,
        type: event.type,
        details: { name: event.parentState?.name, index: event.index },
      };
    default:
      return undefined;
  }
}

/** The wire shape of GetExecutionHistory events (in recording order; timestamps as epoch seconds). */
export function toWireEvents(events: HistoryEvent[]): Record<string, unknown>[] {
  return events.map((event, i) => {
    const wire: Record<string, unknown> = {
      id: i + 1,
      previousEventId: i,
      timestamp: event.timestamp / 1000,
      type: event.type,
    };
    const key =
      DETAILS_KEY[event.type] ??
      (event.type.endsWith('StateEntered')
        ? 'stateEnteredEventDetails'
        : event.type.endsWith('StateExited')
          ? 'stateExitedEventDetails'
          : undefined);
    if (key && event.details) wire[key] = event.details;
    return wire;
  });
}
