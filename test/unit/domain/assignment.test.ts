import { describe, expect, it } from 'vitest';
import {
  type AllianceInput,
  assignReviewers,
  conflicted,
  expertiseMatch,
  type ReviewerInput,
  replaceReviewer,
  seededRandom,
} from '../../../shared/domain/assignment.ts';

const reviewer = (id: string, over: Partial<ReviewerInput> = {}): ReviewerInput => ({
  id,
  expertise: [],
  conflicts: [],
  ...over,
});
const alliance = (id: string, over: Partial<AllianceInput> = {}): AllianceInput => ({
  id,
  memberOrganisationIds: [`${id}-ent`, `${id}-soc`],
  sectors: [],
  ...over,
});
const pairsOf = (r: { assignments: { allianceId: string; reviewerId: string }[] }) =>
  r.assignments.map((a) => `${a.allianceId}:${a.reviewerId}`);

describe('seededRandom', () => {
  it('is deterministic and depends on the seed', () => {
    const a = seededRandom('round-2025');
    const b = seededRandom('round-2025');
    const c = seededRandom('round-2026');
    const xs = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c())).not.toEqual(xs);
    for (const x of xs) expect(Number.isInteger(x) && x >= 0 && x < 2 ** 32).toBe(true);
  });

  it('gives the same sequence on every platform (pinned values)', () => {
    const r = seededRandom(42);
    expect([r(), r(), r()]).toMatchInlineSnapshot(`
      [
        3401435175,
        1773130453,
        174729730,
      ]
    `);
  });

  it('treats the number 7 and the string "7" as different seeds', () => {
    expect(seededRandom(7)()).not.toBe(seededRandom('7')());
  });
});

describe('conflicted and expertiseMatch', () => {
  it('is a conflict when any member organisation is in the reviewer’s conflicts', () => {
    const a = alliance('a', { memberOrganisationIds: ['ent-1', 'soc-1', 'soc-2'] });
    expect(conflicted(reviewer('r', { conflicts: ['soc-2'] }), a)).toBe(true);
    expect(conflicted(reviewer('r', { conflicts: ['soc-3'] }), a)).toBe(false);
    expect(conflicted(reviewer('r'), a)).toBe(false);
  });

  it('counts shared sectors once each', () => {
    expect(
      expertiseMatch({ expertise: ['optics', 'materials'] }, { sectors: ['optics', 'optics', 'energy'] }),
    ).toBe(1);
  });
});

