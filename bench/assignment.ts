/**
 * Reviewer-assignment benchmark (issue #10): a deterministic instance per size N, solved with
 * `assignReviewers`, timed, and its output checked against the module's guarantees. Measured, not
 * asserted. Run directly: `node --import tsx bench/assignment.ts [--sizes 40,1000,10000] [--runs 3]
 * [--solver auto|dense|sparse]`; or import `benchAssignment`.
 *
 * Instance for N alliances: 0.6·N enterprises and 0.4·N societies as organisations; each alliance
 * is one enterprise and one or two societies, with one or two of 12 sectors; min(⌈N/3⌉, 3,000)
 * reviewers, each belonging to an organisation (a conflict) and declaring 0–3 more, expert in 1–3
 * sectors; no maxLoad; perAlliance k = 3.
 */
import {
  type AllianceInput,
  type AssignmentResult,
  assignReviewers,
  type ReviewerInput,
  type SparseStats,
  seededRandom,
} from '../shared/domain/assignment.ts';

const SECTORS = Array.from({ length: 12 }, (_, i) => `sector-${i}`);

export interface AssignmentInstance {
  reviewers: ReviewerInput[];
  alliances: AllianceInput[];
  perAlliance: number;
}

export function assignmentInstance(n: number, seed = 'bench'): AssignmentInstance {
  const random = seededRandom(`${seed}:${n}`);
  const below = (m: number) => random() % m;
  const enterprises = Math.max(1, Math.round(0.6 * n));
  const societies = Math.max(1, Math.round(0.4 * n));
  const orgs = [
    ...Array.from({ length: enterprises }, (_, i) => `ent-${i}`),
    ...Array.from({ length: societies }, (_, i) => `soc-${i}`),
  ];
  const some = <T>(from: T[], count: number) => {
    const out = new Set<T>();
    while (out.size < Math.min(count, from.length)) out.add(from[below(from.length)]!);
    return [...out];
  };
  const alliances = Array.from({ length: n }, (_, i) => ({
    id: `a${String(i).padStart(6, '0')}`,
    memberOrganisationIds: [`ent-${below(enterprises)}`, ...some(orgs.slice(enterprises), 1 + below(2))],
    sectors: some(SECTORS, 1 + below(2)),
  }));
  const R = Math.min(3000, Math.ceil(n / 3));
  const reviewers = Array.from({ length: R }, (_, i) => ({
    id: `r${String(i).padStart(5, '0')}`,
    expertise: some(SECTORS, 1 + below(3)),
    conflicts: [...new Set([orgs[below(orgs.length)]!, ...some(orgs, below(4))])],
  }));
  return { reviewers, alliances, perAlliance: 3 };
}

export interface AssignmentCheck {
  conflictFree: boolean;
  noDuplicates: boolean;
  maxLoadRespected: boolean;
  reviews: number;
  /** Reviews wanted: perAlliance × alliances. */
  wanted: number;
  loadMin: number;
  loadMax: number;
  shortfalls: number;
  shortfallCodes: Record<string, number>;
  expertiseTotal: number;
}

/** The guarantees, recomputed from the input and the output. */
export function checkAssignment(inst: AssignmentInstance, result: AssignmentResult): AssignmentCheck {
  const rById = new Map(inst.reviewers.map((r) => [r.id, r]));
  const aById = new Map(inst.alliances.map((a) => [a.id, a]));
  const conflictsOf = new Map(inst.reviewers.map((r) => [r.id, new Set(r.conflicts)]));
  const load = new Map(inst.reviewers.map((r) => [r.id, 0]));
  const seen = new Set<string>();
  let conflictFree = true;
  let noDuplicates = true;
  let expertiseTotal = 0;
  for (const p of result.assignments) {
    const a = aById.get(p.allianceId)!;
    const c = conflictsOf.get(p.reviewerId)!;
    if (a.memberOrganisationIds.some((o) => c.has(o))) conflictFree = false;
    const key = `${p.allianceId}\u0000${p.reviewerId}`;
    if (seen.has(key)) noDuplicates = false;
    seen.add(key);
    load.set(p.reviewerId, load.get(p.reviewerId)! + 1);
    expertiseTotal += p.expertiseMatch;
  }
  const loads = [...load.values()];
  const shortfallCodes: Record<string, number> = {};
  for (const s of result.shortfalls) shortfallCodes[s.code] = (shortfallCodes[s.code] ?? 0) + 1;
  return {
    conflictFree,
    noDuplicates,
    maxLoadRespected: [...load].every(([id, l]) => l <= (rById.get(id)!.maxLoad ?? Number.POSITIVE_INFINITY)),
    reviews: result.assignments.length,
    wanted: inst.perAlliance * inst.alliances.length,
    loadMin: loads.length ? Math.min(...loads) : 0,
    loadMax: loads.length ? Math.max(...loads) : 0,
    shortfalls: result.shortfalls.length,
    shortfallCodes,
    expertiseTotal,
  };
}

export interface AssignmentBench {
  alliances: number;
  reviewers: number;
  solver: string;
  runs: number;
  medianMs: number;
  minMs: number;
  maxMs: number;
  /** Peak resident set size of the process so far (process.resourceUsage().maxRSS), MiB. */
  peakRssMiB: number;
  /** Heap used right after a run, MiB (garbage not yet collected included). */
  heapAfterMiB: number;
  sparse?: SparseStats;
  check: AssignmentCheck;
}

const mib = (bytes: number) => Number((bytes / 2 ** 20).toFixed(1));

export function benchAssignment(
  sizes: number[] = [40, 1000, 10000],
  options: { runs?: number; solver?: 'auto' | 'dense' | 'sparse'; log?: (line: string) => void } = {},
): AssignmentBench[] {
  const solver = options.solver ?? 'auto';
  const out: AssignmentBench[] = [];
  for (const n of sizes) {
    const inst = assignmentInstance(n);
    const runs = options.runs ?? (n >= 5000 ? 3 : 5);
    const times: number[] = [];
    let result: AssignmentResult | undefined;
    let heapAfter = 0;
    const stats: SparseStats = { rounds: 0, phases: 0, arcs: 0 };
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      result = assignReviewers(inst.reviewers, inst.alliances, {
        perAlliance: inst.perAlliance,
        seed: 'round-bench',
        internal: { solver, stats },
      });
      times.push(performance.now() - started);
      heapAfter = Math.max(heapAfter, process.memoryUsage().heapUsed);
    }
    times.sort((a, b) => a - b);
    const row: AssignmentBench = {
      alliances: n,
      reviewers: inst.reviewers.length,
      solver,
      runs,
      medianMs: Math.round(times[Math.floor(runs / 2)]!),
      minMs: Math.round(times[0]!),
      maxMs: Math.round(times.at(-1)!),
      peakRssMiB: mib(process.resourceUsage().maxRSS * 1024),
      heapAfterMiB: mib(heapAfter),
      ...(stats.rounds > 0 ? { sparse: stats } : {}),
      check: checkAssignment(inst, result!),
    };
    options.log?.(JSON.stringify(row));
    out.push(row);
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const sizes = (arg('sizes') ?? '40,1000,10000').split(',').map(Number);
  const runs = arg('runs');
  benchAssignment(sizes, {
    ...(runs ? { runs: Number(runs) } : {}),
    solver: (arg('solver') ?? 'auto') as 'auto' | 'dense' | 'sparse',
    log: (line) => console.log(line),
  });
}
