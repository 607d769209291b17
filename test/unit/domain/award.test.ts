import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateAward, implementationDeadlines, noticePeriodEnd } from '../../../shared/domain/award.ts';

describe('allocateAward', () => {
  const lines = [
    { id: 'equipment', category: '设备费', programmeFunds: 200_000 },
    { id: 'experts', category: '专家咨询费', programmeFunds: 100_000 },
  ];
  it('gives each line what it asked when the award is the full request', () => {
    expect(allocateAward(lines, 300_000).map((l) => l.allocation)).toEqual([200_000, 100_000]);
  });
  it('scales down in proportion, in whole yuan, remainders to the largest request', () => {
    expect(allocateAward(lines, 100_001).map((l) => l.allocation)).toEqual([66_668, 33_333]);
  });
  it('allocates nothing to lines that asked nothing', () => {
    expect(allocateAward([{ id: 'a', category: 'A', programmeFunds: 0 }], 0)[0]!.allocation).toBe(0);
  });
  it('always sums exactly to the award and stays within ±1 yuan of the proportional share', () => {
    fc.assert(
      fc.property(
        fc
          .array(fc.integer({ min: 0, max: 5_000_000 }), { minLength: 1, maxLength: 12 })
          .filter((a) => a.some((x) => x > 0)),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (requests, share) => {
          const total = requests.reduce((s, x) => s + x, 0);
          const award = Math.floor(total * share);
          const out = allocateAward(
            requests.map((r, i) => ({ id: `l${i}`, category: 'c', programmeFunds: r })),
            award,
          );
          expect(out.reduce((s, l) => s + l.allocation, 0)).toBe(award);
          out.forEach((l, i) => {
            const exact = (requests[i]! * award) / total;
            expect(Math.abs(l.allocation - exact)).toBeLessThan(1 + 1e-9);
            expect(l.allocation).toBeLessThanOrEqual(requests[i]!);
          });
        },
      ),
    );
  });
});

describe('implementationDeadlines', () => {
  it('an annual report at each anniversary inside the period, then the completion report 30 days after its end', () => {
    expect(implementationDeadlines({ start: '2027-01-01', end: '2028-12-31' })).toEqual([
      { kind: 'annual-report', due: '2028-01-01', year: 1 },
      { kind: 'completion-report', due: '2029-01-30' },
    ]);
  });
  it('no annual report when the period ends exactly on the first anniversary', () => {
    expect(implementationDeadlines({ start: '2027-03-01', end: '2028-03-01' }).map((d) => d.kind)).toEqual([
      'completion-report',
    ]);
  });
});

describe('noticePeriodEnd', () => {
  it('counts whole CST days, the day of publication first', () => {
    expect(noticePeriodEnd(new Date('2027-04-01T02:00:00Z'), 7)).toBe('2027-04-07T16:00:00.000Z');
  });
  it('uses the CST date: 23:30 UTC on 31 March is already 1 April in Wuhan', () => {
    expect(noticePeriodEnd(new Date('2027-03-31T23:30:00Z'), 1)).toBe('2027-04-01T16:00:00.000Z');
    expect(noticePeriodEnd(new Date('2027-03-31T15:59:59Z'), 1)).toBe('2027-03-31T16:00:00.000Z');
  });
});
