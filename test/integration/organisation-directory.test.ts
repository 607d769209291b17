/**
 * The organisation directory (GET /v1/organisations?uscc=…, to invite an organisation): answered
 * by one GetItem of the USCC's claim, which carries the organisation's kind and name and follows
 * the profile's changes (a new name, a new USCC) in the same transactions. A claim written before
 * it carried them is completed from the profile.
 */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { AWS_CALLS_HEADER, parseAwsCalls } from '../../local/api-server.ts';
import { keys } from '../../shared/db/keys.ts';
import { api, ddb, tableName } from './client.ts';
import { applicantWithOrg, enterpriseBody, newUscc } from './fixtures.ts';

const calls = (res: { headers: Headers }) => parseAwsCalls(res.headers.get(AWS_CALLS_HEADER))?.dynamodb;

describe('the organisation directory by USCC', () => {
  it('answers with one read, and follows a new name and a new USCC', async () => {
    const body = enterpriseBody();
    const owner = await applicantWithOrg(body);
    const other = await applicantWithOrg(enterpriseBody());
    const lookup = (uscc: string) => api('GET', `/v1/organisations?uscc=${uscc}`, { token: other.token });

    const found = await lookup(body.uscc);
    expect(found.status, found.text).toBe(200);
    expect(found.body).toEqual({ id: owner.org.id, kind: 'enterprise', name: body.name });
    expect(calls(found)).toBe(1);

    const renamed = { ...body, name: `${body.name}（更名）` };
    const put = await api('PUT', `/v1/organisations/${owner.org.id}`, {
      token: owner.token,
      body: { ...renamed, version: 1 },
    });
    expect(put.status, put.text).toBe(200);
    const afterRename = await lookup(body.uscc);
    expect(afterRename.body).toEqual({ id: owner.org.id, kind: 'enterprise', name: renamed.name });
    expect(calls(afterRename)).toBe(1);

    const moved = { ...renamed, uscc: newUscc('91') };
    const put2 = await api('PUT', `/v1/organisations/${owner.org.id}`, {
      token: owner.token,
      body: { ...moved, version: 2 },
    });
    expect(put2.status, put2.text).toBe(200);
    expect((await lookup(body.uscc)).status).toBe(404);
    const atNew = await lookup(moved.uscc);
    expect(atNew.body).toEqual({ id: owner.org.id, kind: 'enterprise', name: renamed.name });
    expect(calls(atNew)).toBe(1);
  });

  it('a claim that carries only the organisation id (written before) is answered from the profile', async () => {
    const body = enterpriseBody();
    const owner = await applicantWithOrg(body);
    await ddb.send(
      new PutCommand({
        TableName: tableName,
        Item: { ...keys.uscc(body.uscc), type: 'uscc', orgId: owner.org.id },
      }),
    );
    const found = await api('GET', `/v1/organisations?uscc=${body.uscc}`, { token: owner.token });
    expect(found.status, found.text).toBe(200);
    expect(found.body).toEqual({ id: owner.org.id, kind: 'enterprise', name: body.name });
    expect(calls(found)).toBe(2);
  });

  it('an unknown USCC is 404, in the caller’s language', async () => {
    const owner = await applicantWithOrg(enterpriseBody());
    const res = await api('GET', `/v1/organisations?uscc=${newUscc('91')}`, {
      token: owner.token,
      headers: { 'accept-language': 'zh-CN' },
    });
    expect(res.status).toBe(404);
    expect(res.text).toContain('统一社会信用代码');
  });
});
