/**
 * The console (web/) in Chromium on the local stack: sign in through the PKCE flow as a demo
 * applicant, create and edit the organisation profile (its E rules listed live), create an alliance
 * draft, run the eligibility dry run and see the rules listed — at 375 px and 1280 px, with no
 * console errors, axe-core finding no serious or critical violation on any screen, and screenshots
 * in test-results/console/.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import roundExample from '../../examples/round.json' with { type: 'json' };
import { USCC_ALPHABET, usccCheckCharacter } from '../../shared/domain/uscc.ts';
import { CHROMIUM_PATH, DESKTOP, MOBILE, openContext } from './notice-page.ts';

const haveChromium = existsSync(CHROMIUM_PATH);
const SHOTS = 'test-results/console';

function uscc() {
  let org = '';
  for (let i = 0; i < 9; i++) org += USCC_ALPHABET[Math.floor(Math.random() * USCC_ALPHABET.length)];
  const first17 = `91420100${org}`;
  return first17 + usccCheckCharacter(first17);
}

type Stack = Awaited<ReturnType<typeof import('../../local/stack.ts')['startLocalStack']>>;
let stack: Stack | undefined;
let base = '';
const roundName = `${roundExample.name}（控制台测试）`;

describe.skipIf(!haveChromium && !process.env['CI'])('console in Chromium', () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
    const { startLocalStack } = await import('../../local/stack.ts');
    stack = await startLocalStack({
      ports: { api: 0, dynamodb: 0, s3: 0, sfn: 0 },
      schedules: false,
      console: true,
    });
    base = stack.urls.api;
    const admin = await stack.token({ sub: 'dev-admin', username: 'dev-admin', roles: ['admin'] });
    const res = await fetch(`${base}/v1/rounds`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({ ...roundExample, name: roundName }),
    });
    expect(res.status).toBe(201);
  }, 180_000);

  afterAll(async () => {
    await stack?.stop();
  });

  it('serves the console with its CSP, /config.json, and the SPA fallback, next to /v1', async () => {
    const html = await fetch(`${base}/alliances/anything`);
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toMatch(/^text\/html/);
    expect(html.headers.get('content-security-policy')).toContain("script-src 'self'");
    const config = (await (await fetch(`${base}/config.json`)).json()) as { oidc: { authorizeUrl: string } };
    expect(config.oidc.authorizeUrl).toBe(`${base}/local/oidc/authorize`);
    expect((await fetch(`${base}/v1/health`)).status).toBe(200);
    expect((await fetch(`${base}/v1/no-such-thing`)).status).toBe(404);
  });

  for (const [label, viewport, user] of [
    ['375', MOBILE, 'dev-applicant'],
    ['1280', DESKTOP, 'dev-society'],
  ] as const) {
    it(`at ${label} px: sign in (PKCE), organisation profile, alliance draft, dry run`, async () => {
      const { context, close } = await openContext(viewport, {
        javaScriptEnabled: true,
        mobile: viewport === MOBILE,
      });
      const errors: string[] = [];
      const violations: string[] = [];
      const timings: Record<string, number> = {};
      try {
        const page = await context.newPage();
        page.on('console', (m) => {
          if (m.type() === 'error') errors.push(`console: ${m.text()}`);
        });
        page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
        const screen = async (name: string) => {
          // Settled: no request in flight, no button loading, no dropdown open, transitions over.
          await page.waitForLoadState('networkidle');
          await page.waitForFunction(
            "!document.querySelector('.ant-btn-loading, .ant-select-dropdown:not(.ant-select-dropdown-hidden)')",
          );
          await page.waitForTimeout(400);
          await page.screenshot({ path: `${SHOTS}/${name}-${label}.png`, fullPage: true });
          const result = await new AxeBuilder({ page } as unknown as ConstructorParameters<
            typeof AxeBuilder
          >[0])
            .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
            .analyze();
          for (const v of result.violations) {
            if (v.impact === 'serious' || v.impact === 'critical') {
              violations.push(
                `${name}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
              );
            }
          }
        };

        const started = performance.now();
        await page.goto(`${base}/`);
        const signIn = page.getByRole('button', { name: '登录' });
        await signIn.waitFor();
        timings.interactive = Math.round(performance.now() - started);
        await screen('home');

        // The local issuer's sign-in page, then back through /callback with a code.
        await signIn.click();
        await page.waitForURL(/\/local\/oidc\/authorize/);
        await screen('sign-in');
        await page.getByRole('button', { name: new RegExp(user) }).click();
        await page.waitForURL(/\/organisation$/);

        // Organisation profile: create, watching the live rules, then edit.
        await page.getByLabel('名称').fill('武汉测试光电有限公司');
        await page.getByLabel('统一社会信用代码').fill(uscc());
        await page.getByLabel('独立法人（E1）').check();
        await page.getByLabel('科技型中小企业（E1）').check();
        await page.getByLabel('主营业务').fill('激光器件研发');
        await page.getByLabel('技术密集型（E2）').check();
        await page.getByLabel('职工人数').fill('100');
        await page.getByLabel('研发人员（E3）').fill('12');
        await page.getByLabel('营业收入（元）').fill('50000000');
        await page.getByLabel('研发投入（元，E4）').fill('2500000');
        await page.getByLabel('联系人').fill('张伟');
        await page.getByLabel('联系电话').fill('027-87654321');
        const rules = page.locator('table').filter({ hasText: '§3.1.1' });
        await expect.poll(() => rules.locator('tbody tr').count()).toBeGreaterThanOrEqual(6);
        await expect.poll(() => rules.getByText('✓ 通过').count()).toBeGreaterThan(0);
        await page.getByRole('button', { name: '创建' }).click();
        await page.getByRole('button', { name: '保存' }).waitFor();
        await screen('organisation');
        await page.getByLabel('名称').fill('武汉测试光电科技有限公司');
        await page.getByRole('button', { name: '保存' }).click();
        await page.getByText('已保存').last().waitFor();

        // A new alliance draft in the round.
        await page.getByRole('link', { name: '联盟申报' }).click();
        await page.getByRole('heading', { name: '新建联盟' }).waitFor();
        await screen('alliances');
        await page.getByLabel('批次').click();
        await page.locator('.ant-select-item-option').filter({ hasText: roundName }).click();
        await page.getByLabel('名称').fill(`测试联盟 ${label}`);
        await page.getByLabel('协作目标').fill('关键器件联合攻关');
        await page.getByRole('button', { name: '创建' }).click();
        await page.waitForURL(/\/alliances\/[^/]+$/);
        await page.getByRole('heading', { name: `测试联盟 ${label}` }).waitFor();

        // The dry run, rule by rule with clause and values.
        await page.getByRole('button', { name: '运行预检' }).click();
        const dryRun = page.locator('table').filter({ hasText: '条款' }).last();
        await expect.poll(() => dryRun.locator('tbody tr').count(), { timeout: 15_000 }).toBeGreaterThan(3);
        // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what is checked
        const text = await dryRun.innerText();
        expect(text).toMatch(/A1/);
        expect(text).toMatch(/§/);
        await page.getByText('存在未通过的规则').waitFor();
        await screen('alliance');

        // English switch: the API's messages come back in English.
        await page.getByRole('button', { name: 'English' }).click();
        await page.getByRole('button', { name: 'Run the dry run' }).click();
        await page.getByText('Some rules fail').waitFor();
        console.log(`console at ${label}px: interactive after ${timings.interactive} ms`);
      } catch (error) {
        throw new Error(`${(error as Error).message}\nconsole: ${[...new Set(errors)].join(' | ')}`);
      } finally {
        await close();
      }
      expect([...new Set(errors)]).toEqual([]);
      expect(violations).toEqual([]);
    });
  }
});

export type { Page };
