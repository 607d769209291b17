/**
 * Oversight in Chromium on a local stack of its own (issue #12): a citizen objects through the
 * notice page's plain form with JavaScript off and gets a receipt number; dev-admin resolves it on
 * the objections screen (upheld) and fills the freed money by 递补; after the notice periods the
 * round is funded, and dev-admin downloads the ranking as .xlsx (read back with exceljs: a ranking
 * row with its reason) and as CSV (UTF-8 BOM), runs an inspection draw (dry run, then the same seed
 * committed); dev-inspector records findings. No console errors; axe finds no serious or critical
 * violation on any screen at 375 or 1280 px.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleStack, SHOTS, signInAs, startConsoleStack, watch } from './console-kit.ts';
import { CHROMIUM_PATH, DESKTOP, MOBILE, openContext } from './notice-page.ts';
import {
  decideSupplement,
  downloadCsv,
  downloadExcel,
  recordFindings,
  resolveObjection,
  runDraw,
} from './round/oversight.ts';
import {
  atGate,
  type NoticeRound,
  seedNoticeRound,
  skipWaits,
  waitForPipeline,
} from './round/oversight-seed.ts';
import { objectThroughForm, watchNoScript } from './round/public.ts';
import { client } from './round/review-seed.ts';

const haveChromium = existsSync(CHROMIUM_PATH);
const DIR = `${SHOTS}/oversight`;

type Stack = ConsoleStack;
let stack: Stack | undefined;
let base = '';
let round: NoticeRound;
const names = ['监督测试联盟甲', '监督测试联盟乙', '监督测试联盟丙'] as const;
const grounds = '该联盟申报材料中的合作期限与协议书不一致，请核实。';

describe.skipIf(!haveChromium && !process.env['CI'])('oversight screens in Chromium', () => {
  beforeAll(async () => {
    mkdirSync(DIR, { recursive: true });
    stack = await startConsoleStack();
    base = stack.urls.api;
    const s = stack;
    round = await seedNoticeRound(base, (user) => s.token(user as Parameters<Stack['token']>[0]), names);
  }, 240_000);

  afterAll(async () => {
    await stack?.stop();
  });

  it('object without JavaScript, resolve, 递补, export, draw and record findings', async () => {
    const call = client(base);
    const { roundId, admin } = round;

    // --- the public, JavaScript off --------------------------------------------------------------
    const publicCtx = await openContext(MOBILE, { javaScriptEnabled: false, mobile: true });
    const axeCtx = await openContext(MOBILE, { javaScriptEnabled: true, mobile: true });
    let objectionId: string;
    try {
      const page = await publicCtx.context.newPage();
      const w = watchNoScript(page, await axeCtx.context.newPage(), DIR);
      objectionId = await objectThroughForm(page, base, w, {
        roundId,
        allianceName: names[0],
        text: grounds,
      });
      expect(w.errors).toEqual([]);
      expect(w.violations).toEqual([]);
    } finally {
      await publicCtx.close();
      await axeCtx.close();
    }
    const listed = await call<{ items: { id: string; allianceId: string }[] }>(
      'GET',
      `/v1/rounds/${roundId}/objections`,
      { token: admin },
    );
    expect(listed.items.find((o) => o.id === objectionId)?.allianceId).toBe(round.alliances[0]!.id);

    // The notice period passes: the objection holds the round.
    await skipWaits(base);
    await waitForPipeline(base, admin, roundId, 'the objections gate', atGate('objections'));

    // --- the programme office ----------------------------------------------------------------------
    const { context, close } = await openContext(DESKTOP, { javaScriptEnabled: true });
    try {
      const page = await context.newPage();
      const w = watch(page, 'both', DIR);
      await signInAs(page, base, 'dev-admin');
      await resolveObjection(page, base, w, {
        roundId,
        grounds,
        outcome: 'upheld',
        reason: '经核实，合作期限不一致',
      });
      await waitForPipeline(base, admin, roundId, 'the 递补 decision', atGate('supplement'));
      await page.reload();
      await decideSupplement(page, base, w, {
        roundId,
        decision: 'fill',
        reason: '按排名递补',
        expectAdded: names[2],
      });
      // The supplementary notice period passes; the round is funded.
      await skipWaits(base);
      await waitForPipeline(base, admin, roundId, 'designation', (p) => p.status === 'SUCCEEDED', 90_000);

      const rows = await downloadExcel(page, base, w, { roundId, which: 'ranking' });
      expect(rows[0]).toEqual([
        '排名',
        '联盟编号',
        '联盟名称',
        '最终得分',
        '是否资助',
        '拟支持金额（元）',
        '理由',
        '调整说明',
        '撤销',
      ]);
      const second = rows.find((r) => r[2] === names[1]);
      expect(second, JSON.stringify(rows)).toBeTruthy();
      expect(second![4]).toBe('是');
      expect(second![6]!.length).toBeGreaterThan(4);
      const first = rows.find((r) => r[2] === names[0])!;
      expect(first[8]).not.toBe('');
      const csv = await downloadCsv(page, base, w, { roundId, which: 'ranking' });
      expect(csv.startsWith('\uFEFF排名,联盟编号,联盟名称')).toBe(true);
      expect(csv).toContain(names[1]);
      const awards = await downloadExcel(page, base, w, { roundId, which: 'awards' });
      expect(
        awards
          .slice(1)
          .map((r) => r[2])
          .sort(),
      ).toEqual([names[1], names[2]].sort());

      // --- inspections: an inspector registered, a draw of every designated alliance ------------------
      await call('PUT', '/v1/inspectors/dev-inspector', {
        token: admin,
        body: { name: '检查员', affiliations: [], conflicts: [] },
      });
      const draw = await runDraw(page, base, w, { sharePercent: 100, seed: 'oversight-test-seed' });
      expect(draw.picks).toBeGreaterThanOrEqual(1);
      await w.screen('inspections-admin');
      expect(w.errors).toEqual([]);
      expect(w.violations).toEqual([]);

      // --- the inspector -------------------------------------------------------------------------
      await signInAs(page, base, 'dev-inspector');
      const inspections = await call<{ items: { allianceName?: string; inspectorId: string | null }[] }>(
        'GET',
        '/v1/inspections',
        { token: admin },
      );
      const mine = inspections.items.find((i) => i.inspectorId === 'dev-inspector' && i.allianceName);
      expect(mine, JSON.stringify(inspections.items)).toBeTruthy();
      await recordFindings(page, base, w, {
        allianceName: mine!.allianceName!,
        findings: '现场检查：专账管理规范，进度符合计划。',
        rating: '良好',
        followUp: '补充季度考核记录',
      });
      expect(w.errors).toEqual([]);
      expect(w.violations).toEqual([]);
    } finally {
      await close();
    }
  }, 400_000);
});
