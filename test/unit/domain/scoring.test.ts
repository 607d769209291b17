import { describe, expect, it } from 'vitest';
import {
  calibrate,
  priorityBonus,
  type RankingAlliance,
  rankAlliances,
  validateScores,
  weightedScore,
} from '../../../shared/domain/scoring.ts';
import { plain, plainRubric, rubric, scoringRound } from './pipeline.fixtures.ts';

describe('weightedScore', () => {
  it('is Σ weight × score / max on a 0–100 scale', () => {
    // 40 × 8/10 + 35 × 6/10 + 25 × 4/5 = 32 + 21 + 20
    expect(weightedScore({ innovation: 8, feasibility: 6, benefit: 4 }, rubric)).toBe(73);
    expect(weightedScore({ innovation: 10, feasibility: 10, benefit: 5 }, rubric)).toBe(100);
    expect(weightedScore({ innovation: 0, feasibility: 0, benefit: 0 }, rubric)).toBe(0);
  });

  it('normalises weights that do not sum to 100', () => {
    const half = rubric.map((c) => ({ ...c, weight: c.weight / 2 }));
    expect(weightedScore({ innovation: 8, feasibility: 6, benefit: 4 }, half)).toBeCloseTo(73, 12);
  });

  it('refuses invalid scores', () => {
    expect(() => weightedScore({ innovation: 8, feasibility: 6 }, rubric)).toThrow(/scores.benefit/);
  });
});

describe('validateScores', () => {
  it('accepts whole scores 0…max for every criterion', () => {
    expect(validateScores({ innovation: 0, feasibility: 10, benefit: 5 }, rubric)).toEqual([]);
  });

  it('reports each problem with its path, in English and Chinese', () => {
    expect(
      validateScores({ innovation: 7.5, feasibility: 11, bonus: 3 } as Record<string, number>, rubric),
    ).toEqual([
      {
        path: 'scores.innovation',
        message: { en: '创新性: the score must be a whole number', zh: '"创新性"的评分须为整数' },
      },
      {
        path: 'scores.feasibility',
        message: { en: '可行性: the score must be 0–10', zh: '"可行性"的评分须在 0–10 之间' },
      },
      {
        path: 'scores.benefit',
        message: { en: 'a score for 预期效益 is required', zh: '缺少"预期效益"的评分' },
      },
      {
        path: 'scores.bonus',
        message: { en: 'bonus is not a criterion of this round', zh: 'bonus 不是本轮评审的评分项' },
      },
    ]);
  });

  it('rejects negative, non-finite and non-numeric scores', () => {
    const bad = [-1, Number.NaN, Number.POSITIVE_INFINITY, '5' as unknown as number];
    for (const b of bad)
      expect(validateScores({ innovation: b, feasibility: 1, benefit: 1 }, rubric)).toHaveLength(1);
  });

  it('does not take inherited properties for scores', () => {
    expect(
      validateScores({ feasibility: 1, benefit: 1 }, [...rubric, { id: 'constructor', weight: 1, max: 1 }]),
    ).toHaveLength(2);
  });
});

