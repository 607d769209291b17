/**
 * Irregular inspections (不定期检查, §4.4, domain.md Lifecycle 8): which designated alliances an
 * expert evaluation team visits, unannounced. Pure: plain data in, plain data out; the seed makes
 * every draw reproducible (the recorded seed, share and candidate weights re-run it exactly).
 *
 * 1. `riskWeight(features)` turns what the office knows about an alliance into a sampling weight.
 *    Every term is non-decreasing in its feature and capped, so the weight is bounded:
 *
 *      weight = 1 + overdue + returned + pace + indicators + recency        ∈ [1, 12]
 *
 *      overdue    = min(overdueReports, 3)                                   ∈ [0, 3]
 *      returned   = min(0.5 · returnedReports, 2)                            ∈ [0, 2]
 *      pace       = 2 · clamp((|spent/award − elapsed share of period| − 0.2) / 0.5, 0, 1)
 *                   spending within ±20 points of the elapsed share of the cooperation period is
 *                   normal; far ahead (money out before the work) or far behind (work stalled)
 *                   raises the risk, to the cap at 70 points off; unknown pace → 0   ∈ [0, 2]
 *      indicators = min(0.5 · indicatorsBehindTarget, 2)  (0 while progress is unknown)  ∈ [0, 2]
 *      recency    = 2 · min(daysSinceLastInspection, 365) / 365; never inspected → 2  ∈ [0, 2]
 *
 *    The base 1 keeps every designated alliance drawable: inspections are random, not only
 *    targeted, so an alliance with a clean record is still inspected now and then.
 *
 * 2. `drawInspections(candidates, { share, seed })` draws n = ⌈share · N⌉ distinct alliances by
 *    weighted sampling without replacement (Efraimidis–Spirakis A-Res): each candidate gets
 *    u ~ U(0,1) from the seeded generator and the key u^(1/w); the n largest keys win. For one pick
 *    this is exactly P(i) = wᵢ / Σw; for more, it is successive weighted sampling without
 *    replacement. Keys are compared as ln(u)/w (same order, no underflow). Candidates are put in
 *    allianceId order before the random numbers are drawn, so the input order never matters; equal
 *    keys are broken by allianceId. A weight of 0 gives the key 0 (−∞ in logs): zero-weight
 *    candidates are picked only when every positive-weight candidate is already picked (then in
 *    allianceId order). Negative or non-finite weights are rejected.
 *
 * 3. `assignInspectors(picks, inspectors, { seed, loads })`: for each pick in draw order, the
 *    conflict-free inspector (none of the alliance's member organisations among the inspector's
 *    affiliations or declared conflicts) with the fewest open inspections, counting those given
 *    in this draw; ties broken by a seeded rank, then by id. No conflict-free inspector → none.
 */
import { seededRandom } from './assignment.ts';

export const RISK_CAPS = {
  overdue: 3,
  returned: 2,
  pace: 2,
  indicators: 2,
  recency: 2,
} as const;
/** Spending may differ from the elapsed share of the period by this much without raising risk. */
export const PACE_TOLERANCE = 0.2;
/** Beyond the tolerance, the pace term reaches its cap after this much more deviation. */
export const PACE_RAMP = 0.5;
export const RECENCY_HORIZON_DAYS = 365;
export const MAX_WEIGHT = 1 + Object.values(RISK_CAPS).reduce((s, c) => s + c, 0);

export interface RiskFeatures {
  /** Report deadlines overdue (status overdue, or still due after their date). */
  overdueReports: number;
  /** Reports returned for rework. */
  returnedReports: number;
  /** Share of the award spent (0–1+), or null when unknown. */
  spentShare: number | null;
  /** Share of the cooperation period elapsed (0–1), or null when unknown. */
  elapsedShare: number | null;
  /** Assessment indicators behind their target (0 while progress is not recorded). */
  indicatorsBehind: number;
  /** Whole days since the last inspection; null = never inspected. */
  daysSinceLastInspection: number | null;
}

