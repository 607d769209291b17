/**
 * Selection at size (issue #10): measured, not asserted. On a realistic instance — scores 55–98
 * with two decimals (1 in 100 unreviewed), requests odd whole yuan 100,001–500,000, the
 * per-alliance cap ¥400,000, the budget ≈ 30 % of the total requested — it reports per size the
 * median time of rank-order with every budgetIncreaseToFund, and of max-merit with whether it was
 * proven optimal (or its certified gap) and the nodes searched.
 *
 *   node --import tsx bench/selection.ts [--sizes 40,1000,10000] [--runs 3] [--module path]
 *     [--skip-rank-order-above n]
 *
 * `--module` measures another copy of shared/domain/selection.ts (e.g. an older one in /tmp).
 */
import { pathToFileURL } from 'node:url';
import type { Candidate, SelectionResult } from '../shared/domain/selection.ts';
import * as current from '../shared/domain/selection.ts';

type Select = (c: Candidate[], p: current.SelectionParams) => SelectionResult;

/** A deterministic pseudo-random stream (mulberry32). */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** The realistic instance of `n` candidates (rank order by score, as the ranking gives it). */
export function realisticInstance(n: number, seed = 2025) {
  const next = random(seed + n);
  const list = Array.from({ length: n }, (_, i) => ({
    allianceId: `al-${String(i).padStart(5, '0')}`,
    finalScore: next() < 0.01 ? null : (5500 + Math.floor(next() * 4301)) / 100,
    requested: 100_001 + 2 * Math.floor(next() * 200_000),
  }));
  const ranked = [...list].sort((a, b) => (b.finalScore ?? -1) - (a.finalScore ?? -1));
  const candidates: Candidate[] = ranked.map((c, i) => ({ ...c, rank: i + 1 }));
  const total = candidates.reduce((s, c) => s + c.requested, 0);
  return { candidates, perAllianceCap: 400_000, budget: Math.round(total * 0.3) | 1 };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function time<T>(runs: number, f: () => T): { ms: number; last: T } {
  const samples: number[] = [];
  let last!: T;
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    last = f();
    samples.push(performance.now() - t0);
  }
  return { ms: Number(median(samples).toFixed(2)), last };
}

export interface SelectionBench {
  n: number;
  rankOrder: { medianMs: number; increases: number } | { error: string };
  maxMerit:
    | { medianMs: number; solver: string; optimal: boolean; gap: number; nodes: number; totalMerit: number }
    | { error: string };
}

export function benchSelection(
  sizes: number[] = [40, 1000, 10_000],
  o: { runs?: number; select?: Select; skipRankOrderAbove?: number } = {},
): SelectionBench[] {
  const select: Select = o.select ?? current.selectWithinBudget;
  return sizes.map((n) => {
    const { candidates, budget, perAllianceCap } = realisticInstance(n);
    const runs = o.runs ?? (n >= 10_000 ? 3 : 5);
    const attempt = <T>(f: () => T): T | { error: string } => {
      try {
        return f();
      } catch (e) {
        return { error: (e as Error).message };
      }
    };
    const rankOrder =
      n > (o.skipRankOrderAbove ?? Number.POSITIVE_INFINITY)
        ? { error: 'skipped' }
        : attempt(() => {
            const { ms, last } = time(runs, () =>
              select(candidates, { budget, perAllianceCap, policy: 'rank-order' }),
            );
            return {
              medianMs: ms,
              increases: last.rows.filter((r) => r.budgetIncreaseToFund !== undefined).length,
            };
          });
    const maxMerit = attempt(() => {
      const { ms, last } = time(runs, () =>
        select(candidates, { budget, perAllianceCap, policy: 'max-merit' }),
      );
      return {
        medianMs: ms,
        solver: last.solver?.kind ?? '?',
        optimal: last.certificate?.optimal ?? true,
        gap: last.certificate?.gap ?? 0,
        nodes: last.certificate?.nodes ?? last.solver?.cells ?? 0,
        totalMerit: last.totalMerit,
      };
    });
    return { n, rankOrder, maxMerit };
  });
}

async function main() {
  const arg = (name: string) => {
    const k = process.argv.indexOf(name);
    return k >= 0 ? process.argv[k + 1] : undefined;
  };
  const sizes = (arg('--sizes') ?? '40,1000,10000').split(',').map(Number);
  const runs = arg('--runs');
  const path = arg('--module');
  const select = path
    ? ((await import(pathToFileURL(path).href)) as typeof current).selectWithinBudget
    : undefined;
  const skip = arg('--skip-rank-order-above');
  for (const row of benchSelection(sizes, {
    ...(runs ? { runs: Number(runs) } : {}),
    ...(select ? { select } : {}),
    ...(skip ? { skipRankOrderAbove: Number(skip) } : {}),
  }))
    console.log(JSON.stringify(row));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) void main();
