import { describe, expect, it } from 'vitest';
import { type Candidate, selectWithinBudget } from '../../../shared/domain/selection.ts';
import { proposeSupplement } from '../../../shared/domain/supplement.ts';

const c = (
  allianceId: string,
  rank: number,
  requested: number,
  finalScore: number | null = 90 - rank,
): Candidate => ({
  allianceId,
  rank,
  finalScore,
  requested,
});

describe('proposeSupplement (递补)', () => {
  const candidates = [
    c('a', 1, 300_000),
    c('b', 2, 290_000),
    c('d', 3, 200_000),
    c('e', 4, 150_000),
    c('f', 5, 100_000),
  ];
  const params = { budget: 600_000, perAllianceCap: 300_000, policy: 'rank-order' as const };
  const approved = selectWithinBudget(candidates, params); // a + b = 590,000; 10,000 left

  it('offers the freed award to the next alliances in rank order that fit, with the selection’s reasons', () => {
    expect(approved.rows.filter((r) => r.funded).map((r) => r.allianceId)).toEqual(['a', 'b']);
    const proposal = proposeSupplement(candidates, approved, ['b'], params);
    expect(proposal).toMatchObject({ freed: 290_000, available: 300_000 });
    // d (200,000) fits, e (150,000) no longer does, f (100,000) does: rank order skips what does not fit.
    expect(proposal.additions).toEqual([
      { allianceId: 'd', rank: 3, award: 200_000, requested: 200_000 },
      { allianceId: 'f', rank: 5, award: 100_000, requested: 100_000 },
    ]);
    const e = proposal.result.rows.find((r) => r.allianceId === 'e')!;
    expect(e.funded).toBe(false);
    expect(e.reason.zh).toContain('预算增加 ¥50,000 即可获资助');
    expect(proposal.summary.zh).toBe('释放 ¥290,000，可用 ¥300,000：递补 2 个联盟，共 ¥300,000，余 ¥0');
  });

  it('funds an alliance whose award is exactly the money available, and no one when nothing was freed', () => {
    const exact = proposeSupplement(
      [c('a', 1, 300_000), c('x', 2, 300_000)],
      selectWithinBudget([c('a', 1, 300_000), c('x', 2, 300_000)], { ...params, budget: 300_000 }),
      ['a'],
      { ...params, budget: 300_000 },
    );
    expect(exact.additions).toEqual([{ allianceId: 'x', rank: 2, award: 300_000, requested: 300_000 }]);
    const none = proposeSupplement(candidates, approved, [], params);
    expect(none).toMatchObject({ freed: 0, available: 10_000, additions: [] });
  });

  it('never offers money to the withdrawn alliance itself or to one without a review', () => {
    const withUnreviewed = [...candidates, c('u', 6, 50_000, null)];
    const proposal = proposeSupplement(
      withUnreviewed,
      selectWithinBudget(withUnreviewed, params),
      ['b'],
      params,
    );
    expect(proposal.additions.map((a) => a.allianceId)).not.toContain('b');
    expect(proposal.additions.map((a) => a.allianceId)).not.toContain('u');
  });

  it('follows the round’s policy: max-merit picks the best total merit within the money available', () => {
    const merit = { ...params, policy: 'max-merit' as const };
    const list = [
      c('a', 1, 300_000, 95),
      c('b', 2, 300_000, 90),
      c('p', 3, 300_000, 80),
      c('q', 4, 150_000, 41),
      c('r', 5, 150_000, 40),
    ];
    const ok = selectWithinBudget(list, merit);
    expect(ok.rows.filter((r) => r.funded).map((r) => r.allianceId)).toEqual(['a', 'b']); // 185 > a+q+r's 176
    const proposal = proposeSupplement(list, ok, ['b'], merit);
    // 300,000 available: q + r (81 points) beat p (80).
    expect(proposal.additions.map((a) => a.allianceId)).toEqual(['q', 'r']);
  });

  it('counts earlier supplements as selected, and frees their award when they are withdrawn too', () => {
    const first = proposeSupplement(candidates, approved, ['b'], params);
    const again = proposeSupplement(candidates, approved, ['b', 'd'], params, first.additions);
    expect(again).toMatchObject({ freed: 490_000, available: 200_000 });
    expect(again.additions.map((a) => a.allianceId)).toEqual(['e']);
  });
});