describe('assignReviewers', () => {
  it('gives every alliance k reviewers with loads spread evenly', () => {
    const reviewers = ['r1', 'r2', 'r3', 'r4'].map((id) => reviewer(id));
    const alliances = ['a1', 'a2', 'a3', 'a4', 'a5', 'a6'].map((id) => alliance(id));
    const result = assignReviewers(reviewers, alliances, { perAlliance: 2, seed: 'x' });
    expect(result.assignments).toHaveLength(12);
    expect(result.loads).toEqual({ r1: 3, r2: 3, r3: 3, r4: 3 });
    expect(result.balanced).toBe(true);
    expect(result.shortfalls).toEqual([]);
    for (const a of alliances)
      expect(result.assignments.filter((p) => p.allianceId === a.id)).toHaveLength(2);
  });

  it('never assigns a reviewer to an alliance with a member organisation it has a conflict with', () => {
    const reviewers = [
      reviewer('r1', { conflicts: ['a1-ent'] }), // works for a1's enterprise
      reviewer('r2', { conflicts: ['a2-soc'] }), // declared a conflict with a2's society
      reviewer('r3'),
      reviewer('r4'),
    ];
    const alliances = [alliance('a1'), alliance('a2')];
    const result = assignReviewers(reviewers, alliances, { perAlliance: 3, seed: 1 });
    expect(pairsOf(result)).toEqual(['a1:r2', 'a1:r3', 'a1:r4', 'a2:r1', 'a2:r3', 'a2:r4']);
  });

  it('explains an alliance that cannot get k reviewers without conflicts', () => {
    const reviewers = [
      reviewer('r1', { conflicts: ['a1-ent'] }),
      reviewer('r2', { conflicts: ['a1-soc'] }),
      reviewer('r3'),
      reviewer('r4'),
    ];
    const result = assignReviewers(reviewers, [alliance('a1'), alliance('a2')], {
      perAlliance: 3,
      seed: 1,
      exclude: [{ allianceId: 'a1', reviewerId: 'r4' }],
    });
    expect(result.shortfalls).toEqual([
      {
        allianceId: 'a1',
        assigned: 1,
        wanted: 3,
        code: 'too-few-conflict-free',
        reason: 'only 1 reviewer without conflicts (1 more excluded)',
        reasonZh: '仅有 1 位无利益冲突的评审专家（另有 1 位被排除）',
      },
    ]);
    expect(pairsOf(result)).toContain('a1:r3');
    expect(pairsOf(result)).not.toContain('a1:r4');
  });

  it('explains a shortfall caused by reviewers at their maximum load', () => {
    const reviewers = [
      reviewer('r1', { maxLoad: 1 }),
      reviewer('r2', { maxLoad: 1 }),
      reviewer('r3', { maxLoad: 1 }),
    ];
    const result = assignReviewers(reviewers, [alliance('a1'), alliance('a2')], {
      perAlliance: 2,
      seed: 's',
    });
    expect(result.assignments).toHaveLength(3);
    // The shortfall is spread: 2 + 1, never 2 + 0 + … and here the short alliance is explained.
    expect(result.shortfalls).toHaveLength(1);
    expect(result.shortfalls[0]).toMatchObject({
      assigned: 1,
      wanted: 2,
      code: 'reviewers-at-max-load',
      reason: '3 reviewers without conflicts, but the other 2 are at their maximum load',
    });
  });

  it('spreads a shortfall over alliances (2 + 2 before 3 + 1)', () => {
    const reviewers = ['r1', 'r2', 'r3', 'r4'].map((id) => reviewer(id, { maxLoad: 1 }));
    const result = assignReviewers(reviewers, [alliance('a1'), alliance('a2')], {
      perAlliance: 3,
      seed: 's',
    });
    expect(result.shortfalls.map((s) => s.assigned)).toEqual([2, 2]);
  });

  it('maximises expertise match once loads are balanced', () => {
    const reviewers = [
      reviewer('r1', { expertise: ['optoelectronics'] }),
      reviewer('r2', { expertise: ['biomedicine'] }),
      reviewer('r3', { expertise: ['new-materials'] }),
    ];
    const alliances = [
      alliance('a1', { sectors: ['biomedicine'] }),
      alliance('a2', { sectors: ['new-materials'] }),
      alliance('a3', { sectors: ['optoelectronics'] }),
    ];
    for (const seed of ['a', 'b', 'c', 'd']) {
      const result = assignReviewers(reviewers, alliances, { perAlliance: 1, seed });
      expect(pairsOf(result)).toEqual(['a1:r2', 'a2:r3', 'a3:r1']);
      expect(result.assignments.every((a) => a.expertiseMatch === 1)).toBe(true);
    }
  });

  it('puts balance before expertise', () => {
    const reviewers = [reviewer('expert', { expertise: ['biomedicine'] }), reviewer('generalist')];
    const alliances = [
      alliance('a1', { sectors: ['biomedicine'] }),
      alliance('a2', { sectors: ['biomedicine'] }),
    ];
    const result = assignReviewers(reviewers, alliances, { perAlliance: 1, seed: 1 });
    expect(result.loads).toEqual({ expert: 1, generalist: 1 });
  });

  it('breaks ties by the seed: same seed, same result; other seeds, other results', () => {
    const reviewers = Array.from({ length: 6 }, (_, i) => reviewer(`r${i}`));
    const alliances = Array.from({ length: 9 }, (_, i) => alliance(`a${i}`));
    const run = (seed: string) => pairsOf(assignReviewers(reviewers, alliances, { perAlliance: 2, seed }));
    expect(run('round-1')).toEqual(run('round-1'));
    const distinct = new Set(['s1', 's2', 's3', 's4', 's5'].map((s) => run(s).join()));
    expect(distinct.size).toBeGreaterThan(1);
  });

  it('does not depend on the order of its input', () => {
    const reviewers = Array.from({ length: 5 }, (_, i) =>
      reviewer(`r${i}`, { expertise: [i % 2 ? 'optics' : 'energy'], conflicts: [`a${i}-ent`] }),
    );
    const alliances = Array.from({ length: 7 }, (_, i) => alliance(`a${i}`, { sectors: ['optics'] }));
    const a = assignReviewers(reviewers, alliances, { perAlliance: 2, seed: 9 });
    const b = assignReviewers([...reviewers].reverse(), [...alliances].reverse(), {
      perAlliance: 2,
      seed: 9,
    });
    expect(b).toEqual(a);
  });

  it('keeps existing assignments, counts them in the loads, and drops invalid ones', () => {
    const reviewers = [reviewer('r1', { conflicts: ['a2-ent'] }), reviewer('r2'), reviewer('r3')];
    const alliances = [alliance('a1'), alliance('a2')];
    const result = assignReviewers(reviewers, alliances, {
      perAlliance: 2,
      seed: 1,
      existing: [
        { allianceId: 'a1', reviewerId: 'r1' },
        { allianceId: 'a1', reviewerId: 'r1' }, // twice
        { allianceId: 'a2', reviewerId: 'r1' }, // conflicted
        { allianceId: 'a2', reviewerId: 'ghost' },
        { allianceId: 'elsewhere', reviewerId: 'r3' }, // another round's alliance: load only
      ],
    });
    expect(result.dropped.map((d) => d.reason)).toEqual([
      'duplicate pair',
      'reviewer has a conflict with a member organisation',
      'unknown reviewer',
    ]);
    expect(pairsOf(result)).toContain('a1:r1');
    expect(pairsOf(result)).not.toContain('a2:r1');
    // r3 already has one review elsewhere, so the balanced choice gives a1's second seat to r2.
    expect(pairsOf(result)).toEqual(['a1:r1', 'a1:r2', 'a2:r2', 'a2:r3']);
    expect(result.loads).toEqual({ r1: 1, r2: 2, r3: 2 });
  });

  it('handles no reviewers and no alliances', () => {
    expect(assignReviewers([], [], { perAlliance: 3, seed: 0 })).toEqual({
      assignments: [],
      loads: {},
      shortfalls: [],
      balanced: true,
      dropped: [],
    });
    const none = assignReviewers([], [alliance('a1')], { perAlliance: 2, seed: 0 });
    expect(none.shortfalls[0]?.reason).toBe('only 0 reviewers without conflicts');
  });

  it('rejects duplicate ids and a bad perAlliance', () => {
    expect(() => assignReviewers([reviewer('r'), reviewer('r')], [], { perAlliance: 1, seed: 0 })).toThrow(
      /duplicate reviewer/,
    );
    expect(() => assignReviewers([], [alliance('a'), alliance('a')], { perAlliance: 1, seed: 0 })).toThrow(
      /duplicate alliance/,
    );
    expect(() => assignReviewers([], [], { perAlliance: 1.5, seed: 0 })).toThrow(/perAlliance/);
  });
});

