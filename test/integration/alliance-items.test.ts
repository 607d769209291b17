/**
 * An alliance is stored as a small head (status, version, name, history; rewritten at every step
 * and copied to gsi1) and its content (the application; written only while a draft). Through the
 * API it reads as one record, edits land on the right item, and an alliance written before the
 * split (everything on the head) reads and edits the same.
 */
import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, ddb, tableName, tokenFor } from './client.ts';
import {
  allianceContent,
  allianceOfTwo,
  applicantWithOrg,
  enterpriseBody,
  openRound,
  type Party,
  societyBody,
} from './fixtures.ts';

const raw = async (allianceId: string, sk: string) =>
  (await ddb.send(new GetCommand({ TableName: tableName, Key: { pk: `ALLIANCE#${allianceId}`, sk } }))).Item;

/** An upper bound of DynamoDB's item size (names and values in UTF-8): the item's JSON in bytes. */
const approxSize = (item: Record<string, unknown>) => Buffer.byteLength(JSON.stringify(item));

describe('an alliance stored as head and content', () => {
  let admin: string;
  let roundId: string;
  let lead: Party;
  let partner: Party;
  const content = () => allianceContent([partner.org.id]);

  beforeAll(async () => {
    admin = await tokenFor(['admin']);
    roundId = await openRound(admin);
    [lead, partner] = await Promise.all([
      applicantWithOrg(enterpriseBody()),
      applicantWithOrg(societyBody()),
    ]);
  });

  it('keeps the content off the head, and the API shows one record', async () => {
    const id = await allianceOfTwo(lead, partner, { roundId, name: '激光器件联盟', ...content() });
    const head = await raw(id, 'ALLIANCE');
    const stored = await raw(id, 'ALLIANCE#CONTENT');
    expect(head).toMatchObject({ id, roundId, name: '激光器件联盟', status: 'draft', version: 3 });
    for (const field of Object.keys(content())) expect(head, field).not.toHaveProperty(field);
    expect(stored).toMatchObject(content());
    expect(stored).not.toHaveProperty('gsi1pk'); // the content is not copied to the round's index
    expect(approxSize(head!)).toBeLessThan(1024);

    const read = await api('GET', `/v1/alliances/${id}`, { token: lead.token });
    expect(read.status, read.text).toBe(200);
    expect(read.body).toMatchObject({ id, name: '激光器件联盟', status: 'draft', version: 3, ...content() });
    expect(read.body.members).toHaveLength(2);
  });

  it('puts an edited name on the head and edited content on the content item, in one version', async () => {
    const id = await allianceOfTwo(lead, partner, { roundId, name: '初稿联盟', ...content() });
    const edited = await api('PATCH', `/v1/alliances/${id}`, {
      token: lead.token,
      body: { version: 3, name: '定稿联盟', goals: '三年内实现泵浦源量产' },
    });
    expect(edited.status, edited.text).toBe(200);
    expect(edited.body).toMatchObject({ name: '定稿联盟', goals: '三年内实现泵浦源量产', version: 4 });
    expect(edited.body.budgetLines).toEqual(content().budgetLines);
    expect(await raw(id, 'ALLIANCE')).toMatchObject({ name: '定稿联盟', version: 4 });
    expect(await raw(id, 'ALLIANCE#CONTENT')).toMatchObject({ goals: '三年内实现泵浦源量产' });

    // A stale version changes neither item.
    const stale = await api('PATCH', `/v1/alliances/${id}`, {
      token: lead.token,
      body: { version: 3, goals: '过时的目标' },
    });
    expect(stale.status, stale.text).toBe(409);
    expect(await raw(id, 'ALLIANCE#CONTENT')).toMatchObject({ goals: '三年内实现泵浦源量产' });

    const listed = await api('GET', `/v1/alliances?roundId=${roundId}&limit=100`, { token: admin });
    expect(listed.status, listed.text).toBe(200);
    expect(listed.body.items).toContainEqual(
      expect.objectContaining({ id, name: '定稿联盟', status: 'draft', version: 4 }),
    );
  });

  it('reads and edits an alliance written before the split (all on the head) the same way', async () => {
    const id = await allianceOfTwo(lead, partner, { roundId, name: '旧格式联盟', ...content() });
    const head = await raw(id, 'ALLIANCE');
    const stored = await raw(id, 'ALLIANCE#CONTENT');
    const { pk: _pk, sk: _sk, type: _type, ...fields } = stored!;
    await ddb.send(new PutCommand({ TableName: tableName, Item: { ...head, ...fields } }));
    await ddb.send(
      new DeleteCommand({ TableName: tableName, Key: { pk: `ALLIANCE#${id}`, sk: 'ALLIANCE#CONTENT' } }),
    );

    const read = await api('GET', `/v1/alliances/${id}`, { token: lead.token });
    expect(read.status, read.text).toBe(200);
    expect(read.body).toMatchObject({ id, name: '旧格式联盟', version: 3, ...content() });

    const edited = await api('PATCH', `/v1/alliances/${id}`, {
      token: lead.token,
      body: { version: 3, summary: '新的摘要' },
    });
    expect(edited.status, edited.text).toBe(200);
    expect(edited.body).toMatchObject({ summary: '新的摘要', goals: content().goals, version: 4 });
  });
});
