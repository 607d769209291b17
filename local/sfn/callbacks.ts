/**
 * Task tokens of callback tasks (`.waitForTaskToken`). Every task invocation gets a fresh token;
 * the task then waits for SendTaskSuccess / SendTaskFailure, its heartbeat timeout, or its
 * timeout (which the runner enforces; the registry only marks the token as closed).
 *
 * Errors, as AWS reports them:
 *  - a string that is not a token this emulator could have issued → InvalidToken;
 *  - a well-formed token that was never issued (e.g. by a previous run of the process) → TaskDoesNotExist;
 *  - a token whose task has already completed, failed, timed out or whose execution ended → TaskTimedOut.
 */
import { randomBytes } from 'node:crypto';
import { SfnServiceError, StateError } from './errors.ts';

const TOKEN_PREFIX = 'AQlsfn';
const TOKEN_PATTERN = /^AQlsfn[A-Za-z0-9_-]{64}$/;

export interface PendingTask {
  token: string;
  executionArn: string;
  stateName: string;
  issuedAt: number;
  /** Settles with the task result (SendTaskSuccess) or rejects with the task error. */
  result: Promise<unknown>;
}

interface Entry extends PendingTask {
  status: 'pending' | 'closed';
  closedBecause?: string;
  resolve(value: unknown): void;
  reject(error: Error): void;
  heartbeatMs?: number;
  heartbeatTimer?: NodeJS.Timeout;
  timeoutTimer?: NodeJS.Timeout;
}

export interface CallbackEvent {
  action: 'issued' | 'success' | 'failure' | 'heartbeat' | 'heartbeat-timeout' | 'timeout' | 'cancelled';
  token: string;
  executionArn: string;
  stateName: string;
}

/** How many closed tokens are remembered (to answer TaskTimedOut rather than TaskDoesNotExist). */
const CLOSED_MEMORY = 10_000;

export class CallbackRegistry {
  private readonly entries = new Map<string, Entry>();
  private readonly closedOrder: string[] = [];

  constructor(private readonly onEvent: (event: CallbackEvent) => void = () => {}) {}

  issue(meta: {
    executionArn: string;
    stateName: string;
    timeoutMs?: number;
    heartbeatMs?: number;
  }): PendingTask {
    const token = TOKEN_PREFIX + randomBytes(48).toString('base64url');
    let resolve!: (value: unknown) => void;
    let reject!: (error: Error) => void;
    const promise = new Promise<unknown>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    promise.catch(() => {}); // the runner may have stopped listening (timeout, abort)
    const entry: Entry = {
      token,
      executionArn: meta.executionArn,
      stateName: meta.stateName,
      issuedAt: Date.now(),
      result: promise,
      status: 'pending',
      resolve,
      reject,
      heartbeatMs: meta.heartbeatMs,
    };
    this.entries.set(token, entry);
    if (meta.timeoutMs !== undefined) {
      // The runner rejects the task with States.Timeout at the same moment; here we only close the token.
      // Node's timers overflow past 2^31−1 ms (24.8 days) and would fire at once: clamp.
      entry.timeoutTimer = setTimeout(
        () => this.close(entry, 'timeout'),
        Math.min(meta.timeoutMs, 2 ** 31 - 1),
      );
    }
    this.armHeartbeat(entry);
    this.onEvent({ action: 'issued', token, executionArn: entry.executionArn, stateName: entry.stateName });
    return entry;
  }

  private armHeartbeat(entry: Entry) {
    if (entry.heartbeatMs === undefined) return;
    clearTimeout(entry.heartbeatTimer);
    entry.heartbeatTimer = setTimeout(() => {
      if (entry.status !== 'pending') return;
      this.close(entry, 'heartbeat-timeout');
      entry.reject(new StateError('States.HeartbeatTimeout', ''));
    }, entry.heartbeatMs);
  }

  private close(entry: Entry, because: CallbackEvent['action']) {
    if (entry.status === 'closed') return;
    entry.status = 'closed';
    entry.closedBecause = because;
    clearTimeout(entry.heartbeatTimer);
    clearTimeout(entry.timeoutTimer);
    this.closedOrder.push(entry.token);
    while (this.closedOrder.length > CLOSED_MEMORY) this.entries.delete(this.closedOrder.shift()!);
    this.onEvent({
      action: because,
      token: entry.token,
      executionArn: entry.executionArn,
      stateName: entry.stateName,
    });
  }

  private pending(token: unknown): Entry {
    if (typeof token !== 'string' || token.length === 0 || token.length > 1024) {
      throw new SfnServiceError('ValidationException', 'taskToken must be a string of 1 to 1024 characters');
    }
    if (!TOKEN_PATTERN.test(token))
      throw new SfnServiceError('InvalidToken', "Invalid Token: 'Invalid token'");
    const entry = this.entries.get(token);
    if (!entry) throw new SfnServiceError('TaskDoesNotExist', 'Task does not exist');
    if (entry.status !== 'pending') {
      throw new SfnServiceError('TaskTimedOut', "Task Timed Out: 'Provided task does not exist anymore'");
    }
    return entry;
  }

  succeed(token: unknown, output: unknown): void {
    const entry = this.pending(token);
    this.close(entry, 'success');
    entry.resolve(output);
  }

  fail(token: unknown, error: string, cause: string): void {
    const entry = this.pending(token);
    this.close(entry, 'failure');
    entry.reject(new StateError(error, cause));
  }

  heartbeat(token: unknown): void {
    const entry = this.pending(token);
    this.armHeartbeat(entry);
    this.onEvent({
      action: 'heartbeat',
      token: entry.token,
      executionArn: entry.executionArn,
      stateName: entry.stateName,
    });
  }

  /** Closes a token without settling it (its task ended another way, e.g. the Lambda call failed). */
  cancel(token: string): void {
    const entry = this.entries.get(token);
    if (entry) this.close(entry, 'cancelled');
  }

  /** Closes every pending token of an execution (it finished, was stopped, or the emulator stops). */
  cancelExecution(executionArn: string): void {
    for (const entry of this.entries.values()) {
      if (entry.executionArn === executionArn && entry.status === 'pending') {
        this.close(entry, 'cancelled');
        // The execution is over: end the task's wait too, so the runner clears its own timers and the
        // process can exit (nothing listens to this rejection any more).
        entry.result.catch(() => undefined);
        entry.reject(new StateError('States.Runtime', 'the execution ended'));
      }
    }
  }

  /** Pending tokens (for debugging and tests). */
  list(executionArn?: string): PendingTask[] {
    return [...this.entries.values()]
      .filter(
        (e) => e.status === 'pending' && (executionArn === undefined || e.executionArn === executionArn),
      )
      .map(({ token, executionArn: arn, stateName, issuedAt, result }) => ({
        token,
        executionArn: arn,
        stateName,
        issuedAt,
        result,
      }));
  }
}
