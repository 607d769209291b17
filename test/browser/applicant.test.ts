/**
 * The applicant screens in Chromium on a local stack of their own, as dev-applicant (enterprise)
 * and dev-society, each screen checked at 375 and 1280 px (axe serious/critical, no console
 * errors): both register (E and S rules live), the enterprise drafts an alliance with its whole
 * content and invites the society by USCC, the society confirms, the agreement is uploaded (progress
 * bar, verification), the dry run passes rule by rule and the alliance is submitted. Then, with the
 * alliance designated as designation writes it (status, AWARD and a report deadline seeded in
 * DynamoDB Local, as test/integration/fixtures.ts `seedAward` does): the award, the plan (edited),
 * the ledger with an expense recorded against a verified receipt, the reports list; and the
 * notifications and preferences screen.
 */
import { existsSync } from 'node:fs';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import roundExample from '../../examples/round.json' with { type: 'json' };
import { type ConsoleStack, signInAs, startConsoleStack, watch } from './console-kit.ts';
import { CHROMIUM_PATH, DESKTOP, openContext } from './notice-page.ts';
import {
  chinaDate,
  confirmMembership,
  draftAlliance,
  dryRunAndSubmit,
  inviteMember,
  recordExpenseWithReceipt,
  registerOrganisation,
  submitReport,
  uploadAgreement,
} from './round/applicant.ts';

const haveChromium = existsSync(CHROMIUM_PATH);

type Stack = ConsoleStack;
let stack: Stack | undefined;
let base = '';
let roundId = '';
const roundName = `${roundExample.name}（申报单位测试）`;

/** Designates an alliance as designation writes it: status, AWARD (lines, balances) and a report deadline. */
async function designate(
  allianceId: string,
  lines: { lineId: string; category: string; allocation: number }[],
) {
  const env = stack!.env;
  const ddb = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint: stack!.urls.dynamodb,
      region: 'us-east-1',
      credentials: { accessKeyId: env['AWS_ACCESS_KEY_ID']!, secretAccessKey: env['AWS_SECRET_ACCESS_KEY']! },
    }),
  );
  const TableName = env['TABLE_NAME']!;
  const amount = lines.reduce((sum, l) => sum + l.allocation, 0);
  const at = new Date().toISOString();
  await ddb.send(
    new UpdateCommand({
      TableName,
      Key: { pk: `ALLIANCE#${allianceId}`, sk: 'ALLIANCE' },
      UpdateExpression: 'SET #status = :designated',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':designated': 'designated' },
    }),
  );
  await ddb.send(
    new PutCommand({
      TableName,
      Item: {
        pk: `ALLIANCE#${allianceId}`,
        sk: 'AWARD',
        type: 'award',
        roundId,
        allianceId,
        amount,
        requested: amount,
        rank: 1,
        lines: lines.map((l) => ({ ...l, spent: 0 })),
        designatedAt: at,
        ledger: { status: 'open', spent: 0 },
        balances: Object.fromEntries(lines.map((l) => [l.lineId, l.allocation])),
        balance: amount,
      },
    }),
  );
  const due = chinaDate(200);
  await ddb.send(
    new PutCommand({
      TableName,
      Item: {
        pk: `ALLIANCE#${allianceId}`,
        sk: `DEADLINE#${due}#annual-report`,
        type: 'deadline',
        gsi1pk: 'DEADLINES',
        gsi1sk: `${due}#${allianceId}#annual-report`,
        roundId,
        allianceId,
        kind: 'annual-report',
        year: Number(due.slice(0, 4)),
        due,
        status: 'due',
        createdAt: at,
      },
    }),
  );
  ddb.destroy();
}

