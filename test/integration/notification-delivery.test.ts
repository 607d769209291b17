/**
 * Notifications delivered (issue #13): a notification written into the outbox reaches the table's
 * stream, the local event source mapping hands it to the notifier, and the notifier mails every
 * person of the recipient through SMTP to the local catcher (GET /local/mail) — in their language,
 * once, even when the same notification is processed again; opted-out optional topics and people
 * without an address are recorded as skipped deliveries.
 */
import {
  AdminCreateUserCommand,
  AdminGetUserCommand,
  CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { DeleteCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../../shared/db/keys.ts';
import {
  type NotificationDraft,
  notificationDraft,
  type Recipient,
  recipientKey,
} from '../../shared/domain/notify.ts';
import { api, apiUrl, ddb, eventually, handlerEnv, tableName, tokenFor, uid } from './client.ts';
import { allianceContent, enterpriseBody, openRound, societyBody } from './fixtures.ts';

interface Mail {
  to: string[];
  subject: string;
  text: string;
  notificationId?: string;
  lang?: string;
}

const localMail = async (query: string): Promise<Mail[]> =>
  ((await (await fetch(`${apiUrl}/local/mail?${query}`)).json()) as { items: Mail[] }).items;
const mailTo = (address: string) => localMail(`to=${encodeURIComponent(address)}`);
const mailOf = (id: string) => localMail(`notificationId=${id}`);

/** A token for a user whose sign-in name is `email` (the pools sign in by e-mail). */
async function signedIn(email: string, roles: string[]) {
  const sub = uid('sub');
  const res = await fetch(`${apiUrl}/local/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ sub, username: email, roles }),
  });
  return { sub, token: ((await res.json()) as { token: string }).token };
}

/** Writes a notification as a producer does (shared/db/notifications.ts putNotificationOnce). */
async function writeNotification(draft: NotificationDraft) {
  const rk = recipientKey(draft.recipient);
  const createdAt = new Date().toISOString();
  await ddb.send(
    new PutCommand({
      TableName: tableName,
      Item: {
        ...keys.notification(rk, draft.id),
        type: 'notification',
        gsi1pk: `NOTIFY#${rk}`,
        gsi1sk: `${createdAt}#${draft.id}`,
        ...draft,
        createdAt,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  );
}

const deliveries = async (recipient: Recipient, id: string) =>
  (
    await ddb.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
        ExpressionAttributeValues: { ':pk': `NOTIFY#${recipientKey(recipient)}`, ':sk': `DELIVERY#${id}#` },
        ConsistentRead: true,
      }),
    )
  ).Items ?? [];

const invitation = (recipient: Recipient, occasion = uid('invite')) =>
  notificationDraft(
    recipient,
    'alliance-invitation',
    occasion,
    { allianceId: 'a-demo' },
    {
      allianceName: '光电子联合攻关联盟',
      invitedBy: { zh: '武汉光谷科技有限公司', en: 'Wuhan Optics Valley Tech' },
    },
    { zh: '您收到一份联盟邀请', en: 'You are invited to an alliance' },
  );

