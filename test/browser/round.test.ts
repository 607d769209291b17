/**
 * Issue #12's "done when": one whole round clicked through the console by the real roles, in
 * Chromium on a local stack of its own. The applicant and the society register, the applicant
 * drafts and invites, the society confirms, the applicant uploads the agreement, runs the dry run
 * and submits; the office closes the round and screens; the reviewer scores; the office closes the
 * reviews and approves with the budget chart and the reasons on screen; the public objects through
 * the notice page's form with JavaScript off; the office resolves the objection; the notice period
 * ends and the alliance is designated; the applicant records an expense with a receipt; the office
 * downloads the ranking as Excel, read back here. Two more alliances are seeded through the HTTP
 * API (the round needs competitors for a ranking with a funded/unfunded line; their people are
 * not the subject). Every screen is photographed and checked by axe at 375 and 1280 px
 * (test-results/console/round/), and no page logs an error.
 */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleStack, signInAs, startConsoleStack, watch } from './console-kit.ts';
import { CHROMIUM_PATH, DESKTOP, MOBILE, openContext } from './notice-page.ts';
import {
  confirmMembership,
  draftAlliance,
  dryRunAndSubmit,
  inviteMember,
  recordExpenseWithReceipt,
  registerOrganisation,
  uploadAgreement,
} from './round/applicant.ts';
import {
  approveSelection,
  checkNotice,
  closeReviews,
  closeRound,
  createRound,
  openRound,
  registerReviewers,
  screenAll,
  waitForStage,
} from './round/office.ts';
import { seedAlliances } from './round/office-seed.ts';
import { downloadCsv, downloadExcel, resolveObjection } from './round/oversight.ts';
import { objectThroughForm, watchNoScript } from './round/public.ts';
import { client } from './round/review-seed.ts';
import { scoreAssignment } from './round/reviewer.ts';

const haveChromium = existsSync(CHROMIUM_PATH);
const SHOTS = 'test-results/console/round';

type Stack = ConsoleStack;
let stack: Stack | undefined;
let base = '';

