import { describe, expect, it } from 'vitest';
import {
  type AdjustmentError,
  applyAdjustments,
  type Candidate,
  isFunded,
  type SelectionResult,
  selectWithinBudget,
  yuan,
} from '../../../shared/domain/selection.ts';

const c = (allianceId: string, rank: number, finalScore: number | null, requested: number): Candidate => ({
  allianceId,
  rank,
  finalScore,
  requested,
});
const funded = (r: SelectionResult) => r.rows.filter(isFunded).map((row) => row.allianceId);
const ok = (r: SelectionResult | AdjustmentError): SelectionResult => {
  if ('error' in r) throw new Error(r.error.en);
  return r;
};

describe('yuan', () => {
  it('groups thousands without depending on the locale', () => {
    expect(yuan(0)).toBe('¥0');
    expect(yuan(999)).toBe('¥999');
    expect(yuan(1000)).toBe('¥1,000');
    expect(yuan(250_000)).toBe('¥250,000');
    expect(yuan(100_000_000_000)).toBe('¥100,000,000,000');
  });
});

describe('selectWithinBudget: rank-order', () => {
  const candidates = [
    c('a', 1, 91.5, 300_000),
    c('b', 2, 88, 250_000),
    c('c', 3, 85.25, 160_000),
    c('d', 4, 80, 400_000), // above the cap: award 300,000
    c('e', 5, 79, 30_000),
  ];
  const params = { budget: 700_000, perAllianceCap: 300_000, policy: 'rank-order' as const };

  it('funds down the ranking, skipping what no longer fits and going on', () => {
    const result = selectWithinBudget(candidates, params);
    expect(funded(result)).toEqual(['a', 'b', 'e']);
    expect(result).toMatchObject({ totalAwarded: 580_000, remaining: 120_000, totalMerit: 258.5 });
    expect(result.rows.map((r) => r.award)).toEqual([300_000, 250_000, 160_000, 300_000, 30_000]);
  });

  it('gives a reason for every alliance, in English and Chinese', () => {
    const result = selectWithinBudget(candidates, params);
    expect(result.rows.map((r) => r.reason)).toEqual([
      { en: 'funded (rank 1, ¥300,000)', zh: '获资助（排名第1，¥300,000）' },
      { en: 'funded (rank 2, ¥250,000)', zh: '获资助（排名第2，¥250,000）' },
      {
        en: 'not funded: rank 3, needs ¥160,000, ¥150,000 left; a budget ¥10,000 larger would fund it',
        zh: '未获资助：排名第3，需 ¥160,000，剩余 ¥150,000；预算增加 ¥10,000 即可获资助',
      },
      {
        en: 'not funded: rank 4, needs ¥300,000, ¥150,000 left; a budget ¥310,000 larger would fund it',
        zh: '未获资助：排名第4，需 ¥300,000，剩余 ¥150,000；预算增加 ¥310,000 即可获资助',
      },
      { en: 'funded (rank 5, ¥30,000)', zh: '获资助（排名第5，¥30,000）' },
    ]);
  });

  it('says when an award is capped', () => {
    const result = selectWithinBudget(candidates, { ...params, budget: 2_000_000 });
    expect(result.rows[3]!.reason).toEqual({
      en: 'funded (rank 4, ¥300,000, the per-alliance cap ¥300,000, of ¥400,000 requested)',
      zh: '获资助（排名第4，¥300,000，按单个联盟上限 ¥300,000 核定，申请 ¥400,000）',
    });
  });

  it('computes the least budget increase that funds each unfunded alliance', () => {
    const result = selectWithinBudget(candidates, params);
    expect(result.rows.map((r) => r.budgetIncreaseToFund)).toEqual([
      undefined,
      undefined,
      10_000,
      310_000,
      undefined,
    ]);
    // d: at +10,000 c takes the money first; d needs the ¥300,000 on top of a, b and c.
    expect(funded(selectWithinBudget(candidates, { ...params, budget: 1_009_999 }))).not.toContain('d');
    expect(funded(selectWithinBudget(candidates, { ...params, budget: 1_010_000 }))).toContain('d');
  });

  it('is not monotone in the budget, and the increase accounts for that', () => {
    const list = [c('a', 1, 90, 60), c('b', 2, 80, 50), c('c', 3, 70, 40)];
    const at = (budget: number) =>
      selectWithinBudget(list, { budget, perAllianceCap: 100, policy: 'rank-order' });
    expect(funded(at(100))).toEqual(['a', 'c']);
    expect(funded(at(110))).toEqual(['a', 'b']); // more money, and c drops out
    expect(at(100).rows[1]!.budgetIncreaseToFund).toBe(10);
    expect(at(110).rows[2]!.budgetIncreaseToFund).toBe(40);
  });

  it('never funds an alliance without reviews, and says so', () => {
    const result = selectWithinBudget([c('a', 1, 90, 100), c('u', 2, null, 100)], {
      budget: 1000,
      perAllianceCap: 1000,
      policy: 'rank-order',
    });
    expect(funded(result)).toEqual(['a']);
    expect(result.rows[1]).toMatchObject({
      funded: false,
      finalScore: null,
      reason: {
        en: 'not funded: no review was received (rank 2)',
        zh: '未获资助：未收到评审意见（排名第2）',
      },
    });
    expect(result.rows[1]!.budgetIncreaseToFund).toBeUndefined();
  });

  it('orders by rank, then alliance id, whatever the input order', () => {
    const result = selectWithinBudget([c('z', 2, 80, 1), c('y', 2, 80, 1), c('x', 1, 90, 1)], {
      budget: 10,
      perAllianceCap: 10,
      policy: 'rank-order',
    });
    expect(result.rows.map((r) => r.allianceId)).toEqual(['x', 'y', 'z']);
  });

  it('rejects money that is not whole yuan, and duplicates', () => {
    const p = { budget: 100, perAllianceCap: 100, policy: 'rank-order' as const };
    expect(() => selectWithinBudget([c('a', 1, 90, 1.5)], p)).toThrow(/whole yuan/);
    expect(() => selectWithinBudget([], { ...p, budget: -1 })).toThrow(/budget/);
    expect(() => selectWithinBudget([c('a', 1, 90, 1), c('a', 2, 80, 1)], p)).toThrow(/duplicate/);
    expect(() => selectWithinBudget([c('a', 1, Number.NaN, 1)], p)).toThrow(/finalScore/);
  });
});

