/**
 * Scoring, calibration and ranking (专家评审 → 择优支持, domain.md Lifecycle 3–4 and Priorities).
 * Pure functions over plain data.
 *
 * 1. A review scores every criterion of the round's rubric with whole points 0…max (integers, as
 *    on a paper scoring sheet: half points would only invite false precision). Its weighted score
 *    is Σ weight_c × score_c / max_c on a 0–100 scale (weights are percentages summing to 100).
 * 2. Calibration removes each reviewer's leniency and spread: a review's z-score within its
 *    reviewer's own reviews, z = (raw − reviewer mean) / reviewer sd, is mapped back onto the
 *    scale with the mean and sd of all raw scores: calibrated = global mean + z × global sd.
 *    Strictly increasing for each reviewer, so it never reorders one reviewer's judgements; a
 *    reviewer uniformly c points more lenient than another on the same alliances gets identical
 *    calibrated scores. Guard: a reviewer with fewer than `minReviewsPerReviewer` reviews (default
 *    3) — too few to estimate a mean and spread — or whose scores are all equal keeps raw scores,
 *    and the output says which. Standard deviations are population ones (÷ n). Calibrated scores
 *    are not clamped (clamping would break strict monotonicity), so they may leave 0–100 slightly.
 * 3. An alliance's calibratedMean is the mean of its calibrated review scores; finalScore is that
 *    plus the §3.3 priority bonus. Means, bonus and finalScore are reported in hundredths of a
 *    point and finalScore = calibratedMean + bonus exactly as shown; ranking compares those
 *    hundredths (so floating-point noise never decides a rank), then breaks ties by the higher
 *    rawMean, the smaller requested amount, and the alliance id.
 */
import { yuan } from './money.ts';
import type { Text } from './text.ts';

export type { Text };
export type Criterion = { id: string; weight: number; max: number; name?: string };
export type Scores = Record<string, number>;

/** What scoring reads from a round (a `Round` of ./model/round.ts fits). */
export interface ScoringRound {
  rubric: Criterion[];
  prioritySectors: { id: string; bonus: number }[];
  bonuses: { multipleEnterprisesAndSocieties: number; crossSector: number };
}

export interface Review {
  reviewerId: string;
  allianceId: string;
  /** Criterion id → whole points 0…max. */
  scores: Scores;
}

export interface ScoreIssue {
  path: string;
  message: Text;
}

/** Problems with one review's scores: every criterion present, whole points 0…max, nothing unknown. */
export function validateScores(scores: Scores, rubric: Criterion[]): ScoreIssue[] {
  const issues: ScoreIssue[] = [];
  const known = new Set(rubric.map((c) => c.id));
  for (const c of rubric) {
    const path = `scores.${c.id}`;
    const name = c.name ?? c.id;
    const s = Object.hasOwn(scores, c.id) ? scores[c.id] : undefined;
    if (s === undefined) {
      issues.push({ path, message: { en: `a score for ${name} is required`, zh: `缺少"${name}"的评分` } });
    } else if (typeof s !== 'number' || !Number.isInteger(s)) {
      issues.push({
        path,
        message: { en: `${name}: the score must be a whole number`, zh: `"${name}"的评分须为整数` },
      });
    } else if (s < 0 || s > c.max) {
      issues.push({
        path,
        message: { en: `${name}: the score must be 0–${c.max}`, zh: `"${name}"的评分须在 0–${c.max} 之间` },
      });
    }
  }
  for (const id of Object.keys(scores)) {
    if (!known.has(id))
      issues.push({
        path: `scores.${id}`,
        message: { en: `${id} is not a criterion of this round`, zh: `${id} 不是本轮评审的评分项` },
      });
  }
  return issues;
}

/**
 * Σ weight_c × score_c / max_c on a 0–100 scale. Weights are normalised by their sum, which is
 * 100 for a valid round (so this is the plain weighted sum). Throws on invalid scores.
 */
export function weightedScore(scores: Scores, rubric: Criterion[]): number {
  const issues = validateScores(scores, rubric);
  if (issues.length > 0) throw new RangeError(issues.map((i) => `${i.path}: ${i.message.en}`).join('; '));
  const totalWeight = rubric.reduce((sum, c) => sum + c.weight, 0);
  if (!(totalWeight > 0)) throw new RangeError('rubric weights must be positive');
  const sum = rubric.reduce((acc, c) => acc + (c.weight * scores[c.id]!) / c.max, 0);
  return totalWeight === 100 ? sum : (sum * 100) / totalWeight;
}

