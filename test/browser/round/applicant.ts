/**
 * The applicants' steps in the console, for the whole-round browser test and
 * test/browser/applicant.test.ts: register an organisation (enterprise or society, its rules live),
 * draft an alliance with its whole content, invite a member by USCC, confirm as the invited
 * society, upload the agreement (progress bar to 100 %, then verified), the dry run and submission,
 * and, after designation, an expense recorded with a verified receipt. Each step works in the
 * session already signed in (sign in first with console-kit `signInAs`); every screen passes
 * through `w.screen('applicant-…')`.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { samplePdf } from '../../../scripts/sample-pdf.ts';
import { uscc as newUscc, type Watched } from '../console-kit.ts';

const DAY = 86_400_000;
/** A date in China time, `days` from today. */
export const chinaDate = (days = 0) =>
  new Date(Date.now() + 8 * 3_600_000 + days * DAY).toISOString().slice(0, 10);

const label = (page: Page, text: string) => page.getByLabel(text, { exact: true });

export interface OrganisationInput {
  kind: 'enterprise' | 'society';
  name: string;
  /** The round's year (S3 checks the society's work plan of that year); default this year (the office's round form's default). */
  planYear?: number;
}

/** Registers the signed-in applicant's organisation on the organisation screen; its USCC. */
export async function registerOrganisation(page: Page, base: string, w: Watched, org: OrganisationInput) {
  await page.goto(`${base}/organisation`);
  await page.getByRole('heading', { name: '单位信息' }).waitFor();
  const code = newUscc(org.kind === 'society' ? '51' : '91');
  if (org.kind === 'society') await label(page, '学会').check();
  await label(page, '名称').fill(org.name);
  await label(page, '统一社会信用代码').fill(code);
  if (org.kind === 'enterprise') {
    await label(page, '独立法人（E1）').check();
    await label(page, '科技型中小企业（E1）').check();
    await label(page, '主营业务').fill('激光器件研发与生产');
    await label(page, '技术密集型（E2）').check();
    await label(page, '职工人数').fill('100');
    await label(page, '研发人员（E3）').fill('15');
    await label(page, '营业收入（元）').fill('50000000');
    await label(page, '研发投入（元，E4）').fill('3000000');
    await label(page, '提供场地与设备（E5）').check();
    await label(page, '企业科协（E6）').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '已成立' }).click();
  } else {
    await page.getByRole('button', { name: '添加服务记录' }).click();
    await label(page, '活动名称 1').fill('光电子产业技术交流会');
    await label(page, '计划年度').fill(String(org.planYear ?? new Date().getFullYear()));
    await label(page, '该任务已列入年度工作计划（S3）').check();
    await label(page, '负责人').fill('王芳');
    await label(page, '负责人电话').fill('027-87000001');
    await page.getByRole('button', { name: '添加专家' }).click();
    await label(page, '专家姓名 1').fill('李教授');
    await label(page, '专家职称 1').fill('教授');
    await label(page, '专家专业方向 1').fill('激光物理');
  }
  await label(page, '联系人').fill('张伟');
  await label(page, '联系电话').fill('027-87654321');
  // The kind's rules, live: E1–E6 (§3.1) or S1–S4 (§3.2), passing as the fields are filled.
  const rules = page.locator('table').filter({ hasText: org.kind === 'society' ? '§3.2.1' : '§3.1.1' });
  await expect.poll(() => rules.locator('tbody tr').count()).toBe(org.kind === 'society' ? 4 : 6);
  if (org.kind === 'society') {
    await expect.poll(() => rules.getByText('✓ 通过').count()).toBeGreaterThanOrEqual(3); // S1, S2, S4
  } else {
    await expect.poll(() => rules.getByText('✓ 通过').count()).toBe(6);
  }
  await w.screen(`applicant-organisation-${org.kind}`);
  await page.getByRole('button', { name: '创建' }).click();
  await page.getByRole('button', { name: '保存' }).waitFor();
  return code;
}

export interface DraftInput {
  roundName: string;
  name: string;
  /** The sector's name in the round (default 光电子). */
  sector?: string;
}

/**
 * Creates a draft in the round and fills its content: goals, tasks, guarantee measures, period
 * (today − 30 days to a year on, so expenses can be dated today), rights sharing, work plan,
 * indicators, budget lines, service types and sectors. Returns the alliance id.
 */
