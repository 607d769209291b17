/**
 * Issue #3 end to end over HTTP: two enterprises and two societies register, build an alliance,
 * confirm, upload the signed agreement through a presigned POST to s3rver, the verifier checks it,
 * the eligibility dry run shows every rule, and submission succeeds. Outsiders see nothing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { api, eventually, tokenFor } from './client.ts';
import {
  allianceContent,
  applicantWithOrg,
  enterpriseBody,
  openRound,
  type Party,
  societyBody,
  tinyPdf,
  uploadWithTicket,
} from './fixtures.ts';

describe('an alliance from draft to submission', () => {
  let admin: string;
  let roundId: string;
  let e1: Party;
  let e2: Party;
  let s1: Party;
  let s2: Party;
  let outsider: Party;
  let allianceId: string;
  let version: number;

  beforeAll(async () => {
    admin = await tokenFor(['admin']);
    roundId = await openRound(admin);
    [e1, e2, s1, s2, outsider] = await Promise.all([
      applicantWithOrg(enterpriseBody()),
      applicantWithOrg(enterpriseBody({ employees: 1000, rdStaff: 100 })),
      applicantWithOrg(societyBody()),
      applicantWithOrg(societyBody({ societyType: 'university-in-city', university: '华中科技大学' })),
      applicantWithOrg(enterpriseBody()),
    ]);
  });

  it('builds, confirms, uploads, verifies and submits', async () => {
    const created = await api('POST', '/v1/alliances', {
      token: e1.token,
      body: { roundId, name: '高功率激光器件协作创新联盟', ...allianceContent([s1.org.id, s2.org.id]) },
    });
    expect(created.status, created.text).toBe(201);
    allianceId = created.body.id;
    expect(created.body).toMatchObject({
      status: 'draft',
      version: 1,
      members: [{ organisationId: e1.org.id, state: 'confirmed' }],
    });

    for (const party of [e2, s1, s2]) {
      const found = await api('GET', `/v1/organisations?uscc=${party.org.uscc}`, { token: e1.token });
      expect(found.body).toMatchObject({ id: party.org.id, kind: party.org.kind });
      const invited = await api('POST', `/v1/alliances/${allianceId}/members`, {
        token: e1.token,
        body: { organisationId: party.org.id },
      });
      expect(invited.status, invited.text).toBe(201);
    }
    // Before confirming, an invited member may read the draft (to decide) but not change it.
    expect((await api('GET', `/v1/alliances/${allianceId}`, { token: s1.token })).status).toBe(200);
    const early = await api('PATCH', `/v1/alliances/${allianceId}`, {
      token: s1.token,
      body: { version: 4, summary: 'x' },
    });
    expect(early.status).toBe(403);

    const dryRun = await api('GET', `/v1/alliances/${allianceId}/eligibility`, { token: e1.token });
    expect(dryRun.status).toBe(200);
    expect(dryRun.body.eligible).toBe(false);
    expect(dryRun.body.failing).toEqual(expect.arrayContaining(['A1', 'A4']));

    for (const party of [e2, s1, s2]) {
      const confirmed = await api('POST', `/v1/alliances/${allianceId}/members/${party.org.id}/confirm`, {
        token: party.token,
      });
      expect(confirmed.status, confirmed.text).toBe(200);
    }

    const ticket = await api('POST', `/v1/alliances/${allianceId}/documents`, {
      token: s1.token,
      body: { kind: 'agreement', fileName: '任务协议书.pdf' },
    });
    expect(ticket.status, ticket.text).toBe(201);
    expect(ticket.body.document.status).toBe('pending');
    const upload = await uploadWithTicket(ticket.body, tinyPdf());
    expect(upload.status).toBeLessThan(300);
    const verified = await eventually(async () => {
      const docs = await api('GET', `/v1/alliances/${allianceId}/documents`, { token: e2.token });
      const doc = docs.body.items.find((d: { id: string }) => d.id === ticket.body.document.id);
      return doc?.status === 'verified' ? doc : undefined;
    }, 'the agreement to be verified');
    expect(verified).toMatchObject({
      size: tinyPdf().length,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      uploadedBy: expect.any(String),
    });

    const ready = await api('GET', `/v1/alliances/${allianceId}/eligibility`, { token: e1.token });
    expect(ready.body.failing).toEqual([]);
    expect(ready.body.eligible).toBe(true);
    const ids = new Set(ready.body.results.map((r: { id: string }) => r.id));
    for (const id of [
      'E1',
      'E2',
      'E3',
      'E4',
      'E5',
      'E6',
      'S1',
      'S2',
      'S3',
      'S4',
      'A1',
      'A2',
      'A3',
      'A4',
      'A5',
    ])
      expect(ids).toContain(id);
    // Per member: two enterprises × (6 + R1) + two societies × (4 + R1) + 5 alliance rules.
    expect(ready.body.results).toHaveLength(2 * 7 + 2 * 5 + 5);

    version = (await api('GET', `/v1/alliances/${allianceId}`, { token: e1.token })).body.version;
    const stale = await api('POST', `/v1/alliances/${allianceId}/submit`, {
      token: e1.token,
      body: { version: version - 1 },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('version_conflict');

    const submitted = await api('POST', `/v1/alliances/${allianceId}/submit`, {
      token: e2.token,
      body: { version },
    });
    expect(submitted.status, submitted.text).toBe(200);
    expect(submitted.body).toMatchObject({
      status: 'submitted',
      version: version + 1,
      submittedAt: expect.any(String),
    });
    expect(submitted.body.statusHistory.map((h: { status: string }) => h.status)).toEqual([
      'draft',
      'submitted',
    ]);

    const history = await api('GET', `/v1/alliances/${allianceId}/history?limit=100`, { token: admin });
    const actions = history.body.items.map((h: { action: string }) => h.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'alliance.created',
        'alliance.member-invited',
        'alliance.member-confirmed',
        'document.verified',
        'alliance.submitted',
      ]),
    );
    for (const entry of history.body.items)
      expect(entry).toMatchObject({ at: expect.any(String), actor: expect.any(Object) });

    // Submitted: no more edits.
    const late = await api('PATCH', `/v1/alliances/${allianceId}`, {
      token: e1.token,
      body: { version: version + 1, summary: 'x' },
      headers: { 'accept-language': 'zh-CN' },
    });
    expect(late.status).toBe(409);
    expect(late.body.error.message).toBe(`冲突：联盟 ${allianceId} 当前状态为 submitted，只有草稿可以修改`);
  });

  it('rejects a file that is not a PDF and tells the applicant why', async () => {
    const draft = await api('POST', '/v1/alliances', {
      token: e1.token,
      body: { roundId, name: '第二个联盟' },
    });
    const ticket = await api('POST', `/v1/alliances/${draft.body.id}/documents`, {
      token: e1.token,
      body: { kind: 'agreement' },
    });
    await uploadWithTicket(ticket.body, Buffer.from('<html><body>not a pdf</body></html>'));
    const rejected = await eventually(async () => {
      const docs = await api('GET', `/v1/alliances/${draft.body.id}/documents`, {
        token: e1.token,
        headers: { 'accept-language': 'zh' },
      });
      const doc = docs.body.items[0];
      return doc?.status === 'rejected' ? doc : undefined;
    }, 'the upload to be rejected');
    expect(rejected.rejection.en).toMatch(/PDF/);
    expect(rejected.rejection.zh).toMatch(/PDF/);
  });

  it('refuses to submit an ineligible alliance with 422 naming every failing rule', async () => {
    const draft = await api('POST', '/v1/alliances', {
      token: e1.token,
      body: { roundId, name: '不完整的联盟' },
    });
    const res = await api('POST', `/v1/alliances/${draft.body.id}/submit`, {
      token: e1.token,
      body: { version: 1 },
      headers: { 'accept-language': 'zh-CN' },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('rule_violation');
    const codes = res.body.error.details.map((d: { code: string }) => d.code);
    expect(codes).toEqual(expect.arrayContaining(['A1', 'A2', 'A3', 'A4']));
    expect(res.body.error.message).toContain('A2');
  });

  it('shows an outsider nothing: 404 on every read and write', async () => {
    const t = outsider.token;
    const base = `/v1/alliances/${allianceId}`;
    const calls: [string, string, unknown?][] = [
      ['GET', base],
      ['PATCH', base, { version: 1, summary: 'mine now' }],
      ['GET', `${base}/eligibility`],
      ['GET', `${base}/documents`],
      ['POST', `${base}/documents`, { kind: 'agreement' }],
      ['GET', `${base}/history`],
      ['POST', `${base}/members`, { organisationId: outsider.org.id }],
      ['POST', `${base}/members/${outsider.org.id}/confirm`],
      ['POST', `${base}/members/${e1.org.id}/decline`],
      ['POST', `${base}/submit`, { version: 1 }],
      ['POST', `${base}/withdraw`, { version: 1, reason: 'because' }],
      ['GET', `/v1/organisations/${e1.org.id}`],
      ['PUT', `/v1/organisations/${e1.org.id}`, { ...enterpriseBody(), version: 1 }],
      ['GET', `/v1/organisations/${e1.org.id}/eligibility`],
    ];
    for (const [method, path, body] of calls) {
      const res = await api(method, path, { token: t, ...(body ? { body } : {}) });
      expect([403, 404], `${method} ${path} → ${res.status} ${res.text}`).toContain(res.status);
    }
    const mine = await api('GET', '/v1/alliances', { token: t });
    expect(mine.body.items.map((a: { id: string }) => a.id)).not.toContain(allianceId);
    // …while the members see it in their lists.
    const theirs = await api('GET', '/v1/alliances', { token: s2.token });
    expect(theirs.body.items.map((a: { id: string }) => a.id)).toContain(allianceId);
  });

  it('lets a member withdraw a submitted alliance with a reason while the round is open', async () => {
    const current = await api('GET', `/v1/alliances/${allianceId}`, { token: e1.token });
    const res = await api('POST', `/v1/alliances/${allianceId}/withdraw`, {
      token: s2.token,
      body: { version: current.body.version, reason: '合作方调整' },
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body.status).toBe('withdrawn');
    expect(res.body.statusHistory.at(-1)).toMatchObject({ status: 'withdrawn', reason: '合作方调整' });
  });
});
