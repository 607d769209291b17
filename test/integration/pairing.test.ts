/**
 * Issue #15 over HTTP: an enterprise publishes a need, societies publish capabilities, the
 * suggested partners come with reasons, a society's interest is accepted into a draft alliance
 * with both as confirmed members (membership rule A1 holds), and outsiders see no contacts,
 * no others' interests and no drafts.
 */

import mammoth from 'mammoth';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, apiUrl, eventually, tokenFor, uid } from './client.ts';
import { applicantWithOrg, enterpriseBody, openRound, type Party, societyBody } from './fixtures.ts';

const tag = () => uid('p').slice(-6);

describe('free pairing: need → matches → interest → draft alliance', () => {
  let admin: string;
  let roundId: string;
  let enterprise: Party;
  let otherEnterprise: Party;
  let opto: Party;
  let optoPlain: Party;
  let bio: Party;
  let needId: string;
  let allianceId: string;
  const marker = tag();
  const description = `我司需要联合攻关高功率光纤激光器的热管理与散热结构，解决泵浦源温升问题（${marker}）`;

  beforeAll(async () => {
    admin = await tokenFor(['admin']);
    roundId = await openRound(admin);
    [enterprise, otherEnterprise, opto, optoPlain, bio] = await Promise.all([
      applicantWithOrg(enterpriseBody()),
      applicantWithOrg(enterpriseBody()),
      applicantWithOrg(societyBody()),
      applicantWithOrg(societyBody()),
      applicantWithOrg(societyBody()),
    ]);
    const put = async (p: Party, body: Record<string, unknown>) => {
      const res = await api('PUT', '/v1/capabilities', { token: p.token, body });
      expect(res.status, res.text).toBe(200);
    };
    await put(opto, {
      summary: `光纤激光器热管理、散热结构设计与泵浦源温升控制（${marker}）`,
      fields: ['optoelectronics'],
      serviceTypes: [4, 6],
      experts: [{ name: '李教授', title: '教授', field: '激光器散热' }],
      pastServices: [{ title: '激光器散热攻关', year: 2025, result: '温升降低 30%' }],
    });
    await put(optoPlain, {
      summary: '工业设计与品牌推广服务',
      fields: ['optoelectronics'],
      serviceTypes: [4, 6],
      experts: [],
      pastServices: [],
    });
    await put(bio, {
      summary: '生物医药临床研究',
      fields: ['biomedicine-health'],
      serviceTypes: [6],
      experts: [],
      pastServices: [],
    });
  });

  it('publishes a need; other signed-in users see it without the contact', async () => {
    const created = await api('POST', '/v1/needs', {
      token: enterprise.token,
      body: {
        roundId,
        title: `高功率光纤激光器散热攻关 ${marker}`,
        description,
        sector: 'optoelectronics',
        serviceTypes: [4],
        budget: { min: 200_000, max: 600_000 },
        period: { start: '2027-01-01', end: '2027-12-31' },
        contactPreference: { channel: 'email', name: '王工', email: 'need-contact@example.cn' },
      },
    });
    expect(created.status, created.text).toBe(201);
    needId = created.body.id;
    expect(created.body).toMatchObject({ status: 'open', version: 1, organisationId: enterprise.org.id });

    const refused = await api('POST', '/v1/needs', { token: opto.token, body: { ...created.body } });
    expect(refused.status).toBe(400); // the stored need is not an input (strict schema)

    for (const p of [opto, otherEnterprise]) {
      const seen = await api('GET', `/v1/needs/${needId}`, { token: p.token });
      expect(seen.status, seen.text).toBe(200);
      expect(seen.body.contactPreference).toEqual({ channel: 'email' });
    }
    const own = await api('GET', `/v1/needs/${needId}`, { token: enterprise.token });
    expect(own.body.contactPreference.email).toBe('need-contact@example.cn');

    const listed = await eventually(async () => {
      const page = await api('GET', '/v1/needs?limit=100', { token: opto.token });
      return page.body.items.find((n: { id: string }) => n.id === needId);
    }, 'the need listed as open');
    expect(listed.contactPreference).toEqual({ channel: 'email' });
  });

  it('ranks the optoelectronics joint-R&D society first, with the reasons; shared terms outrank none', async () => {
    const matches = await eventually(async () => {
      const res = await api('GET', `/v1/needs/${needId}/matches`, { token: enterprise.token });
      expect(res.status, res.text).toBe(200);
      const ids = res.body.items.map((m: { id: string }) => m.id);
      return [opto, optoPlain, bio].every((p) => ids.includes(p.org.id)) ? res.body.items : undefined;
    }, 'the three capabilities indexed');
    expect(matches[0].id).toBe(opto.org.id);
    expect(matches[0].reasons.fields).toEqual(['optoelectronics']);
    expect(matches[0].reasons.serviceTypes).toEqual([4]);
    expect(matches[0].reasons.terms).toEqual(expect.arrayContaining([expect.any(String)]));
    expect(matches[0].reasons.terms.length).toBeGreaterThan(0);
    const pos = (p: Party) => matches.findIndex((m: { id: string }) => m.id === p.org.id);
    expect(pos(opto)).toBeLessThan(pos(optoPlain));
    expect(pos(optoPlain)).toBeLessThan(pos(bio));
    const plain = matches[pos(optoPlain)];
    expect(plain.parts.text).toBeLessThan(matches[0].parts.text);

    const back = await api('GET', `/v1/capabilities/${opto.org.id}/matches`, { token: opto.token });
    expect(back.status, back.text).toBe(200);
    // The stack is shared with other tests' needs: this need ranks above every need that shares
    // no terms with the society's profile, with the matching reasons.
    const backIds = back.body.items.map((m: { id: string }) => m.id);
    const mine = backIds.indexOf(needId);
    expect(mine, 'the need is suggested to the society').toBeGreaterThanOrEqual(0);
    expect(back.body.items[mine].reasons.fields).toEqual(['optoelectronics']);
    expect(back.body.items[mine].reasons.terms.length).toBeGreaterThan(0);
    back.body.items.forEach((m: { reasons: { terms: string[] } }, i: number) => {
      if (m.reasons.terms.length === 0) expect(i).toBeGreaterThan(mine);
    });

    // Only the need's enterprise (and admins) see its suggestions; only the society its own.
    expect((await api('GET', `/v1/needs/${needId}/matches`, { token: opto.token })).status).toBe(404);
    expect((await api('GET', `/v1/needs/${needId}/matches`, { token: otherEnterprise.token })).status).toBe(
      404,
    );
    expect((await api('GET', `/v1/capabilities/${opto.org.id}/matches`, { token: bio.token })).status).toBe(
      404,
    );
  });

  it('interest → accept → a draft alliance with both confirmed; outsiders see no contact, interests or draft', async () => {
    const byEnterprise = await api('POST', `/v1/needs/${needId}/interests`, {
      token: otherEnterprise.token,
      body: { message: '我们也想参与' },
    });
    expect(byEnterprise.status).toBe(403);

    const interest = await api('POST', `/v1/needs/${needId}/interests`, {
      token: opto.token,
      body: { message: '我会可派三名专家参与散热攻关' },
    });
    expect(interest.status, interest.text).toBe(201);
    const interestId = interest.body.id;
    const again = await api('POST', `/v1/needs/${needId}/interests`, {
      token: opto.token,
      body: { message: '再次' },
    });
    expect(again.status).toBe(409);
    const bioInterest = await api('POST', `/v1/needs/${needId}/interests`, {
      token: bio.token,
      body: { message: '生物方向' },
    });
    expect(bioInterest.status).toBe(201);

    const inbox = await api('GET', `/v1/needs/${needId}/interests`, { token: enterprise.token });
    expect(inbox.status).toBe(200);
    expect(inbox.body.items.map((i: { id: string }) => i.id).sort()).toEqual(
      [interestId, bioInterest.body.id].sort(),
    );
    const bioSees = await api('GET', `/v1/needs/${needId}/interests`, { token: bio.token });
    expect(bioSees.body.items.map((i: { id: string }) => i.id)).toEqual([bioInterest.body.id]);
    for (const outsider of [otherEnterprise, optoPlain]) {
      expect((await api('GET', `/v1/needs/${needId}/interests`, { token: outsider.token })).status).toBe(404);
    }
    // Only the need's enterprise answers.
    const stranger = await api('POST', `/v1/needs/${needId}/interests/${interestId}/accept`, {
      token: otherEnterprise.token,
      body: { roundId },
    });
    expect(stranger.status).toBe(404);

    const note = await eventually(async () => {
      const res = await api('GET', '/v1/notifications?limit=50', { token: enterprise.token });
      return res.body.items?.find(
        (n: { topic: string; subject: { interestId?: string } }) =>
          n.topic === 'interest-received' && n.subject.interestId === interestId,
      );
    }, 'the interest notified to the enterprise');
    expect(note.subject).toMatchObject({ needId, interestId });

    const accepted = await api('POST', `/v1/needs/${needId}/interests/${interestId}/accept`, {
      token: enterprise.token,
      body: {},
    });
    expect(accepted.status, accepted.text).toBe(200);
    const alliance = accepted.body.alliance;
    expect(alliance).toMatchObject({
      status: 'draft',
      roundId,
      sectors: ['optoelectronics'],
      serviceTypes: [4],
    });
    expect(alliance.period).toEqual({ start: '2027-01-01', end: '2027-12-31' });
    expect(
      alliance.members
        .map((m: { organisationId: string; state: string }) => [m.organisationId, m.state])
        .sort(),
    ).toEqual(
      [
        [enterprise.org.id, 'confirmed'],
        [opto.org.id, 'confirmed'],
      ].sort(),
    );
    expect(alliance.expertTeam).toEqual([
      { name: '李教授', title: '教授', field: '激光器散热', organisationId: opto.org.id },
    ]);

    allianceId = alliance.id;
    const dryRun = await api('GET', `/v1/alliances/${alliance.id}/eligibility`, { token: enterprise.token });
    expect(dryRun.status, dryRun.text).toBe(200);
    const a1 = dryRun.body.results.find((r: { id: string }) => r.id === 'A1');
    expect(a1, dryRun.text).toBeDefined();
    expect(dryRun.body.failing).not.toContain('A1');

    // The society sees the draft and, now, the contact; outsiders see neither.
    expect((await api('GET', `/v1/alliances/${alliance.id}`, { token: opto.token })).status).toBe(200);
    const withContact = await api('GET', `/v1/needs/${needId}`, { token: opto.token });
    expect(withContact.body).toMatchObject({ status: 'matched', allianceId: alliance.id });
    expect(withContact.body.contactPreference.email).toBe('need-contact@example.cn');
    for (const outsider of [otherEnterprise, optoPlain]) {
      expect((await api('GET', `/v1/alliances/${alliance.id}`, { token: outsider.token })).status).toBe(404);
      expect((await api('GET', `/v1/needs/${needId}`, { token: outsider.token })).status).toBe(404);
    }
    // bio expressed interest: it still sees the need, without the contact.
    const bioView = await api('GET', `/v1/needs/${needId}`, { token: bio.token });
    expect(bioView.status).toBe(200);
    expect(bioView.body.contactPreference).toEqual({ channel: 'email' });

    const declined = await api('POST', `/v1/needs/${needId}/interests/${bioInterest.body.id}/decline`, {
      token: enterprise.token,
    });
    expect(declined.status, declined.text).toBe(200);
    expect(declined.body.state).toBe('declined');
    const twice = await api('POST', `/v1/needs/${needId}/interests/${interestId}/accept`, {
      token: enterprise.token,
      body: {},
    });
    expect(twice.status).toBe(409);

    const told = await eventually(async () => {
      const res = await api('GET', '/v1/notifications?limit=50', { token: opto.token });
      return res.body.items?.find((n: { topic: string }) => n.topic === 'interest-accepted');
    }, 'the acceptance notified to the society');
    expect(told.subject).toMatchObject({ needId, interestId, allianceId: alliance.id });
  });

  it('produces the agreement draft (.docx) on the template, for members and admins only', async () => {
    const current = await api('GET', `/v1/alliances/${allianceId}`, { token: enterprise.token });
    const patched = await api('PATCH', `/v1/alliances/${allianceId}`, {
      token: enterprise.token,
      body: {
        version: current.body.version,
        tasks: [{ title: '散热结构攻关', description: '微通道冷板' }],
        rightsSharing: '成果归企业所有，学会享有署名权',
        budgetLines: [
          {
            id: 'equipment',
            category: '设备费',
            amount: 400_000,
            enterpriseFunds: 300_000,
            programmeFunds: 100_000,
          },
          {
            id: 'experts',
            category: '专家咨询费',
            amount: 100_000,
            enterpriseFunds: 0,
            programmeFunds: 100_000,
          },
        ],
      },
    });
    expect(patched.status, patched.text).toBe(200);
    const get = (token: string) =>
      fetch(`${apiUrl}/v1/alliances/${allianceId}/agreement.docx`, {
        headers: { authorization: `Bearer ${token}` },
      });
    const res = await get(enterprise.token);
    expect(res.status, await res.clone().text()).toBe(200);
    expect(res.headers.get('content-type')).toContain('wordprocessingml');
    expect(res.headers.get('x-template-version')).toBe('agreement-zh@2026-12-v1');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.subarray(0, 2).toString()).toBe('PK'); // a zip: an Office Open XML document
    const { value: text } = await mammoth.extractRawText({ buffer: bytes });
    expect(text).toContain('任务协议书');
    expect(text).toContain(enterprise.org.uscc);
    expect(text).toContain(opto.org.uscc);
    expect(text).toContain('设备费');
    expect(text).toContain('¥400,000');
    expect(text).toContain('专家咨询费');
    expect(text).toContain('2027-01-01');
    expect(text).toContain('2027-12-31');
    expect(text).toContain('60.0%'); // the enterprise's share: 300,000 of 500,000
    expect(text).toContain('李教授');
    expect(text).toContain('agreement-zh@2026-12-v1');

    expect((await get(opto.token)).status).toBe(200);
    expect((await get(admin)).status).toBe(200);
    for (const outsider of [otherEnterprise, optoPlain, bio])
      expect((await get(outsider.token)).status).toBe(404);
  });

  it('two acceptances of one need at once: one draft, the other refused, nothing half-made', async () => {
    const title = `并发接受测试 ${tag()}`;
    const need = await api('POST', '/v1/needs', {
      token: enterprise.token,
      body: {
        roundId,
        title,
        description,
        sector: 'optoelectronics',
        serviceTypes: [4],
        budget: { min: 100_000, max: 200_000 },
        period: { start: '2027-01-01', end: '2027-12-31' },
        contactPreference: { channel: 'platform' },
      },
    });
    expect(need.status, need.text).toBe(201);
    const interests = await Promise.all(
      [opto, bio].map((p) =>
        api('POST', `/v1/needs/${need.body.id}/interests`, { token: p.token, body: { message: '意向' } }),
      ),
    );
    const answers = await Promise.all(
      interests.map((i) =>
        api('POST', `/v1/needs/${need.body.id}/interests/${i.body.id}/accept`, {
          token: enterprise.token,
          body: {},
        }),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const mine = await api('GET', '/v1/alliances?limit=100', { token: enterprise.token });
    const drafts = (mine.body.items as { name: string }[]).filter((a) => a.name === title);
    expect(drafts, 'exactly one draft from the need').toHaveLength(1);
  });
});
