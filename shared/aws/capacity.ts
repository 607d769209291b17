/**
 * An opt-in, process-wide count of the DynamoDB capacity units the process consumes, for the
 * scale benchmark (bench/scale.ts). With ESIP_COUNT_CAPACITY=1, every DynamoDB command sent by a
 * client of this process (the shared client of clients.ts and any other DynamoDBClient, such as
 * the idempotency store's) asks for ReturnConsumedCapacity: 'TOTAL' and the units DynamoDB
 * reports — single-item operations, Query/Scan pages, BatchGet/BatchWrite, transactions and
 * PartiQL — are summed here. Without the variable nothing is installed: zero cost.
 *
 * Where DynamoDB Local's figures differ from AWS billing, `read`/`write` hold the AWS figure and
 * `reported*` what DynamoDB Local said (checked against DynamoDB Local 2.x, see BENCHMARKS.md):
 *  - TransactWriteItems: AWS bills 2 WCU per KB per item; DynamoDB Local sums the items' sizes
 *    first (two 100-byte items → 2, AWS 4). Counted as max(reported, 2 × items).
 *  - A failed conditional write returns no ConsumedCapacity; AWS still bills it (≥ 1 WCU, a
 *    cancelled transaction ≥ 2 per item): counted as that minimum, and in `failed`.
 */
import type { MiddlewareStack } from '@smithy/types';

export const CAPACITY_ENV = 'ESIP_COUNT_CAPACITY';

export interface OperationCapacity {
  calls: number;
  read: number;
  write: number;
  /** Calls that returned without ConsumedCapacity (the operation does not report it). */
  unreported: number;
  /** Calls that failed (no capacity reported; the minimum AWS bills is added to `write`). */
  failed: number;
  /** What DynamoDB Local reported, before the corrections above. */
  reportedRead: number;
  reportedWrite: number;
}

export interface CapacitySnapshot {
  read: number;
  write: number;
  reportedRead: number;
  reportedWrite: number;
  calls: number;
  byOperation: Record<string, OperationCapacity>;
}

/** Operations that accept ReturnConsumedCapacity, by their low-level name. */
const REPORTING = new Set([
  'GetItem',
  'PutItem',
  'UpdateItem',
  'DeleteItem',
  'Query',
  'Scan',
  'BatchGetItem',
  'BatchWriteItem',
  'TransactGetItems',
  'TransactWriteItems',
  'ExecuteStatement',
  'BatchExecuteStatement',
  'ExecuteTransaction',
]);
/** lib-dynamodb's document commands → the low-level operation they send. */
const DOCUMENT_COMMANDS: Record<string, string> = {
  Get: 'GetItem',
  Put: 'PutItem',
  Update: 'UpdateItem',
  Delete: 'DeleteItem',
  BatchGet: 'BatchGetItem',
  BatchWrite: 'BatchWriteItem',
  TransactGet: 'TransactGetItems',
  TransactWrite: 'TransactWriteItems',
};

/** The DynamoDB operation a command sends: `GetItemCommand` and lib-dynamodb's `GetCommand` → `GetItem`. */
export function operationOf(commandName: string): string {
  const name = commandName.replace(/Command$/, '');
  return DOCUMENT_COMMANDS[name] ?? name;
}

const empty = (): OperationCapacity => ({
  calls: 0,
  read: 0,
  write: 0,
  unreported: 0,
  failed: 0,
  reportedRead: 0,
  reportedWrite: 0,
});

let byOperation: Record<string, OperationCapacity> = {};

function entry(operation: string): OperationCapacity {
  byOperation[operation] ??= empty();
  return byOperation[operation];
}

interface Consumed {
  CapacityUnits?: number;
  ReadCapacityUnits?: number;
  WriteCapacityUnits?: number;
}

/** Adds what one response reported (an object, or an array per table for batches/transactions). */
function record(operation: string, consumed: Consumed | Consumed[] | undefined, transactItems: number): void {
  const e = entry(operation);
  e.calls++;
  const list = consumed === undefined ? [] : Array.isArray(consumed) ? consumed : [consumed];
  if (list.length === 0) e.unreported++;
  let read = 0;
  let write = 0;
  for (const c of list) {
    const r = c.ReadCapacityUnits ?? 0;
    const w = c.WriteCapacityUnits ?? 0;
    if (r || w) {
      read += r;
      write += w;
    } else if (c.CapacityUnits) {
      // Only the total: a read-only operation reports reads, anything else writes.
      if (/^(Get|Query|Scan|BatchGet|TransactGet)/.test(operation)) read += c.CapacityUnits;
      else write += c.CapacityUnits;
    }
  }
  e.reportedRead += read;
  e.reportedWrite += write;
  e.read += read;
  e.write += operation === 'TransactWriteItems' ? Math.max(write, 2 * transactItems) : write;
}