// ---------------------------------------------------------------------------------------------
// Calibration

export type CalibratedBy = 'standardised' | 'raw (too few reviews)' | 'raw (no spread)';

export interface CalibratedReview {
  reviewerId: string;
  allianceId: string;
  raw: number;
  calibrated: number;
  calibratedBy: CalibratedBy;
}

export interface ReviewerCalibration {
  reviewerId: string;
  count: number;
  mean: number;
  sd: number;
  calibratedBy: CalibratedBy;
}

export interface Calibration {
  /** One entry per review, in input order. */
  byReview: CalibratedReview[];
  /** One entry per reviewer, by reviewer id. */
  reviewers: ReviewerCalibration[];
  /** Mean and sd of all raw scores: the scale calibrated scores are mapped back to. */
  global: { count: number; mean: number; sd: number };
}

export const DEFAULT_MIN_REVIEWS_PER_REVIEWER = 3;

function meanSd(values: number[]): { mean: number; sd: number } {
  if (values.length === 0) return { mean: 0, sd: 0 };
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length;
  return { mean, sd: Math.sqrt(variance) };
}

export function calibrate(
  reviews: Review[],
  rubric: Criterion[],
  options: { minReviewsPerReviewer?: number } = {},
): Calibration {
  const minReviews = options.minReviewsPerReviewer ?? DEFAULT_MIN_REVIEWS_PER_REVIEWER;
  const raws = reviews.map((r) => weightedScore(r.scores, rubric));
  const global = { count: raws.length, ...meanSd(raws) };
  const byReviewer = new Map<string, number[]>();
  reviews.forEach((r, i) => {
    const list = byReviewer.get(r.reviewerId) ?? [];
    list.push(raws[i]!);
    byReviewer.set(r.reviewerId, list);
  });
  const stats = new Map<string, ReviewerCalibration>();
  for (const [reviewerId, values] of byReviewer) {
    const { mean, sd } = meanSd(values);
    // "No spread" is decided on the exact values, not on a float sd that rounding may leave at 1e-17.
    const spread = values.some((v) => v !== values[0]);
    const calibratedBy: CalibratedBy =
      values.length < minReviews ? 'raw (too few reviews)' : !spread ? 'raw (no spread)' : 'standardised';
    stats.set(reviewerId, { reviewerId, count: values.length, mean, sd, calibratedBy });
  }
  const byReview = reviews.map((r, i): CalibratedReview => {
    const raw = raws[i]!;
    const s = stats.get(r.reviewerId)!;
    const calibrated =
      s.calibratedBy === 'standardised' ? global.mean + ((raw - s.mean) / s.sd) * global.sd : raw;
    return {
      reviewerId: r.reviewerId,
      allianceId: r.allianceId,
      raw,
      calibrated,
      calibratedBy: s.calibratedBy,
    };
  });
  const reviewers = [...stats.values()].sort((a, b) => compareStrings(a.reviewerId, b.reviewerId));
  return { byReview, reviewers, global };
}

// ---------------------------------------------------------------------------------------------
// Ranking

export interface RankingAlliance {
  id: string;
  sectors: string[];
  enterpriseCount: number;
  societyCount: number;
  /** Programme funds requested, yuan. */
  requested: number;
}

export interface BonusParts {
  /** The matching priority sector with the highest bonus. */
  sector?: { id: string; points: number };
  /** At least two enterprises and at least two societies. */
  multiMember?: number;
  /** Two or more sectors. */
  crossSector?: number;
}

export interface RankedAlliance {
  allianceId: string;
  /** 1…n, no two alliances share a rank. */
  rank: number;
  /** False when no review was received: such alliances rank last and their scores are null. */
  reviewed: boolean;
  reviewCount: number;
  rawMean: number | null;
  calibratedMean: number | null;
  bonus: number;
  bonusParts: BonusParts;
  /** calibratedMean + bonus (hundredths); null when not reviewed. */
  finalScore: number | null;
  requested: number;
  /** The alliance's reviews, raw and calibrated (hundredths), by reviewer id. */
  reviews: { reviewerId: string; raw: number; calibrated: number; calibratedBy: CalibratedBy }[];
  /**
   * Set when the final score equalled a neighbour's: which rule put them in this order, in both
   * languages (one entry per neighbour it tied with: the one above, the one below).
   */
  tieBreaks?: TieBreak[];
}

