/**
 * Issue #12 A: the notice page's plain HTML form (no script). Over HTTP on the local stack, the
 * objections route takes application/x-www-form-urlencoded as well as JSON, into the same schema:
 * a valid post gets an HTML receipt (201) with the objection's number; an invalid one an HTML page
 * listing each failing field by its label (Chinese or English by Accept-Language) with status 400;
 * the abuse protections of the JSON path hold (the same objection again: 409 naming the first; the
 * per-client limit: 429 with Retry-After); the size limit holds (413); JSON is answered as before.
 */
import http from 'node:http';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, apiUrl, tokenFor, uid } from './client.ts';
import { atGate, closeAndScreen, reviewEach, twoAllianceRound, waitForPipeline } from './fixtures.ts';

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

/** A form post (as a browser sends it) from the loopback source address `ip`. */
function postForm(
  ip: string,
  path: string,
  fields: Record<string, string> | string,
  headers: Record<string, string> = {},
) {
  const url = new URL(path, apiUrl);
  const data = typeof fields === 'string' ? fields : new URLSearchParams(fields).toString();
  return new Promise<Reply>((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        localAddress: ip,
        agent: false,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': String(Buffer.byteLength(data)),
          ...headers,
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => {
          text += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

let admin: string;
let roundId: string;
let a: string;
let n = 0;

const fields = (over: Record<string, string> = {}) => {
  n++;
  return {
    allianceId: a,
    name: `表单异议人${n}`,
    contact: `form-${n}-${uid('c')}@example.cn`,
    text: `第 ${n} 件表单异议：该联盟的合作协议与实际情况不符（${uid('x')}）`,
    ...over,
  };
};
const path = () => `/v1/public/rounds/${roundId}/objections`;

function expectPage(res: Reply) {
  expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
  expect(res.headers['content-security-policy']).toContain("default-src 'none'");
  expect(res.text).not.toMatch(/<script/i);
  expect(res.text.startsWith('<!DOCTYPE html>')).toBe(true);
}

beforeAll(async () => {
  admin = await tokenFor(['admin'], uid('admin'));
  const round = await twoAllianceRound(
    admin,
    { budget: 500_000, perAllianceCap: 250_000, reviewersPerAlliance: 1, noticePeriodDays: 3 },
    [
      ['表单异议联盟甲', 200_000],
      ['表单异议联盟乙', 150_000],
    ],
  );
  ({ roundId, a } = round);
  await closeAndScreen(admin, roundId, [round.a, round.b]);
  await reviewEach(await tokenFor(['reviewer'], round.reviewer), roundId, [
    [round.a, 9],
    [round.b, 7],
  ]);
  await waitForPipeline(admin, roundId, 'the selection gate', atGate('selection'));
  const approved = await api('POST', `/v1/rounds/${roundId}/selection/approve`, { token: admin, body: {} });
  expect(approved.status, approved.text).toBe(200);
  await waitForPipeline(
    admin,
    roundId,
    'the notice period',
    (s) => s.stage === 'public-notice' && s.waitingOn,
  );
}, 120_000);

describe('the notice page has a form posting to the objections route', () => {
  it('lists the alliances by name, each field with a label, method post, no script', async () => {
    const res = await api('GET', `/v1/public/rounds/${roundId}/notice.html`);
    expect(res.status).toBe(200);
    const page = res.text;
    expect(page).toContain(`<form class="objection" method="post" action="${path()}"`);
    expect(page).toMatch(new RegExp(`<option value="${a}">1\\. 表单异议联盟甲`));
    for (const name of ['allianceId', 'name', 'contact', 'text']) {
      expect(page).toContain(`<label for="objection-${name}">`);
      expect(page).toContain(`id="objection-${name}" name="${name}"`);
    }
    expect(page).not.toMatch(/<script/i);
    expect(res.headers.get('content-security-policy') ?? '').toContain("form-action 'self'");
  });
});

describe('a form post', () => {
  it('valid: 201 and an HTML receipt with the objection number, next steps and a link back; the office sees it', async () => {
    const res = await postForm('127.0.0.41', path(), fields(), { 'accept-language': 'zh-CN,zh;q=0.9' });
    expect(res.status, res.text).toBe(201);
    expectPage(res);
    expect(res.headers['content-language']).toBe('zh-CN');
    const id = res.text.match(/id="objection-number">(o-[0-9a-f-]+)</)?.[1];
    expect(id).toBeTruthy();
    expect(res.text).toContain('异议已受理');
    expect(res.text).toContain('后续处理');
    expect(res.text).toContain(`href="/v1/public/rounds/${roundId}/notice.html"`);
    const list = await api('GET', `/v1/rounds/${roundId}/objections`, { token: admin });
    expect(list.body.items.map((o: { id: string }) => o.id)).toContain(id);
  });

  it('in English when asked', async () => {
    const res = await postForm('127.0.0.42', path(), fields(), { 'accept-language': 'en' });
    expect(res.status).toBe(201);
    expect(res.text).toContain('Objection received');
    expect(res.text).toContain('What happens next');
  });

  it('invalid: 400 and a page naming each failing field by its label, in the language asked', async () => {
    const zh = await postForm('127.0.0.43', path(), fields({ name: '', text: '   ' }), {
      'accept-language': 'zh-CN',
    });
    expect(zh.status).toBe(400);
    expectPage(zh);
    expect(zh.text).toContain('异议未能提交');
    expect(zh.text).toContain('异议人姓名或单位名称');
    expect(zh.text).toContain('异议内容及事实依据');
    expect(zh.text).not.toContain('<strong>联系方式');
    const en = await postForm('127.0.0.43', path(), fields({ allianceId: '' }), { 'accept-language': 'en' });
    expect(en.status).toBe(400);
    expect(en.text).toContain('The objection was not filed');
    expect(en.text).toContain('Alliance objected to');
    // An unknown field or a repeated one is refused, not ignored.
    const extra = await postForm('127.0.0.43', path(), { ...fields(), lang: 'zh' });
    expect(extra.status).toBe(400);
    expectPage(extra);
    const twice = await postForm('127.0.0.43', path(), `${new URLSearchParams(fields())}&name=x`);
    expect(twice.status).toBe(400);
    expect(twice.text).toContain('Your real name');
  });

  it('an alliance not on the notice: 404 as a page', async () => {
    const res = await postForm(
      '127.0.0.44',
      path(),
      fields({ allianceId: 'a-00000000-0000-4000-8000-000000000000' }),
    );
    expect([400, 404]).toContain(res.status);
    expectPage(res);
  });

  it('too large: 413 as a page, nothing stored', async () => {
    const res = await postForm('127.0.0.45', path(), fields({ text: '很'.repeat(6000) }));
    expect(res.status).toBe(413);
    expectPage(res);
  });

  it('the same objection again from the same address: 409 naming the first', async () => {
    const body = fields();
    const first = await postForm('127.0.0.46', path(), body);
    expect(first.status).toBe(201);
    const id = first.text.match(/id="objection-number">(o-[0-9a-f-]+)</)![1]!;
    const again = await postForm('127.0.0.46', path(), body, { 'accept-language': 'zh-CN' });
    expect(again.status).toBe(409);
    expectPage(again);
    expect(again.text).toContain(id);
  });

  it('the per-client limit holds for forms: 429 with Retry-After, as a page', async () => {
    const left = 3_600_000 - (Date.now() % 3_600_000);
    if (left < 30_000) await new Promise((r) => setTimeout(r, left + 100));
    const replies = await Promise.all(
      Array.from({ length: 8 }, () => postForm('127.0.0.47', path(), fields())),
    );
    const refused = replies.filter((r) => r.status === 429);
    expect(replies.filter((r) => r.status === 201)).toHaveLength(5);
    expect(refused).toHaveLength(3);
    for (const r of refused) {
      expectPage(r);
      expect(Number(r.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(r.text).toContain('Too many objections');
    }
  });

  it('JSON is answered with JSON as before', async () => {
    const res = await api('POST', path(), { body: fields() });
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({ roundId, allianceId: a, status: 'open' });
  });
});