/** The least AWS bills for a write that failed its condition (nothing is reported locally). */
function recordFailure(operation: string, error: unknown, transactItems: number): void {
  const e = entry(operation);
  e.calls++;
  e.failed++;
  const name = (error as { name?: string } | undefined)?.name;
  if (name === 'ConditionalCheckFailedException') e.write += 1;
  else if (name === 'TransactionCanceledException' && operation === 'TransactWriteItems')
    e.write += 2 * transactItems;
}

export const capacity = {
  /** Whether counting is switched on in this process (ESIP_COUNT_CAPACITY=1). */
  enabled(): boolean {
    return process.env[CAPACITY_ENV] === '1';
  },
  snapshot(): CapacitySnapshot {
    const total = empty();
    const copy: Record<string, OperationCapacity> = {};
    for (const [op, e] of Object.entries(byOperation)) {
      copy[op] = { ...e };
      total.read += e.read;
      total.write += e.write;
      total.reportedRead += e.reportedRead;
      total.reportedWrite += e.reportedWrite;
      total.calls += e.calls;
    }
    const { read, write, reportedRead, reportedWrite, calls } = total;
    return { read, write, reportedRead, reportedWrite, calls, byOperation: copy };
  },
  /** What was consumed between two snapshots. */
  diff(before: CapacitySnapshot, after: CapacitySnapshot): CapacitySnapshot {
    const out: Record<string, OperationCapacity> = {};
    for (const [op, a] of Object.entries(after.byOperation)) {
      const b = before.byOperation[op] ?? empty();
      if (a.calls === b.calls) continue;
      const d = empty();
      for (const k of Object.keys(d) as (keyof OperationCapacity)[]) d[k] = a[k] - b[k];
      out[op] = d;
    }
    return {
      read: after.read - before.read,
      write: after.write - before.write,
      reportedRead: after.reportedRead - before.reportedRead,
      reportedWrite: after.reportedWrite - before.reportedWrite,
      calls: after.calls - before.calls,
      byOperation: out,
    };
  },
  reset(): void {
    byOperation = {};
  },
};

const NAME = 'esipConsumedCapacity';
const instrumented = new WeakSet<object>();

/**
 * Adds the counting middleware to a DynamoDB client's middleware stack (once per stack). A
 * DynamoDBDocumentClient shares its inner client's stack, so instrumenting the inner client
 * covers both.
 */
// biome-ignore lint/suspicious/noExplicitAny: any client's stack (input/output types vary per client)
export function countCapacity(client: { middlewareStack: MiddlewareStack<any, any> }): void {
  const stack = client.middlewareStack;
  if (instrumented.has(stack)) return;
  instrumented.add(stack);
  stack.add(
    (next, context) => async (args) => {
      const operation = operationOf(String(context.commandName ?? ''));
      if (!REPORTING.has(operation)) return next(args);
      const input = args.input as Record<string, unknown>;
      const asked = input.ReturnConsumedCapacity === 'INDEXES' ? 'INDEXES' : 'TOTAL';
      const items = Array.isArray(input.TransactItems) ? input.TransactItems.length : 0;
      try {
        const result = await next({ ...args, input: { ...input, ReturnConsumedCapacity: asked } });
        const output = result.output as { ConsumedCapacity?: Consumed | Consumed[] };
        record(operation, output.ConsumedCapacity, items);
        return result;
      } catch (error) {
        recordFailure(operation, error, items);
        throw error;
      }
    },
    { step: 'initialize', name: NAME, priority: 'high' },
  );
}

let patched = false;

/**
 * Instruments every DynamoDBClient of the process, including any a library builds for itself
 * (none does today; the idempotency store uses the shared document client): each one gets the
 * middleware on its first `send`.
 */
export function countCapacityProcessWide(DynamoDBClientClass: {
  prototype: { send: (...args: never[]) => unknown };
}): void {
  if (patched) return;
  patched = true;
  const proto = DynamoDBClientClass.prototype as unknown as {
    send: (this: { middlewareStack: MiddlewareStack<object, object> }, ...args: unknown[]) => unknown;
  };
  const send = proto.send;
  proto.send = function (this: { middlewareStack: MiddlewareStack<object, object> }, ...args: unknown[]) {
    countCapacity(this);
    return send.apply(this, args);
  };
}
