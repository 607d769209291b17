/**
 * The programme office's steps in the console (web/src/pages/office/), for the whole-round browser
 * test and test/browser/office.test.ts: each takes (page, base, w, …), works through the screens as
 * dev-admin would, and calls `w.screen('office-…')` on each screen it shows.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Watched } from '../console-kit.ts';

/** Stage words on the dashboard (web/src/pages/office/strings.ts), by stage id. */
export const stageWords: Record<string, string> = {
  'closing-applications': '截止申报',
  screening: '资格审查',
  review: '专家评审',
  selection: '择优遴选',
  'public-notice': '社会公示',
  objections: '异议处理',
  supplement: '递补',
  designation: '认定与资助',
  implementation: '组织实施',
};

export interface RoundSettings {
  name: string;
  budget: number;
  perAllianceCap: number;
  reviewersPerAlliance?: number;
  noticePeriodDays?: number;
}

/** Opens a round's dashboard. */
export async function openRound(page: Page, base: string, roundId: string) {
  if (!page.url().endsWith(`/rounds/${roundId}`)) await page.goto(`${base}/rounds/${roundId}`);
  await page.locator('[data-stage]').waitFor();
}

/**
 * Creates a round through the form (rubric and window as the form proposes them), first showing
 * the client-side check mirroring the API (a cap above the budget); returns its id.
 */
export async function createRound(page: Page, base: string, w: Watched, round: RoundSettings) {
  await page.goto(`${base}/rounds`);
  await page.getByRole('heading', { name: '申报批次' }).waitFor();
  await w.screen('office-rounds');
  await page.getByRole('button', { name: '新建批次' }).click();
  await page.getByRole('heading', { name: '新建批次' }).waitFor();
  await page.getByLabel('批次名称').fill(round.name);
  await page.getByLabel('年度预算（元）').fill(String(round.budget));
  // The schema's own rule, in the browser: the cap cannot exceed the budget.
  await page.getByLabel('单个联盟资助上限（元）').fill(String(round.budget + 1));
  await page.getByRole('button', { name: '创建批次' }).click();
  await page.getByText('不能超过年度预算').first().waitFor();
  await w.screen('office-round-form');
  await page.getByLabel('单个联盟资助上限（元）').fill(String(round.perAllianceCap));
  if (round.reviewersPerAlliance !== undefined)
    await page.getByLabel('每个联盟评审专家数').fill(String(round.reviewersPerAlliance));
  if (round.noticePeriodDays !== undefined)
    await page.getByLabel('公示期（天）').fill(String(round.noticePeriodDays));
  await page.getByRole('button', { name: '创建批次' }).click();
  await page.waitForURL(/\/rounds\/[^/]+$/);
  await page.getByRole('heading', { name: round.name }).waitFor();
  const roundId = new URL(page.url()).pathname.split('/').at(-1)!;
  await w.screen('office-dashboard');
  return roundId;
}