describe('selectWithinBudget: max-merit', () => {
  const list = [c('a', 1, 90, 60), c('b', 2, 80, 50), c('c', 3, 70, 50)];
  const params = { budget: 100, perAllianceCap: 100, policy: 'max-merit' as const };

  it('funds the set with the most total score within the budget', () => {
    const result = selectWithinBudget(list, params);
    expect(funded(result)).toEqual(['b', 'c']); // 150 points, where rank-order gets 90
    expect(result).toMatchObject({ totalAwarded: 100, remaining: 0, totalMerit: 150 });
    expect(funded(selectWithinBudget(list, { ...params, policy: 'rank-order' }))).toEqual(['a']);
  });

  it('explains each decision and the increase that would fund the left-out alliance', () => {
    const [a, b] = selectWithinBudget(list, params).rows;
    expect(a).toMatchObject({
      funded: false,
      budgetIncreaseToFund: 10, // at 110: a + b = 170 points
      reason: {
        en: 'not funded: the budget buys more merit without it, or as much at lower cost or with higher-ranked alliances (rank 1, score 90.00, needs ¥60, ¥0 left); a budget ¥10 larger would fund it',
        zh: '未获资助：不含该联盟的组合在预算内总分更高（或总分相同而花费更少、排名更前）（排名第1，得分 90.00，需 ¥60，剩余 ¥0）；预算增加 ¥10 即可获资助',
      },
    });
    expect(b!.reason).toEqual({
      en: 'funded (rank 2, ¥50; in the set of alliances with the highest total score within the budget)',
      zh: '获资助（排名第2，¥50；属于预算内总分最高的联盟组合）',
    });
    expect(funded(selectWithinBudget(list, { ...params, budget: 110 }))).toEqual(['a', 'b']);
  });

  it('breaks ties by the lower cost, then by the higher-ranked set', () => {
    // {a} and {b, c} both score 100; {b, c} is cheaper.
    const cheaper = [c('a', 1, 60, 100), c('b', 2, 50, 30), c('c', 3, 50, 30)];
    expect(funded(selectWithinBudget(cheaper, { ...params, budget: 100 }))).toEqual(['b', 'c']);
    // Same score and cost: {a} beats {b} because a ranks higher.
    const same = [c('a', 1, 50, 40), c('b', 2, 50, 40)];
    expect(funded(selectWithinBudget(same, { ...params, budget: 50 }))).toEqual(['a']);
  });

  it('does not fund a score of 0 or below, nor an unreviewed alliance', () => {
    const result = selectWithinBudget([c('a', 1, 50, 10), c('z', 2, 0, 10), c('u', 3, null, 10)], params);
    expect(funded(result)).toEqual(['a']);
    expect(result.rows[1]!.reason.en).toBe('not funded: a score of 0.00 adds no merit (rank 2)');
    expect(result.rows[1]!.budgetIncreaseToFund).toBeUndefined();
    expect(result.rows[2]!.reason.en).toBe('not funded: no review was received (rank 3)');
  });

  it('picks the smaller exact programme and says which', () => {
    // Round sums: the budget table (Σ awards / gcd ¥100,000 = 6, so 7 columns) beats the merit one (24,076 columns).
    const round = [c('a', 1, 85.5, 200_000), c('b', 2, 80.25, 300_000), c('c', 3, 75, 100_000)];
    expect(
      selectWithinBudget(round, { budget: 400_000, perAllianceCap: 300_000, policy: 'max-merit' }).solver,
    ).toEqual({
      kind: 'dp-over-budget',
      cells: 3 * 7,
    });
    // Odd sums: the merit table wins.
    const odd = [c('a', 1, 85.5, 200_001), c('b', 2, 80.25, 300_000), c('c', 3, 75, 100_000)];
    expect(
      selectWithinBudget(odd, { budget: 400_000, perAllianceCap: 300_000, policy: 'max-merit' }).solver?.kind,
    ).toBe('dp-over-merit');
  });

  it('handles no candidates and a zero budget', () => {
    expect(selectWithinBudget([], params)).toMatchObject({ totalAwarded: 0, remaining: 100, rows: [] });
    const zero = selectWithinBudget([c('a', 1, 80, 10), c('free', 2, 70, 0)], { ...params, budget: 0 });
    expect(funded(zero)).toEqual(['free']);
    expect(zero.rows[0]!.budgetIncreaseToFund).toBe(10);
  });
});

