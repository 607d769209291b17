/**
 * Races the other suites leave out (issue #11, RELIABILITY.md): ledger.test.ts sends 50 expenses
 * at one line and 5 reversals at one entry; here expenses and reallocations race for the same
 * line's money (two kinds of write on the one award item), and ten members update a plan from
 * the same version at once (optimistic versions under contention, not only one stale retry).
 */
import { describe, expect, it } from 'vitest';
import { chinaDate, verifiedReceipt } from './authz-world.ts';
import { api, tokenFor } from './client.ts';
import {
  allianceContent,
  allianceOfTwo,
  applicantWithOrg,
  enterpriseBody,
  openRound,
  seedAward,
  societyBody,
} from './fixtures.ts';

async function designated(admin: string) {
  const roundId = await openRound(admin);
  const [lead, partner] = await Promise.all([
    applicantWithOrg(enterpriseBody()),
    applicantWithOrg(societyBody()),
  ]);
  const allianceId = await allianceOfTwo(lead, partner, {
    roundId,
    name: '并发测试联盟',
    ...allianceContent([partner.org.id]),
    period: { start: chinaDate(-365), end: chinaDate(365) },
  });
  await seedAward(allianceId, roundId, [
    { lineId: 'equipment', category: '设备费', allocation: 100_000 },
    { lineId: 'experts', category: '专家咨询费', allocation: 100_000 },
  ]);
  return { allianceId, lead, partner };
}

describe('races on one alliance', () => {
  it('30 expenses and 10 reallocations out of one line at once never take it below zero, and the books balance', async () => {
    const admin = await tokenFor(['admin']);
    const { allianceId, lead, partner } = await designated(admin);
    const receipts = await Promise.all(
      Array.from({ length: 30 }, (_, i) => verifiedReceipt(allianceId, i % 2 ? lead.token : partner.token)),
    );
    // ¥120,000 of expenses and ¥50,000 of reallocations against the line's ¥100,000.
    const expenses = receipts.map((receiptDocumentId, i) =>
      api('POST', `/v1/alliances/${allianceId}/ledger/expenses`, {
        token: i % 2 ? lead.token : partner.token,
        body: {
          lineId: 'equipment',
          amount: 4_000,
          date: chinaDate(-1),
          description: `并发支出 ${i}`,
          receiptDocumentId,
        },
      }),
    );
    const reallocations = Array.from({ length: 10 }, (_, i) =>
      api('POST', `/v1/alliances/${allianceId}/ledger/reallocations`, {
        token: admin,
        body: { fromLineId: 'equipment', toLineId: 'experts', amount: 5_000, reason: `并发调剂 ${i}` },
      }),
    );
    const [spent, moved] = await Promise.all([Promise.all(expenses), Promise.all(reallocations)]);
    const accepted = {
      expenses: spent.filter((r) => r.status === 201).length,
      reallocations: moved.filter((r) => r.status === 201).length,
    };
    const refusals: Record<string, number> = {};
    for (const r of [...spent, ...moved].filter((r) => r.status !== 201)) {
      expect([409, 422], r.text).toContain(r.status);
      const key = `${r.status} ${r.body?.error?.details?.[0]?.code ?? r.body?.error?.code}`;
      refusals[key] = (refusals[key] ?? 0) + 1;
    }
    console.log(
      `ledger race: ${accepted.expenses}/30 expenses (¥4,000) and ${accepted.reallocations}/10 reallocations (¥5,000) accepted out of a ¥100,000 line; refusals ${JSON.stringify(refusals)}`,
    );

    const ledger = await api('GET', `/v1/alliances/${allianceId}/ledger?limit=100`, { token: admin });
    expect(ledger.status, ledger.text).toBe(200);
    const line = (id: string) => ledger.body.lines.find((l: { lineId: string }) => l.lineId === id);
    const out = accepted.reallocations * 5_000;
    expect(line('equipment')).toMatchObject({
      allocation: 100_000 - out,
      spent: accepted.expenses * 4_000,
      remaining: 100_000 - out - accepted.expenses * 4_000,
    });
    expect(line('equipment').remaining).toBeGreaterThanOrEqual(0);
    expect(line('experts')).toMatchObject({ allocation: 100_000 + out, spent: 0 });
    expect(ledger.body.totals).toMatchObject({ allocation: 200_000, spent: accepted.expenses * 4_000 });
    expect(ledger.body.entries).toHaveLength(accepted.expenses);
    // ¥170,000 asked of ¥100,000, so some were refused; the line was filled, not starved: what is
    // left covers no refused expense.
    expect(line('equipment').remaining).toBeLessThan(4_000);
  });

  it('ten updates of a plan from the same version at once: exactly one lands, the others get 409', async () => {
    const admin = await tokenFor(['admin']);
    const { allianceId, lead, partner } = await designated(admin);
    const plan = await api('GET', `/v1/alliances/${allianceId}/plan`, { token: lead.token });
    expect(plan.status, plan.text).toBe(200);
    const updates = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        api('PUT', `/v1/alliances/${allianceId}/plan`, {
          token: i % 2 ? lead.token : partner.token,
          body: {
            milestones: plan.body.milestones.map((m: { id: string; title: string; due: string }) => ({
              id: m.id,
              title: `${m.title}（第 ${i} 版）`,
              due: m.due,
            })),
            indicators: plan.body.indicators,
            version: plan.body.version,
            reason: `并发修改 ${i}`,
          },
        }),
      ),
    );
    const landed = updates.filter((r) => r.status === 200);
    expect(landed).toHaveLength(1);
    for (const r of updates.filter((r) => r.status !== 200)) {
      expect(r.status, r.text).toBe(409);
      expect(r.body.error.code).toBe('version_conflict');
    }
    const after = await api('GET', `/v1/alliances/${allianceId}/plan`, { token: admin });
    expect(after.body.version).toBe(plan.body.version + 1);
    expect(after.body.history).toHaveLength(plan.body.history.length + 1);
    expect(after.body.milestones[0].title).toBe(landed[0]!.body.milestones[0].title);
  });
});
