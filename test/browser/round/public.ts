/**
 * The public's steps on the notice page, in a context with JavaScript off: object through the page's
 * plain HTML form and read the receipt's objection number.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { type Watched, watch } from '../console-kit.ts';

/**
 * `watch` for a page with JavaScript off, where axe cannot run (its evaluate needs scripts): errors
 * are the page's own; each screen is laid out and photographed on the page and checked by axe on
 * `twin`, a page of a JavaScript-on context given the same document (the pages have no script, so
 * they render alike), at 375 and 1280 px.
 */
export function watchNoScript(page: Page, twin: Page, dir: string): Watched {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  const checked = watch(twin, 'both', dir);
  return {
    errors,
    violations: checked.violations,
    screen: async (name) => {
      for (const width of [375, 1280]) {
        await page.setViewportSize({ width, height: width === 375 ? 740 : 800 });
        await page.screenshot({ path: `${dir}/${name}-nojs-${width}.png`, fullPage: true });
      }
      await twin.setContent(await page.content(), { waitUntil: 'load' });
      await checked.screen(name);
      errors.push(...checked.errors.splice(0));
    },
  };
}

export async function objectThroughForm(
  page: Page,
  base: string,
  w: Watched,
  opts: { roundId: string; allianceName: string; name?: string; contact?: string; text?: string },
): Promise<string /* objection number */> {
  const response = await page.goto(
    `${base}/v1/public/rounds/${encodeURIComponent(opts.roundId)}/notice.html`,
  );
  expect(response?.status()).toBe(200);
  await w.screen('notice-form');
  const select = page.getByLabel('所针对的联盟');
  const option = select.locator('option', { hasText: opts.allianceName });
  const value = await option.getAttribute('value');
  expect(value, `the form lists ${opts.allianceName}`).toBeTruthy();
  await select.selectOption(value!);
  await page.getByLabel('异议人姓名或单位名称').fill(opts.name ?? '李四');
  await page.getByLabel('联系方式').fill(opts.contact ?? `objector-${Date.now()}@example.cn`);
  await page
    .getByLabel('异议内容及事实依据')
    .fill(opts.text ?? '该联盟申报材料中的合作期限与协议书不一致，请核实。');
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: /提交异议/ }).click()]);
  const number = page.locator('#objection-number');
  await number.waitFor();
  await expect.poll(() => page.locator('h1').textContent()).toBe('异议已受理');
  await w.screen('objection-receipt');
  const id = (await number.textContent())!.trim();
  expect(id).toMatch(/^o-/);
  return id;
}
