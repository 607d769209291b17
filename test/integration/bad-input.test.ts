/**
 * Bad input gets a clear 4xx in the documented error shape, never a 5xx: missing fields, wrong
 * types, negative money, unknown fields, malformed JSON, oversized bodies, stale versions, and
 * (fast-check) arbitrary JSON thrown at every body-taking endpoint.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, tokenFor } from './client.ts';
import { applicantWithOrg, enterpriseBody, roundBody, societyBody } from './fixtures.ts';

function expectErrorShape(res: { status: number; body: any; text: string }, status: number) {
  expect(res.status, res.text).toBe(status);
  expect(res.body.error).toMatchObject({
    code: expect.any(String),
    message: expect.any(String),
    details: expect.any(Array),
  });
}

describe('bad input on the organisation, round and alliance endpoints', () => {
  let admin: string;
  let applicant: string;
  let allianceId: string;
  let roundId: string;

  beforeAll(async () => {
    admin = await tokenFor(['admin']);
    const round = await api('POST', '/v1/rounds', { token: admin, body: roundBody() });
    roundId = round.body.id;
    const party = await applicantWithOrg(enterpriseBody());
    applicant = party.token;
    const alliance = await api('POST', '/v1/alliances', {
      token: applicant,
      body: { roundId, name: 'bad input test' },
    });
    allianceId = alliance.body.id;
  });

  const cases: [string, () => Record<string, unknown>, string][] = [
    [
      'a missing field',
      () => {
        const b = enterpriseBody();
        delete (b as Record<string, unknown>).employees;
        return b;
      },
      'body.employees',
    ],
    ['a wrong type', () => enterpriseBody({ employees: '120' }), 'body.employees'],
    [
      'negative money',
      () => enterpriseBody({ finances: { year: 2025, operatingRevenue: -1, rdExpenditure: 0 } }),
      'body.finances.operatingRevenue',
    ],
    [
      'fractional yuan',
      () => enterpriseBody({ finances: { year: 2025, operatingRevenue: 10.5, rdExpenditure: 0 } }),
      'body.finances.operatingRevenue',
    ],
    ['an unknown field', () => enterpriseBody({ isAdmin: true }), 'body'],
    ['a wrong USCC check character', () => enterpriseBody({ uscc: '91350100M000100Y44' }), 'body.uscc'],
    ['more R&D staff than employees', () => enterpriseBody({ employees: 5, rdStaff: 6 }), 'body.rdStaff'],
    ['an unknown kind', () => ({ ...societyBody(), kind: 'club' }), 'body.kind'],
  ];
  it.each(cases)('POST /v1/organisations with %s → 400 naming the field', async (_, body, path) => {
    const token = await tokenFor(['applicant']);
    const res = await api('POST', '/v1/organisations', { token, body: body() });
    expectErrorShape(res, 400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
  });

  it('malformed JSON → 400 malformed_json; a body that is not JSON → 415', async () => {
    const token = await tokenFor(['applicant']);
    const malformed = await api('POST', '/v1/organisations', {
      token,
      rawBody: '{"kind": "enterprise",',
      headers: { 'content-type': 'application/json' },
    });
    expectErrorShape(malformed, 400);
    expect(malformed.body.error.code).toBe('malformed_json');
    const form = await api('POST', '/v1/organisations', {
      token,
      rawBody: 'kind=enterprise',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expectErrorShape(form, 415);
  });

  it('a body over the endpoint limit → 413, and over API Gateway’s 10 MB → 413 before any handler', async () => {
    const big = await api('PATCH', `/v1/alliances/${allianceId}`, {
      token: applicant,
      body: { version: 1, summary: 'x'.repeat(300 * 1024) },
    });
    expectErrorShape(big, 413);
    const huge = await api('PATCH', `/v1/alliances/${allianceId}`, {
      token: applicant,
      rawBody: Buffer.alloc(10 * 1024 * 1024 + 10, 0x20),
      headers: { 'content-type': 'application/json' },
    });
    expect(huge.status).toBe(413);
  });

  it('round rules: window order, cap over budget and rubric weights → 400 with each field', async () => {
    const body = roundBody({
      perAllianceCap: 3_000_000,
      applicationWindow: { opensAt: '2027-02-01T00:00:00Z', closesAt: '2027-01-01T00:00:00Z' },
      rubric: [{ id: 'a', name: 'A', weight: 50, max: 10 }],
    });
    const res = await api('POST', '/v1/rounds', { token: admin, body });
    expectErrorShape(res, 400);
    const paths = res.body.error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(
      expect.arrayContaining(['body.applicationWindow.closesAt', 'body.perAllianceCap', 'body.rubric']),
    );
  });

  it('alliance budget lines: parts larger than the line, duplicate ids, service type 8 → 400', async () => {
    const res = await api('PATCH', `/v1/alliances/${allianceId}`, {
      token: applicant,
      body: {
        version: 1,
        budgetLines: [
          { id: 'x', category: 'A', amount: 100, enterpriseFunds: 80, programmeFunds: 30 },
          { id: 'x', category: 'B', amount: 100, enterpriseFunds: 0, programmeFunds: 0 },
        ],
        serviceTypes: [8],
      },
    });
    expectErrorShape(res, 400);
    const paths = res.body.error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(
      expect.arrayContaining(['body.budgetLines.0.amount', 'body.budgetLines.1.id', 'body.serviceTypes.0']),
    );
  });

  it('a stale version → 409 version_conflict, and the record is unchanged', async () => {
    const first = await api('PATCH', `/v1/alliances/${allianceId}`, {
      token: applicant,
      body: { version: 1, summary: 'first' },
    });
    expect(first.status, first.text).toBe(200);
    const second = await api('PATCH', `/v1/alliances/${allianceId}`, {
      token: applicant,
      body: { version: 1, summary: 'second' },
    });
    expectErrorShape(second, 409);
    expect(second.body.error.code).toBe('version_conflict');
    expect((await api('GET', `/v1/alliances/${allianceId}`, { token: applicant })).body.summary).toBe(
      'first',
    );
  });

  it('errors come in Chinese when asked', async () => {
    const res = await api('POST', '/v1/organisations', {
      token: await tokenFor(['applicant']),
      body: {},
      headers: { 'accept-language': 'zh-CN,zh;q=0.9' },
    });
    expectErrorShape(res, 400);
    expect(res.body.error.message).toMatch(/请求无效/);
  });

  it('never answers 5xx to arbitrary JSON on any body-taking endpoint (fast-check, 40 bodies each)', async () => {
    const token = await tokenFor(['applicant']);
    const endpoints: [string, string, string][] = [
      ['POST', '/v1/organisations', token],
      ['POST', '/v1/rounds', admin],
      ['POST', '/v1/alliances', applicant],
      ['PATCH', `/v1/alliances/${allianceId}`, applicant],
      ['POST', `/v1/alliances/${allianceId}/members`, applicant],
      ['POST', `/v1/alliances/${allianceId}/submit`, applicant],
      ['POST', `/v1/alliances/${allianceId}/documents`, applicant],
    ];
    for (const [method, path, t] of endpoints) {
      await fc.assert(
        fc.asyncProperty(fc.jsonValue({ maxDepth: 3 }), async (value) => {
          const res = await api(method, path, {
            token: t,
            rawBody: JSON.stringify(value),
            headers: { 'content-type': 'application/json' },
          });
          expect(
            res.status,
            `${method} ${path} ${JSON.stringify(value).slice(0, 200)} → ${res.text.slice(0, 300)}`,
          ).toBeLessThan(500);
        }),
        { numRuns: 40, seed: 20261126 },
      );
    }
  });
});

describe('paths as API Gateway matches them', () => {
  it.each([
    ['GET', '/v1/alliances/%E0%A4%A', true],
    ['GET', '/v1/public/rounds/%E0%A4%A/notice', false],
    ['GET', '/v1/%E0%A4%A', false],
    ['POST', '/v1/rounds/r-1/screening/%', true],
  ])(
    '%s %s (a malformed %%-escape) → 400 in the documented shape, in both languages',
    async (method, path, auth) => {
      const token = auth ? await tokenFor(['admin']) : undefined;
      const en = await api(method, path, { ...(token ? { token } : {}) });
      expectErrorShape(en, 400);
      expect(en.body.error.code).toBe('validation_failed');
      expect(en.body.error.details).toEqual([
        expect.objectContaining({ path: 'path', code: 'malformed_escape' }),
      ]);
      const zh = await api(method, path, {
        ...(token ? { token } : {}),
        headers: { 'accept-language': 'zh-CN' },
      });
      expect(zh.body.error.message).toContain('不是有效的百分号编码');
    },
  );

  it('POST /v1/rounds/{id}/screening/complete reaches completeScreening, not a decision on alliance "complete"', async () => {
    const admin = await tokenFor(['admin']);
    const round = await api('POST', '/v1/rounds', { token: admin, body: roundBody() });
    expect(round.status, round.text).toBe(201);
    const res = await api('POST', `/v1/rounds/${round.body.id}/screening/complete`, { token: admin });
    // The round has not reached screening: the complete operation's own answer, not a 404 for a
    // screening record of an alliance called "complete" (what the table order used to give).
    expectErrorShape(res, 409);
    expect(res.body.error.message).toContain('not waiting for screening decisions');
  });
});
