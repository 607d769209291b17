import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assignInspectors,
  drawInspections,
  inspectorConflicted,
  MAX_WEIGHT,
  type RiskFeatures,
  riskWeight,
} from '../../../shared/domain/inspection-draw.ts';

const candidatesArb = fc.uniqueArray(
  fc.record({
    allianceId: fc.stringMatching(/^[a-z0-9]{1,6}$/),
    weight: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 12, noNaN: true })),
  }),
  { selector: (c) => c.allianceId, maxLength: 30 },
);

const featuresArb: fc.Arbitrary<RiskFeatures> = fc.record({
  overdueReports: fc.nat(10),
  returnedReports: fc.nat(10),
  spentShare: fc.option(fc.double({ min: 0, max: 1.5, noNaN: true })),
  elapsedShare: fc.option(fc.double({ min: 0, max: 1, noNaN: true })),
  indicatorsBehind: fc.nat(10),
  daysSinceLastInspection: fc.option(fc.nat(1000)),
});

describe('drawInspections (properties)', () => {
  it('same seed → same picks; picks distinct, from the candidates, count = ceil(share × N)', () => {
    fc.assert(
      fc.property(
        candidatesArb,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.string(),
        (cands, share, seed) => {
          const a = drawInspections(cands, { share, seed });
          const b = drawInspections(
            fc.sample(fc.shuffledSubarray(cands, { minLength: cands.length }), 1)[0]!,
            {
              share,
              seed,
            },
          );
          expect(b).toEqual(a);
          expect(new Set(a.picks).size).toBe(a.picks.length);
          expect(a.n).toBe(Math.max(0, Math.min(cands.length, Math.ceil(share * cands.length - 1e-9))));
          expect(a.picks).toHaveLength(a.n);
          const ids = new Set(cands.map((c) => c.allianceId));
          for (const p of a.picks) expect(ids.has(p)).toBe(true);
          expect(a.seed).toBe(seed);
        },
      ),
    );
  });

  it('a zero-weight candidate is never picked while a positive-weight one is left', () => {
    fc.assert(
      fc.property(
        candidatesArb,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.string(),
        (cands, share, seed) => {
          const { picks } = drawInspections(cands, { share, seed });
          const weight = new Map(cands.map((c) => [c.allianceId, c.weight]));
          const positives = cands.filter((c) => c.weight > 0).length;
          const zeroPicked = picks.filter((p) => weight.get(p) === 0).length;
          if (zeroPicked > 0) expect(picks.length - zeroPicked).toBe(positives);
          // and zero-weight picks all come after the positive ones
          const firstZero = picks.findIndex((p) => weight.get(p) === 0);
          if (firstZero >= 0) for (const p of picks.slice(firstZero)) expect(weight.get(p)).toBe(0);
        },
      ),
    );
  });
});

describe('riskWeight (properties)', () => {
  const numeric = ['overdueReports', 'returnedReports', 'indicatorsBehind'] as const;

  it('is monotone non-decreasing in every risk feature, and within [1, MAX_WEIGHT]', () => {
    fc.assert(
      fc.property(featuresArb, fc.nat(5), (f, extra) => {
        const base = riskWeight(f).weight;
        expect(base).toBeGreaterThanOrEqual(1);
        expect(base).toBeLessThanOrEqual(MAX_WEIGHT);
        for (const k of numeric)
          expect(riskWeight({ ...f, [k]: f[k] + extra }).weight).toBeGreaterThanOrEqual(base);
        // recency: more days (or never inspected) never lowers the weight
        const days = f.daysSinceLastInspection;
        if (days !== null) {
          expect(riskWeight({ ...f, daysSinceLastInspection: days + extra }).weight).toBeGreaterThanOrEqual(
            base,
          );
          expect(riskWeight({ ...f, daysSinceLastInspection: null }).weight).toBeGreaterThanOrEqual(base);
        }
      }),
    );
  });

  it('is monotone in the spending pace deviation (ahead or behind)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (elapsed, d1, d2) => {
          const [small, large] = d1 <= d2 ? [d1, d2] : [d2, d1];
          const w = (spent: number) =>
            riskWeight({
              overdueReports: 0,
              returnedReports: 0,
              spentShare: spent,
              elapsedShare: elapsed,
              indicatorsBehind: 0,
              daysSinceLastInspection: 0,
            }).weight;
          expect(w(elapsed + large)).toBeGreaterThanOrEqual(w(elapsed + small));
          expect(w(elapsed - large)).toBeGreaterThanOrEqual(w(elapsed - small));
        },
      ),
    );
  });
});

describe('assignInspectors (properties)', () => {
  it('never assigns a conflicted inspector; unassigned only when every inspector is conflicted', () => {
    const orgs = fc.constantFrom('o1', 'o2', 'o3', 'o4', 'o5', 'o6');
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.record({
            id: fc.stringMatching(/^i[0-9]{1,2}$/),
            affiliations: fc.array(orgs, { maxLength: 2 }),
            conflicts: fc.array(orgs, { maxLength: 2 }),
          }),
          { selector: (i) => i.id, maxLength: 6 },
        ),
        fc.array(
          fc.record({ allianceId: fc.string(), memberOrganisationIds: fc.array(orgs, { maxLength: 3 }) }),
          {
            maxLength: 8,
          },
        ),
        fc.string(),
        (inspectors, picks, seed) => {
          const out = assignInspectors(picks, inspectors, { seed });
          out.forEach((a, i) => {
            const pick = picks[i]!;
            if (a.inspectorId === null) {
              for (const ins of inspectors) expect(inspectorConflicted(ins, pick)).toBe(true);
            } else {
              const ins = inspectors.find((x) => x.id === a.inspectorId)!;
              expect(inspectorConflicted(ins, pick)).toBe(false);
            }
          });
        },
      ),
    );
  });
});