describe.skipIf(!haveChromium && !process.env['CI'])('one whole round through the console', () => {
  beforeAll(async () => {
    stack = await startConsoleStack();
    base = stack.urls.api;
  }, 180_000);

  afterAll(async () => {
    await stack?.stop();
  });

  it('register → draft → invite → confirm → upload → dry run → submit → screen → score → approve → object → resolve → designate → expense → Excel', async () => {
    const mint = (user: Parameters<Stack['token']>[0]) => stack!.token(user);
    const call = client(base);
    const admin = await mint({ sub: 'dev-admin', username: 'dev-admin', roles: ['admin'] });
    const { context, close } = await openContext(DESKTOP, { javaScriptEnabled: true, mobile: false });
    const page = await context.newPage();
    const w = watch(page, 'both', SHOTS);
    // The public's browser: JavaScript off, a phone.
    // (axe needs scripts: each script-free page is checked again in a twin page with them on)
    const publicSide = await openContext(MOBILE, { javaScriptEnabled: false, mobile: true });
    const axeSide = await openContext(MOBILE, { javaScriptEnabled: true, mobile: true });
    const citizen = await publicSide.context.newPage();
    const wp = watchNoScript(citizen, await axeSide.context.newPage(), SHOTS);
    const tag = Date.now().toString(36);
    const roundName = `${new Date().getUTCFullYear()} 企会协作创新计划（整轮测试 ${tag}）`;
    const ours = `光纤激光器件创新联盟 ${tag}`;
    const others = [`联盟乙${tag}`, `联盟丙${tag}`];
    try {
      // The office opens a round: 400,000 yuan, at most 200,000 each, one reviewer per alliance.
      await signInAs(page, base, 'dev-admin');
      const roundId = await createRound(page, base, w, {
        name: roundName,
        budget: 400_000,
        perAllianceCap: 200_000,
        reviewersPerAlliance: 1,
        noticePeriodDays: 3,
      });
      await registerReviewers(page, base, w, roundId, [{ id: 'dev-reviewer', name: '评审专家' }]);

      // Applicant and society register; the applicant drafts, invites; the society confirms.
      await signInAs(page, base, 'dev-society');
      const societyUscc = await registerOrganisation(page, base, w, {
        kind: 'society',
        name: `武汉市光学学会 ${tag}`,
      });
      await signInAs(page, base, 'dev-applicant');
      await registerOrganisation(page, base, w, {
        kind: 'enterprise',
        name: `武汉光谷激光器件有限公司 ${tag}`,
      });
      const allianceId = await draftAlliance(page, base, w, { roundName, name: ours });
      await inviteMember(page, base, w, {
        allianceId,
        uscc: societyUscc,
        name: `武汉市光学学会 ${tag}`,
        expert: { name: '李教授', title: '教授', field: '激光物理' },
      });
      await signInAs(page, base, 'dev-society');
      await confirmMembership(page, base, w, ours);
      await signInAs(page, base, 'dev-applicant');
      await uploadAgreement(page, base, w, allianceId);
      await dryRunAndSubmit(page, base, w, allianceId);
      expect(
        (await call<{ status: string }>('GET', `/v1/alliances/${allianceId}`, { token: admin })).status,
      ).toBe('submitted');

      // Two competitors (seeded through the API): ours asks 180,000; they ask 200,000 each.
      const [b, c] = await seedAlliances(base, mint, roundId, [
        { name: others[0]!, funds: 200_000 },
        { name: others[1]!, funds: 200_000 },
      ]);

      // The office closes the round and screens every alliance.
      await signInAs(page, base, 'dev-admin');
      await closeRound(page, base, w, roundId);
      await waitForStage(page, 'screening');
      expect(await screenAll(page, base, w, roundId)).toBe(3);

      // The reviewer scores the three applications: ours highest, then 乙, then 丙.
      await waitForStage(page, 'review');
      await signInAs(page, base, 'dev-reviewer');
      const full = await scoreAssignment(page, base, w, { roundId, allianceName: ours });
      await scoreAssignment(page, base, w, {
        roundId,
        allianceName: others[0]!,
        scores: full.scores.map((s) => Math.max(0, s - 2)),
      });
      await scoreAssignment(page, base, w, {
        roundId,
        allianceName: others[1]!,
        scores: full.scores.map((s) => Math.max(0, s - 4)),
        recommendation: '不建议资助',
      });

      // The office approves: 180,000 + 200,000 fit; 丙 does not.
      // Every score is in, so the review stage ends by itself; the office closes it only if not.
      await signInAs(page, base, 'dev-admin');
      const stage = await call<{ stage?: string; waitingOn?: unknown }>(
        'GET',
        `/v1/rounds/${roundId}/pipeline`,
        {
          token: admin,
        },
      );
      if (stage.stage === 'review' && stage.waitingOn) await closeReviews(page, base, w, roundId);
      await openRound(page, base, roundId);
      await waitForStage(page, 'selection');
      const reasons = await approveSelection(page, base, w, roundId, {
        note: '按排名择优支持',
        reasons: [/获资助（排名第1/, /未获资助：排名第3/],
      });
      expect(reasons).toHaveLength(3);
      // The pipeline applies the approval page by page: read it once it is applied throughout.
      await waitForStage(page, 'public-notice', { waiting: false });
      const ranking = await call<{ items: { allianceId: string; approved?: { funded: boolean } }[] }>(
        'GET',
        `/v1/rounds/${roundId}/ranking`,
        { token: admin },
      );
      expect(ranking.items.filter((i) => i.approved?.funded).map((i) => i.allianceId)).toEqual([
        allianceId,
        b,
      ]);
      expect(c).toBeTruthy();
      await checkNotice(page, base, w, roundId, [ours, others[0]!]);

      // The public objects to our alliance through the notice page's form, JavaScript off.
      const grounds = `合作期限与协议书不一致（${tag}）`;
      const objectionNumber = await objectThroughForm(citizen, base, wp, {
        roundId,
        allianceName: ours,
        text: `${grounds}，请核实。`,
      });
      expect(objectionNumber).toMatch(/^o-/);

      // The office looks into it and dismisses it, with its reason.
      await resolveObjection(page, base, w, {
        roundId,
        grounds,
        outcome: 'dismissed',
        reason: '经核实，协议书与申报书合作期限一致',
      });

      // The notice period ends (the local clock control ends the Wait); the alliance is designated.
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
          { timeout: 30_000 },
        )
        .toBeGreaterThan(0);
      await openRound(page, base, roundId);
      await waitForStage(page, 'implementation', { waiting: false, timeoutMs: 60_000 });
      await checkNotice(page, base, w, roundId, [ours, others[0]!]);
      await page.getByText('已认定').first().waitFor();
      expect(
        (await call<{ status: string }>('GET', `/v1/alliances/${allianceId}`, { token: admin })).status,
      ).toBe('designated');

      // The applicant records an expense with a verified receipt; the line's balance goes down.
      await signInAs(page, base, 'dev-applicant');
      const spent = await recordExpenseWithReceipt(page, base, w, {
        allianceId,
        category: '专家咨询费',
        amount: 5_000,
      });
      expect(spent.after).toBe(spent.before - 5_000);

      // The office downloads the ranking as Excel (read back) and as CSV.
      await signInAs(page, base, 'dev-admin');
      const rows = await downloadExcel(page, base, w, { roundId, which: 'ranking' });
      const ourRow = rows.find((r) => r.some((cell) => cell.includes(ours)));
      expect(ourRow, JSON.stringify(rows)).toBeDefined();
      expect(ourRow!.join(' ')).toMatch(/获资助/);
      expect(rows.find((r) => r.some((cell) => cell.includes(others[1]!)))!.join(' ')).toMatch(/未获资助/);
      const csv = await downloadCsv(page, base, w, { roundId, which: 'ranking' });
      expect(csv).toContain(ours);

      expect([...new Set([...w.errors, ...wp.errors])]).toEqual([]);
      expect([...w.violations, ...wp.violations]).toEqual([]);
    } finally {
      await close();
      await publicSide.close();
      await axeSide.close();
    }
  }, 600_000);
});