describe('replaceReviewer', () => {
  const reviewers = Array.from({ length: 5 }, (_, i) => reviewer(`r${i}`));
  const alliances = Array.from({ length: 5 }, (_, i) => alliance(`a${i}`));
  const initial = assignReviewers(reviewers, alliances, { perAlliance: 3, seed: 'round' });
  const current = initial.assignments.map(({ allianceId, reviewerId }) => ({ allianceId, reviewerId }));

  it('returns only the replacement, a conflict-free reviewer not yet on the alliance', () => {
    const leaving = current[0]!;
    const withConflict = reviewers.map((r) =>
      r.id === leaving.reviewerId ? { ...r, conflicts: [`${leaving.allianceId}-soc`] } : r,
    );
    const { added, shortfalls } = replaceReviewer(withConflict, alliances, current, [leaving], {
      perAlliance: 3,
      seed: 'replace',
    });
    expect(shortfalls).toEqual([]);
    expect(added).toHaveLength(1);
    const [pair] = added;
    expect(pair!.allianceId).toBe(leaving.allianceId);
    expect(pair!.reviewerId).not.toBe(leaving.reviewerId);
    const onAlliance = current.filter((p) => p.allianceId === leaving.allianceId).map((p) => p.reviewerId);
    expect(onAlliance).not.toContain(pair!.reviewerId);
  });

  it('prefers the least-loaded reviewer', () => {
    // 5 alliances × 3 = 15 reviews over 5 reviewers: 3 each. After removal the leaving reviewer
    // has 2; the replacement is one of the two others not on the alliance, each with 3.
    const leaving = current.find((p) => p.allianceId === 'a2')!;
    const { loads } = replaceReviewer(reviewers, alliances, current, [leaving], { perAlliance: 3, seed: 1 });
    expect(Object.values(loads).sort()).toEqual([2, 3, 3, 3, 4]);
  });

  it('says why when no replacement exists', () => {
    const two = [reviewer('r0'), reviewer('r1')];
    const { added, shortfalls } = replaceReviewer(
      two,
      [alliance('a0')],
      [
        { allianceId: 'a0', reviewerId: 'r0' },
        { allianceId: 'a0', reviewerId: 'r1' },
      ],
      [{ allianceId: 'a0', reviewerId: 'r1' }],
      { perAlliance: 2, seed: 1 },
    );
    expect(added).toEqual([]);
    expect(shortfalls[0]?.reason).toBe('only 1 reviewer without conflicts (1 more excluded)');
  });
});
