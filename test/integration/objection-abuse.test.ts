/**
 * Issue #11: public objections that abuse cannot block a round. Over HTTP on the local stack, each
 * "client" a different loopback source address (127.0.0.x: the local API server reports the
 * connection's address as API Gateway's sourceIp, as AWS does):
 *  - per-client and per-contact limits (20 objections in a minute from one client are limited: 429
 *    in the error shape with Retry-After, nothing stored; the boundary exactly; another client
 *    unaffected; the whole-round limit);
 *  - the same objection again is a 409 naming the first; the same text from someone else is marked;
 *  - a round held by objections past the notice period plus the resolution days is reported;
 *  - an admin bulk-dismisses them as spam (non-admins 403): each dismissed with the reason and
 *    audited, the round moves on; repeating it changes nothing.
 */
import http from 'node:http';
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../../shared/db/keys.ts';
import { notificationId, recipientKey } from '../../shared/domain/deadlines.ts';
import { api, apiUrl, ddb, eventually, handlerEnv, skipWaits, tableName, tokenFor, uid } from './client.ts';
import { atGate, closeAndScreen, reviewEach, twoAllianceRound, waitForPipeline } from './fixtures.ts';

Object.assign(process.env, handlerEnv);
const { noticeRoundsHeldByObjections } = await import('../../shared/usecases/pipeline/stuck.ts');

const DAY = 86_400_000;

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: any;
}

