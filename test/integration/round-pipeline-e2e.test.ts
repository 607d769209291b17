/**
 * Issue #4 end to end on the local stack, through the API only (plus the local clock control to
 * skip the notice period's Wait): close → screening (automatic findings, admin decisions) →
 * reviewer assignment (organisation-level conflicts, a late conflict replaced) → reviews →
 * ranking and selection within the budget → approval → public notice → an upheld objection →
 * 递补 (the freed money to the next alliance, a supplementary notice, an objection on it) →
 * designation and funding. Every status, award and audit record is checked.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { noticeTitle } from '../../shared/domain/notice.ts';
import { CHROMIUM_PATH, checkNoticePage, MOBILE, openContext } from '../browser/notice-page.ts';
import { api, apiUrl, eventually, skipWaits, tokenFor, uid } from './client.ts';
import { roundBody, submittedAlliance, twoEnterprisesTwoSocieties } from './fixtures.ts';

describe('one round from close to funded, through the API', () => {
  it('runs every stage and records every decision', async () => {
    const admin = await tokenFor(['admin'], uid('admin'));
    const round = await api('POST', '/v1/rounds', {
      token: admin,
      body: roundBody({
        budget: 650_000,
        perAllianceCap: 300_000,
        reviewersPerAlliance: 2,
        noticePeriodDays: 3,
      }),
    });
    expect(round.status, round.text).toBe(201);
    const roundId = round.body.id as string;
    const pipeline = async () => (await api('GET', `/v1/rounds/${roundId}/pipeline`, { token: admin })).body;
    const waitForStage = (stage: string) =>
      eventually(
        async () => {
          const status = await pipeline();
          if (status.status === 'FAILED') {
            const executions = await fetch(`${apiUrl}/local/executions`).then(
              (r) => r.json() as Promise<{ name: string; error?: string; cause?: string }[]>,
            );
            const mine = executions.find((e) => e.name === `round-${roundId}`);
            throw new Error(
              `pipeline failed: ${JSON.stringify(status.history.at(-1))} ${mine?.error}: ${mine?.cause}`,
            );
          }
          return status.stage === stage && status.waitingOn ? status : undefined;
        },
        `stage ${stage}`,
        30_000,
      );

    const [e1, e2, s1, s2] = await twoEnterprisesTwoSocieties();
    const a = await submittedAlliance(roundId, e1, s1, '联盟甲', 300_000);
    const b = await submittedAlliance(roundId, e2, s2, '联盟乙', 300_000);
    const c = await submittedAlliance(roundId, e1, s2, '联盟丙', 300_000);
    const d = await submittedAlliance(roundId, e2, s1, '联盟丁', 200_000);

    // The committee: r1 belongs to e1's organisation (a conflict with a and c), r4 declares s2.
    const reviewers = ['r1', 'r2', 'r3', 'r4'].map((r) => ({ id: uid(r), name: r }));
    const conflictsOf: Record<string, string[]> = { r1: [], r2: [], r3: [], r4: [s2.org.id] };
    for (const [i, r] of reviewers.entries()) {
      const res = await api('PUT', `/v1/rounds/${roundId}/reviewers/${r.id}`, {
        token: admin,
        body: {
          reviewerId: r.id,
          name: `专家${i + 1}`,
          expertise: ['optoelectronics'],
          affiliations: r.name === 'r1' ? [e1.org.id] : [],
          conflicts: conflictsOf[r.name],
        },
      });
      expect(res.status, res.text).toBe(200);
    }

    // --- close → screening ---------------------------------------------------------------------
    const closed = await api('POST', `/v1/rounds/${roundId}/close`, {
      token: admin,
      body: { reason: '申报截止' },
    });
    expect(closed.status, closed.text).toBe(202);
    await waitForStage('screening');
    const screening = await api('GET', `/v1/rounds/${roundId}/screening`, { token: admin });
    expect(screening.body.total).toBe(4);
    for (const item of screening.body.items) expect(item.findings.eligible).toBe(true);
    expect(
      (await api('POST', `/v1/rounds/${roundId}/screening/${a}`, { token: admin, body: { outcome: 'pass' } }))
        .status,
    ).toBe(400); // a reason is required
    for (const id of [a, b, c]) {
      const res = await api('POST', `/v1/rounds/${roundId}/screening/${id}`, {
        token: admin,
        body: { outcome: 'pass', reason: '符合申报条件' },
      });
      expect(res.status, res.text).toBe(200);
    }
    const rejected = await api('POST', `/v1/rounds/${roundId}/screening/${d}`, {
      token: admin,
      body: { outcome: 'reject', reason: '与本年度已立项项目重复' },
    });
    expect(rejected.body.screeningComplete).toBe(true);
    const dView = await api('GET', `/v1/alliances/${d}`, { token: e2.token });
    expect(dView.body).toMatchObject({
      status: 'rejected',
      screening: { outcome: 'reject', reason: '与本年度已立项项目重复' },
    });

    // --- assignment and reviews --------------------------------------------------------------------
    await waitForStage('review');
    const assigned = (await api('GET', `/v1/rounds/${roundId}/assignments`, { token: admin })).body.items as {
      allianceId: string;
      reviewerId: string;
      status: string;
    }[];
    expect(assigned.filter((x) => x.status === 'assigned')).toHaveLength(3 * 2);
    const r1 = reviewers[0]!.id;
    const r4 = reviewers[3]!.id;
    for (const x of assigned) {
      if (x.reviewerId === r1) expect([a, c]).not.toContain(x.allianceId);
      if (x.reviewerId === r4) expect([b, c]).not.toContain(x.allianceId);
    }
    const reviewerTokens = Object.fromEntries(
      await Promise.all(reviewers.map(async (r) => [r.id, await tokenFor(['reviewer'], r.id)] as const)),
    );
    // One reviewer declares a late conflict and is replaced at once.
    // On a, one of r2/r3/r4 can step in; on c (r1 and r4 conflicted) nobody can: a recorded shortfall.
    const someone = assigned.find((x) => x.status === 'assigned' && x.allianceId === a)!;
    const declared = await api('POST', `/v1/reviews/assignments/${roundId}/${someone.allianceId}/conflict`, {
      token: reviewerTokens[someone.reviewerId],
      body: { reason: '本人曾为该联盟成员单位提供咨询' },
    });
    expect(declared.status, declared.text).toBe(200);
    expect(declared.body.replacedBy).toHaveLength(1);
    expect([r1, someone.reviewerId]).not.toContain(declared.body.replacedBy[0]);
    const onC = assigned.find((x) => x.status === 'assigned' && x.allianceId === c)!;
    const noOne = await api('POST', `/v1/reviews/assignments/${roundId}/${c}/conflict`, {
      token: reviewerTokens[onC.reviewerId],
      body: { reason: '与联盟成员单位存在利益关系' },
    });
    expect(noOne.body).toMatchObject({ replacedBy: [], shortfall: true });
    expect(
      (
        await api('GET', `/v1/reviews/assignments/${roundId}/${someone.allianceId}`, {
          token: reviewerTokens[someone.reviewerId],
        })
      ).status,
    ).toBe(404);

    const scoresFor = (allianceId: string) => {
      const base = allianceId === a ? 9 : allianceId === b ? 7 : 5;
      return { innovation: base, feasibility: base, impact: base - 1 };
    };
    const current = (
      await api('GET', `/v1/rounds/${roundId}/assignments`, { token: admin })
    ).body.items.filter((x: { status: string }) => x.status === 'assigned');
    for (const [i, x] of current.entries()) {
      const token = reviewerTokens[x.reviewerId];
      const mine = await api('GET', '/v1/reviews/assignments', { token });
      expect(mine.body.items.map((m: { allianceId: string }) => m.allianceId)).toContain(x.allianceId);
      const read = await api('GET', `/v1/reviews/assignments/${roundId}/${x.allianceId}`, { token });
      expect(read.status).toBe(200);
      expect(read.body.alliance.name).toBeTruthy();
      expect(JSON.stringify(read.body)).not.toContain('"scores"'); // nobody else's scores
      const bad = await api('PUT', `/v1/reviews/assignments/${roundId}/${x.allianceId}`, {
        token,
        body: { scores: { innovation: 11, feasibility: 5 }, comment: 'x', recommendation: 'fund' },
      });
      expect(bad.status).toBe(400);
      const res = await api('PUT', `/v1/reviews/assignments/${roundId}/${x.allianceId}`, {
        token,
        body: { scores: scoresFor(x.allianceId), comment: `评审意见 ${i}`, recommendation: 'fund' },
      });
      expect(res.status, res.text).toBe(200);
    }
    // A reviewer cannot read an alliance not assigned to them.
    const stranger = await tokenFor(['reviewer']);
    expect((await api('GET', `/v1/reviews/assignments/${roundId}/${a}`, { token: stranger })).status).toBe(
      404,
    );

    // --- ranking, selection, approval -------------------------------------------------------------
    await waitForStage('selection');
    const ranking = (await api('GET', `/v1/rounds/${roundId}/ranking`, { token: admin })).body;
    expect(ranking).toMatchObject({
      status: 'proposed',
      result: { rows: 3, funded: 2, totalAwarded: 600_000 },
    });
    const rows = ranking.items.map((i: { proposed: unknown }) => i.proposed) as {
      allianceId: string;
      funded: boolean;
      award: number;
      reason: { en: string; zh: string };
      budgetIncreaseToFund?: number;
    }[];
    expect(ranking.items.map((r: { allianceId: string }) => r.allianceId)).toEqual([a, b, c]);
    for (const { ranking: r } of ranking.items)
      expect(r).toMatchObject({ rawMean: expect.any(Number), calibratedMean: expect.any(Number) });
    expect(rows.filter((r) => r.funded).map((r) => r.allianceId)).toEqual([a, b]);
    const cRow = rows.find((r) => r.allianceId === c)!;
    expect(cRow.reason.en).toMatch(/300,000/);
    expect(cRow.reason.en).toMatch(/50,000/);
    expect(cRow.budgetIncreaseToFund).toBe(250_000);
    const over = await api('POST', `/v1/rounds/${roundId}/selection/approve`, {
      token: admin,
      body: { adjustments: [{ allianceId: c, action: 'include', reason: '跨学科' }] },
    });
    expect(over.status).toBe(422); // the budget still holds
    const approved = await api('POST', `/v1/rounds/${roundId}/selection/approve`, {
      token: admin,
      body: { note: '按排名择优支持' },
    });
    expect(approved.status, approved.text).toBe(200);
    expect(approved.body).toMatchObject({ funded: 2, totalAwarded: 600_000 });

    // --- public notice and an objection ---------------------------------------------------------------
    await waitForStage('public-notice');
    const notice = (await fetch(`${apiUrl}/v1/public/rounds/${roundId}/notice`).then((r) => r.json())) as any;
    expect(notice.entries.map((e: { allianceId: string }) => e.allianceId)).toEqual([a, b]);
    const page = await fetch(`${apiUrl}/v1/public/rounds/${roundId}/notice.html`);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    const html = await page.text();
    expect(html).toContain('联盟甲');
    expect(html).not.toMatch(/<script/i);
    // The live page in headless Chromium (phone viewport, JavaScript off): everything readable, nothing loaded.
    if (existsSync(CHROMIUM_PATH) || process.env.CI) {
      const { context, close } = await openContext(MOBILE, { mobile: true });
      try {
        await checkNoticePage(await context.newPage(), `${apiUrl}/v1/public/rounds/${roundId}/notice.html`, {
          title: noticeTitle(notice.year),
          allianceNames: ['联盟甲', '联盟乙'],
          total: '¥600,000',
        });
      } finally {
        await close();
      }
    }
    const objection = await api('POST', `/v1/public/rounds/${roundId}/objections`, {
      body: {
        allianceId: b,
        name: '王某',
        contact: 'wang@example.cn',
        text: '该联盟成员单位的研发人员数据与实际不符。',
      },
    });
    expect(objection.status, objection.text).toBe(201);
    const notAnnounced = await api('POST', `/v1/public/rounds/${roundId}/objections`, {
      body: { allianceId: c, name: '王某', contact: 'wang@example.cn', text: '……' },
    });
    expect(notAnnounced.status).toBe(404);
    // The notice period passes (the local clock control ends the Wait now).
    await eventually(
      async () => ((await skipWaits(roundId)) > 0 ? true : undefined),
      'the notice period wait',
    );
    await waitForStage('objections');
    const resolved = await api('POST', `/v1/rounds/${roundId}/objections/${objection.body.id}/resolve`, {
      token: admin,
      body: { outcome: 'upheld', reason: '经核实，研发人员数据不实' },
    });
    expect(resolved.status, resolved.text).toBe(200);
    // The notice tells the truth: b is still listed, withdrawn with the date and the ground; the totals leave it out.
    const after = (await fetch(`${apiUrl}/v1/public/rounds/${roundId}/notice`).then((r) => r.json())) as any;
    expect(after.entries.map((e: { allianceId: string }) => e.allianceId)).toEqual([a, b]);
    expect(after.entries[1].withdrawn).toEqual({
      at: expect.any(String),
      ground: '经核实，研发人员数据不实',
    });
    expect(after.entries[0].withdrawn).toBeUndefined();
    expect(after.totalAward).toBe(300_000);
    expect(after.revisions.map((r: { revision: number }) => r.revision)).toEqual([1, 2]);
    const withdrawnPage = await (await fetch(`${apiUrl}/v1/public/rounds/${roundId}/notice.html`)).text();
    expect(withdrawnPage).toContain('已撤销');
    expect(withdrawnPage).toContain('合计（1个联盟，不含已撤销的1个）');
    if (existsSync(CHROMIUM_PATH) || process.env.CI) {
      const { context, close } = await openContext(MOBILE, { mobile: true });
      try {
        const page = await context.newPage();
        await checkNoticePage(page, `${apiUrl}/v1/public/rounds/${roundId}/notice.html`, {
          title: noticeTitle(notice.year),
          allianceNames: ['联盟甲', '联盟乙'],
          total: '¥300,000',
        });
        // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what is checked
        const row = await page.locator(`#alliance-${b}`).innerText();
        expect(row).toContain('已撤销');
        expect(row).toContain('经核实，研发人员数据不实');
        expect(await page.locator(`#alliance-${b} del`).isVisible()).toBe(true);
      } finally {
        await close();
      }
    }

    // --- 递补: b's ¥300,000 is freed; the office previews the fill, fills, c gets a supplementary notice ---
    await waitForStage('supplement');
    const preview = await api('GET', `/v1/rounds/${roundId}/supplement`, { token: admin });
    expect(preview.status, preview.text).toBe(200);
    expect(preview.body).toMatchObject({
      awaitingDecision: true,
      covers: [b],
      freed: 300_000,
      available: 350_000,
      additions: [{ allianceId: c, award: 300_000 }],
    });
    expect(preview.body.summary.zh).toBe(
      '释放 ¥300,000，可用 ¥350,000：递补 1 个联盟，共 ¥300,000，余 ¥50,000',
    );
    const noReason = await api('POST', `/v1/rounds/${roundId}/supplement`, {
      token: admin,
      body: { decision: 'fill' },
    });
    expect(noReason.status).toBe(400);
    const filled = await api('POST', `/v1/rounds/${roundId}/supplement`, {
      token: admin,
      body: { decision: 'fill', reason: '按排名递补' },
    });
    expect(filled.status, filled.text).toBe(200);
    expect(filled.body).toMatchObject({ decision: 'fill', additions: [{ allianceId: c, award: 300_000 }] });
    const twice = await api('POST', `/v1/rounds/${roundId}/supplement`, {
      token: admin,
      body: { decision: 'decline', reason: '再次' },
    });
    expect(twice.status).toBe(409);
    expect(
      await (async () => (await api('GET', `/v1/alliances/${c}`, { token: e1.token })).body.status)(),
    ).toBe('selected');
    // c's members are told it was selected after all (they were told "not selected" at the selection).
    const told = (
      (await api('GET', '/v1/notifications?limit=100', { token: e1.token })).body.items as any[]
    ).filter((n) => n.topic === 'selection-result' && n.subject.allianceId === c);
    expect(told.map((n) => [n.data.selected, n.occasion.endsWith('#supplement#1')])).toEqual(
      expect.arrayContaining([[true, true]]),
    );
    // The notice now lists c as added by 递补 with its own period; the total counts a and c.
    const supplemented = (await fetch(`${apiUrl}/v1/public/rounds/${roundId}/notice`).then((r) =>
      r.json(),
    )) as any;
    expect(supplemented.entries.map((e: { allianceId: string }) => e.allianceId)).toEqual([a, b, c]);
    expect(supplemented.entries[2].supplement).toEqual({
      publishedAt: expect.any(String),
      endsAt: filled.body.noticeEndsAt,
    });
    expect(supplemented.totalAward).toBe(600_000);
    expect(supplemented.revisions.at(-1).change.zh).toContain('补充公示：按排名递补 联盟丙');
    const supplementPage = await (await fetch(`${apiUrl}/v1/public/rounds/${roundId}/notice.html`)).text();
    expect(supplementPage).toContain('<strong>递补</strong>（补充公示期至');
    // Objections against c are accepted during its own period.
    const objectionOnC = await api('POST', `/v1/public/rounds/${roundId}/objections`, {
      body: { allianceId: c, name: '赵某', contact: 'zhao@example.cn', text: '请核实该联盟的服务内容。' },
    });
    expect(objectionOnC.status, objectionOnC.text).toBe(201);
    await eventually(
      async () => ((await skipWaits(roundId)) > 0 ? true : undefined),
      'the supplementary notice period wait',
    );
    // The objection to c holds the round; the status page says so (its stage stays 递补's).
    await eventually(
      async () => ((await pipeline()).waitingOn?.includes('objection') ? true : undefined),
      'the objections gate of the supplementary notice',
    );
    const dismissed = await api('POST', `/v1/rounds/${roundId}/objections/${objectionOnC.body.id}/resolve`, {
      token: admin,
      body: { outcome: 'dismissed', reason: '经核查，服务内容属实' },
    });
    expect(dismissed.status, dismissed.text).toBe(200);

    // --- designation and funding -----------------------------------------------------------------------
    const done = await eventually(
      async () => {
        const status = await pipeline();
        return status.status === 'SUCCEEDED' ? status : undefined;
      },
      'the pipeline to finish',
      30_000,
    );
    expect(done.stage, JSON.stringify(done)).toBe('implementation');
    expect(done.history.map((h: { stage: string }) => h.stage)).toEqual(
      expect.arrayContaining([
        'starting',
        'closing-applications',
        'screening',
        'review',
        'selection',
        'public-notice',
        'objections',
        'supplement',
        'designation',
        'implementation',
      ]),
    );
    const status = async (id: string, token: string) =>
      (await api('GET', `/v1/alliances/${id}`, { token })).body.status;
    expect(await status(a, e1.token)).toBe('designated');
    expect(await status(b, e2.token)).toBe('dropped');
    expect(await status(c, e1.token)).toBe('designated');
    expect((await api('GET', `/v1/alliances/${c}/award`, { token: e1.token })).body.amount).toBe(300_000);
    expect(await status(d, e2.token)).toBe('rejected');
    const award = await api('GET', `/v1/alliances/${a}/award`, { token: s1.token });
    expect(award.status, award.text).toBe(200);
    expect(award.body).toMatchObject({
      amount: 300_000,
      lines: [{ lineId: 'equipment', allocation: 300_000, spent: 0 }],
    });
    expect(award.body.deadlines.map((x: { kind: string }) => x.kind)).toEqual([
      'annual-report',
      'completion-report',
    ]);
    expect((await api('GET', `/v1/alliances/${b}/award`, { token: e2.token })).status).toBe(404);
    expect((await api('GET', `/v1/rounds/${roundId}`, {})).body.status).toBe('funded');

    // Every decision is in the audit trail, with who, when and why.
    const trail = async (id: string) =>
      (await api('GET', `/v1/alliances/${id}/history?limit=100`, { token: admin })).body.items as {
        action: string;
        actor: { kind: string };
        reason?: string;
        at: string;
      }[];
    const aTrail = await trail(a);
    for (const action of [
      'alliance.submitted',
      'screening.pass',
      'alliance.in-review',
      'alliance.selected',
      'alliance.designated',
    ]) {
      const entry = aTrail.find((e) => e.action === action);
      expect(entry, action).toBeDefined();
      expect(entry!.at).toBeTruthy();
    }
    expect((await trail(b)).find((e) => e.action === 'alliance.dropped')?.reason).toContain(
      '研发人员数据不实',
    );
    const roundTrail = (await api('GET', `/v1/rounds/${roundId}/history?limit=100`, { token: admin })).body
      .items as { action: string; reason?: string }[];
    for (const action of [
      'round.created',
      'round.applications-closed',
      'pipeline.reviewers-assigned',
      'pipeline.reviews-concluded',
      'pipeline.selection-proposed',
      'selection.approved',
      'pipeline.selection-applied',
      'pipeline.notice-published',
      'objection.filed',
      'objection.upheld',
      'selection.supplemented',
      'objection.dismissed',
      'round.funded',
    ]) {
      expect(
        roundTrail.map((e) => e.action),
        action,
      ).toContain(action);
    }
    expect((await api('GET', `/v1/rounds/${roundId}/history`, { token: e1.token })).status).toBe(403);
    expect((await trail(d)).find((e) => e.action === 'screening.reject')).toMatchObject({
      actor: { kind: 'user' },
      reason: '与本年度已立项项目重复',
    });
  });
});
