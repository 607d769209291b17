/**
 * Shared steps of the console's browser tests: watching a page (console errors, page errors,
 * screenshots, axe-core serious/critical violations), signing in through the local issuer (PKCE)
 * and making a valid USCC. Each area's steps (test/browser/round/*.ts) use these, and the
 * whole-round test (test/browser/round.test.ts) composes the areas' steps.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults, RunOptions } from 'axe-core';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { USCC_ALPHABET, usccCheckCharacter } from '../../shared/domain/uscc.ts';

export const SHOTS = 'test-results/console';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const AXE_OPTIONS: RunOptions = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
  // Only violations are read: axe skips gathering the passes' and incomplete checks' nodes.
  resultTypes: ['violations'],
};

/**
 * axe-core's WCAG 2.1 A/AA rules over the page's document: axe is injected once per document (a
 * client-side route change keeps it) and run in the page itself (axe.run; the console has no
 * frames, so there are no frame results to merge in a blank page, as @axe-core/playwright does
 * for every analysis).
 */
export async function axeViolations(page: Page): Promise<AxeResults['violations']> {
  if (!(await page.evaluate('typeof window.axe === "object"'))) await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate((options) => {
    const win = globalThis as unknown as {
      axe: { run: (context: unknown, options: RunOptions) => Promise<AxeResults> };
      document: unknown;
    };
    return win.axe.run(win.document, options);
  }, AXE_OPTIONS);
  return results.violations;
}

/** A local stack of the browser test file's own (free ports, in-memory data), serving the console. */
export type ConsoleStack = Awaited<ReturnType<typeof import('../../local/stack.ts')['startLocalStack']>>;

/**
 * Starts the file's own local stack with the console (each browser test file signs the demo users
 * in, and their organisations are per stack). Call in beforeAll; stop it in afterAll.
 */
export async function startConsoleStack(): Promise<ConsoleStack> {
  mkdirSync(SHOTS, { recursive: true });
  process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
  const { startLocalStack } = await import('../../local/stack.ts');
  return startLocalStack({ ports: { api: 0, dynamodb: 0, s3: 0, sfn: 0 }, schedules: false, console: true });
}

export function uscc(prefix = '91') {
  let org = '';
  for (let i = 0; i < 9; i++) org += USCC_ALPHABET[Math.floor(Math.random() * USCC_ALPHABET.length)];
  const first17 = `${prefix}420100${org}`;
  return first17 + usccCheckCharacter(first17);
}

export interface Watched {
  errors: string[];
  violations: string[];
  /** Settle (no request in flight, nothing loading), screenshot `<dir>/<name>-<label>.png`, run axe. */
  screen: (name: string) => Promise<void>;
}

/**
 * Collects console errors and page errors, and the `screen` step: settle, screenshot, axe
 * (serious/critical). With `label: 'both'`, each screen is laid out, photographed and checked at
 * 375 px and then at 1280 px (the viewport is resized; the page stays where it is).
 */
export function watch(page: Page, label: string, dir = SHOTS): Watched {
  mkdirSync(dir, { recursive: true });
  const errors: string[] = [];
  const violations: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  // A slow answer is reported as it happens (read when a step times out on a shared machine).
  page.on('requestfinished', (request) => {
    const ms = Math.round(request.timing().responseEnd);
    if (ms > 5000) console.log(`slow request: ${ms} ms ${request.method()} ${request.url()}`);
  });
  const one = async (name: string, label: string) => {
    // Settled: no request in flight, no button loading, no dropdown open, transitions over.
    await page.waitForLoadState('networkidle');
    // (counted through the selector engine: the CSP forbids the eval a string predicate needs)
    const busy = page.locator(
      '.ant-btn-loading, .ant-select-dropdown:not(.ant-select-dropdown-hidden), .ant-spin-spinning',
    );
    await expect.poll(() => busy.count()).toBe(0);
    // A moment for a render the last answer set off; the screenshot then runs what transitions and
    // animations are under way to their end (Playwright's `animations: 'disabled'`), so the
    // picture and axe's colour checks see the settled screen.
    await page.waitForTimeout(100);
    await page.screenshot({ path: `${dir}/${name}-${label}.png`, fullPage: true, animations: 'disabled' });
    for (const v of await axeViolations(page)) {
      if (v.impact === 'serious' || v.impact === 'critical') {
        violations.push(
          `${name}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
        );
      }
    }
  };
  const screen = async (name: string) => {
    if (label !== 'both') return one(name, label);
    const before = page.viewportSize();
    for (const width of [375, 1280]) {
      await page.setViewportSize({ width, height: width === 375 ? 740 : 800 });
      await one(name, String(width));
    }
    if (before) await page.setViewportSize(before);
  };
  return { errors, violations, screen };
}

/**
 * Signs in through the local issuer's page (PKCE) as a demo user (signing out first when someone
 * is signed in), landing where the role starts.
 */
export async function signInAs(page: Page, base: string, user: string) {
  await page.goto(`${base}/`);
  const signOut = page.getByRole('button', { name: /^(退出|Sign out)$/ });
  if (await signOut.isVisible()) {
    await signOut.click();
  }
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL(/\/local\/oidc\/authorize/);
  // The user's own button (its value is the username): 'dev-reviewer' must not match 'dev-reviewer-2'.
  await page.locator(`button[name="username"][value="${user}"]`).click();
  await page.waitForURL(
    (url) => !url.pathname.startsWith('/local/') && !url.pathname.startsWith('/callback'),
  );
}