/** A POST from the source address `ip` (a loopback address: Linux routes all of 127/8 to lo). */
function postFrom(ip: string, path: string, body: unknown, headers: Record<string, string> = {}) {
  const url = new URL(path, apiUrl);
  const data = JSON.stringify(body);
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
          'content-type': 'application/json',
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
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: text ? JSON.parse(text) : undefined,
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

/**
 * The hourly limits count per clock hour (UTC): a test of them does not start in an hour's last
 * 30 seconds, so its requests all fall in one window.
 */
async function clearOfHourEnd() {
  const left = 3_600_000 - (Date.now() % 3_600_000);
  if (left < 30_000) await new Promise((r) => setTimeout(r, left + 100));
}

let admin: string;
let roundId: string;
let a: string;
let b: string;
let n = 0;

/** An objection body: a fresh contact and text unless given. */
const objection = (over: { allianceId?: string; contact?: string; text?: string } = {}) => {
  n++;
  return {
    allianceId: over.allianceId ?? a,
    name: `异议人${n}`,
    contact: over.contact ?? `objector-${n}@example.cn`,
    text: over.text ?? `第 ${n} 件异议：该联盟的合作基础材料与实际情况不符（${uid('x')}）`,
  };
};
const file = (ip: string, body: unknown, headers?: Record<string, string>) =>
  postFrom(ip, `/v1/public/rounds/${roundId}/objections`, body, headers);

const listObjections = async () =>
  (await api('GET', `/v1/rounds/${roundId}/objections`, { token: admin })).body.items as any[];
const objectionsFrom = async (clientHash: string) =>
  (await listObjections()).filter((o) => o.clientHash === clientHash);
const hashOf = async (objectionId: string) => (await listObjections()).find((o) => o.id === objectionId)!;

function expectLimited(res: Reply, lang: 'en' | 'zh' = 'en') {
  expect(res.status, JSON.stringify(res.body)).toBe(429);
  expect(res.body).toEqual({
    error: { code: 'too_many_requests', message: expect.any(String), details: [] },
  });
  expect(res.headers['content-language']).toBe(lang === 'zh' ? 'zh-CN' : 'en');
  expect(res.body.error.message).toMatch(lang === 'zh' ? /请求过于频繁/ : /^Too many requests: /);
}

/** Every audit record of the round (all pages). */
async function roundHistory() {
  const items: any[] = [];
  let cursor: string | undefined;
  do {
    const page = await api(
      'GET',
      `/v1/rounds/${roundId}/history?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      { token: admin },
    );
    expect(page.status, page.text).toBe(200);
    items.push(...page.body.items);
    cursor = page.body.nextCursor;
  } while (cursor);
  return items;
}

beforeAll(async () => {
  admin = await tokenFor(['admin'], uid('admin'));
  const round = await twoAllianceRound(
    admin,
    { budget: 500_000, perAllianceCap: 250_000, reviewersPerAlliance: 1, noticePeriodDays: 3 },
    [
      ['异议联盟甲', 200_000],
      ['异议联盟乙', 150_000],
    ],
  );
  ({ roundId, a, b } = round);
  await closeAndScreen(admin, roundId, [a, b]);
  await reviewEach(await tokenFor(['reviewer'], round.reviewer), roundId, [
    [a, 9],
    [b, 7],
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

describe('objections from one client or contact are limited', () => {
  const flood = '127.0.0.21';

  it('20 objections from one client at once: 5 filed, 15 refused with 429 and nothing stored for them', async () => {
    await clearOfHourEnd();
    const replies = await Promise.all(Array.from({ length: 20 }, () => file(flood, objection())));
    const filed = replies.filter((r) => r.status === 201);
    const refused = replies.filter((r) => r.status !== 201);
    expect(filed).toHaveLength(5);
    expect(refused).toHaveLength(15);
    for (const r of refused) {
      expectLimited(r);
      const retryAfter = Number(r.headers['retry-after']);
      expect(Number.isInteger(retryAfter)).toBe(true);
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(3600);
      expect(r.body.error.message).toContain(`retry in ${retryAfter} s`);
    }
    // Stored: exactly the five filed, and the client's counters say five (the refusals never counted).
    const { clientHash } = await hashOf(filed[0]!.body.id);
    const stored = await objectionsFrom(clientHash);
    expect(stored.map((o) => o.id).sort()).toEqual(filed.map((r) => r.body.id).sort());
    const counter = await ddb.send(
      new GetCommand({
        TableName: tableName,
        Key: keys.objectionCounter(roundId, 'client', clientHash, 'round'),
      }),
    );
    expect(counter.Item?.n).toBe(5);
    expect(typeof counter.Item?.expiresAt).toBe('number');
    const filedAudits = (await roundHistory()).filter(
      (h) => h.action === 'objection.filed' && h.data?.clientHash === clientHash,
    );
    expect(filedAudits).toHaveLength(5);
    // In Chinese too, when asked.
    expectLimited(await file(flood, objection(), { 'accept-language': 'zh-CN' }), 'zh');
  });

  it('another client is not affected', async () => {
    const res = await file('127.0.0.22', objection());
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ roundId, allianceId: a, status: 'open' });
  });

  it('the boundary exactly: the 5th objection of the hour is filed, the 6th refused (and never replayed)', async () => {
    await clearOfHourEnd();
    const ip = '127.0.0.23';
    for (let i = 1; i <= 5; i++) {
      const res = await file(ip, objection());
      expect(res.status, `objection ${i}: ${JSON.stringify(res.body)}`).toBe(201);
    }
    const sixth = objection();
    const refused = await file(ip, sixth, { 'idempotency-key': `k-${uid()}` });
    expectLimited(refused);
    expect(refused.body.error.message).toContain('at most 5 objections from this network address per hour');
    // A 429 is not kept for its Idempotency-Key: the retry runs again (and is refused again, fresh).
    const key = `k-${uid()}`;
    const first = await file(ip, sixth, { 'idempotency-key': key });
    const again = await file(ip, sixth, { 'idempotency-key': key });
    expectLimited(first);
    expectLimited(again);
    expect(again.headers['idempotent-replayed']).toBeUndefined();
  });

  it('one contact from many addresses is limited the same way (its spelling does not matter)', async () => {
    await clearOfHourEnd();
    const spellings = [
      'same.person@example.cn',
      'Same.Person@Example.CN',
      'same.person+1@example.cn',
      '张三 <same.person@example.cn>',
      'same.person＠example.cn',
      'SAME.PERSON+again@example.cn',
    ];
    const replies = [];
    for (const [i, contact] of spellings.entries())
      replies.push(await file(`127.0.0.${31 + i}`, objection({ contact })));
    expect(replies.slice(0, 5).map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    expectLimited(replies[5]!);
    expect(replies[5]!.body.error.message).toContain('with this contact per hour');
    const filed = await Promise.all(replies.slice(0, 5).map((r) => hashOf(r.body.id)));
    expect(new Set(filed.map((o) => o.contactHash)).size).toBe(1);
    expect(new Set(filed.map((o) => o.clientHash)).size).toBe(5);
  });

  it('the whole-round limit: the 20th objection of a client is filed, the 21st refused without Retry-After', async () => {
    const ip = '127.0.0.41';
    const first = await file(ip, objection());
    expect(first.status).toBe(201);
    const { clientHash } = await hashOf(first.body.id);
    // As if this client had filed 19 objections in earlier hours of the notice period.
    await ddb.send(
      new UpdateCommand({
        TableName: tableName,
        Key: keys.objectionCounter(roundId, 'client', clientHash, 'round'),
        UpdateExpression: 'SET n = :n',
        ExpressionAttributeValues: { ':n': 19 },
      }),
    );
    const twentieth = await file(ip, objection());
    expect(twentieth.status, JSON.stringify(twentieth.body)).toBe(201);
    const refused = await file(ip, objection());
    expectLimited(refused);
    expect(refused.headers['retry-after']).toBeUndefined();
    expect(refused.body.error.message).toContain(
      `at most 20 objections from this network address may be filed in round ${roundId}`,
    );
    expect(await objectionsFrom(clientHash)).toHaveLength(2);
  });
});

describe('the same objection again', () => {
  const text = '异议联盟甲的成员单位 A 公司，近三年存在严重失信记录！请核查。';

  it('from the same client or contact: 409 naming the first; from someone else: filed, marked duplicateOf', async () => {
    const first = await file('127.0.0.51', objection({ text, contact: 'dup-first@example.cn' }));
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body.duplicateOf).toBeUndefined();
    const firstId = first.body.id as string;

    // The same client, the text spaced, cased and punctuated differently, another contact.
    const again = await file(
      '127.0.0.51',
      objection({
        text: '  异议联盟甲的成员单位a公司 近三年存在严重失信记录 请核查  ',
        contact: 'other@example.cn',
      }),
    );
    expect(again.status, JSON.stringify(again.body)).toBe(409);
    expect(again.body.error).toMatchObject({
      code: 'conflict',
      details: [{ path: 'body.text', code: 'duplicate_objection', objectionId: firstId }],
    });
    expect(again.body.error.message).toContain(firstId);
    // The same contact from another address.
    const sameContact = await file('127.0.0.52', objection({ text, contact: 'DUP-first@example.cn' }));
    expect(sameContact.status).toBe(409);
    expect(sameContact.body.error.details[0].objectionId).toBe(firstId);

    // Someone else with the same text: a new objection, marked as a duplicate of the first.
    const other = await file('127.0.0.53', objection({ text: `${text}  `, contact: 'dup-other@example.cn' }));
    expect(other.status, JSON.stringify(other.body)).toBe(201);
    expect(other.body.duplicateOf).toBe(firstId);
    // The same client and text against another alliance is another objection.
    const elsewhere = await file(
      '127.0.0.51',
      objection({ text, allianceId: b, contact: 'dup-first@example.cn' }),
    );
    expect(elsewhere.status, JSON.stringify(elsewhere.body)).toBe(201);
    expect(elsewhere.body.duplicateOf).toBeUndefined();

    const listed = await listObjections();
    const byId = (id: string) => listed.find((o) => o.id === id)!;
    expect(byId(other.body.id)).toMatchObject({
      duplicateOf: firstId,
      fingerprint: byId(firstId).fingerprint,
    });
    expect(byId(firstId).duplicateOf).toBeUndefined();
    // Nothing stored for the two refused: the first client has two objections, one per alliance.
    const fromFirst = listed.filter((o) => o.clientHash === byId(firstId).clientHash);
    expect(fromFirst.map((o) => o.allianceId).sort()).toEqual([a, b].sort());
  });

  it("the office sees hashes of the filers' addresses, never the addresses", async () => {
    const listed = await listObjections();
    expect(JSON.stringify(listed)).not.toContain('127.0.0.');
    for (const o of listed) {
      expect(o.clientHash).toMatch(/^[0-9a-f]{32}$/);
      expect(o.contactHash).toMatch(/^[0-9a-f]{32}$/);
      expect(o.fingerprint).toMatch(/^[0-9a-f]{32}$/);
      expect(o).not.toHaveProperty('sourceIp');
    }
  });
});

describe('a round held by objections, and the bulk dismissal', () => {
  let allOpen: any[];

  it('more objections from more clients; the notice period ends; the round waits on them', async () => {
    for (let c = 0; c < 8; c++)
      for (let i = 0; i < 5; i++) expect((await file(`127.0.0.${61 + c}`, objection())).status).toBe(201);
    await eventually(
      async () => ((await skipWaits(roundId)) > 0 ? true : undefined),
      'the notice period wait',
    );
    const status = await waitForPipeline(admin, roundId, 'the objections gate', atGate('objections'));
    expect(status.waitingOn).toMatch(/objection/);
    allOpen = (await listObjections()).filter((o) => o.status === 'open');
    expect(allOpen.length).toBeGreaterThanOrEqual(60);
  });

  it('is reported once after the notice end plus the resolution days, not a second before', async () => {
    const notice = (await ddb.send(new GetCommand({ TableName: tableName, Key: keys.notice(roundId) })))
      .Item!;
    const endsAt = notice.endsAt as string;
    const due = Date.parse(endsAt) + 10 * DAY;
    const atDue = await noticeRoundsHeldByObjections(new Date(due), 10);
    expect(atDue.rounds.map((r) => r.roundId)).not.toContain(roundId);
    const later = await noticeRoundsHeldByObjections(new Date(due + 1000), 10);
    expect(later.rounds).toContainEqual({
      roundId,
      noticeEndsAt: endsAt,
      dueBy: new Date(due).toISOString(),
      open: allOpen.length,
    });
    const occasion = `round-held-by-objections#${roundId}#${endsAt}`;
    const key = {
      pk: `NOTIFY#${recipientKey({ role: 'admin' })}`,
      sk: `NOTIFICATION#${notificationId({ role: 'admin' }, occasion)}`,
    };
    const notification = async () =>
      (await ddb.send(new GetCommand({ TableName: tableName, Key: key }))).Item;
    const written = await notification();
    expect(written).toMatchObject({
      topic: 'round-held-by-objections',
      recipient: { role: 'admin' },
      subject: { roundId, gate: 'objections', waitingSince: endsAt },
      message: {
        en: expect.stringContaining(`Round ${roundId} is held by ${allOpen.length} open objections`),
        zh: expect.stringContaining(`申报批次 ${roundId} 仍有 ${allOpen.length} 件异议未处理`),
      },
    });
    // The next day's sweep writes nothing new.
    await noticeRoundsHeldByObjections(new Date(due + DAY), 10);
    expect(await notification()).toEqual(written);
  });

  it('only an admin may bulk-dismiss, naming the objections one way', async () => {
    const path = `/v1/rounds/${roundId}/objections/dismissals`;
    const body = { objectionIds: [allOpen[0].id], reason: '恶意重复提交' };
    for (const roles of [['applicant'], ['reviewer'], ['inspector']] as const) {
      const res = await api('POST', path, { token: await tokenFor([...roles]), body });
      expect(res.status, res.text).toBe(403);
      expect(res.body.error.code).toBe('forbidden');
    }
    expect((await api('POST', path, { body })).status).toBe(401);
    const both = await api('POST', path, {
      token: admin,
      body: { ...body, clientHash: allOpen[0].clientHash },
      headers: { 'accept-language': 'zh-CN' },
    });
    expect(both.status).toBe(400);
    expect(both.body.error.message).toContain('仅一项');
    expect((await api('POST', path, { token: admin, body: { reason: '无' } })).status).toBe(400);
    const tooMany = Array.from({ length: 101 }, (_, i) => `o-${i}`);
    expect(
      (await api('POST', path, { token: admin, body: { objectionIds: tooMany, reason: 'x' } })).status,
    ).toBe(400);
    // Nothing changed.
    expect((await listObjections()).filter((o) => o.status === 'open')).toHaveLength(allOpen.length);
  });

  it('dismisses them as spam with the reason, audits each, and the round moves on; a repeat changes nothing', async () => {
    const path = `/v1/rounds/${roundId}/objections/dismissals`;
    const reason = '同一来源批量提交的恶意异议';
    // First every open one from the flooding client (five), by its hash.
    const floodHash = allOpen[0].clientHash as string;
    const fromFlood = allOpen.filter((o) => o.clientHash === floodHash).map((o) => o.id);
    const byClient = await api('POST', path, { token: admin, body: { clientHash: floodHash, reason } });
    expect(byClient.status, byClient.text).toBe(200);
    expect(byClient.body.dismissed.sort()).toEqual(fromFlood.sort());
    expect(byClient.body.open).toBe(allOpen.length - fromFlood.length);
    expect((await waitForPipeline(admin, roundId, 'still at the gate', atGate('objections'))).stage).toBe(
      'objections',
    );

    // Then the rest by id (more than one transaction's batch), with an unknown id and a dismissed one.
    const rest = allOpen.filter((o) => o.clientHash !== floodHash).map((o) => o.id as string);
    expect(rest.length).toBeGreaterThan(49);
    const request = { objectionIds: [...rest, 'o-unknown', fromFlood[0]], reason };
    const res = await api('POST', path, { token: admin, body: request });
    expect(res.status, res.text).toBe(200);
    expect(res.body.dismissed.sort()).toEqual([...rest].sort());
    expect(res.body).toMatchObject({
      roundId,
      alreadyResolved: [fromFlood[0]],
      notFound: ['o-unknown'],
      open: 0,
    });

    // The round moves on: no objection is open, the pipeline goes to designation and funding.
    const done = await waitForPipeline(admin, roundId, 'funded', (s) => s.status === 'SUCCEEDED', 60_000);
    expect(done.stage).toBe('implementation');

    const listed = await listObjections();
    const dismissedNow = listed.filter((o) => allOpen.some((x) => x.id === o.id));
    expect(dismissedNow).toHaveLength(allOpen.length);
    for (const o of dismissedNow)
      expect(o).toMatchObject({
        status: 'dismissed',
        resolution: { outcome: 'dismissed', reason, spam: true },
      });
    const audits = (await roundHistory()).filter((h) => h.action === 'objection.dismissed');
    expect(audits).toHaveLength(allOpen.length);
    expect(new Set(audits.map((h) => h.data.objectionId))).toEqual(new Set(allOpen.map((o) => o.id)));
    for (const h of audits)
      expect(h).toMatchObject({
        reason,
        actor: { kind: 'user', roles: ['admin'] },
        data: { spam: true, bulk: true },
      });

    // Repeating the request is harmless: nothing dismissed again, nothing audited again.
    const repeat = await api('POST', path, { token: admin, body: request });
    expect(repeat.status, repeat.text).toBe(200);
    expect(repeat.body).toMatchObject({ dismissed: [], notFound: ['o-unknown'], open: 0 });
    expect(repeat.body.alreadyResolved.sort()).toEqual([...rest, fromFlood[0]].sort());
    expect((await roundHistory()).filter((h) => h.action === 'objection.dismissed')).toHaveLength(
      allOpen.length,
    );
  });
});
