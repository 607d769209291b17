/**
 * Runs Lambda handlers in-process for the local stack: the same handler module the CDK bundles,
 * imported from its TypeScript entry (the process runs under tsx) and called with the event and a
 * Lambda-like context object. Nothing in the handler can tell it is not on AWS.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes, randomUUID } from 'node:crypto';
import { isAbsolute, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Context } from 'aws-lambda';
import { functionArn, functionNameFromReference, LOCAL_REGION, type TemplateFunction } from './template.ts';

export type LambdaHandler = (event: unknown, context: Context) => unknown;

export interface InvocationLogEntry {
  functionLogicalId: string;
  entry: string;
  awsRequestId: string;
  durationMs: number;
  ok: boolean;
  errorName?: string;
  errorMessage?: string;
  /** The AWS commands the invocation sent. */
  awsCalls: AwsCallCounts;
}

export interface LocalInvokerOptions {
  /** Project root that `entry` paths are relative to. */
  root: string;
  /** Called after every invocation (debug log). */
  log?: (entry: InvocationLogEntry) => void;
}

export interface InvokeOptions {
  /** Overrides the request id given to the handler's context. */
  awsRequestId?: string;
}

export interface LocalInvoker {
  /**
   * Invokes a function, named by logical id, local function ARN/name, or entry path.
   * Resolves with the handler's result; a thrown error propagates unchanged (its `name` is the
   * Lambda `errorType`).
   */
  invoke(reference: string, event: unknown, options?: InvokeOptions): Promise<unknown>;
  /** Looks up a function by logical id, ARN, name or entry; undefined if unknown. */
  find(reference: string): TemplateFunction | undefined;
  readonly functions: Readonly<Record<string, TemplateFunction>>;
}

export interface InvocationCount {
  invocations: number;
  failed: number;
  /** Sum of handler durations, ms. */
  durationMs: number;
  /** Sum of each invocation's duration (rounded up to 1 ms, as Lambda bills) × its memory, GB-s. */
  gbSeconds: number;
  memoryMB: number;
}

const invocationCounts = new Map<string, InvocationCount>();

/** AWS commands sent (one per `send`, retries not counted again), by service. */
export interface AwsCallCounts {
  dynamodb: number;
  s3: number;
  sfn: number;
  scheduler: number;
}

export type AwsService = keyof AwsCallCounts;

export const noAwsCalls = (): AwsCallCounts => ({ dynamodb: 0, s3: 0, sfn: 0, scheduler: 0 });

interface Invocation {
  fn: TemplateFunction;
  /** Where this invocation's calls are counted: its own counts, and the caller's scope if any. */
  counts: AwsCallCounts[];
}

const running = new AsyncLocalStorage<Invocation>();
const callScope = new AsyncLocalStorage<AwsCallCounts>();

/**
 * The function whose handler is running in the current async context (what the local IAM checks
 * of local/iam.ts ask); undefined outside an invocation (test code, seeding, the stack itself).
 */
export function runningFunction(): TemplateFunction | undefined {
  return running.getStore()?.fn;
}

/** Counts one AWS command of the running invocation (local/iam.ts's middleware); nothing outside one. */
export function countAwsCall(service: AwsService): void {
  for (const counts of running.getStore()?.counts ?? []) counts[service]++;
}

/**
 * Runs `work` and counts the AWS commands of every invocation it starts directly (the local API
 * server: one HTTP request's authorizer and handler). Invocations started from inside another
 * function's invocation (a task of an execution the handler started) are not the request's: they
 * count only in their own invocation.
 */
export async function countingAwsCalls<T>(
  work: (counts: AwsCallCounts) => Promise<T>,
): Promise<{ result: T; counts: AwsCallCounts }> {
  const counts = noAwsCalls();
  const result = await callScope.run(counts, () => work(counts));
  return { result, counts };
}

/**
 * Every handler invocation of the process's local invokers (API requests, Step Functions tasks,
 * S3/EventBridge/Scheduler targets), by function logical id: a copy, for the benchmarks.
 */
export function invocationCountsSnapshot(): Record<string, InvocationCount> {
  return Object.fromEntries([...invocationCounts].map(([id, c]) => [id, { ...c }]));
}

