import { describe, expect, it } from 'vitest';
import {
  assignInspectors,
  type DrawCandidate,
  drawInspections,
  drawSize,
  MAX_WEIGHT,
  type RiskFeatures,
  riskWeight,
} from '../../../shared/domain/inspection-draw.ts';

const clean: RiskFeatures = {
  overdueReports: 0,
  returnedReports: 0,
  spentShare: 0.5,
  elapsedShare: 0.5,
  indicatorsBehind: 0,
  daysSinceLastInspection: 0,
};

describe('riskWeight', () => {
  it('is 1 for a clean record just inspected, and the parts add up', () => {
    expect(riskWeight(clean)).toEqual({
      weight: 1,
      parts: { base: 1, overdue: 0, returned: 0, pace: 0, indicators: 0, recency: 0 },
    });
  });

  it('documents each term', () => {
    const { weight, parts } = riskWeight({
      overdueReports: 2,
      returnedReports: 1,
      spentShare: 0.9,
      elapsedShare: 0.3, // 60 points ahead: (0.6 − 0.2) / 0.5 · 2 = 1.6
      indicatorsBehind: 1,
      daysSinceLastInspection: 182.5,
    });
    expect(parts).toEqual({ base: 1, overdue: 2, returned: 0.5, pace: 1.6, indicators: 0.5, recency: 1 });
    expect(weight).toBeCloseTo(6.6, 6);
  });

  it('treats far behind like far ahead, and never-inspected as the maximum recency', () => {
    const ahead = riskWeight({ ...clean, spentShare: 0.9, elapsedShare: 0.2 });
    const behind = riskWeight({ ...clean, spentShare: 0.1, elapsedShare: 0.8 });
    expect(ahead.parts.pace).toBe(behind.parts.pace);
    expect(riskWeight({ ...clean, daysSinceLastInspection: null }).parts.recency).toBe(2);
    expect(riskWeight({ ...clean, daysSinceLastInspection: 5000 }).parts.recency).toBe(2);
  });

  it('unknown pace adds nothing; the weight is bounded', () => {
    expect(riskWeight({ ...clean, spentShare: null }).parts.pace).toBe(0);
    const worst = riskWeight({
      overdueReports: 99,
      returnedReports: 99,
      spentShare: 5,
      elapsedShare: 0,
      indicatorsBehind: 99,
      daysSinceLastInspection: null,
    });
    expect(worst.weight).toBe(MAX_WEIGHT);
    expect(MAX_WEIGHT).toBe(12);
  });
});

describe('drawSize', () => {
  it('is ceil(share × N), robust to binary fractions', () => {
    expect(drawSize(0.1, 30)).toBe(3);
    expect(drawSize(0.1, 31)).toBe(4);
    expect(drawSize(0, 10)).toBe(0);
    expect(drawSize(1, 10)).toBe(10);
    expect(drawSize(0.01, 5)).toBe(1);
    expect(drawSize(0.5, 0)).toBe(0);
    expect(() => drawSize(1.5, 3)).toThrow(RangeError);
  });
});

