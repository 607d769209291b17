/**
 * The public notice page in a real browser (Debian's Chromium via playwright-core), JavaScript off,
 * at a phone's and a desktop's size. Skipped only where /usr/bin/chromium is missing outside CI;
 * in CI `.ci/run` installs it and this must run.
 */
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildNotice,
  formatYuan,
  NOTICE_CSP,
  noticeTitle,
  renderNoticeHtml,
} from '../../shared/domain/notice.ts';
import { watch } from './console-kit.ts';
import { fixtureInput, HOSTILE_NAME } from './notice-fixture.ts';
import { CHROMIUM_PATH, checkNoticePage, DESKTOP, type InPage, MOBILE, openContext } from './notice-page.ts';

const haveChromium = existsSync(CHROMIUM_PATH);
if (!haveChromium && !process.env['CI']) {
  console.warn(
    `browser tests skipped: ${CHROMIUM_PATH} not found (apt-get install -y chromium; in CI .ci/run installs it)`,
  );
}

const NOTICE_PATH = `/v1/public/rounds/${fixtureInput.round.id}/notice.html`;

describe.skipIf(!haveChromium && !process.env['CI'])('public notice page in Chromium', () => {
  const notice = buildNotice(fixtureInput);
  const body = renderNoticeHtml(notice);
  const served: string[] = [];
  // The notice as the API will serve it, and broken variants the checks must catch.
  const pages: Record<string, { body: string; contentType?: string; csp?: false }> = {
    [NOTICE_PATH]: { body },
    '/broken/wide.html': { body: body.replace('</main>', '<div style="width:600px">wide</div></main>') },
    '/broken/loads.html': {
      body: body
        .replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '')
        .replace('</main>', '<img src="/x.png" alt=""></main>'),
      csp: false,
    },
    '/broken/blocked.html': { body: body.replace('</main>', '<img src="/x.png" alt=""></main>') },
    '/broken/plain.html': { body, contentType: 'text/plain; charset=utf-8' },
  };
  let server: Server;
  let url: string;
  let shots: string;

  beforeAll(async () => {
    if (!haveChromium) throw new Error(`${CHROMIUM_PATH} is missing: .ci/run should have installed chromium`);
    shots = process.env['NOTICE_SCREENSHOTS'] ?? (await mkdtemp(join(tmpdir(), 'notice-shots-')));
    // The headers the API will send with the page.
    server = createServer((req, res) => {
      served.push(req.url ?? '');
      const page = req.method === 'GET' ? pages[req.url ?? ''] : undefined;
      if (page) {
        res.writeHead(200, {
          'content-type': page.contentType ?? 'text/html; charset=utf-8',
          ...(page.csp === false ? {} : { 'content-security-policy': NOTICE_CSP }),
          'x-content-type-options': 'nosniff',
          'cache-control': 'public, max-age=300',
        });
        res.end(page.body);
      } else {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${NOTICE_PATH}`;
  });

  afterAll(async () => {
    if (server) await new Promise((resolve) => server.close(resolve));
  });

  const expected = () => ({
    title: noticeTitle(2027),
    allianceNames: notice.entries.map((e) => e.name),
    total: formatYuan(notice.totalAward),
    objectionUrl: fixtureInput.objectionUrl,
  });

  for (const [label, viewport, mobile] of [
    ['phone 375×812', MOBILE, true],
    ['desktop 1280×800', DESKTOP, false],
  ] as const) {
    it(`reads at ${label} with JavaScript off: everything shown, no overflow, no errors, no other requests`, async () => {
      const { context, close } = await openContext(viewport, { mobile });
      try {
        const page = context.pages()[0] ?? (await context.newPage());
        const screenshot = join(shots, `notice-${viewport.width}x${viewport.height}.png`);
        const before = served.length;
        const report = await checkNoticePage(page, url, { ...expected(), screenshot });
        console.info(`screenshot: ${screenshot}`);

        expect(report.scrollWidth).toBeLessThanOrEqual(viewport.width);
        expect(report.innerWidth).toBe(viewport.width);
        expect(report.requests).toEqual([url]);
        expect(served.slice(before)).toEqual([NOTICE_PATH]);
        expect(notice.totalAward).toBe(8_062_500);
        // The hostile name is shown as the text it is, and did nothing.
        expect(report.text).toContain(HOSTILE_NAME);
        expect(await page.locator('img, script').count()).toBe(0);

        // JavaScript really is off: a script injected into the page does not run.
        await page.setContent(
          '<p id="p">off</p><script>document.getElementById("p").textContent = "on"</script>',
        );
        expect(await page.locator('#p').textContent()).toBe('off');
      } finally {
        await close();
      }
    });
  }

  it('the checks catch a page that overflows, loads anything else, or is served as the wrong type', async () => {
    const { context, close } = await openContext(MOBILE, { mobile: true });
    try {
      const origin = new URL(url).origin;
      const check = async (path: string, headers = true) =>
        checkNoticePage(await context.newPage(), origin + path, { ...expected(), headers });
      await expect(check('/broken/wide.html')).rejects.toThrow(/horizontal overflow/);
      await expect(check('/broken/plain.html')).rejects.toThrow(/content-type/);
      await expect(check('/broken/loads.html')).rejects.toThrow(/content-security-policy/);
      await expect(check('/broken/loads.html', false)).rejects.toThrow(
        /requests other than the page: .*\/x\.png/,
      );
      // With the CSP in place the image is refused before any request, and that is an error too.
      await expect(check('/broken/blocked.html')).rejects.toThrow(/console: .*Content Security Policy/);
    } finally {
      await close();
    }
  });

  it("the console tests' axe check finds serious violations, after a client-side change and in a new document", async () => {
    const { context, close } = await openContext(DESKTOP, { javaScriptEnabled: true });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      const w = watch(page, '1280', 'test-results/console/axe-check');
      const broken =
        '<!DOCTYPE html><html lang="zh-CN"><head><title>t</title></head><body><main>' +
        '<p style="color:#bbb;background:#fff">浅灰文字</p><input id="q"></main></body></html>';
      await page.setContent(broken);
      await w.screen('broken');
      expect(w.violations.join('\n')).toMatch(/broken: color-contrast \(serious\)/);
      expect(w.violations.join('\n')).toMatch(/broken: label \(critical\) #q/);
      // Fixed in place, as a route change of the console would: axe, already in the page, runs again.
      w.violations.length = 0;
      await page.evaluate(() => {
        const doc = (globalThis as unknown as { document: { body: { innerHTML: string } } }).document;
        doc.body.innerHTML = '<main><p>正常文字</p><label for="q">检索</label><input id="q"></main>';
      });
      await w.screen('fixed');
      expect(w.violations).toEqual([]);
      // A new document has no axe in it until the check injects it again.
      await page.setContent(broken);
      await w.screen('broken-again');
      expect(w.violations.length).toBeGreaterThanOrEqual(2);
      expect(w.errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('on a phone the table becomes cards: no header row shown, each cell labelled', async () => {
    const { context, close } = await openContext(MOBILE, { mobile: true });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto(url);
      // The header row is hidden to the eye (kept for screen readers): at most a 1px box.
      const head = (await page.locator('thead').boundingBox())!;
      expect(head.width * head.height).toBeLessThanOrEqual(1);
      // Each card is within the screen, and each of its cells carries its column's name.
      const rows = page.locator('tbody tr');
      expect(await rows.count()).toBe(15);
      for (const box of await Promise.all((await rows.all()).map((r) => r.boundingBox()))) {
        expect(box!.x).toBeGreaterThanOrEqual(0);
        expect(box!.x + box!.width).toBeLessThanOrEqual(MOBILE.width);
      }
      const labels = await rows
        .first()
        .locator('td')
        .evaluateAll((cells) =>
          cells.map((td) => (globalThis as InPage).getComputedStyle(td, '::before').content),
        );
      expect(labels).toEqual(['"排名"', '"联盟名称"', '"成员单位"', '"服务内容"', '"拟支持金额"']);
      // The caption reads as a line, not a column of single characters.
      expect((await page.locator('caption').boundingBox())!.width).toBeGreaterThan(MOBILE.width / 2);
    } finally {
      await close();
    }
  });
});