export async function draftAlliance(page: Page, base: string, w: Watched, d: DraftInput) {
  await page.goto(`${base}/alliances`);
  await page.getByRole('heading', { name: '新建联盟' }).waitFor();
  await page.getByLabel('批次').click();
  await page.locator('.ant-select-item-option').filter({ hasText: d.roundName }).click();
  await label(page, '名称').fill(d.name);
  await label(page, '协作目标').fill('突破高功率光纤激光器关键器件');
  await w.screen('applicant-alliances');
  await page.getByRole('button', { name: '创建' }).click();
  await page.waitForURL(/\/alliances\/[^/]+$/);
  await page.getByRole('heading', { level: 1, name: d.name }).waitFor();
  const allianceId = new URL(page.url()).pathname.split('/').pop()!;

  await label(page, '简介').fill('面向激光加工装备的关键器件联合攻关');
  await page.getByRole('button', { name: '添加任务' }).click();
  await label(page, '任务名称 1').fill('泵浦源与合束器攻关');
  await label(page, '任务说明 1').fill('联合设计、样机验证');
  await label(page, '保障措施').fill('企业提供场地与设备，学会派出专家团队，按月例会');
  await label(page, '合作开始日期').fill(chinaDate(-30));
  await label(page, '合作结束日期').fill(chinaDate(365));
  await label(page, '成果与权益分配').fill('成果归企业所有，学会享有署名权');
  await page.getByRole('button', { name: '添加阶段' }).click();
  await label(page, '阶段目标 1').fill('方案设计');
  await label(page, '完成日期 1').fill(chinaDate(100));
  await page.getByRole('button', { name: '添加指标' }).click();
  await label(page, '指标代码 1').fill('patents');
  await label(page, '指标名称 1').fill('发明专利申请');
  await label(page, '目标值 1').fill('3');
  await label(page, '单位 1').fill('件');
  await page.getByRole('button', { name: '添加预算科目' }).click();
  await label(page, '科目代码 1').fill('equipment');
  await label(page, '预算科目 1').fill('设备费');
  await label(page, '金额（元） 1').fill('400000');
  await label(page, '企业自筹（元） 1').fill('300000');
  await label(page, '申请资助（元） 1').fill('100000');
  await page.getByRole('button', { name: '添加预算科目' }).click();
  await label(page, '科目代码 2').fill('experts');
  await label(page, '预算科目 2').fill('专家咨询费');
  await label(page, '金额（元） 2').fill('200000');
  await label(page, '企业自筹（元） 2').fill('120000');
  await label(page, '申请资助（元） 2').fill('80000');
  await label(page, '协同创新攻关项目').check();
  await label(page, '人才交流和人才培养').check();
  await label(page, '所属领域').click();
  await page
    .locator('.ant-select-item-option')
    .filter({ hasText: d.sector ?? '光电子' })
    .click();
  await page.keyboard.press('Escape');
  await save(page);
  expect(await label(page, '预算科目 2').inputValue()).toBe('专家咨询费');
  await w.screen('applicant-alliance-draft');
  return allianceId;
}

/** Saves the content form and waits for the API's answer. */
async function save(page: Page) {
  const answered = page.waitForResponse(
    (r) => r.request().method() === 'PATCH' && /\/v1\/alliances\/[^/]+$/.test(r.url()),
  );
  await page.getByRole('button', { name: '保存', exact: true }).click();
  const res = await answered;
  expect(res.status(), await res.text()).toBe(200);
  await page.getByText('已保存').last().waitFor();
}

/**
 * Invites an organisation by USCC into the alliance; when `expert` is given, names the society's
 * expert in the alliance's team (S4) and saves.
 */
export async function inviteMember(
  page: Page,
  base: string,
  w: Watched,
  opts: {
    allianceId: string;
    uscc: string;
    name: string;
    expert?: { name: string; title: string; field: string };
  },
) {
  if (!page.url().endsWith(`/alliances/${opts.allianceId}`))
    await page.goto(`${base}/alliances/${opts.allianceId}`);
  await page.getByRole('heading', { name: '成员' }).waitFor();
  await label(page, '统一社会信用代码').fill(opts.uscc);
  await page.getByRole('button', { name: '按信用代码邀请' }).click();
  const member = page.locator('li').filter({ hasText: opts.name });
  await member.getByText('待确认').waitFor();
  if (opts.expert) {
    await page.getByRole('button', { name: '添加专家' }).click();
    await label(page, '专家姓名 1').fill(opts.expert.name);
    await label(page, '专家职称 1').fill(opts.expert.title);
    await label(page, '专家专业方向 1').fill(opts.expert.field);
    await save(page);
  }
  await w.screen('applicant-alliance-invited');
}

/** As the invited organisation: confirms its membership from the alliances list. */
export async function confirmMembership(page: Page, base: string, w: Watched, allianceName: string) {
  await page.goto(`${base}/alliances`);
  const row = page.locator('tbody tr').filter({ hasText: allianceName });
  await row.getByRole('button', { name: `接受: ${allianceName}` }).waitFor();
  await w.screen('applicant-invitation');
  await row.getByRole('button', { name: `接受: ${allianceName}` }).click();
  await row.getByText('已确认').waitFor();
}

/**
 * Uploads the signed agreement (a small valid PDF) on the alliance screen: the progress bar reaches
 * 100 %, then the document shows as verified.
 */