describe('drawInspections', () => {
  const candidates: DrawCandidate[] = [
    { allianceId: 'a', weight: 1 },
    { allianceId: 'b', weight: 4 },
    { allianceId: 'c', weight: 2.5 },
    { allianceId: 'd', weight: 1 },
  ];

  it('records the seed and n; same seed → same picks, whatever the input order', () => {
    const one = drawInspections(candidates, { share: 0.5, seed: 's-1' });
    expect(one.n).toBe(2);
    expect(one.seed).toBe('s-1');
    expect(drawInspections([...candidates].reverse(), { share: 0.5, seed: 's-1' })).toEqual(one);
  });

  it('rejects duplicates and negative or non-finite weights', () => {
    expect(() =>
      drawInspections([...candidates, { allianceId: 'a', weight: 1 }], { share: 1, seed: 'x' }),
    ).toThrow();
    expect(() => drawInspections([{ allianceId: 'x', weight: -1 }], { share: 1, seed: 'x' })).toThrow();
    expect(() =>
      drawInspections([{ allianceId: 'x', weight: Number.NaN }], { share: 1, seed: 'x' }),
    ).toThrow();
  });

  it('picks zero-weight candidates last, in id order', () => {
    const out = drawInspections(
      [
        { allianceId: 'z0', weight: 0 },
        { allianceId: 'y0', weight: 0 },
        { allianceId: 'p', weight: 1 },
      ],
      { share: 1, seed: 'q' },
    );
    expect(out.picks).toEqual(['p', 'y0', 'z0']);
  });

  it('statistics (fixed seeds, so deterministic): weight 4 is picked ≈ 4× as often as weight 1', () => {
    const pool: DrawCandidate[] = [
      { allianceId: 'heavy', weight: 4 },
      { allianceId: 'l1', weight: 1 },
      { allianceId: 'l2', weight: 1 },
      { allianceId: 'l3', weight: 1 },
      { allianceId: 'l4', weight: 1 },
    ];
    const counts = new Map<string, number>();
    const draws = 20_000;
    for (let i = 0; i < draws; i++) {
      const { picks } = drawInspections(pool, { share: 0.2, seed: `stat#${i}` });
      expect(picks).toHaveLength(1);
      counts.set(picks[0]!, (counts.get(picks[0]!) ?? 0) + 1);
    }
    const heavy = counts.get('heavy') ?? 0;
    const light = ['l1', 'l2', 'l3', 'l4'].map((id) => counts.get(id) ?? 0);
    // P(heavy) = 4/8 = 0.5, P(each light) = 1/8. The ratio's standard error is ≈ 0.08 here, so
    // 3.2–4.8 is about ±10 SE: honest about sampling noise, and the seeds are fixed anyway.
    for (const l of light) {
      expect(heavy / l).toBeGreaterThan(3.2);
      expect(heavy / l).toBeLessThan(4.8);
    }
    const lightMean = light.reduce((s, x) => s + x, 0) / light.length;
    expect(heavy / lightMean).toBeGreaterThan(3.6);
    expect(heavy / lightMean).toBeLessThan(4.4);
    expect(heavy / draws).toBeGreaterThan(0.48);
    expect(heavy / draws).toBeLessThan(0.52);
  });
});

describe('assignInspectors', () => {
  const inspectors = [
    { id: 'i1', affiliations: ['orgA'], conflicts: [] },
    { id: 'i2', affiliations: [], conflicts: ['orgB'] },
    { id: 'i3', affiliations: ['orgX'], conflicts: [] },
  ];

  it('never assigns a conflicted inspector and spreads the load', () => {
    const out = assignInspectors(
      [
        { allianceId: 'p1', memberOrganisationIds: ['orgA', 'orgB'] },
        { allianceId: 'p2', memberOrganisationIds: ['orgC'] },
        { allianceId: 'p3', memberOrganisationIds: ['orgD'] },
      ],
      inspectors,
      { seed: 's' },
    );
    expect(out[0]!.inspectorId).toBe('i3');
    expect(new Set(out.map((a) => a.inspectorId)).size).toBe(3);
  });

  it('prefers the least loaded and says so when no one is conflict-free', () => {
    const out = assignInspectors(
      [
        { allianceId: 'p1', memberOrganisationIds: ['orgC'] },
        { allianceId: 'p2', memberOrganisationIds: ['orgA', 'orgB', 'orgX'] },
      ],
      inspectors,
      { seed: 's', loads: { i1: 3, i3: 1 } },
    );
    expect(out[0]!.inspectorId).toBe('i2');
    expect(out[1]).toMatchObject({ inspectorId: null });
    expect(out[1]!.reason).toMatch(/conflicted/);
  });

  it('is deterministic for a seed', () => {
    const picks = [{ allianceId: 'p', memberOrganisationIds: ['orgZ'] }];
    expect(assignInspectors(picks, inspectors, { seed: 'k' })).toEqual(
      assignInspectors(picks, [...inspectors].reverse(), { seed: 'k' }),
    );
  });
});
