/**
 * The console (web/) in Chromium on the local stack: sign in through the PKCE flow as a demo
 * applicant, create and edit the organisation profile (its E rules listed live), create an alliance
 * draft, run the eligibility dry run and see the rules listed — at 375 px and 1280 px, with no
 * console errors, axe-core finding no serious or critical violation on any screen, and screenshots
 * in test-results/console/.
 */
import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import roundExample from '../../examples/round.json' with { type: 'json' };
import { type ConsoleStack, signInAs, startConsoleStack, uscc, watch } from './console-kit.ts';
import { CHROMIUM_PATH, DESKTOP, MOBILE, openContext } from './notice-page.ts';

const haveChromium = existsSync(CHROMIUM_PATH);

type Stack = ConsoleStack;
let stack: Stack | undefined;
let base = '';
const roundName = `${roundExample.name}（控制台测试）`;

describe.skipIf(!haveChromium && !process.env['CI'])('console in Chromium', () => {
  beforeAll(async () => {
    stack = await startConsoleStack();
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
    ['1280', DESKTOP, 'dev-enterprise-2'],
  ] as const) {
    it(`at ${label} px: sign in (PKCE), organisation profile, alliance draft, dry run`, async () => {
      const { context, close } = await openContext(viewport, {
        javaScriptEnabled: true,
        mobile: viewport === MOBILE,
      });
      const timings: Record<string, number> = {};
      const page = await context.newPage();
      const watched = watch(page, label);
      const { errors, violations } = watched;
      try {
        const { screen } = watched;
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
        // A table from 768 px up, a list of cards on a phone.
        const dryRun = page.locator('section[aria-label="资格预检"]').last();
        const rows = dryRun.locator('tbody tr, .ant-list-item');
        await expect.poll(() => rows.count(), { timeout: 15_000 }).toBeGreaterThan(3);
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

  it('at 1280 px: free pairing — a need, a capability profile, an interest, accepted into a draft', async () => {
    // The demo society's organisation (the console registers enterprises only): through the API.
    const year = new Date().getUTCFullYear();
    const contact = { name: '王芳', phone: '027-87000001' };
    const societyToken = await stack?.token({
      sub: 'dev-society',
      username: 'dev-society',
      roles: ['applicant'],
    });
    const created = await fetch(`${base}/v1/organisations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${societyToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        kind: 'society',
        name: '武汉测试光学学会',
        uscc: uscc('51'),
        societyType: 'city-affiliated',
        serviceRecords: [{ year: year - 1, kind: 'academic-exchange', title: '光电子产业技术交流会' }],
        annualPlan: { year, includesTask: true, responsibleStaff: contact },
        experts: [{ name: '李教授', title: '教授', field: '激光物理' }],
        contact,
      }),
    });
    expect(created.status).toBe(201);
    const needTitle = `高功率激光器散热联合攻关 ${Date.now()}`;
    const errors: string[] = [];
    const violations: string[] = [];
    const as = async (
      user: string,
      steps: (page: Page, screen: (name: string) => Promise<void>) => Promise<void>,
    ) => {
      const { context, close } = await openContext(DESKTOP, { javaScriptEnabled: true, mobile: false });
      try {
        const page = await context.newPage();
        const watched = watch(page, '1280');
        try {
          await signInAs(page, base, user);
          await steps(page, watched.screen);
        } finally {
          errors.push(...watched.errors);
          violations.push(...watched.violations);
        }
      } catch (error) {
        throw new Error(`${user}: ${(error as Error).message}\nconsole: ${[...new Set(errors)].join(' | ')}`);
      } finally {
        await close();
      }
    };

    // The enterprise publishes a need in 光电子 for joint R&D (service type 4).
    await as('dev-applicant', async (page, screen) => {
      await page.getByRole('link', { name: '需求广场' }).click();
      await page.getByRole('heading', { name: '发布需求' }).waitFor();
      await page.getByLabel('批次').click();
      await page.locator('.ant-select-item-option').filter({ hasText: roundName }).click();
      await page.getByLabel('需求名称').fill(needTitle);
      await page.getByLabel('需求描述').fill('联合研发高功率光纤激光器的散热方案，提升光电子器件稳定性');
      await page.getByLabel('领域').click();
      await page.locator('.ant-select-item-option').filter({ hasText: '光电子' }).click();
      await page.getByLabel('协同创新攻关项目').check();
      await page.getByLabel('预算下限（元）').fill('200000');
      await page.getByLabel('预算上限（元）').fill('500000');
      await page.getByLabel('合作开始日期').fill(`${year}-07-01`);
      await page.getByLabel('合作结束日期').fill(`${year + 1}-06-30`);
      await screen('needs');
      await page.getByRole('button', { name: '发布需求' }).click();
      await page.waitForURL(/\/needs\/[^/]+$/);
      await page.getByRole('heading', { name: needTitle }).waitFor();
    });

    // The society saves its capability profile, sees the need suggested, and expresses interest.
    await as('dev-society', async (page, screen) => {
      await page.getByRole('link', { name: '能力档案' }).click();
      await page.getByLabel('简介').fill('光电子学会：光纤激光器散热、光通信器件的协同创新攻关与人才培养');
      await page.getByLabel('擅长领域').click();
      await page.locator('.ant-select-item-option').filter({ hasText: '光电子' }).click();
      await page.keyboard.press('Escape');
      await page.getByLabel('协同创新攻关项目').check();
      await page.getByRole('button', { name: '添加专家' }).click();
      await page.getByLabel('名称').fill('李教授');
      await page.getByLabel('职称').fill('教授');
      await page.getByLabel('专业方向').fill('激光器散热');
      await page.getByRole('button', { name: '添加服务案例' }).click();
      await page.getByLabel('服务名称').fill('激光器件可靠性联合攻关');
      await page.getByLabel('年份').fill(String(year - 1));
      await page.getByLabel('结果').fill('器件寿命提升30%');
      await page.getByRole('button', { name: '保存' }).click();
      await page.getByText('已保存').last().waitFor();
      const suggested = page.locator('table').filter({ hasText: '匹配理由' });
      await suggested.getByText(needTitle).waitFor();
      await screen('capability');
      await page.getByRole('link', { name: '需求广场' }).click();
      await page.getByRole('button', { name: `表达合作意向: ${needTitle}` }).click();
      await page.getByLabel('留言').fill('我会光电子专委会可派专家参与散热攻关');
      await page.getByRole('button', { name: '发送' }).click();
      await page.getByText('意向已发送').last().waitFor();
    });

    // The enterprise sees the society suggested with its reasons, accepts, and lands on the draft.
    await as('dev-applicant', async (page, screen) => {
      await page.getByRole('link', { name: '需求广场' }).click();
      await page.getByRole('link', { name: needTitle }).click();
      const suggestions = page.locator('section[aria-label="推荐合作学会"] table');
      const row = suggestions.locator('tbody tr').filter({ hasText: '武汉测试光学学会' });
      await row.waitFor();
      // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what is checked
      const reasons = await row.innerText();
      expect(reasons).toContain('光电子');
      expect(reasons).toContain('协同创新攻关项目');
      const inbox = page.locator('section[aria-label="合作意向"] table');
      await inbox.getByText('武汉测试光学学会').waitFor();
      await screen('need');
      await inbox.getByRole('button', { name: '接受' }).click();
      await inbox.getByRole('link', { name: '打开联盟草稿' }).click();
      await page.waitForURL(/\/alliances\/[^/]+$/);
      await page.getByRole('heading', { name: needTitle }).waitFor();
    });
    expect([...new Set(errors)]).toEqual([]);
    expect(violations).toEqual([]);
  });

  it('at 375 px: the programme office starts at its rounds; a reviewer at their assignments; an inspector at the inspections', async () => {
    const { context, close } = await openContext(MOBILE, { javaScriptEnabled: true, mobile: true });
    try {
      for (const [user, check] of [
        ['dev-admin', async (page: Page) => page.waitForURL(/\/rounds$/)],
        ['dev-reviewer', async (page: Page) => page.waitForURL(/\/assignments$/)],
        ['dev-inspector', async (page: Page) => page.waitForURL(/\/inspections$/)],
      ] as const) {
        const page = await context.newPage();
        const watched = watch(page, '375');
        await page.goto(`${base}/`);
        await page.getByRole('button', { name: '登录' }).click();
        await page.waitForURL(/\/local\/oidc\/authorize/);
        await page.locator(`button[name="username"][value="${user}"]`).click();
        await check(page);
        expect(await page.getByText('单位类型').count()).toBe(0); // never the applicant's registration form
        await watched.screen(`home-${user}`);
        expect([...new Set(watched.errors)]).toEqual([]);
        expect(watched.violations).toEqual([]);
        await page.close();
      }
    } finally {
      await close();
    }
  });
});

export type { Page };
