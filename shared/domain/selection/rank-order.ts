/**
 * rank-order: the greedy pass down the ranking, and every unfunded row's budgetIncreaseToFund in
 * one incremental pass (the rule and why it is exact: ../selection.ts, module comment).
 */
import type { Item } from './items.ts';

/** Greedy down the ranking: which of `list` are funded with `budget`, and what was left at each turn. */
export function greedy(list: readonly Item[], budget: number) {
  const funded: boolean[] = [];
  const leftAtTurn: number[] = [];
  let left = budget;
  for (const { award, finalScore } of list) {
    const fits = finalScore !== null && award <= left;
    leftAtTurn.push(left);
    funded.push(fits);
    if (fits) left -= award;
  }
  return { funded, leftAtTurn, left };
}

/**
 * For every row the greedy does not fund (and that has a score), the least Δ ≥ 1 with which the
 * greedy funds it at budget + Δ; undefined elsewhere.
 *
 * What is left at an alliance's turn, as a function of the budget b, is a sawtooth: on each run
 * [p, q) of budgets over which the funded set above it does not change it is b − p (0 at p, where
 * a higher alliance has just started to fit exactly). The alliance with award a fits somewhere in
 * a run iff q − p > a, first at p + a. Going down the ranking, an alliance therefore splits every
 * run longer than its award into [p, p + a) and [p + a, q) and leaves the others alone; its
 * answer is p + a − budget for the leftmost run it splits. Runs ending at or below the budget are
 * never needed and are dropped; the last run is unbounded. The runs sit in a max-heap by length,
 * so an alliance only touches the runs it splits: O(splits · log runs) in all. Runs shorter than
 * every award still to come stay at the bottom of the heap untouched. It gives the same answers as
 * iterating b ← b + award − slack(b) per row (kept as the reference in the tests), without
 * re-running the greedy.
 */
export function rankOrderIncreases(
  list: readonly Item[],
  budget: number,
  funded: readonly boolean[],
): (number | undefined)[] {
  const out: (number | undefined)[] = new Array(list.length).fill(undefined);
  // Runs [start, end) of budgets; end = ∞ for the last one.
  const start: number[] = [0];
  const end: number[] = [Number.POSITIVE_INFINITY];
  const heap: number[] = [0];
  const len = (g: number) => end[g]! - start[g]!;
  const push = (g: number) => {
    let k = heap.length;
    heap.push(g);
    while (k > 0) {
      const up = (k - 1) >> 1;
      if (len(heap[up]!) >= len(g)) break;
      heap[k] = heap[up]!;
      k = up;
    }
    heap[k] = g;
  };
  const pop = (): number => {
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length > 0) {
      const l = len(last);
      let k = 0;
      for (;;) {
        let child = 2 * k + 1;
        if (child >= heap.length) break;
        if (child + 1 < heap.length && len(heap[child + 1]!) > len(heap[child]!)) child++;
        if (len(heap[child]!) <= l) break;
        heap[k] = heap[child]!;
        k = child;
      }
      heap[k] = last;
    }
    return top;
  };
  const split: number[] = [];
  for (let j = 0; j < list.length; j++) {
    const { award: a, finalScore } = list[j]!;
    if (finalScore === null || a === 0) continue; // never funded, or funded at no cost: no change
    split.length = 0;
    while (heap.length > 0 && len(heap[0]!) > a) split.push(pop());
    let leftmost = Number.POSITIVE_INFINITY;
    for (const g of split) {
      const p = start[g]!;
      if (p < leftmost) leftmost = p;
      if (p + a > budget) {
        start.push(p);
        end.push(p + a);
        push(start.length - 1);
      }
      start[g] = p + a; // [p + a, q): longer than 0, since q − p > a
      push(g);
    }
    if (!funded[j]) out[j] = leftmost + a - budget;
  }
  return out;
}