/** How a tie on the final score was decided (scoring order: higher raw mean, smaller request, id). */
export interface TieBreak {
  /** The alliance it tied with. */
  with: string;
  rule: 'raw-mean' | 'requested' | 'alliance-id';
  /** True when this alliance was ranked above the other. */
  above: boolean;
  text: Text;
}

export interface RankingInput {
  alliances: RankingAlliance[];
  reviews: Review[];
  round: ScoringRound;
  minReviewsPerReviewer?: number;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** x in whole hundredths (the precision scores are shown and compared in). */
const hundredths = (x: number) => Math.round(x * 100);

/**
 * The §3.3 bonus: the highest bonus among the alliance's priority sectors — not their sum, so an
 * alliance cannot collect more by listing more key sectors; breadth has its own cross-sector
 * bonus, and summing would count it twice — plus the bonus for several enterprises and several
 * societies, plus the cross-sector bonus for two or more sectors. Sector ties go to the sector
 * listed first in the round.
 */
export function priorityBonus(
  alliance: Pick<RankingAlliance, 'sectors' | 'enterpriseCount' | 'societyCount'>,
  round: Pick<ScoringRound, 'prioritySectors' | 'bonuses'>,
): { bonus: number; parts: BonusParts } {
  const parts: BonusParts = {};
  const sectors = new Set(alliance.sectors);
  for (const s of round.prioritySectors) {
    if (sectors.has(s.id) && (parts.sector === undefined || s.bonus > parts.sector.points))
      parts.sector = { id: s.id, points: s.bonus };
  }
  if (alliance.enterpriseCount >= 2 && alliance.societyCount >= 2)
    parts.multiMember = round.bonuses.multipleEnterprisesAndSocieties;
  if (sectors.size >= 2) parts.crossSector = round.bonuses.crossSector;
  const bonus =
    hundredths(parts.sector?.points ?? 0) +
    hundredths(parts.multiMember ?? 0) +
    hundredths(parts.crossSector ?? 0);
  return { bonus: bonus / 100, parts };
}

export function rankAlliances(input: RankingInput): RankedAlliance[] {
  const ids = new Set(input.alliances.map((a) => a.id));
  if (ids.size !== input.alliances.length) throw new RangeError('duplicate alliance id');
  // Sorted, so the floating-point sums (and so every hundredth) do not depend on input order.
  const reviews = input.reviews
    .filter((r) => ids.has(r.allianceId))
    .sort((x, y) => compareStrings(x.allianceId, y.allianceId) || compareStrings(x.reviewerId, y.reviewerId));
  reviews.forEach((r, i) => {
    const prev = reviews[i - 1];
    if (prev && prev.allianceId === r.allianceId && prev.reviewerId === r.reviewerId)
      throw new RangeError(`two reviews of ${r.allianceId} by ${r.reviewerId}`);
  });
  const calibration = calibrate(
    reviews,
    input.round.rubric,
    input.minReviewsPerReviewer === undefined ? {} : { minReviewsPerReviewer: input.minReviewsPerReviewer },
  );
  const perAlliance = new Map<string, CalibratedReview[]>();
  for (const c of calibration.byReview) {
    const list = perAlliance.get(c.allianceId) ?? [];
    list.push(c);
    perAlliance.set(c.allianceId, list);
  }

  type Row = Omit<RankedAlliance, 'rank'> & { finalH: number; rawH: number };
  const rows: Row[] = input.alliances.map((a) => {
    const list = (perAlliance.get(a.id) ?? []).sort((x, y) => compareStrings(x.reviewerId, y.reviewerId));
    const { bonus, parts } = priorityBonus(a, input.round);
    const bonusH = hundredths(bonus);
    const base = {
      allianceId: a.id,
      reviewCount: list.length,
      bonus,
      bonusParts: parts,
      requested: a.requested,
      reviews: list.map((c) => ({
        reviewerId: c.reviewerId,
        raw: hundredths(c.raw) / 100,
        calibrated: hundredths(c.calibrated) / 100,
        calibratedBy: c.calibratedBy,
      })),
    };
    if (list.length === 0)
      return {
        ...base,
        reviewed: false,
        rawMean: null,
        calibratedMean: null,
        finalScore: null,
        finalH: Number.NEGATIVE_INFINITY,
        rawH: Number.NEGATIVE_INFINITY,
      };
    const rawH = hundredths(list.reduce((s, c) => s + c.raw, 0) / list.length);
    const calH = hundredths(list.reduce((s, c) => s + c.calibrated, 0) / list.length);
    const finalH = calH + bonusH;
    return {
      ...base,
      reviewed: true,
      rawMean: rawH / 100,
      calibratedMean: calH / 100,
      finalScore: finalH / 100,
      finalH,
      rawH,
    };
  });

  rows.sort(
    (x, y) =>
      Number(y.reviewed) - Number(x.reviewed) ||
      (x.finalH === y.finalH ? 0 : y.finalH - x.finalH) ||
      (x.rawH === y.rawH ? 0 : y.rawH - x.rawH) ||
      x.requested - y.requested ||
      compareStrings(x.allianceId, y.allianceId),
  );
  const ranked: RankedAlliance[] = rows.map(({ finalH: _f, rawH: _r, ...row }, i) => ({
    ...row,
    rank: i + 1,
  }));
  for (let i = 0; i + 1 < rows.length; i++) {
    const [x, y] = [rows[i]!, rows[i + 1]!];
    if (!x.reviewed || !y.reviewed || x.finalH !== y.finalH) continue;
    const rule: TieBreak['rule'] =
      x.rawH !== y.rawH ? 'raw-mean' : x.requested !== y.requested ? 'requested' : 'alliance-id';
    const above = ranked[i]!;
    const below = ranked[i + 1]!;
    above.tieBreaks = [
      ...(above.tieBreaks ?? []),
      { with: y.allianceId, rule, above: true, text: tieText(x, y, rule, true) },
    ];
    below.tieBreaks = [
      ...(below.tieBreaks ?? []),
      { with: x.allianceId, rule, above: false, text: tieText(y, x, rule, false) },
    ];
  }
  return ranked;
}

/** "tied with a-2 on 85.50; ranked above it by the higher raw mean (88.00 vs 86.00)", in both languages. */
function tieText(
  me: { finalScore: number | null; rawMean: number | null; requested: number; allianceId: string },
  other: { rawMean: number | null; requested: number; allianceId: string },
  rule: TieBreak['rule'],
  above: boolean,
): Text {
  const score = (me.finalScore ?? 0).toFixed(2);
  const where = { en: above ? 'above' : 'below', zh: above ? '在前' : '在后' };
  const by: Text =
    rule === 'raw-mean'
      ? {
          en: `the ${above ? 'higher' : 'lower'} raw mean (${me.rawMean?.toFixed(2)} vs ${other.rawMean?.toFixed(2)})`,
          zh: `原始均分${above ? '较高' : '较低'}（${me.rawMean?.toFixed(2)} 对 ${other.rawMean?.toFixed(2)}）`,
        }
      : rule === 'requested'
        ? {
            en: `the ${above ? 'smaller' : 'larger'} request (${yuan(me.requested)} vs ${yuan(other.requested)})`,
            zh: `申请金额${above ? '较少' : '较多'}（${yuan(me.requested)} 对 ${yuan(other.requested)}）`,
          }
        : {
            en: `alliance id order (raw means and requests equal)`,
            zh: `联盟编号顺序（原始均分与申请金额均相同）`,
          };
  return {
    en: `tied with ${other.allianceId} on ${score}; ranked ${where.en} it by ${by.en}`,
    zh: `与 ${other.allianceId} 最终得分同为 ${score}；因${by.zh}，排名${where.zh}`,
  };
}

/** The ranking as the selection reads it: rank, final score, request and how ties were decided. */
export const asCandidates = (ranking: readonly RankedAlliance[]) =>
  ranking.map((r) => ({
    allianceId: r.allianceId,
    rank: r.rank,
    finalScore: r.finalScore,
    requested: r.requested,
    ...(r.tieBreaks ? { tieBreaks: r.tieBreaks } : {}),
  }));
