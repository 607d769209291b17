/**
 * Browser checks of the public notice page (社会公示), reusable against any URL: the test's own tiny
 * server, or the local stack's `GET /v1/public/rounds/{id}/notice.html`.
 *
 * Chromium is Debian's (/usr/bin/chromium; `.ci/run` installs it), driven by playwright-core, which
 * never downloads a browser. The flags keep Chromium off the network: this machine's network is
 * closed, and without them Chromium keeps trying to reach Google's hosts.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { NOTICE_CSP } from '../../shared/domain/notice.ts';

export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const MOBILE = { width: 375, height: 812 } as const;
export const DESKTOP = { width: 1280, height: 800 } as const;

/** A browser context in a fresh profile, JavaScript off; `close` removes the profile too. */
export async function openContext(
  viewport: { width: number; height: number },
  options: { mobile?: boolean; javaScriptEnabled?: boolean } = {},
): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'notice-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport,
    javaScriptEnabled: options.javaScriptEnabled ?? false,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    // A phone honours <meta name="viewport">: without it the page would lay out at 980px and be shrunk.
    ...(options.mobile ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
  });
  return {
    context,
    close: async () => {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/** The little of the DOM the checks read inside the page (the project's TypeScript has no DOM lib). */
export type InPage = typeof globalThis & {
  document: { scrollingElement: { scrollWidth: number }; documentElement: { clientWidth: number } };
  innerWidth: number;
  getComputedStyle(element: unknown, pseudo?: string): { content: string };
};

export interface NoticePageExpectations {
  title: string;
  /** Every alliance name, as applicants wrote it (unescaped). */
  allianceNames: string[];
  /** The total as shown, e.g. '¥8,062,500'. */
  total: string;
  /** The objection URL, shown as text. */
  objectionUrl?: string;
  /** Save a full-page screenshot here. */
  screenshot?: string;
  /** Check the response headers the API sends (default true). */
  headers?: boolean;
}

export interface NoticePageReport {
  requests: string[];
  consoleErrors: string[];
  scrollWidth: number;
  innerWidth: number;
  clientWidth: number;
  text: string;
}

const fail = (message: string): never => {
  throw new Error(`notice page: ${message}`);
};

/**
 * Opens `url` in `page` and checks the notice reads: status, headers, language, title, every alliance
 * name and the total visible, no horizontal overflow, no console errors, no requests but the page's own.
 * Throws on the first failure; returns what it saw.
 */
export async function checkNoticePage(
  page: Page,
  url: string,
  expected: NoticePageExpectations,
): Promise<NoticePageReport> {
  const requests: string[] = [];
  const consoleErrors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') consoleErrors.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => consoleErrors.push(`pageerror: ${e.message}`));

  const response = (await page.goto(url, { waitUntil: 'load' })) ?? fail(`no response from ${url}`);
  if (response.status() !== 200) fail(`status ${response.status()} from ${url}`);
  if (expected.headers ?? true) {
    const headers = response.headers();
    if (!/^text\/html;\s*charset=utf-8$/i.test(headers['content-type'] ?? '')) {
      fail(`content-type is ${headers['content-type']}`);
    }
    if (headers['content-security-policy'] !== NOTICE_CSP) {
      fail(`content-security-policy is ${headers['content-security-policy']}`);
    }
  }

  if ((await page.title()) !== expected.title) fail(`title is ${JSON.stringify(await page.title())}`);
  if ((await page.locator('html').getAttribute('lang')) !== 'zh-CN') fail('html lang is not zh-CN');
  const h1 = page.locator('h1');
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what is checked
  if (!(await h1.isVisible()) || (await h1.innerText()).trim() !== expected.title) fail('the heading');

  // innerText is what is rendered: hidden text is not in it.
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what is checked
  const text = await page.locator('body').innerText();
  for (const name of expected.allianceNames) {
    if (!text.includes(name)) fail(`alliance ${JSON.stringify(name)} is not shown`);
    const shown = page.getByText(name, { exact: false }).first();
    if (!(await shown.isVisible())) fail(`alliance ${JSON.stringify(name)} is not visible`);
  }
  const total = page.locator('tfoot').getByText(expected.total, { exact: true });
  if (!(await total.isVisible())) fail(`the total ${expected.total} is not visible`);
  if (expected.objectionUrl && !text.includes(expected.objectionUrl)) fail('the objection URL is not shown');

  // On a phone (isMobile) Chromium widens the layout viewport to fit content that overflows, so
  // innerWidth alone would hide an overflow: compare with the width the page was given as well.
  const { scrollWidth, innerWidth, clientWidth } = await page.evaluate(() => {
    const { document, innerWidth } = globalThis as InPage;
    return {
      scrollWidth: document.scrollingElement.scrollWidth,
      innerWidth,
      clientWidth: document.documentElement.clientWidth,
    };
  });
  const width = Math.min(innerWidth, clientWidth, page.viewportSize()?.width ?? innerWidth);
  if (scrollWidth > width) {
    fail(
      `horizontal overflow: scrollWidth ${scrollWidth} > ${width} (innerWidth ${innerWidth}, clientWidth ${clientWidth})`,
    );
  }

  if (expected.screenshot) await page.screenshot({ path: expected.screenshot, fullPage: true });

  const others = requests.filter((r) => r !== response.url());
  const problems = [
    ...(others.length ? [`requests other than the page: ${others.join(', ')}`] : []),
    ...(consoleErrors.length ? [`console: ${consoleErrors.join(' | ')}`] : []),
  ];
  if (problems.length) fail(problems.join('; '));
  return { requests, consoleErrors, scrollWidth, innerWidth, clientWidth, text };
}
