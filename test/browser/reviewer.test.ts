/**
 * The expert reviewer's screens (issue #12) in Chromium on a local stack of their own: a round is
 * seeded through the API up to its review stage (two alliances, dev-reviewer and dev-reviewer-2
 * assigned to both); dev-reviewer sees the assignments, opens one and its signed agreement (a
 * presigned link), scores it on the rubric (the
 * score is then read back through the API), and declares a conflict on the other — each screen at
 * 375 and 1280 px, with no console errors and axe-core finding no serious or critical violation.
 */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleStack, startConsoleStack, watch } from './console-kit.ts';
import { CHROMIUM_PATH, DESKTOP, openContext } from './notice-page.ts';
import { client, type SeededReviewRound, seedReviewRound } from './round/review-seed.ts';
import { declareConflict, openAgreement, openAssignment, scoreAssignment } from './round/reviewer.ts';

const haveChromium = existsSync(CHROMIUM_PATH);

type Stack = ConsoleStack;
let stack: Stack | undefined;
let base = '';
let seeded: SeededReviewRound;

describe.skipIf(!haveChromium && !process.env['CI'])('reviewer screens in Chromium', () => {
  beforeAll(async () => {
    stack = await startConsoleStack();
    base = stack.urls.api;
    const s = stack;
    seeded = await seedReviewRound(base, (user) => s.token(user), {
      allianceNames: ['光谷激光器件协同创新联盟', '汉江新材料产学研联盟'],
      reviewers: ['dev-reviewer', 'dev-reviewer-2'],
      reviewersPerAlliance: 2,
    });
  }, 240_000);

  afterAll(async () => {
    await stack?.stop();
  });

  it('sees the assignments, scores one (recorded), declares a conflict on the other — at 375 and 1280 px', async () => {
    const [scored, recused] = seeded.alliances as [
      SeededReviewRound['alliances'][number],
      SeededReviewRound['alliances'][number],
    ];
    const { context, close } = await openContext(DESKTOP, { javaScriptEnabled: true, mobile: false });
    const page = await context.newPage();
    const w = watch(page, 'both');
    try {
      await openAssignment(page, base, w, {
        user: 'dev-reviewer',
        roundId: seeded.roundId,
        allianceName: scored.name,
      });
      await openAgreement(page, w);
      const result = await scoreAssignment(page, base, w, {
        roundId: seeded.roundId,
        allianceName: scored.name,
        scores: [9, 8, 4],
      });
      expect(result).toEqual({ scores: [9, 8, 4], total: '21 / 25' });
      await declareConflict(page, base, w, { roundId: seeded.roundId, allianceName: recused.name });
      // In English: the statuses in words.
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { name: 'Assignments' }).waitFor();
      await page.getByText('Scores submitted').waitFor();
      await page.getByText('Recused (conflict of interest)').waitFor();
      await w.screen('reviewer-assignments-en');
    } catch (error) {
      throw new Error(`${(error as Error).message}\nconsole: ${[...new Set(w.errors)].join(' | ')}`);
    } finally {
      await close();
    }
    expect([...new Set(w.errors)]).toEqual([]);
    expect(w.violations).toEqual([]);

    // Through the API: the score is recorded; the recused assignment went to nobody else (shortfall)
    // and is listed as a conflict.
    const token = await stack!.token({ sub: 'dev-reviewer', username: 'dev-reviewer', roles: ['reviewer'] });
    const call = client(base);
    const read = await call('GET', `/v1/reviews/assignments/${seeded.roundId}/${scored.id}`, { token });
    expect(read.myReview).toMatchObject({
      scores: { innovation: 9, feasibility: 8, impact: 4 },
      recommendation: 'fund',
      version: 1,
    });
    const mine = await call<{ items: { allianceId: string; status: string }[] }>(
      'GET',
      '/v1/reviews/assignments',
      {
        token,
      },
    );
    expect(mine.items.filter((a) => [scored.id, recused.id].includes(a.allianceId))).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ allianceId: scored.id, status: 'submitted' }),
        expect.objectContaining({ allianceId: recused.id, status: 'conflict' }),
      ]),
    );
    await call('GET', `/v1/reviews/assignments/${seeded.roundId}/${recused.id}`, { token, expect: 404 });
  });
});