function countInvocation(fn: TemplateFunction, durationMs: number, ok: boolean): void {
  let c = invocationCounts.get(fn.logicalId);
  if (!c) {
    c = { invocations: 0, failed: 0, durationMs: 0, gbSeconds: 0, memoryMB: fn.memorySize };
    invocationCounts.set(fn.logicalId, c);
  }
  c.invocations++;
  if (!ok) c.failed++;
  c.durationMs += durationMs;
  c.gbSeconds += (Math.max(1, Math.ceil(durationMs)) / 1000) * (fn.memorySize / 1024);
}

function normalizeEntry(root: string, entry: string): string {
  const abs = isAbsolute(entry) ? entry : resolve(root, entry);
  return relative(root, abs).split('\\').join('/');
}

/** A context object shaped like the one the Node.js Lambda runtime passes. */
export function createLambdaContext(fn: TemplateFunction, awsRequestId: string = randomUUID()): Context {
  const deadline = Date.now() + fn.timeoutSeconds * 1000;
  const day = new Date().toISOString().slice(0, 10).replaceAll('-', '/');
  const unsupported = (name: string) => () => {
    throw new Error(`context.${name}() is not supported: return or throw from the async handler`);
  };
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: fn.functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: functionArn(fn.functionName),
    memoryLimitInMB: String(fn.memorySize),
    awsRequestId,
    logGroupName: `/aws/lambda/${fn.functionName}`,
    logStreamName: `${day}/[$LATEST]${randomBytes(16).toString('hex')}`,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: unsupported('done'),
    fail: unsupported('fail'),
    succeed: unsupported('succeed'),
  };
}

export function createLocalInvoker(
  functions: Record<string, TemplateFunction> | TemplateFunction[],
  options: LocalInvokerOptions,
): LocalInvoker {
  const byId: Record<string, TemplateFunction> = Array.isArray(functions)
    ? Object.fromEntries(functions.map((f) => [f.logicalId, f]))
    : { ...functions };
  const byEntry = new Map<string, TemplateFunction>();
  for (const fn of Object.values(byId)) byEntry.set(normalizeEntry(options.root, fn.entry), fn);
  const modules = new Map<string, Promise<Record<string, unknown>>>();

  function find(reference: string): TemplateFunction | undefined {
    return (
      byId[reference] ??
      byId[functionNameFromReference(reference)] ??
      Object.values(byId).find((f) => f.functionName === functionNameFromReference(reference)) ??
      byEntry.get(normalizeEntry(options.root, reference))
    );
  }

  async function loadHandler(fn: TemplateFunction): Promise<LambdaHandler> {
    const file = resolve(options.root, fn.entry);
    let mod = modules.get(file);
    if (!mod) {
      mod = import(pathToFileURL(file).href) as Promise<Record<string, unknown>>;
      modules.set(file, mod);
      mod.catch(() => modules.delete(file));
    }
    const handler = (await mod)[fn.handlerExport];
    if (typeof handler !== 'function') {
      throw new Error(`${fn.entry} does not export a function named ${fn.handlerExport}`);
    }
    return handler as LambdaHandler;
  }

  async function invoke(reference: string, event: unknown, invokeOptions: InvokeOptions = {}) {
    const fn = find(reference);
    if (!fn) {
      const error = new Error(`Function not found: ${reference} (region ${LOCAL_REGION})`);
      error.name = 'ResourceNotFoundException';
      throw error;
    }
    const handler = await loadHandler(fn);
    const context = createLambdaContext(fn, invokeOptions.awsRequestId);
    const calls = noAwsCalls();
    const started = performance.now();
    try {
      const scope = running.getStore() ? undefined : callScope.getStore();
      const invocation: Invocation = { fn, counts: scope ? [calls, scope] : [calls] };
      const result = await running.run(invocation, () => handler(event, context));
      countInvocation(fn, performance.now() - started, true);
      options.log?.({
        functionLogicalId: fn.logicalId,
        entry: fn.entry,
        awsRequestId: context.awsRequestId,
        durationMs: Math.round(performance.now() - started),
        ok: true,
        awsCalls: calls,
      });
      return result;
    } catch (error) {
      countInvocation(fn, performance.now() - started, false);
      options.log?.({
        functionLogicalId: fn.logicalId,
        entry: fn.entry,
        awsRequestId: context.awsRequestId,
        durationMs: Math.round(performance.now() - started),
        ok: false,
        awsCalls: calls,
        errorName: error instanceof Error ? error.name : typeof error,
        errorMessage: error instanceof Error ? error.message : String(error),
      });
      throw error;
    }
  }

  return { invoke, find, functions: byId };
}
