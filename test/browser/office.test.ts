/**
 * The programme office's round screens (web/src/pages/office/) in Chromium on a local stack of its
 * own, as dev-admin: create a round (the client-side check first), register reviewers, close the
 * round, screen every alliance, close the reviews (the scores are seeded through the API as the
 * reviewers), see the ranking with its reasons and the budget chart, approve; then the notice and
 * designation, and the round's history. Every screen at 375 and 1280 px with axe; no console error;
 * the results checked through the API.
 */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleStack, SHOTS, signInAs, startConsoleStack, watch } from './console-kit.ts';
import { CHROMIUM_PATH, DESKTOP, openContext } from './notice-page.ts';
import {
  approveSelection,
  checkNotice,
  closeReviews,
  closeRound,
  createRound,
  editRound,
  registerReviewers,
  screenAll,
  showHistory,
  waitForStage,
} from './round/office.ts';
import { seedAlliances, seedReviews } from './round/office-seed.ts';
import { client } from './round/review-seed.ts';

const haveChromium = existsSync(CHROMIUM_PATH);

type Stack = ConsoleStack;
let stack: Stack | undefined;
let base = '';

describe.skipIf(!haveChromium && !process.env['CI'])('programme office round screens in Chromium', () => {
  beforeAll(async () => {
    stack = await startConsoleStack();
    base = stack.urls.api;
  }, 180_000);

  afterAll(async () => {
    await stack?.stop();
  });

  it('creates, closes, screens, closes reviews, ranks and approves a round through the console', async () => {
    const mint = (user: Parameters<Stack['token']>[0]) => stack!.token(user);
    const call = client(base);
    const admin = await mint({ sub: 'dev-admin', username: 'dev-admin', roles: ['admin'] });
    const { context, close } = await openContext(DESKTOP, { javaScriptEnabled: true, mobile: false });
    const page = await context.newPage();
    const w = watch(page, 'both');
    const tag = Date.now().toString(36);
    const roundName = `${new Date().getUTCFullYear()} 企会协作创新计划（办公室测试 ${tag}）`;
    const reviewers = [1, 2, 3].map((i) => ({ id: `office-rev-${i}-${tag}`, name: `评审专家${i}` }));
    try {
      await signInAs(page, base, 'dev-admin');
      const roundId = await createRound(page, base, w, {
        name: roundName,
        budget: 600_000,
        perAllianceCap: 300_000,
        reviewersPerAlliance: 2,
        noticePeriodDays: 5,
      });
      await editRound(page, base, w, roundId, 3);
      const round = await call<Record<string, unknown>>('GET', `/v1/rounds/${roundId}`);
      expect(round).toMatchObject({
        budget: 600_000,
        perAllianceCap: 300_000,
        reviewersPerAlliance: 2,
        noticePeriodDays: 3,
      });

      // Applicants submit three alliances (through the API): a and b fit the budget, c does not.
      const names = [`联盟甲${tag}`, `联盟乙${tag}`, `联盟丙${tag}`];
      const [a, b, c] = await seedAlliances(base, mint, roundId, [
        { name: names[0]!, funds: 300_000 },
        { name: names[1]!, funds: 200_000 },
        { name: names[2]!, funds: 300_000 },
      ]);
      await registerReviewers(page, base, w, roundId, reviewers);

      await closeRound(page, base, w, roundId);
      await waitForStage(page, 'screening');
      expect(await screenAll(page, base, w, roundId)).toBe(3);
      const screening = await call<{ decided: number; passed: number }>(
        'GET',
        `/v1/rounds/${roundId}/screening`,
        {
          token: admin,
        },
      );
      expect(screening).toMatchObject({ decided: 3, passed: 3 });

      await waitForStage(page, 'review');
      const scoreOf = (id: string) => (id === a ? 9 : id === b ? 7 : 5);
      // One review is left out, so the reviews do not conclude by themselves: the office closes them.
      let skipped = false;
      const submitted = await seedReviews(
        base,
        mint,
        roundId,
        reviewers.map((r) => r.id),
        scoreOf,
        (_, id) => {
          if (skipped || id !== c) return false;
          skipped = true;
          return true;
        },
      );
      expect(submitted).toBe(5);
      await closeReviews(page, base, w, roundId);

      await waitForStage(page, 'selection');
      const reasons = await approveSelection(page, base, w, roundId, {
        note: '按排名择优支持',
        reasons: [/获资助（排名第1/, /未获资助：排名第3/],
      });
      expect(reasons).toHaveLength(3);
      // The pipeline applies the approval page by page: read it once it is applied throughout.
      await waitForStage(page, 'public-notice', { waiting: false });
      const ranking = await call<{
        status: string;
        approved?: { by: string; note?: string; result: { totalAwarded: number; funded: number } };
        items: { allianceId: string; approved?: { funded: boolean; award: number } }[];
      }>('GET', `/v1/rounds/${roundId}/ranking`, { token: admin });
      expect(ranking.status).toBe('approved');
      expect(ranking.approved).toMatchObject({
        note: '按排名择优支持',
        result: { totalAwarded: 500_000, funded: 2 },
      });
      expect(ranking.items.filter((i) => i.approved?.funded).map((i) => i.allianceId)).toEqual([a, b]);

      // The notice is published; the notice period is skipped by the local clock control, then designation.
      await checkNotice(page, base, w, roundId, [names[0]!, names[1]!]);
      const arn = stack!.env.ROUND_PIPELINE_ARN!.replace(':stateMachine:', ':execution:');
      await expect
        .poll(
          async () => {
            const res = await fetch(
              `${base}/local/executions/skip-waits?executionArn=${encodeURIComponent(`${arn}:round-${roundId}`)}`,
              { method: 'POST' },
            );
            return ((await res.json()) as { skipped: number }).skipped;
          },
          { timeout: 20_000 },
        )
        .toBeGreaterThan(0);
      await waitForStage(page, 'implementation', { waiting: false, timeoutMs: 60_000 });
      await checkNotice(page, base, w, roundId, [names[0]!, names[1]!]);
      await page.getByText('已认定').first().waitFor();
      const designated = await call<{ status: string }>('GET', `/v1/alliances/${a}`, { token: admin });
      expect(designated.status).toBe('designated');

      await showHistory(page, base, w, roundId, ['批准遴选结果', '按排名择优支持']);
      // English second: the same dashboard in English.
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('tab', { name: 'History' }).waitFor();
      await page.getByRole('heading', { name: 'Pipeline' }).waitFor();
    } catch (error) {
      await page.screenshot({ path: `${SHOTS}/office-failure.png`, fullPage: true }).catch(() => undefined);
      throw new Error(`${(error as Error).message}\nconsole: ${[...new Set(w.errors)].join(' | ')}`);
    } finally {
      await close();
    }
    expect([...new Set(w.errors)]).toEqual([]);
    expect(w.violations).toEqual([]);
  }, 600_000);
});
