/**
 * Reads memoised for one request (issue #14: one round trip per read endpoint). Inside
 * `inRequestScope` (the HTTP handler runs each request in one), a consistent read by key is sent
 * once per request however many use cases ask for the same item (the round a listing, its gate
 * check and its tally each looked up), and a partition loaded whole (`queryPartition` in
 * query.ts: an alliance's item collection) serves every later key read and prefix Query of that
 * partition from the same snapshot. Any write the request attempts (commit.ts) forgets everything
 * read so far, so a read after a write, or a retry after a failed condition, goes to the table
 * again. Outside a scope (streams, schedules, tests calling use cases) nothing is memoised.
 *
 * Every memoised answer is a consistent read taken earlier in the same request: serving it again
 * is the same as having read once at that moment. Callers get copies (structuredClone), so one use
 * case changing what it read cannot change another's.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

type Item = Record<string, unknown>;

interface Scope {
  /** Set when the request's handler settles: work it started that runs on (timers, a local stream) memoises nothing. */
  closed?: boolean;
  /** Reads by key: `pk\0sk` → the pending or settled read (undefined: no such item). */
  items: Map<string, Promise<Item | undefined>>;
  /** Whole partitions read: pk → every item, in sort-key order. */
  partitions: Map<string, Promise<Item[]>>;
}

const als = new AsyncLocalStorage<Scope>();
const storage = {
  getStore: (): Scope | undefined => {
    const scope = als.getStore();
    return scope && !scope.closed ? scope : undefined;
  },
};

/** Runs `fn` with reads memoised until it settles. */
export async function inRequestScope<T>(fn: () => Promise<T>): Promise<T> {
  const scope: Scope = { items: new Map(), partitions: new Map() };
  try {
    return await als.run(scope, fn);
  } finally {
    scope.closed = true;
    scope.items.clear();
    scope.partitions.clear();
  }
}

/** Forgets every read of the current request (a write is being attempted, or was). */
export function forgetReads(): void {
  const scope = storage.getStore();
  scope?.items.clear();
  scope?.partitions.clear();
}

const keyOf = (pk: string, sk: string) => `${pk}\u0000${sk}`;
const copy = <T>(value: T): T => (value === undefined ? value : structuredClone(value));

/** The whole partition `pk` when this request has loaded it, else undefined. */
export function loadedPartition(pk: string): Promise<Item[]> | undefined {
  const items = storage.getStore()?.partitions.get(pk);
  return items?.then((list) => list.map(copy));
}

/** Loads a whole partition with `load` (once per request), in sort-key order. */
export async function memoPartition(pk: string, load: () => Promise<Item[]>): Promise<Item[]> {
  const scope = storage.getStore();
  if (!scope) return load();
  let pending = scope.partitions.get(pk);
  if (!pending) {
    pending = load(); // a Query's items come in sort-key order
    scope.partitions.set(pk, pending);
    pending.catch(() => scope.partitions.get(pk) === pending && scope.partitions.delete(pk));
  }
  return (await pending).map(copy);
}

/** An item by key, from this request's memo or partitions, else read with `load` (once per request). */
export async function memoItem(
  key: { pk: string; sk: string },
  load: () => Promise<Item | undefined>,
): Promise<Item | undefined> {
  const scope = storage.getStore();
  if (!scope) return load();
  const partition = scope.partitions.get(key.pk);
  if (partition) return copy((await partition).find((i) => i.sk === key.sk));
  const id = keyOf(key.pk, key.sk);
  let pending = scope.items.get(id);
  if (!pending) {
    pending = load();
    scope.items.set(id, pending);
    pending.catch(() => scope.items.get(id) === pending && scope.items.delete(id));
  }
  return copy(await pending);
}

/**
 * Items by key that this request already holds (memoised reads and loaded partitions): `found`
 * by key index, `missing` the indexes to read. The missing ones are registered at once as reads
 * in progress (a parallel read of one of them waits for this batch instead of sending its own);
 * `settle` gives each its result, or `fail` the batch's error (then they are forgotten).
 */
export async function memoItems(keys: { pk: string; sk: string }[]): Promise<{
  found: Map<number, Item | undefined>;
  missing: number[];
  settle: (results: (Item | undefined)[]) => void;
  fail: (error: unknown) => void;
}> {
  const scope = storage.getStore();
  const held = new Map<number, Promise<Item | undefined>>();
  const missing: number[] = [];
  const deferred = new Map<
    string,
    { resolve: (item: Item | undefined) => void; reject: (e: unknown) => void }
  >();
  for (const [i, key] of keys.entries()) {
    const partition = scope?.partitions.get(key.pk);
    const id = keyOf(key.pk, key.sk);
    const pending = partition
      ? partition.then((items) => items.find((x) => x.sk === key.sk))
      : scope?.items.get(id);
    if (pending) {
      held.set(i, pending);
      continue;
    }
    missing.push(i);
    if (scope && !deferred.has(id)) {
      const promise = new Promise<Item | undefined>((resolve, reject) =>
        deferred.set(id, { resolve, reject }),
      );
      promise.catch(() => scope.items.get(id) === promise && scope.items.delete(id));
      scope.items.set(id, promise);
    }
  }
  const found = new Map<number, Item | undefined>();
  for (const [i, pending] of held) {
    try {
      found.set(i, copy(await pending));
    } catch {
      missing.push(i); // that read failed: read it again (not registered: this batch reads it)
    }
  }
  return {
    found,
    missing,
    settle: (results) => {
      for (const [n, i] of missing.entries()) {
        const key = keys[i]!;
        deferred.get(keyOf(key.pk, key.sk))?.resolve(results[n]);
      }
    },
    fail: (error) => {
      for (const d of deferred.values()) d.reject(error);
    },
  };
}

/** Whether a request scope is running (an HTTP request, not a stream, schedule or pipeline step). */
export const inRequest = (): boolean => storage.getStore() !== undefined;
