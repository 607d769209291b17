/**
 * The programme office's oversight steps in the console (objections, exports, inspection draws) and
 * an inspector's: each opens its screen, acts as a person would, checks what the screen then says.
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Watched } from '../console-kit.ts';

const statusWords = { upheld: '异议成立', dismissed: '已驳回' } as const;

/** Resolves the objection whose grounds contain `grounds` (uphold or dismiss, with a reason), confirmed. */
export async function resolveObjection(
  page: Page,
  base: string,
  w: Watched,
  opts: { roundId: string; grounds: string; outcome: 'upheld' | 'dismissed'; reason: string },
) {
  await page.goto(`${base}/rounds/${encodeURIComponent(opts.roundId)}/objections`);
  await page.getByRole('heading', { name: '公示异议' }).waitFor();
  const row = page.locator('tr', { hasText: opts.grounds });
  await row.waitFor();
  await expect.poll(() => row.textContent()).toContain('待处理');
  await w.screen('objections');
  await row.getByRole('button', { name: '处理' }).click();
  const dialog = page.getByRole('dialog');
  await dialog
    .getByLabel(opts.outcome === 'upheld' ? '异议成立（撤销该联盟）' : '异议不成立（驳回）')
    .check();
  await dialog.getByLabel('理由').fill(opts.reason);
  await w.screen(`objection-resolve-${opts.outcome}`);
  await dialog.getByRole('button', { name: '确认' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await expect.poll(() => row.textContent()).toContain(statusWords[opts.outcome]);
  await w.screen('objections-resolved');
}

export type ExportWhich = 'ranking' | 'screening' | 'reviews' | 'awards';

async function downloadOf(page: Page, selector: string) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator(selector).click()]);
  const dir = await mkdtemp(join(tmpdir(), 'export-'));
  const file = join(dir, download.suggestedFilename());
  await download.saveAs(file);
  return { file, name: download.suggestedFilename() };
}

/** Downloads an export as .xlsx and reads it back with exceljs: the first sheet's rows (header first). */
export async function downloadExcel(
  page: Page,
  base: string,
  w: Watched,
  opts: { roundId: string; which: ExportWhich },
): Promise<string[][]> {
  await page.goto(`${base}/rounds/${encodeURIComponent(opts.roundId)}/exports`);
  await page.getByRole('heading', { name: '数据导出' }).waitFor();
  await w.screen('exports');
  const { file, name } = await downloadOf(page, `[data-export="${opts.which}.xlsx"]`);
  expect(name).toMatch(/\.xlsx$/);
  await page.getByRole('status').waitFor();
  await w.screen('exports-done');
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const sheet = book.worksheets[0]!;
  const rows: string[][] = [];
  sheet.eachRow((row) => {
    const values = (row.values as unknown[]).slice(1);
    rows.push(values.map((v) => (v === null || v === undefined ? '' : String(v))));
  });
  return rows;
}

/** Downloads an export as CSV: its text (with the UTF-8 byte-order mark, if any, kept). */
export async function downloadCsv(
  page: Page,
  base: string,
  _w: Watched,
  opts: { roundId: string; which: ExportWhich },
): Promise<string> {
  if (!page.url().endsWith(`/rounds/${opts.roundId}/exports`)) {
    await page.goto(`${base}/rounds/${encodeURIComponent(opts.roundId)}/exports`);
    await page.getByRole('heading', { name: '数据导出' }).waitFor();
  }
  const { file } = await downloadOf(page, `[data-export="${opts.which}.csv"]`);
  return (await readFile(file)).toString('utf8');
}

/** Runs an inspection draw: a dry run, then the same seed committed; returns the seed and the picks shown. */
export async function runDraw(
  page: Page,
  base: string,
  w: Watched,
  opts: { sharePercent: number; seed: string },
) {
  await page.goto(`${base}/inspections`);
  await page.getByRole('heading', { name: '随机抽查' }).waitFor();
  await page.getByLabel('抽取比例（%）').fill(String(opts.sharePercent));
  await page.getByLabel('随机种子（可选）').fill(opts.seed);
  await page.getByRole('button', { name: '试抽（不记录）' }).click();
  await page.getByRole('heading', { name: '试抽结果（未记录）' }).waitFor();
  await expect.poll(() => page.getByTestId('draw-seed').textContent()).toBe(opts.seed);
  await w.screen('draw-dry-run');
  const dryPicks = await page.getByTestId('draw-picks').locator('li').count();
  await page.getByRole('button', { name: '按此结果正式抽取' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: '确认' }).click();
  await page.getByRole('heading', { name: '已记录的抽取' }).waitFor();
  const picks = await page.getByTestId('draw-picks').locator('li').count();
  expect(picks).toBe(dryPicks);
  await w.screen('draw-committed');
  return { seed: opts.seed, picks };
}

/** An inspector opens an inspection of theirs (by alliance name) and records findings and a rating. */
export async function recordFindings(
  page: Page,
  base: string,
  w: Watched,
  opts: {
    allianceName: string;
    findings: string;
    rating: '优秀' | '良好' | '一般' | '较差';
    followUp?: string;
  },
) {
  await page.goto(`${base}/inspections`);
  await page.getByRole('heading', { name: '检查任务', exact: true }).waitFor();
  const link = page.getByRole('link', { name: opts.allianceName });
  await link.waitFor();
  await w.screen('inspections');
  await link.click();
  await page.getByRole('heading', { name: '记录检查结果' }).waitFor();
  await page.getByLabel('检查发现').fill(opts.findings);
  await page.getByLabel('评价等级').click();
  await page.locator(`.ant-select-item-option[title="${opts.rating}"]`).click();
  if (opts.followUp) {
    await page.getByRole('button', { name: '添加整改事项' }).click();
    await page.getByLabel('整改事项 1').fill(opts.followUp);
  }
  await w.screen('inspection-findings');
  await page.getByRole('button', { name: '提交检查结果' }).click();
  await page.getByRole('status').filter({ hasText: '检查结果已记录' }).waitFor();
  await expect.poll(() => page.locator('.ant-descriptions').textContent()).toContain('已完成');
  await w.screen('inspection-completed');
}

/** On the objections screen: the 递补 card (freed money, the proposed additions), filled or declined, confirmed. */
export async function decideSupplement(
  page: Page,
  base: string,
  w: Watched,
  opts: { roundId: string; decision: 'fill' | 'decline'; reason: string; expectAdded?: string },
) {
  if (!page.url().endsWith(`/rounds/${opts.roundId}/objections`)) {
    await page.goto(`${base}/rounds/${encodeURIComponent(opts.roundId)}/objections`);
  }
  const card = page.locator('.ant-card', { has: page.getByRole('heading', { name: '递补' }) });
  await card.getByRole('button', { name: '确认递补' }).waitFor();
  if (opts.expectAdded) await expect.poll(() => card.textContent()).toContain(opts.expectAdded);
  await w.screen('supplement');
  await card.getByRole('button', { name: opts.decision === 'fill' ? '确认递补' : '不递补' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('理由').fill(opts.reason);
  await dialog.getByRole('button', { name: '确认' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await card.getByText('递补决定已记录').waitFor();
  await w.screen('supplement-decided');
}