describe('applyAdjustments', () => {
  const base = selectWithinBudget(
    [c('a', 1, 90, 60), c('b', 2, 80, 50), c('c', 3, 70, 40), c('u', 4, null, 1)],
    {
      budget: 100,
      perAllianceCap: 100,
      policy: 'rank-order',
    },
  ); // a + c funded, b not

  it('records the admin’s reason on each adjusted row and keeps the policy’s decision', () => {
    const adjusted = ok(
      applyAdjustments(
        base,
        [
          { allianceId: 'a', action: 'exclude', reason: '公示前发现重复申报' },
          { allianceId: 'b', action: 'include', reason: '专家委员会复议' },
        ],
        100,
      ),
    );
    expect(funded(adjusted)).toEqual(['b', 'c']);
    expect(adjusted).toMatchObject({ totalAwarded: 90, remaining: 10, adjusted: true, totalMerit: 150 });
    expect(adjusted.rows[0]).toMatchObject({
      funded: false,
      reason: {
        en: 'not funded by adjustment: 公示前发现重复申报',
        zh: '经调整不予资助：公示前发现重复申报',
      },
      adjustment: {
        action: 'exclude',
        reason: '公示前发现重复申报',
        previous: { funded: true, reason: { en: 'funded (rank 1, ¥60)', zh: '获资助（排名第1，¥60）' } },
      },
    });
    expect(adjusted.rows[1]).toMatchObject({
      funded: true,
      reason: { en: 'funded by adjustment (¥50): 专家委员会复议', zh: '经调整获资助（¥50）：专家委员会复议' },
    });
    expect(adjusted.rows[1]!.budgetIncreaseToFund).toBeUndefined();
    expect(adjusted.rows[2]).toBe(base.rows[2]); // untouched
    // Adjusting again keeps the policy's original decision as "previous".
    const again = ok(
      applyAdjustments(adjusted, [{ allianceId: 'a', action: 'include', reason: '撤回' }], 200),
    );
    expect(again.rows[0]!.adjustment?.previous.reason.en).toBe('funded (rank 1, ¥60)');
    expect(again).toMatchObject({ budget: 200, totalAwarded: 150, remaining: 50 });
  });

  it('refuses an adjustment that breaks the budget, saying by how much', () => {
    expect(applyAdjustments(base, [{ allianceId: 'b', action: 'include', reason: '复议' }], 100)).toEqual({
      code: 'over-budget',
      over: 50,
      error: {
        en: 'the adjusted selection needs ¥150, ¥50 more than the budget of ¥100',
        zh: '调整后的资助总额 ¥150 超出预算 ¥100，超出 ¥50',
      },
    });
  });

  it('refuses unknown alliances, double adjustments, missing reasons and unreviewed alliances', () => {
    const codes = [
      [{ allianceId: 'nope', action: 'include', reason: 'x' }],
      [
        { allianceId: 'a', action: 'exclude', reason: 'x' },
        { allianceId: 'a', action: 'include', reason: 'y' },
      ],
      [{ allianceId: 'a', action: 'exclude', reason: '  ' }],
      [{ allianceId: 'u', action: 'include', reason: 'x' }],
    ].map((adj) => {
      const r = applyAdjustments(base, adj as Parameters<typeof applyAdjustments>[1], 100);
      return 'error' in r ? [r.code, r.over] : 'ok';
    });
    expect(codes).toEqual([
      ['unknown-alliance', 0],
      ['duplicate-adjustment', 0],
      ['reason-required', 0],
      ['not-reviewed', 0],
    ]);
  });
});

