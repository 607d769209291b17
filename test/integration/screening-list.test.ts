/**
 * Issue #10, over HTTP: the screening list comes a page at a time (?cursor=&limit=, 100 by
 * default, 500 at most, an opaque cursor bound to the round), with the gate's counts on every page.
 */
import { describe, expect, it } from 'vitest';
import { api, tokenFor, uid } from './client.ts';
import { atGate, twoAllianceRound, waitForPipeline } from './fixtures.ts';

describe('the screening list', () => {
  it('pages by alliance id with the gate counts, and refuses a bad limit or a foreign cursor in both languages', async () => {
    const admin = await tokenFor(['admin'], uid('admin'));
    const { roundId, a, b } = await twoAllianceRound(admin, {}, [
      ['分页联盟甲', 200_000],
      ['分页联盟乙', 150_000],
    ]);
    const other = await twoAllianceRound(admin, {}, [
      ['分页联盟丙', 200_000],
      ['分页联盟丁', 150_000],
    ]);
    for (const id of [roundId, other.roundId]) {
      const closed = await api('POST', `/v1/rounds/${id}/close`, { token: admin, body: { reason: '截止' } });
      expect(closed.status, closed.text).toBe(202);
    }
    await waitForPipeline(admin, roundId, 'the screening gate', atGate('screening'));
    await waitForPipeline(admin, other.roundId, 'the screening gate', atGate('screening'));
    const decided = await api('POST', `/v1/rounds/${roundId}/screening/${b}`, {
      token: admin,
      body: { outcome: 'reject', reason: '材料不全' },
    });
    expect(decided.status, decided.text).toBe(200);

    const counts = { gate: 'open', total: 2, decided: 1, passed: 0, rejected: 1 };
    const whole = await api('GET', `/v1/rounds/${roundId}/screening`, { token: admin });
    expect(whole.status, whole.text).toBe(200);
    expect(whole.body).toMatchObject(counts);
    expect(whole.body.items.map((i: { allianceId: string }) => i.allianceId)).toEqual([a, b].sort());
    expect(whole.body.nextCursor).toBeUndefined();

    const first = await api('GET', `/v1/rounds/${roundId}/screening?limit=1`, { token: admin });
    expect(first.status, first.text).toBe(200);
    expect(first.body).toMatchObject(counts);
    expect(first.body.items).toHaveLength(1);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const seen = [...first.body.items];
    let cursor: string | undefined = first.body.nextCursor;
    while (cursor) {
      const page = await api(
        'GET',
        `/v1/rounds/${roundId}/screening?limit=1&cursor=${encodeURIComponent(cursor)}`,
        {
          token: admin,
        },
      );
      expect(page.status, page.text).toBe(200);
      seen.push(...page.body.items);
      cursor = page.body.nextCursor;
    }
    expect(seen).toEqual(whole.body.items);
    expect(seen.find((i) => i.allianceId === b).decision).toMatchObject({
      outcome: 'reject',
      reason: '材料不全',
    });

    // 500 at most; 0 is no page size.
    expect((await api('GET', `/v1/rounds/${roundId}/screening?limit=500`, { token: admin })).status).toBe(
      200,
    );
    for (const limit of ['501', '0', 'many']) {
      const res = await api('GET', `/v1/rounds/${roundId}/screening?limit=${limit}`, {
        token: admin,
        headers: { 'accept-language': 'zh-CN' },
      });
      expect(res.status, res.text).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
      expect(res.body.error.message).toMatch(/请求无效/);
    }

    // A cursor of another round's list moves no query into that round.
    const foreign = await api('GET', `/v1/rounds/${other.roundId}/screening?limit=1`, { token: admin });
    expect(foreign.body.nextCursor).toEqual(expect.any(String));
    for (const [lang, message] of [
      ['en', /not a cursor of this listing/],
      ['zh-CN', /不是此列表的游标/],
    ] as const) {
      const res = await api(
        'GET',
        `/v1/rounds/${roundId}/screening?cursor=${encodeURIComponent(foreign.body.nextCursor)}`,
        { token: admin, headers: { 'accept-language': lang } },
      );
      expect(res.status, res.text).toBe(400);
      expect(res.body.error.details).toEqual([
        expect.objectContaining({
          path: 'query.cursor',
          code: 'invalid_cursor',
          message: expect.stringMatching(message),
        }),
      ]);
    }
  });
});
