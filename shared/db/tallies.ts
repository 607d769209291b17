/**
 * A gate's tally: the counters that say when what a gate waits for holds, so a human decision costs
 * O(1) reads however large the round (issue #10). One small item per round and gate
 * (`ROUND#<id>` / `TALLY#<name>`), never growing with the round:
 *  - screening:  total (screened alliances), decided, passed, rejected;
 *  - review:     assigned (active assignments), reviewed (active assignments with a review), reviews
 *                (review records in all);
 *  - objections: open.
 * Each decision adds its deltas in the same transaction as the decision itself (`tallyAdd`, which
 * also bumps `v`); the pipeline recounts a tally from the records when its gate opens
 * (`tallyReplace`, conditional on `v` not having moved, so a decision committed meanwhile is never
 * overwritten — the recount is simply tried again).
 */
import type { TxItem } from './commit.ts';
import { keys } from './keys.ts';
import { getItem, getItems } from './query.ts';
import { inRequest } from './request-scope.ts';
import { table } from './table.ts';

export interface Tallies {
  screening: { total: number; decided: number; passed: number; rejected: number };
  review: { assigned: number; reviewed: number; reviews: number };
  objections: { open: number };
}
export type TallyName = keyof Tallies;

const fields: { [N in TallyName]: readonly (keyof Tallies[N])[] } = {
  screening: ['total', 'decided', 'passed', 'rejected'],
  review: ['assigned', 'reviewed', 'reviews'],
  objections: ['open'],
};

export interface Tally<N extends TallyName> {
  counts: Tallies[N];
  /** Bumped by every change: the recount's condition. */
  v: number;
}

/**
 * Within an HTTP request: a gate and its tally (same name) in one consistent BatchGet, so the
 * use case's reads of each by key are answered from it (request-scope.ts). Outside one, nothing.
 */
export async function prefetchGateAndTally(roundId: string, name: TallyName): Promise<void> {
  if (inRequest()) await getItems([keys.gate(roundId, name), keys.tally(roundId, name)]);
}

/** The tally (consistent read), or undefined before its gate first opened. */
export async function loadTally<N extends TallyName>(
  roundId: string,
  name: N,
): Promise<Tally<N> | undefined> {
  const item = await getItem(keys.tally(roundId, name));
  if (!item) return undefined;
  const counts = Object.fromEntries(
    fields[name].map((f) => [f, Number(item[f as string] ?? 0)]),
  ) as unknown as Tallies[N];
  return { counts, v: Number(item.v ?? 0) };
}

/**
 * Adds `deltas` to a tally (zero deltas are left out). `mustExist`: the transaction fails when the
 * tally has not been counted yet (the caller counts it first), so no partial tally is ever created.
 */
export function tallyAdd<N extends TallyName>(
  roundId: string,
  name: N,
  deltas: Partial<Tallies[N]>,
  options: { mustExist?: boolean } = {},
): TxItem {
  const entries = Object.entries(deltas).filter(([, d]) => d !== 0 && d !== undefined) as [string, number][];
  const names: Record<string, string> = {};
  const values: Record<string, number> = { ':one': 1 };
  const adds = ['v :one'];
  entries.forEach(([field, delta], i) => {
    names[`#f${i}`] = field;
    values[`:d${i}`] = delta;
    adds.push(`#f${i} :d${i}`);
  });
  return {
    Update: {
      TableName: table(),
      Key: keys.tally(roundId, name),
      UpdateExpression: `SET #type = :type, #name = :name ADD ${adds.join(', ')}`,
      ...(options.mustExist ? { ConditionExpression: 'attribute_exists(pk)' } : {}),
      ExpressionAttributeNames: { ...names, '#type': 'type', '#name': 'tally' },
      ExpressionAttributeValues: { ...values, ':type': 'tally', ':name': name } as Record<string, unknown>,
    },
  };
}

/** A recount's result, written only if the tally has not changed since `seen` was read. */
export function tallyReplace<N extends TallyName>(
  roundId: string,
  name: N,
  counts: Tallies[N],
  seen: Tally<N> | undefined,
): TxItem {
  return {
    Put: {
      TableName: table(),
      Item: { ...keys.tally(roundId, name), type: 'tally', tally: name, ...counts, v: (seen?.v ?? 0) + 1 },
      ConditionExpression: seen ? 'v = :v' : 'attribute_not_exists(pk)',
      ...(seen ? { ExpressionAttributeValues: { ':v': seen.v } } : {}),
    },
  };
}
