import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calibrate, type Review, rankAlliances, weightedScore } from '../../../shared/domain/scoring.ts';
import { plain, plainRubric, rubric, scoringRound } from './pipeline.fixtures.ts';

const SECTORS = ['optoelectronics', 'biomedicine', 'new-materials', 'agriculture'];

/** Reviews by up to 6 reviewers of up to 12 alliances: a random subset of pairs, whole scores on the fixture rubric. */
const reviewSet = fc
  .record({ R: fc.integer({ min: 1, max: 6 }), A: fc.integer({ min: 1, max: 12 }) })
  .chain(({ R, A }) =>
    fc.record({
      A: fc.constant(A),
      reviews: fc.uniqueArray(
        fc.record({
          reviewerId: fc.integer({ min: 0, max: R - 1 }).map((i) => `r${i}`),
          allianceId: fc.integer({ min: 0, max: A - 1 }).map((i) => `a${i}`),
          scores: fc.record({
            innovation: fc.integer({ min: 0, max: 10 }),
            feasibility: fc.integer({ min: 0, max: 10 }),
            benefit: fc.integer({ min: 0, max: 5 }),
          }),
        }),
        { maxLength: 40, selector: (r) => `${r.reviewerId}:${r.allianceId}` },
      ),
    }),
  );

const alliancesArb = (A: number) =>
  fc.tuple(
    ...Array.from({ length: A }, (_, i) =>
      fc.record({
        id: fc.constant(`a${i}`),
        sectors: fc.uniqueArray(fc.constantFrom(...SECTORS), { maxLength: 3 }),
        enterpriseCount: fc.integer({ min: 1, max: 3 }),
        societyCount: fc.integer({ min: 1, max: 3 }),
        requested: fc.integer({ min: 0, max: 500_000 }),
      }),
    ),
  );

describe('calibrate: properties', () => {
  it('keeps each reviewer’s own order, strictly', () => {
    fc.assert(
      fc.property(reviewSet, fc.integer({ min: 1, max: 4 }), ({ reviews }, minReviews) => {
        const { byReview } = calibrate(reviews, rubric, { minReviewsPerReviewer: minReviews });
        for (const x of byReview)
          for (const y of byReview) {
            if (x.reviewerId !== y.reviewerId) continue;
            if (x.raw < y.raw) expect(x.calibrated).toBeLessThan(y.calibrated);
            if (x.raw === y.raw) expect(x.calibrated).toBe(y.calibrated);
          }
      }),
    );
  });

  it('gives a standardised reviewer the global mean and spread; a guarded one keeps raw scores', () => {
    fc.assert(
      fc.property(reviewSet, ({ reviews }) => {
        const { byReview, reviewers, global } = calibrate(reviews, rubric);
        for (const r of reviewers) {
          const mine = byReview.filter((b) => b.reviewerId === r.reviewerId);
          expect(mine.every((b) => b.calibratedBy === r.calibratedBy)).toBe(true);
          if (r.calibratedBy !== 'standardised') {
            expect(mine.every((b) => b.calibrated === b.raw)).toBe(true);
            expect(r.count < 3 || mine.every((b) => b.raw === mine[0]!.raw)).toBe(true);
            continue;
          }
          const mean = mine.reduce((s, b) => s + b.calibrated, 0) / mine.length;
          const sd = Math.sqrt(mine.reduce((s, b) => s + (b.calibrated - mean) ** 2, 0) / mine.length);
          expect(mean).toBeCloseTo(global.mean, 8);
          expect(sd).toBeCloseTo(global.sd, 8);
        }
        expect(byReview.map((b) => b.raw)).toEqual(reviews.map((r) => weightedScore(r.scores, rubric)));
      }),
    );
  });

  it('gives a reviewer uniformly c points more lenient than another on the same alliances identical calibrated scores', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 70 }), { minLength: 3, maxLength: 10 }),
        fc.integer({ min: 1, max: 30 }),
        (base, c) => {
          const reviews: Review[] = [
            ...base.map((p, i) => plain('strict', `a${i}`, p)),
            ...base.map((p, i) => plain('lenient', `a${i}`, p + c)),
          ];
          const { byReview } = calibrate(reviews, plainRubric);
          base.forEach((_, i) => {
            expect(byReview[base.length + i]!.calibrated).toBeCloseTo(byReview[i]!.calibrated, 9);
          });
        },
      ),
    );
  });
});

describe('rankAlliances: properties', () => {
  const input = reviewSet.chain(({ A, reviews }) =>
    fc.record({ alliances: alliancesArb(A), reviews: fc.constant(reviews as Review[]) }),
  );

  it('ranks 1…n once each, in order of finalScore, unreviewed last; finalScore = calibratedMean + bonus', () => {
    fc.assert(
      fc.property(input, ({ alliances, reviews }) => {
        const ranking = rankAlliances({ alliances, reviews, round: scoringRound });
        expect(ranking.map((r) => r.rank)).toEqual(alliances.map((_, i) => i + 1));
        expect(new Set(ranking.map((r) => r.allianceId)).size).toBe(alliances.length);
        const reviewed = ranking.filter((r) => r.reviewed);
        expect(ranking.slice(0, reviewed.length).every((r) => r.reviewed)).toBe(true);
        for (let i = 1; i < reviewed.length; i++)
          expect(reviewed[i]!.finalScore!).toBeLessThanOrEqual(reviewed[i - 1]!.finalScore!);
        for (const r of reviewed) {
          expect(Math.round(r.finalScore! * 100)).toBe(
            Math.round(r.calibratedMean! * 100) + Math.round(r.bonus * 100),
          );
          expect(r.reviewCount).toBe(reviews.filter((v) => v.allianceId === r.allianceId).length);
        }
      }),
    );
  });

  it('is deterministic and does not depend on input order', () => {
    fc.assert(
      fc.property(input, fc.nat(), ({ alliances, reviews }, seed) => {
        const a = rankAlliances({ alliances, reviews, round: scoringRound });
        const shuffle = <T>(xs: T[]) =>
          xs
            .map((x, i) => ({ x, k: (i * 2654435761 + seed) % 1000003 }))
            .sort((p, q) => p.k - q.k)
            .map((p) => p.x);
        const b = rankAlliances({
          alliances: shuffle(alliances),
          reviews: shuffle(reviews),
          round: scoringRound,
        });
        expect(b).toEqual(a);
      }),
    );
  });
});