export async function uploadAgreement(page: Page, base: string, w: Watched, allianceId: string) {
  if (!page.url().endsWith(`/alliances/${allianceId}`)) await page.goto(`${base}/alliances/${allianceId}`);
  const card = page.locator('.ant-card').filter({ has: page.getByRole('heading', { name: '任务协议书' }) });
  const pdf = samplePdf({ title: `任务协议书 ${allianceId}`, pages: 2 });
  await card
    .getByLabel('选择 PDF 文件')
    .setInputFiles({ name: '任务协议书.pdf', mimeType: 'application/pdf', buffer: pdf });
  await card.getByRole('button', { name: '上传' }).click();
  const bar = card.getByRole('progressbar', { name: '上传进度' });
  await expect.poll(() => bar.getAttribute('aria-valuenow'), { timeout: 15_000 }).toBe('100');
  await card
    .locator('li')
    .filter({ hasText: '任务协议书.pdf' })
    .getByText('已通过校验')
    .waitFor({ timeout: 30_000 });
  await w.screen('applicant-agreement');
}

/** Runs the dry run (every rule passes, shown rule by rule) and submits. */
export async function dryRunAndSubmit(page: Page, base: string, w: Watched, allianceId: string) {
  if (!page.url().endsWith(`/alliances/${allianceId}`)) await page.goto(`${base}/alliances/${allianceId}`);
  await page.getByRole('button', { name: '运行预检' }).click();
  const results = page.locator('section[aria-label="资格预检"]').last();
  await expect
    .poll(() => results.locator('tbody tr, .ant-list-item').count(), { timeout: 15_000 })
    .toBeGreaterThan(8);
  const failing = await page.getByText('存在未通过的规则').count();
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what is checked
  expect(failing, await results.innerText()).toBe(0);
  await page.getByText('符合全部规则').waitFor();
  await w.screen('applicant-dry-run');
  await page.getByRole('button', { name: '提交申报' }).click();
  await page.locator('.ant-descriptions').getByText('已提交').waitFor();
  await w.screen('applicant-submitted');
}

/**
 * On a designated alliance's implementation screen: uploads a receipt (verified), records an
 * expense of `amount` on the line `category`, and checks the balance went down by it.
 */
export async function recordExpenseWithReceipt(
  page: Page,
  base: string,
  w: Watched,
  opts: { allianceId: string; category: string; amount: number },
) {
  await page.goto(`${base}/alliances/${opts.allianceId}/implementation`);
  await page.getByRole('heading', { name: '专账' }).waitFor();
  const remaining = page.getByTestId('ledger-remaining');
  const before = Number(((await remaining.textContent()) ?? '').replace(/[^0-9]/g, ''));
  await w.screen('applicant-ledger');
  const pdf = samplePdf({ title: `票据 ${Date.now()}` });
  await page
    .getByLabel('票据（PDF）')
    .setInputFiles({ name: '票据.pdf', mimeType: 'application/pdf', buffer: pdf });
  await page.getByRole('button', { name: '上传', exact: true }).click();
  await page.getByText('票据已通过校验').waitFor({ timeout: 30_000 });
  await label(page, '预算科目').click();
  await page.locator('.ant-select-item-option').filter({ hasText: opts.category }).click();
  await label(page, '金额（元）').fill(String(opts.amount));
  await label(page, '支出说明').fill('专家咨询劳务费');
  await page.getByRole('button', { name: '登记支出' }).click();
  await expect
    .poll(async () => Number(((await remaining.textContent()) ?? '').replace(/[^0-9]/g, '')), {
      timeout: 15_000,
    })
    .toBe(before - opts.amount);
  await page.locator('section[aria-label="账目明细"]').getByText('专家咨询劳务费').waitFor();
  await w.screen('applicant-expense');
  return { before, after: before - opts.amount };
}

/** On the implementation screen: submits the first due report with a verified report PDF. */
export async function submitReport(page: Page, w: Watched) {
  const card = page
    .locator('.ant-card')
    .filter({ has: page.getByRole('heading', { name: '报告', exact: true }) });
  await card
    .getByRole('button', { name: /^提交报告: / })
    .first()
    .click();
  const pdf = samplePdf({ title: `年度报告 ${Date.now()}`, pages: 3 });
  await card
    .getByLabel('报告文件（PDF）')
    .setInputFiles({ name: '年度报告.pdf', mimeType: 'application/pdf', buffer: pdf });
  await card.getByRole('button', { name: '上传', exact: true }).click();
  const submit = card.getByRole('button', { name: '提交报告', exact: true });
  await expect.poll(() => submit.isEnabled(), { timeout: 30_000 }).toBe(true);
  await card.getByLabel('发明专利申请（实际完成值）').fill('1');
  await card.getByLabel('报告摘要').fill('完成方案设计，申请发明专利 1 件');
  await w.screen('applicant-report');
  await submit.click();
  await card.locator('tbody tr').filter({ hasText: '年度报告' }).getByText('已提交').waitFor();
}