describe('calibrate', () => {
  it('gives a uniformly more lenient reviewer the same calibrated scores', () => {
    const strict = [plain('strict', 'a1', 60), plain('strict', 'a2', 70), plain('strict', 'a3', 80)];
    const lenient = [plain('lenient', 'a1', 72), plain('lenient', 'a2', 82), plain('lenient', 'a3', 92)];
    const { byReview, global } = calibrate([...strict, ...lenient], plainRubric);
    for (let i = 0; i < 3; i++) expect(byReview[i + 3]!.calibrated).toBeCloseTo(byReview[i]!.calibrated, 10);
    // Mapped back with the global mean (76) and sd of all six raw scores.
    expect(global.mean).toBe(76);
    expect(byReview[1]!.calibrated).toBeCloseTo(76, 10);
    const z = (80 - 70) / Math.sqrt(200 / 3);
    expect(byReview[2]!.calibrated).toBeCloseTo(76 + z * global.sd, 10);
    expect(byReview.every((r) => r.calibratedBy === 'standardised')).toBe(true);
  });

  it('keeps raw scores for reviewers with too few reviews or no spread, and says which', () => {
    const reviews = [
      plain('busy', 'a1', 50),
      plain('busy', 'a2', 60),
      plain('busy', 'a3', 90),
      plain('new', 'a1', 95),
      plain('new', 'a2', 40),
      plain('flat', 'a1', 70),
      plain('flat', 'a2', 70),
      plain('flat', 'a3', 70),
    ];
    const { byReview, reviewers } = calibrate(reviews, plainRubric);
    expect(reviewers.map((r) => [r.reviewerId, r.count, r.calibratedBy])).toEqual([
      ['busy', 3, 'standardised'],
      ['flat', 3, 'raw (no spread)'],
      ['new', 2, 'raw (too few reviews)'],
    ]);
    expect(byReview.filter((r) => r.reviewerId !== 'busy').every((r) => r.calibrated === r.raw)).toBe(true);
    expect(calibrate(reviews, plainRubric, { minReviewsPerReviewer: 2 }).byReview[3]!.calibratedBy).toBe(
      'standardised',
    );
  });

  it('detects "no spread" on exact values, not on a float sd', () => {
    // 0.1 + 0.1 + 0.1 is not 0.3 in floating point; the sd would come out ~1e-17, not 0.
    const r = [{ id: 'c', weight: 100, max: 1000 }];
    const reviews = ['a1', 'a2', 'a3'].map((a) => ({ reviewerId: 'x', allianceId: a, scores: { c: 1 } }));
    const { byReview } = calibrate(reviews, r);
    expect(byReview.map((b) => b.calibratedBy)).toEqual([
      'raw (no spread)',
      'raw (no spread)',
      'raw (no spread)',
    ]);
    expect(byReview.map((b) => b.calibrated)).toEqual([0.1, 0.1, 0.1]);
  });

  it('handles no reviews', () => {
    expect(calibrate([], rubric)).toEqual({
      byReview: [],
      reviewers: [],
      global: { count: 0, mean: 0, sd: 0 },
    });
  });
});

describe('priorityBonus', () => {
  it('takes the highest matching sector bonus, not the sum, plus the §3.3 preferences', () => {
    expect(
      priorityBonus(
        { sectors: ['biomedicine', 'optoelectronics'], enterpriseCount: 2, societyCount: 2 },
        scoringRound,
      ),
    ).toEqual({
      bonus: 5.5,
      parts: { sector: { id: 'optoelectronics', points: 3 }, multiMember: 1.5, crossSector: 1 },
    });
    expect(
      priorityBonus({ sectors: ['new-materials'], enterpriseCount: 3, societyCount: 1 }, scoringRound),
    ).toEqual({
      bonus: 2,
      parts: { sector: { id: 'new-materials', points: 2 } },
    });
    expect(
      priorityBonus({ sectors: ['agriculture'], enterpriseCount: 1, societyCount: 1 }, scoringRound),
    ).toEqual({
      bonus: 0,
      parts: {},
    });
  });

  it('gives a sector tie to the sector the round lists first', () => {
    expect(
      priorityBonus(
        { sectors: ['new-materials', 'biomedicine'], enterpriseCount: 1, societyCount: 1 },
        scoringRound,
      ).parts.sector,
    ).toEqual({ id: 'biomedicine', points: 2 });
  });
});

const ally = (id: string, over: Partial<RankingAlliance> = {}): RankingAlliance => ({
  id,
  sectors: [],
  enterpriseCount: 1,
  societyCount: 1,
  requested: 200_000,
  ...over,
});