export interface RiskParts {
  base: number;
  overdue: number;
  returned: number;
  pace: number;
  indicators: number;
  recency: number;
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
const nonNeg = (x: number) => (Number.isFinite(x) && x > 0 ? x : 0);
/** Rounded to 1e-6 so recorded weights re-run the draw bit for bit after a JSON round trip. */
const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

export function riskWeight(f: RiskFeatures): { weight: number; parts: RiskParts } {
  const deviation =
    f.spentShare === null || f.elapsedShare === null ? 0 : Math.abs(f.spentShare - f.elapsedShare);
  const parts: RiskParts = {
    base: 1,
    overdue: round6(Math.min(nonNeg(f.overdueReports), RISK_CAPS.overdue)),
    returned: round6(Math.min(0.5 * nonNeg(f.returnedReports), RISK_CAPS.returned)),
    pace: round6(RISK_CAPS.pace * clamp((deviation - PACE_TOLERANCE) / PACE_RAMP, 0, 1)),
    indicators: round6(Math.min(0.5 * nonNeg(f.indicatorsBehind), RISK_CAPS.indicators)),
    recency: round6(
      f.daysSinceLastInspection === null
        ? RISK_CAPS.recency
        : (RISK_CAPS.recency * Math.min(nonNeg(f.daysSinceLastInspection), RECENCY_HORIZON_DAYS)) /
            RECENCY_HORIZON_DAYS,
    ),
  };
  const weight = round6(
    parts.base + parts.overdue + parts.returned + parts.pace + parts.indicators + parts.recency,
  );
  return { weight, parts };
}

export interface DrawCandidate {
  allianceId: string;
  weight: number;
}

export interface DrawOptions {
  /** Share of the candidates to inspect, 0–1. */
  share: number;
  seed: string;
}

export interface DrawResult {
  picks: string[];
  n: number;
  seed: string;
}

/** n = ⌈share · N⌉, robust to binary fractions (0.1 · 30 is 3.0000000000000004, not 4). */
export function drawSize(share: number, total: number): number {
  if (!(share >= 0 && share <= 1)) throw new RangeError(`share must be in [0, 1], got ${share}`);
  const n = Math.ceil(share * total - 1e-9);
  return n > 0 ? Math.min(total, n) : 0;
}

/** A uniform number in (0, 1) with 53 random bits from two uint32 draws. */
function uniform(next: () => number): number {
  const hi = next() >>> 5; // 27 bits
  const lo = next() >>> 6; // 26 bits
  return (hi * 67108864 + lo + 0.5) / 9007199254740992;
}

export function drawInspections(candidates: DrawCandidate[], options: DrawOptions): DrawResult {
  const n = drawSize(options.share, candidates.length);
  const seen = new Set<string>();
  for (const c of candidates) {
    if (seen.has(c.allianceId)) throw new RangeError(`duplicate candidate ${c.allianceId}`);
    seen.add(c.allianceId);
    if (!Number.isFinite(c.weight) || c.weight < 0) {
      throw new RangeError(`weight of ${c.allianceId} must be finite and ≥ 0, got ${c.weight}`);
    }
  }
  const next = seededRandom(options.seed);
  const keyed = [...candidates]
    .sort((a, b) => (a.allianceId < b.allianceId ? -1 : a.allianceId > b.allianceId ? 1 : 0))
    .map((c) => {
      const u = uniform(next);
      return {
        allianceId: c.allianceId,
        positive: c.weight > 0,
        key: c.weight > 0 ? Math.log(u) / c.weight : 0,
      };
    });
  // Positive weights first (a denormal weight's key may underflow to −∞, yet it still outranks 0),
  // then larger keys, then allianceId.
  keyed.sort((a, b) => {
    if (a.positive !== b.positive) return a.positive ? -1 : 1;
    if (a.key !== b.key) return b.key > a.key ? 1 : -1;
    return a.allianceId < b.allianceId ? -1 : 1;
  });
  return { picks: keyed.slice(0, n).map((k) => k.allianceId), n, seed: options.seed };
}

export interface InspectorInput {
  id: string;
  affiliations: string[];
  conflicts: string[];
}

export interface PickInput {
  allianceId: string;
  memberOrganisationIds: string[];
}

export interface InspectorAssignment {
  allianceId: string;
  inspectorId: string | null;
  reason: string;
}

export function inspectorConflicted(inspector: InspectorInput, pick: PickInput): boolean {
  const orgs = new Set([...inspector.affiliations, ...inspector.conflicts]);
  return pick.memberOrganisationIds.some((id) => orgs.has(id));
}

export function assignInspectors(
  picks: PickInput[],
  inspectors: InspectorInput[],
  options: { seed: string; loads?: Record<string, number> },
): InspectorAssignment[] {
  const load = new Map(inspectors.map((i) => [i.id, options.loads?.[i.id] ?? 0]));
  const rank = new Map(inspectors.map((i) => [i.id, seededRandom(`${options.seed}#${i.id}`)()]));
  return picks.map((pick) => {
    const free = inspectors.filter((i) => !inspectorConflicted(i, pick));
    if (free.length === 0) {
      return {
        allianceId: pick.allianceId,
        inspectorId: null,
        reason:
          inspectors.length === 0
            ? 'no inspectors registered'
            : 'every registered inspector is affiliated with or conflicted with a member organisation',
      };
    }
    free.sort(
      (a, b) =>
        load.get(a.id)! - load.get(b.id)! ||
        rank.get(a.id)! - rank.get(b.id)! ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
    const chosen = free[0]!;
    const before = load.get(chosen.id)!;
    load.set(chosen.id, before + 1);
    return {
      allianceId: pick.allianceId,
      inspectorId: chosen.id,
      reason: `least loaded conflict-free inspector (${before} open inspection${before === 1 ? '' : 's'}; ${free.length} of ${inspectors.length} conflict-free)`,
    };
  });
}