describe('selection reasons name a deciding tie', () => {
  it('appends how a tie was decided, in both languages, to the funded and the unfunded reason', () => {
    const tie = (en: string, zh: string) => [{ text: { en, zh } }];
    const { rows } = selectWithinBudget(
      [
        {
          allianceId: 'q',
          rank: 1,
          finalScore: 84,
          requested: 100_000,
          tieBreaks: tie('tied with p; above', '与 p 同分；在前'),
        },
        {
          allianceId: 'p',
          rank: 2,
          finalScore: 84,
          requested: 100_000,
          tieBreaks: tie('tied with q; below', '与 q 同分；在后'),
        },
      ],
      { budget: 100_000, perAllianceCap: 300_000, policy: 'rank-order' },
    );
    expect(rows[0]!.reason).toEqual({
      en: 'funded (rank 1, ¥100,000); tied with p; above',
      zh: '获资助（排名第1，¥100,000）；与 p 同分；在前',
    });
    expect(rows[1]!.reason).toEqual({
      en: 'not funded: rank 2, needs ¥100,000, ¥0 left; tied with q; below; a budget ¥100,000 larger would fund it',
      zh: '未获资助：排名第2，需 ¥100,000，剩余 ¥0；与 q 同分；在后；预算增加 ¥100,000 即可获资助',
    });
  });
});