describe('rankAlliances', () => {
  const round = { ...scoringRound, rubric: plainRubric };

  it('ranks by calibrated mean plus bonus, showing raw and calibrated scores', () => {
    const reviews = [
      plain('r1', 'x', 80),
      plain('r1', 'y', 84),
      plain('r2', 'x', 78),
      plain('r2', 'y', 83),
      plain('r2', 'z', 90),
    ];
    const ranking = rankAlliances({
      alliances: [
        ally('x', { sectors: ['optoelectronics', 'biomedicine'], enterpriseCount: 2, societyCount: 2 }),
        ally('y', { sectors: ['new-materials'] }),
        ally('z'),
        ally('u'),
      ],
      reviews,
      round,
      minReviewsPerReviewer: 10, // every reviewer keeps raw scores here, for easy arithmetic
    });
    expect(
      ranking.map((r) => [
        r.allianceId,
        r.rank,
        r.rawMean,
        r.calibratedMean,
        r.bonus,
        r.finalScore,
        r.reviewCount,
      ]),
    ).toEqual([
      ['z', 1, 90, 90, 0, 90, 1],
      ['y', 2, 83.5, 83.5, 2, 85.5, 2],
      ['x', 3, 79, 79, 5.5, 84.5, 2],
      ['u', 4, null, null, 0, null, 0],
    ]);
    expect(ranking.map((r) => r.reviewed)).toEqual([true, true, true, false]);
    expect(ranking[2]!.bonusParts).toEqual({
      sector: { id: 'optoelectronics', points: 3 },
      multiMember: 1.5,
      crossSector: 1,
    });
    expect(ranking[2]!.reviews).toEqual([
      { reviewerId: 'r1', raw: 80, calibrated: 80, calibratedBy: 'raw (too few reviews)' },
      { reviewerId: 'r2', raw: 78, calibrated: 78, calibratedBy: 'raw (too few reviews)' },
    ]);
  });

  it('calibrates before ranking: a harsh reviewer does not sink the alliances it reviews', () => {
    // h scores everything 20 points lower than g; once calibrated, the order is each reviewer's own.
    const reviews = [
      plain('g', 'a', 90),
      plain('g', 'b', 80),
      plain('g', 'c', 70),
      plain('h', 'd', 65),
      plain('h', 'e', 55),
      plain('h', 'f', 45),
    ];
    const ranking = rankAlliances({
      alliances: ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => ally(id)),
      reviews,
      round,
    });
    const byId = Object.fromEntries(ranking.map((r) => [r.allianceId, r]));
    expect(byId.d!.calibratedMean).toBe(byId.a!.calibratedMean);
    expect(byId.f!.calibratedMean).toBe(byId.c!.calibratedMean);
    expect(byId.d!.rawMean).toBe(65);
    // Ties on finalScore go to the higher raw mean: a (90) before d (65).
    expect(ranking.map((r) => r.allianceId)).toEqual(['a', 'd', 'b', 'e', 'c', 'f']);
  });

  it('breaks ties by raw mean, then the smaller request, then the alliance id', () => {
    const reviews = [plain('r', 'p', 80), plain('r', 'q', 78), plain('r', 's', 80), plain('r', 't', 80)];
    const ranking = rankAlliances({
      alliances: [
        ally('t', { requested: 100_000 }),
        ally('s', { requested: 100_000 }),
        ally('q', { sectors: ['biomedicine'] }), // 78 + 2 = 80, lower raw mean
        ally('p', { requested: 300_000 }),
      ],
      reviews,
      round,
      minReviewsPerReviewer: 10,
    });
    expect(ranking.map((r) => [r.allianceId, r.finalScore])).toEqual([
      ['s', 80],
      ['t', 80],
      ['p', 80],
      ['q', 80],
    ]);
  });

  it('shows scores in hundredths, with finalScore = calibratedMean + bonus as shown', () => {
    const r3 = [{ id: 'c', weight: 100, max: 3 }];
    const reviews = [{ reviewerId: 'r', allianceId: 'a', scores: { c: 1 } }];
    const [row] = rankAlliances({
      alliances: [ally('a', { sectors: ['optoelectronics'] })],
      reviews,
      round: { ...scoringRound, rubric: r3 },
    });
    expect(row).toMatchObject({ rawMean: 33.33, calibratedMean: 33.33, bonus: 3, finalScore: 36.33 });
  });

  it('ignores reviews of other alliances and refuses two reviews of one alliance by one reviewer', () => {
    expect(
      rankAlliances({ alliances: [ally('a')], reviews: [plain('r', 'zzz', 50)], round })[0]!.reviewed,
    ).toBe(false);
    expect(() =>
      rankAlliances({ alliances: [ally('a')], reviews: [plain('r', 'a', 50), plain('r', 'a', 60)], round }),
    ).toThrow(/two reviews/);
    expect(() => rankAlliances({ alliances: [ally('a'), ally('a')], reviews: [], round })).toThrow(
      /duplicate/,
    );
  });
});

