/**
 * The expert reviewer's steps in the console, for the whole-round browser test and
 * test/browser/reviewer.test.ts: see my assignments, open one, score it on the round's rubric
 * (confirming), see it read-only afterwards; declare a conflict of interest on another. Each step
 * signs in first when given `user`, else it works in the session already signed in; every screen
 * passes through `w.screen('reviewer-…')`.
 */
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { signInAs, type Watched } from '../console-kit.ts';

export interface AssignmentRef {
  roundId: string;
  allianceName: string;
  /** Sign in as this demo user first (e.g. 'dev-reviewer'); otherwise the current session is used. */
  user?: string;
}

/** The assignments list (signing in when asked); the row of `ref` when given. */
export async function openAssignments(page: Page, base: string, w: Watched, ref?: Partial<AssignmentRef>) {
  if (ref?.user) await signInAs(page, base, ref.user);
  if (!page.url().endsWith('/assignments')) await page.goto(`${base}/assignments`);
  await page.getByRole('heading', { name: /^(评审任务|Assignments)$/ }).waitFor();
  await page.locator('.ant-table-tbody').waitFor();
  await w.screen('reviewer-assignments');
}

/** The link to one assignment in the list: by round (its path) and alliance name. */
const linkTo = (page: Page, ref: AssignmentRef): Locator =>
  page.locator(`a[href^="/assignments/${ref.roundId}/"]`).filter({ hasText: ref.allianceName });

/** Opens an assignment from the list and waits for its application. */
export async function openAssignment(page: Page, base: string, w: Watched, ref: AssignmentRef) {
  await openAssignments(page, base, w, ref);
  await linkTo(page, ref).click();
  await page.getByRole('heading', { level: 1, name: ref.allianceName }).waitFor();
  await page.getByRole('heading', { name: '申报内容' }).waitFor();
  await w.screen('reviewer-proposal');
}

/**
 * Opens the application's first verified document (the signed agreement) as a reviewer does: the
 * console asks the API for a short-lived link and opens it in a new tab; the link is fetched here
 * too, and must give the PDF. Returns the link.
 */
export async function openAgreement(page: Page, w: Watched) {
  const button = page.getByRole('button', { name: /^打开 任务协议书/ }).first();
  const popup = page
    .context()
    .waitForEvent('page', { timeout: 10_000 })
    .catch(() => undefined);
  await button.click();
  const link = page.getByTestId('document-link').first();
  await link.waitFor();
  await (await popup)?.close();
  const href = (await link.getAttribute('href')) ?? '';
  const pdf = await fetch(href);
  expect(pdf.status).toBe(200);
  expect(
    Buffer.from(await pdf.arrayBuffer())
      .subarray(0, 5)
      .toString(),
  ).toBe('%PDF-');
  await w.screen('reviewer-document-link');
  return href;
}

/**
 * Scores an assignment: each rubric input gets `scores[i]` (default: its maximum less one),
 * a recommendation and a comment; submits and confirms; returns the scores entered and the total
 * shown read-only afterwards.
 */
export async function scoreAssignment(
  page: Page,
  base: string,
  w: Watched,
  opts: AssignmentRef & {
    scores?: number[];
    comment?: string;
    recommendation?: '建议资助' | '预算允许时资助' | '不建议资助';
  },
) {
  await openAssignment(page, base, w, opts);
  const inputs = page.locator('form .ant-input-number input');
  const count = await inputs.count();
  expect(count).toBeGreaterThan(0);
  const entered: number[] = [];
  for (let i = 0; i < count; i++) {
    const input = inputs.nth(i);
    const max = Number(await input.getAttribute('aria-valuemax'));
    const score = opts.scores?.[i] ?? Math.max(0, max - 1);
    await input.fill(String(score));
    await input.blur();
    entered.push(score);
  }
  const sum = entered.reduce((a, b) => a + b, 0);
  await expect.poll(() => page.getByTestId('score-total').textContent()).toMatch(new RegExp(`^${sum} / `));
  await page.getByRole('radio', { name: opts.recommendation ?? '建议资助', exact: true }).check();
  await page
    .getByLabel('评审意见', { exact: true })
    .fill(opts.comment ?? '技术路线清晰，企业投入充分，建议资助。');
  await w.screen('reviewer-scoring');
  await page.getByRole('button', { name: '提交评分' }).click();
  const dialog = page.getByRole('dialog').filter({ hasText: '确认提交评分？' });
  await dialog.waitFor();
  await w.screen('reviewer-confirm-scores');
  await dialog.getByRole('button', { name: '确认' }).click();
  await page.getByRole('heading', { name: '我的评分（已提交）' }).waitFor();
  const total = (await page.getByTestId('review-total').textContent()) ?? '';
  expect(total).toMatch(new RegExp(`^${sum} / `));
  await w.screen('reviewer-submitted');
  return { scores: entered, total };
}

/** Declares a conflict of interest on an assignment (reason, confirmation) and sees the result. */
export async function declareConflict(
  page: Page,
  base: string,
  w: Watched,
  opts: AssignmentRef & { reason?: string },
) {
  await openAssignment(page, base, w, opts);
  await page
    .getByLabel('回避理由', { exact: true })
    .fill(opts.reason ?? '本人近三年曾为该联盟成员单位提供技术咨询');
  await page.getByRole('button', { name: '声明利益冲突' }).click();
  const dialog = page.getByRole('dialog').filter({ hasText: '确认声明利益冲突？' });
  await dialog.waitFor();
  await w.screen('reviewer-confirm-conflict');
  await dialog.getByRole('button', { name: '确认' }).click();
  await page.getByText('已声明利益冲突，您已退出该联盟的评审。').waitFor();
  await w.screen('reviewer-conflict-declared');
  // The list says so too.
  await page.getByRole('link', { name: '返回评审任务' }).click();
  await page.waitForURL(/\/assignments$/);
  const row = page.locator('.ant-table-tbody tr').filter({ has: linkTo(page, opts) });
  await row.getByText('已回避（利益冲突）').waitFor();
  await w.screen('reviewer-assignments-after-conflict');
}