describe.skipIf(!haveChromium && !process.env['CI'])('applicant screens in Chromium', () => {
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
    roundId = ((await res.json()) as { id: string }).id;
  }, 180_000);

  afterAll(async () => {
    await stack?.stop();
  });

  it('the CSP lets the console POST uploads to the documents bucket (connect-src)', async () => {
    const html = await fetch(`${base}/alliances`);
    const csp = html.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(
      new RegExp(`connect-src 'self' ${new URL(stack!.urls.s3).origin.replace(/\./g, '\\.')}`),
    );
  });

  it('register, draft, invite, confirm, upload, dry run, submit; then award, plan, ledger, reports, notifications — at 375 and 1280 px', async () => {
    const { context, close } = await openContext(DESKTOP, { javaScriptEnabled: true, mobile: false });
    const page = await context.newPage();
    const w = watch(page, 'both');
    // Which request failed, when the console reports a failed resource.
    const failed: string[] = [];
    page.on('response', (r) => {
      if (r.status() >= 400)
        failed.push(`${r.status()} ${r.request().method()} ${new URL(r.url()).pathname}`);
    });
    const allianceName = `激光器件协作联盟 ${Date.now()}`;
    const societyName = '武汉激光学会';
    try {
      const planYear = roundExample.year;
      await signInAs(page, base, 'dev-society');
      const societyUscc = await registerOrganisation(page, base, w, {
        kind: 'society',
        name: societyName,
        planYear,
      });

      await signInAs(page, base, 'dev-applicant');
      await registerOrganisation(page, base, w, { kind: 'enterprise', name: '武汉激光器件有限公司' });
      const allianceId = await draftAlliance(page, base, w, { roundName, name: allianceName });
      await inviteMember(page, base, w, {
        allianceId,
        uscc: societyUscc,
        name: societyName,
        expert: { name: '李教授', title: '教授', field: '激光物理' },
      });

      await signInAs(page, base, 'dev-society');
      await confirmMembership(page, base, w, allianceName);

      await signInAs(page, base, 'dev-applicant');
      await uploadAgreement(page, base, w, allianceId);
      await dryRunAndSubmit(page, base, w, allianceId);

      // After the award.
      await designate(allianceId, [
        { lineId: 'equipment', category: '设备费', allocation: 100_000 },
        { lineId: 'experts', category: '专家咨询费', allocation: 80_000 },
      ]);
      await page.goto(`${base}/alliances/${allianceId}`);
      await page.getByRole('link', { name: '立项与实施' }).click();
      await page.getByRole('heading', { name: '立项与经费' }).waitFor();
      await page.getByText('180,000').first().waitFor();
      const { before, after } = await recordExpenseWithReceipt(page, base, w, {
        allianceId,
        category: '专家咨询费',
        amount: 12_000,
      });
      expect(before - after).toBe(12_000);

      // The plan: started from the application's work plan; edited with a reason.
      await page.getByRole('heading', { name: '实施方案' }).waitFor();
      await page.getByText('方案设计').first().waitFor();
      await page.getByRole('button', { name: '编辑' }).click();
      await page.getByLabel('阶段目标 1', { exact: true }).fill('方案设计与评审');
      await page.getByLabel('调整原因', { exact: true }).fill('增加方案评审环节');
      await page.getByRole('button', { name: '保存实施方案' }).click();
      await page.getByText('方案设计与评审').waitFor();
      // The reports: the annual report due.
      const reports = page.locator('section[aria-label="报告"]');
      await reports.getByText('年度报告').waitFor();
      await reports.getByText('待提交').waitFor();
      await w.screen('applicant-implementation');
      await submitReport(page, w);

      // Notifications and preferences (every role has the screen).
      await page.getByRole('link', { name: '消息通知' }).click();
      await page.getByRole('heading', { name: '通知偏好' }).waitFor();
      await w.screen('applicant-notifications');
      const markRead = page.getByRole('button', { name: /^标为已读/ });
      if ((await markRead.count()) > 0) {
        const unread = await markRead.count();
        const answered = page.waitForResponse(
          (r) => r.request().method() === 'POST' && /\/read$/.test(r.url()),
        );
        await markRead.first().click();
        const res = await answered;
        expect(res.status(), await res.text()).toBe(200);
        await expect.poll(() => markRead.count()).toBe(unread - 1);
      }
      await page.getByLabel('电子邮箱', { exact: true }).fill('zhang.wei@example.cn');
      await page.getByRole('button', { name: '保存' }).click();
      await page.getByText('已保存').last().waitFor();
      await page.reload();
      await expect
        .poll(() => page.getByLabel('电子邮箱', { exact: true }).inputValue())
        .toBe('zhang.wei@example.cn');
      await w.screen('applicant-preferences');
    } catch (error) {
      throw new Error(`${(error as Error).message}\nconsole: ${[...new Set(w.errors)].join(' | ')}`);
    } finally {
      await close();
    }
    expect([...new Set(w.errors)], failed.join(' | ')).toEqual([]);
    expect(w.violations).toEqual([]);
  }, 600_000);
});