describe('rankAlliances: ties on the final score name the rule that decided them', () => {
  const round = { ...scoringRound, rubric: plainRubric };
  const rank = (alliances: RankingAlliance[], reviews: ReturnType<typeof plain>[]) =>
    rankAlliances({ alliances, reviews, round, minReviewsPerReviewer: 10 });

  it('by the higher raw mean: 82 + 2 (bonus) ties 84 + 0, the 84 goes first', () => {
    const ranking = rank(
      [ally('p', { sectors: ['new-materials'] }), ally('q')],
      [plain('r1', 'p', 82), plain('r1', 'q', 84)],
    );
    expect(ranking.map((r) => [r.allianceId, r.finalScore])).toEqual([
      ['q', 84],
      ['p', 84],
    ]);
    expect(ranking[0]!.tieBreaks).toEqual([
      {
        with: 'p',
        rule: 'raw-mean',
        above: true,
        text: {
          en: 'tied with p on 84.00; ranked above it by the higher raw mean (84.00 vs 82.00)',
          zh: '与 p 最终得分同为 84.00；因原始均分较高（84.00 对 82.00），排名在前',
        },
      },
    ]);
    expect(ranking[1]!.tieBreaks![0]).toMatchObject({ with: 'q', rule: 'raw-mean', above: false });
    expect(ranking[1]!.tieBreaks![0]!.text.zh).toContain('原始均分较低');
  });

  it('then by the smaller request, then by id; no tie, no note; one hundredth apart is no tie', () => {
    const same = [plain('r1', 'm', 80), plain('r1', 'n', 80), plain('r1', 'o', 80)];
    const ranking = rank(
      [
        ally('m', { requested: 200_000 }),
        ally('n', { requested: 150_000 }),
        ally('o', { requested: 150_000 }),
      ],
      same,
    );
    expect(ranking.map((r) => r.allianceId)).toEqual(['n', 'o', 'm']);
    expect(ranking[0]!.tieBreaks!.map((t) => [t.with, t.rule])).toEqual([['o', 'alliance-id']]);
    expect(ranking[1]!.tieBreaks!.map((t) => [t.with, t.rule])).toEqual([
      ['n', 'alliance-id'],
      ['m', 'requested'],
    ]);
    expect(ranking[2]!.tieBreaks![0]!.text.en).toContain('the larger request (¥200,000 vs ¥150,000)');
    // A rubric fine enough for hundredths: 8001 of 10000 is 80.01 points.
    const fine = { ...scoringRound, rubric: [{ id: 'overall', name: '总体评价', weight: 100, max: 10_000 }] };
    const apart = rankAlliances({
      alliances: [ally('s'), ally('t')],
      reviews: [plain('r1', 's', 8001), plain('r1', 't', 8000)],
      round: fine,
      minReviewsPerReviewer: 10,
    });
    expect(apart.map((r) => r.finalScore)).toEqual([80.01, 80]);
    expect(apart.every((r) => r.tieBreaks === undefined)).toBe(true);
  });
});