describe('notifications are delivered by mail', () => {
  let orgId: string;
  let zhUser: { sub: string; token: string; email: string };
  let enUser: { sub: string; token: string; email: string };

  beforeAll(async () => {
    // Two people act for one enterprise: the founder (default: Chinese) and a colleague who chose English.
    const zhEmail = `${uid('zh')}@example.cn`;
    zhUser = { ...(await signedIn(zhEmail, ['applicant'])), email: zhEmail };
    const created = await api('POST', '/v1/organisations', { token: zhUser.token, body: enterpriseBody() });
    expect(created.status, created.text).toBe(201);
    orgId = created.body.id;
    const enEmail = `${uid('en')}@example.cn`;
    enUser = { ...(await signedIn(enEmail, ['applicant'])), email: enEmail };
    // The colleague is linked to the same organisation (no endpoint adds a second user yet).
    await ddb.send(
      new PutCommand({
        TableName: tableName,
        Item: {
          ...keys.user(enUser.sub),
          type: 'user',
          sub: enUser.sub,
          orgId,
          username: enEmail,
          createdAt: new Date().toISOString(),
          gsi1pk: `ORG#${orgId}#USERS`,
          gsi1sk: enUser.sub,
        },
      }),
    );
    const prefs = await api('PUT', '/v1/me/preferences', {
      token: enUser.token,
      body: { lang: 'en', optOut: ['alliance-member-confirmed'] },
    });
    expect(prefs.status, prefs.text).toBe(200);
  });

  it('mails everyone acting for the organisation once, each in their language, from the template', async () => {
    const draft = invitation({ organisationId: orgId });
    await writeNotification(draft);
    const mails = await eventually(async () => {
      const m = await mailOf(draft.id);
      return m.length >= 2 ? m : undefined;
    }, 'two messages');
    const zh = mails.find((m) => m.to.includes(zhUser.email))!;
    const en = mails.find((m) => m.to.includes(enUser.email))!;
    expect(zh.subject).toBe('武汉光谷科技有限公司 邀请贵单位加入联盟“光电子联合攻关联盟”');
    expect(zh.text).toContain('您收到一份联盟邀请');
    expect(zh.text).toContain(`通知编号：${draft.id}`);
    expect(zh.lang).toBe('zh-CN');
    expect(en.subject).toBe('Wuhan Optics Valley Tech invites you to the alliance "光电子联合攻关联盟"');
    expect(en.text).toContain('You are invited to an alliance');
    expect(en.lang).toBe('en');
    // The mailbox can have a message a moment before its delivery record says `sent` (the SMTP
    // answer comes first, then the record is updated).
    const records = await eventually(async () => {
      const r = await deliveries({ organisationId: orgId }, draft.id);
      return r.length === 2 && r.every((d) => d.status !== 'sending') ? r : undefined;
    }, 'both deliveries recorded');
    expect(records.map((r) => r.status).sort()).toEqual(['sent', 'sent']);
    expect(records.every((r) => r.channel === 'smtp' && typeof r.messageId === 'string')).toBe(true);
  });

  it('sends nothing twice when the same notification is processed again', async () => {
    const draft = invitation({ organisationId: orgId });
    await writeNotification(draft);
    await eventually(async () => ((await mailOf(draft.id)).length >= 2 ? true : undefined), 'first delivery');
    // The same item inserted again: the stream carries a second INSERT of the same notification.
    const rk = recipientKey(draft.recipient);
    await ddb.send(new DeleteCommand({ TableName: tableName, Key: keys.notification(rk, draft.id) }));
    await writeNotification(draft);
    // A later notification to the same people, to know the notifier got past the repeat.
    const marker = invitation({ organisationId: orgId });
    await writeNotification(marker);
    await eventually(async () => ((await mailOf(marker.id)).length >= 2 ? true : undefined), 'the marker');
    expect(await mailOf(draft.id)).toHaveLength(2);
    const records = await deliveries({ organisationId: orgId }, draft.id);
    expect(records.map((r) => r.attempts)).toEqual([1, 1]);
  });

  it('leaves out a person who opted out of an optional topic, and records why', async () => {
    const draft = notificationDraft(
      { organisationId: orgId },
      'alliance-member-confirmed',
      uid('confirmed'),
      { allianceId: 'a-demo' },
      { allianceName: '光电子联合攻关联盟', member: '华中光学学会' },
      { zh: '华中光学学会已确认加入', en: 'The society confirmed' },
    );
    await writeNotification(draft);
    const records = await eventually(async () => {
      const r = await deliveries({ organisationId: orgId }, draft.id);
      return r.length === 2 && r.every((d) => d.status !== 'sending') ? r : undefined;
    }, 'both deliveries recorded');
    const byTo = Object.fromEntries(records.map((r) => [r.to, r]));
    expect(byTo[`USER#${enUser.sub}`]).toMatchObject({ status: 'skipped', reason: 'opted-out' });
    expect(byTo[`USER#${zhUser.sub}`]).toMatchObject({ status: 'sent' });
    const mails = await mailOf(draft.id);
    expect(mails.map((m) => m.to)).toEqual([[zhUser.email]]);
  });

  it("mails the programme office's configured mailbox", async () => {
    const draft = notificationDraft(
      { role: 'admin' },
      'objection-received',
      uid('objection'),
      { roundId: 'r-demo', objectionId: 'o-1', allianceId: 'a-demo' },
      {},
      { zh: '收到一件异议', en: 'An objection was filed' },
    );
    await writeNotification(draft);
    const [mail] = await eventually(async () => {
      const m = await mailOf(draft.id);
      return m.length ? m : undefined;
    }, 'the office mail');
    expect(mail!.to).toEqual([handlerEnv.NOTIFY_OFFICE_ADDRESSES]);
    expect(mail!.subject).toBe('【待处理】批次 r-demo 收到异议 o-1');
  });

  it("finds a staff member's address in the user directory by their sub", async () => {
    const cognito = new CognitoIdentityProviderClient({
      endpoint: handlerEnv.AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER!,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    const email = `${uid('reviewer')}@example.cn`;
    const UserPoolId = handlerEnv.ESIP_STAFF_POOL_ID!;
    await cognito.send(
      new AdminCreateUserCommand({
        UserPoolId,
        Username: email,
        UserAttributes: [{ Name: 'email', Value: email }],
        MessageAction: 'SUPPRESS',
      }),
    );
    const sub = (
      await cognito.send(new AdminGetUserCommand({ UserPoolId, Username: email }))
    ).UserAttributes?.find((a) => a.Name === 'sub')?.Value;
    expect(sub).toBeTruthy();
    const draft = notificationDraft(
      { userId: sub! },
      'reviewer-assigned',
      uid('assigned'),
      { roundId: 'r-demo', allianceId: 'a-demo' },
      { allianceName: '光电子联合攻关联盟' },
      { zh: '您有一项新的评审任务', en: 'You have a new review' },
    );
    await writeNotification(draft);
    const mails = await eventually(async () => {
      const m = await mailTo(email);
      return m.length ? m : undefined;
    }, 'the reviewer mail');
    expect(mails.map((m) => m.subject)).toEqual(['评审任务：联盟“光电子联合攻关联盟”']);
  });

  it('records a person with no address as skipped, not failed', async () => {
    const draft = invitation({ userId: uid('nobody') });
    await writeNotification(draft);
    const [record] = await eventually(async () => {
      const r = await deliveries(draft.recipient, draft.id);
      return r.length ? r : undefined;
    }, 'the skipped delivery');
    expect(record).toMatchObject({ status: 'skipped', reason: 'no-address' });
  });
});

describe('GET/PUT /v1/me/preferences', () => {
  it('defaults to Chinese at the sign-in address, and keeps what the person sets', async () => {
    const email = `${uid('p')}@example.cn`;
    const { token } = await signedIn(email, ['reviewer']);
    const initial = await api('GET', '/v1/me/preferences', { token });
    expect(initial.status).toBe(200);
    expect(initial.body).toMatchObject({ lang: 'zh', optOut: [], address: email });
    expect(initial.body.optionalTopics).toContain('report-submitted');
    expect(initial.body.optionalTopics).not.toContain('screening-result');
    const put = await api('PUT', '/v1/me/preferences', {
      token,
      body: { email: 'Other@Example.cn', lang: 'en', optOut: ['notice-published'] },
    });
    expect(put.status, put.text).toBe(200);
    expect(put.body).toMatchObject({ email: 'other@example.cn', address: 'other@example.cn', lang: 'en' });
    expect((await api('GET', '/v1/me/preferences', { token })).body.optOut).toEqual(['notice-published']);
  });

  it('refuses (400) to opt out of an essential topic, naming it, in the caller’s language', async () => {
    const { token } = await signedIn(`${uid('p')}@example.cn`, ['applicant']);
    const res = await api('PUT', '/v1/me/preferences', {
      token,
      body: { lang: 'zh', optOut: ['screening-result'] },
      headers: { 'accept-language': 'zh-CN' },
    });
    expect(res.status).toBe(400);
    expect(res.text).toContain('screening-result');
    expect(res.text).toContain('不可退订');
  });

  it('refuses a malformed address, phone or topic', async () => {
    const { token } = await signedIn(`${uid('p')}@example.cn`, ['applicant']);
    for (const body of [
      { lang: 'zh', email: 'not-an-address' },
      { lang: 'zh', phone: '13800000000' },
      { lang: 'fr' },
      { lang: 'zh', optOut: ['no-such-topic'] },
      { lang: 'zh', extra: true },
    ]) {
      const res = await api('PUT', '/v1/me/preferences', { token, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
  });
});

describe('a decision made through the API reaches the right mailboxes (end to end)', () => {
  it('an invitation mails the invited society; its confirmation mails the enterprise; each once', async () => {
    const admin = await tokenFor(['admin']);
    const roundId = await openRound(admin);
    const leadEmail = `${uid('lead')}@example.cn`;
    const societyEmail = `${uid('society')}@example.cn`;
    const lead = await signedIn(leadEmail, ['applicant']);
    const society = await signedIn(societyEmail, ['applicant']);
    const leadOrg = await api('POST', '/v1/organisations', { token: lead.token, body: enterpriseBody() });
    const societyOrg = await api('POST', '/v1/organisations', { token: society.token, body: societyBody() });
    expect([leadOrg.status, societyOrg.status]).toEqual([201, 201]);
    const created = await api('POST', '/v1/alliances', {
      token: lead.token,
      body: { roundId, name: '光电子联合攻关联盟', ...allianceContent([societyOrg.body.id]) },
    });
    expect(created.status, created.text).toBe(201);
    const allianceId = created.body.id as string;
    const invited = await api('POST', `/v1/alliances/${allianceId}/members`, {
      token: lead.token,
      body: { organisationId: societyOrg.body.id },
    });
    expect(invited.status, invited.text).toBe(201);
    const [invitationMail] = await eventually(async () => {
      const m = await mailTo(societyEmail);
      return m.length ? m : undefined;
    }, 'the invitation mail');
    expect(invitationMail!.subject).toContain('光电子联合攻关联盟');
    expect(invitationMail!.text).toContain(allianceId);
    const confirmed = await api('POST', `/v1/alliances/${allianceId}/members/${societyOrg.body.id}/confirm`, {
      token: society.token,
    });
    expect(confirmed.status, confirmed.text).toBe(200);
    const [confirmationMail] = await eventually(async () => {
      const m = await mailTo(leadEmail);
      return m.length ? m : undefined;
    }, 'the confirmation mail');
    expect(confirmationMail!.subject).toContain('光电子联合攻关联盟');
    // Confirming again changes nothing and mails nobody again.
    await api('POST', `/v1/alliances/${allianceId}/members/${societyOrg.body.id}/confirm`, {
      token: society.token,
    });
    const marker = invitation({ organisationId: leadOrg.body.id });
    await writeNotification(marker);
    await eventually(async () => ((await mailOf(marker.id)).length ? true : undefined), 'the marker');
    expect(await mailTo(societyEmail)).toHaveLength(1);
    expect((await mailTo(leadEmail)).filter((m) => m.notificationId !== marker.id)).toHaveLength(1);
  });
});