/** Closes the round from its dashboard (confirmation with a reason); the pipeline starts. */
export async function closeRound(page: Page, base: string, w: Watched, roundId: string, reason = '申报截止') {
  await openRound(page, base, roundId);
  await page.getByRole('button', { name: '截止申报并启动遴选' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('截止原因').fill(reason);
  await w.screen('office-close-round');
  await dialog.getByRole('button', { name: '确定' }).click();
  await page.getByText('已截止，流程已启动').first().waitFor();
}

/**
 * Waits until the dashboard shows the pipeline at `stage` (a stage id, e.g. 'screening'), by
 * default waiting on people there (a gate is open); reloads while it is not.
 */
export async function waitForStage(
  page: Page,
  stage: string,
  options: { waiting?: boolean; timeoutMs?: number } = {},
) {
  const { waiting = true, timeoutMs = 45_000 } = options;
  const card = page.locator('[data-stage]');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const at = await card.getAttribute('data-stage').catch(() => null);
    const status = await card.getAttribute('data-status').catch(() => null);
    const waits = await card.getAttribute('data-waiting').catch(() => null);
    if (status === 'FAILED' || at === 'failed') {
      // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what is reported
      throw new Error(`pipeline failed: ${await card.innerText()}`);
    }
    if (at === stage && (!waiting || waits === 'yes')) break;
    if (Date.now() > deadline) throw new Error(`timed out waiting for stage ${stage} (at ${at}, ${status})`);
    await page.waitForTimeout(1000);
    await page.reload();
    await card.waitFor();
  }
  await expect.poll(() => card.getByText(stageWords[stage] ?? stage).count()).toBeGreaterThan(0);
}

const openTab = async (page: Page, name: string) => {
  await page.getByRole('tab', { name }).click();
};

/** Screening: every alliance awaiting a decision is passed, with a reason; returns how many. */
export async function screenAll(
  page: Page,
  base: string,
  w: Watched,
  roundId: string,
  reason = '符合申报条件',
) {
  await openRound(page, base, roundId);
  await openTab(page, '资格审查');
  await page.getByTestId('screening-counts').waitFor();
  await w.screen('office-screening');
  let decided = 0;
  for (;;) {
    const card = page
      .locator('.ant-card')
      .filter({ has: page.getByText('待决定', { exact: true }) })
      .first();
    if ((await card.count()) === 0) break;
    const name = (await card.locator('h3').textContent()) ?? '';
    await card.getByRole('radio', { name: '通过', exact: true }).check();
    await card.getByLabel(`理由（${name}）`).fill(reason);
    await card.getByRole('button', { name: '记录决定' }).click();
    const decided_ = page
      .locator('.ant-card')
      .filter({ has: page.getByRole('heading', { name, exact: true }) });
    const outcome = decided_.getByText('已通过', { exact: true }).or(decided_.getByRole('alert'));
    await outcome
      .first()
      .waitFor({ timeout: 60_000 })
      .catch(async (error: Error) => {
        // What the screen showed instead (kept as an artifact; CI's runs are read from it).
        await page.screenshot({ path: `test-results/console/failure-screening.png`, fullPage: true });
        const shown = await decided_.textContent().catch(() => '(card gone)');
        throw new Error(
          `screening ${name}: no outcome shown after 记录决定 (${error.message}); the card: ${shown?.slice(0, 400)}`,
        );
      });
    if (await decided_.getByRole('alert').count())
      throw new Error(`screening ${name}: ${await decided_.getByRole('alert').first().textContent()}`);
    decided++;
  }
  return decided;
}

/** Review: registers each reviewer through the form and sees them in the committee. */
export async function registerReviewers(
  page: Page,
  base: string,
  w: Watched,
  roundId: string,
  reviewers: readonly { id: string; name: string; expertise?: string[] }[],
) {
  await openRound(page, base, roundId);
  // Before the round closes the dashboard has no tabs: the committee form is on the page itself.
  const tab = page.getByRole('tab', { name: '专家评审' });
  await tab.or(page.getByLabel('专家用户标识')).first().waitFor();
  if (await tab.count()) await tab.click();
  for (const r of reviewers) {
    await page.getByLabel('专家用户标识').fill(r.id);
    await page.getByLabel('专家姓名').fill(r.name);
    await page.getByLabel('专业领域（代码，逗号分隔）').fill((r.expertise ?? ['optoelectronics']).join(','));
    // The form's submit button, by place rather than by name: while the previous registration is
    // still pending, antd names it "loading 登记" (its spinner's label).
    await page
      .locator('.ant-card')
      .filter({ has: page.getByRole('heading', { name: '登记评审专家' }) })
      .locator('button[type="submit"]')
      .click();
    await page.getByRole('cell', { name: r.id, exact: true }).waitFor();
  }
  await w.screen('office-reviewers');
}

/** Review: the progress per reviewer, then the reviews are closed (confirmation with a reason). */
export async function closeReviews(
  page: Page,
  base: string,
  w: Watched,
  roundId: string,
  reason = '评审期结束',
) {
  await openRound(page, base, roundId);
  // Before the round closes the dashboard has no tabs: the committee form is on the page itself.
  const tab = page.getByRole('tab', { name: '专家评审' });
  await tab.or(page.getByLabel('专家用户标识')).first().waitFor();
  if (await tab.count()) await tab.click();
  await page.getByRole('table', { name: '评审进度' }).waitFor();
  await w.screen('office-review');
  await page.getByRole('button', { name: '结束评审' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('理由').fill(reason);
  await dialog.getByRole('button', { name: '确定' }).click();
  await page.getByText('评审已结束').first().waitFor();
}

/**
 * Ranking: the budget chart and every alliance's reason are on screen (each of `reasons` among
 * them, if given); then the selection is approved with a note. Returns the reasons shown.
 */
export async function approveSelection(
  page: Page,
  base: string,
  w: Watched,
  roundId: string,
  options: { note?: string; reasons?: RegExp[] } = {},
) {
  await openRound(page, base, roundId);
  await openTab(page, '排名与遴选');
  const chart = page.getByRole('figure', { name: '预算使用' });
  await chart.waitFor();
  await expect.poll(() => chart.getByRole('img').count()).toBe(1);
  const shown = page.getByTestId('selection-reason');
  await expect.poll(() => shown.count()).toBeGreaterThan(0);
  const reasons = (await shown.allTextContents()).map((t) => t.trim());
  for (const r of reasons) expect(r.length).toBeGreaterThan(0);
  for (const re of options.reasons ?? [])
    expect(
      reasons.some((r) => re.test(r)),
      String(re),
    ).toBe(true);
  await w.screen('office-ranking');
  await page.getByRole('button', { name: '批准遴选结果' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('批准说明').fill(options.note ?? '按排名择优支持');
  await dialog.getByRole('button', { name: '确定' }).click();
  await page.getByText('遴选结果已批准').first().waitFor();
  return reasons;
}

/** Notice and designation: the public page's link and each listed alliance (by name). */
export async function checkNotice(page: Page, base: string, w: Watched, roundId: string, names: string[]) {
  await openRound(page, base, roundId);
  await openTab(page, '公示与认定');
  const link = page.getByRole('link', { name: '查看公示页面' });
  await link.waitFor();
  expect(await link.getAttribute('href')).toBe(`/v1/public/rounds/${roundId}/notice.html`);
  for (const name of names) await page.getByRole('cell', { name, exact: true }).waitFor();
  await w.screen('office-notice');
}

/** History: the round's audit trail with who and why. */
export async function showHistory(
  page: Page,
  base: string,
  w: Watched,
  roundId: string,
  expected: string[] = [],
) {
  await openRound(page, base, roundId);
  await openTab(page, '操作记录');
  const table = page.getByRole('table', { name: '操作记录' });
  await expect.poll(() => table.locator('tbody tr').count()).toBeGreaterThan(0);
  for (const text of expected) await table.getByText(text).first().waitFor();
  await w.screen('office-history');
}

/** Edits an open round's notice period through the form (its version carried); back on the dashboard. */
export async function editRound(
  page: Page,
  base: string,
  w: Watched,
  roundId: string,
  noticePeriodDays: number,
) {
  await openRound(page, base, roundId);
  await page.getByRole('link', { name: '编辑批次' }).click();
  await page.getByRole('heading', { name: /^编辑批次：/ }).waitFor();
  const field = page.getByLabel('公示期（天）');
  await expect.poll(() => field.inputValue()).not.toBe('');
  await field.fill(String(noticePeriodDays));
  await w.screen('office-round-edit');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await page.waitForURL((url) => url.pathname === `/rounds/${roundId}`);
  await page.locator('[data-stage]').waitFor();
}
