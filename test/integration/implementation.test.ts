/**
 * Issue #5: the implementation plan (versioned; earlier versions kept) and closing an alliance
 * (completed only after the completion report is accepted, or terminated; the ledger freezes).
 * The alliance is built through the API; its designation (award, deadlines) is seeded directly, as
 * the pipeline would have written it (the pipeline itself is covered by round-pipeline-e2e).
 */
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, ddb, tableName, tokenFor } from './client.ts';
import {
  allianceContent,
  applicantWithOrg,
  enterpriseBody,
  markDesignated,
  roundBody,
  societyBody,
} from './fixtures.ts';

async function designatedAlliance(
  lead: Awaited<ReturnType<typeof applicantWithOrg>>,
  roundId: string,
  societyId: string,
) {
  const created = await api('POST', '/v1/alliances', {
    token: lead.token,
    body: { roundId, name: '实施阶段联盟', ...allianceContent([societyId]) },
  });
  expect(created.status, created.text).toBe(201);
  const id = created.body.id as string;
  await markDesignated(id);
  await ddb.send(
    new PutCommand({
      TableName: tableName,
      Item: {
        pk: `ALLIANCE#${id}`,
        sk: 'AWARD',
        type: 'award',
        allianceId: id,
        roundId,
        amount: 300_000,
        lines: [{ lineId: 'equipment', category: '设备费', allocation: 300_000, spent: 0 }],
        balances: { equipment: 300_000 },
        balance: 300_000,
        ledger: { status: 'open', spent: 0 },
      },
    }),
  );
  await ddb.send(
    new PutCommand({
      TableName: tableName,
      Item: {
        pk: `ALLIANCE#${id}`,
        sk: 'DEADLINE#2029-01-30#completion-report',
        type: 'deadline',
        allianceId: id,
        roundId,
        kind: 'completion-report',
        due: '2029-01-30',
        status: 'due',
      },
    }),
  );
  return id;
}

describe('implementation plan and closure', () => {
  let admin: string;
  let lead: Awaited<ReturnType<typeof applicantWithOrg>>;
  let society: Awaited<ReturnType<typeof applicantWithOrg>>;
  let roundId: string;

  beforeAll(async () => {
    admin = await tokenFor(['admin']);
    roundId = (await api('POST', '/v1/rounds', { token: admin, body: roundBody() })).body.id;
    [lead, society] = await Promise.all([
      applicantWithOrg(enterpriseBody()),
      applicantWithOrg(societyBody()),
    ]);
  });

  it('starts from the application, changes with a version and a reason, and keeps every version', async () => {
    const id = await designatedAlliance(lead, roundId, society.org.id);
    const first = await api('GET', `/v1/alliances/${id}/plan`, { token: lead.token });
    expect(first.status, first.text).toBe(200);
    expect(first.body).toMatchObject({
      version: 1,
      milestones: [{ id: 'm1', title: '方案设计', status: 'planned' }, { id: 'm2' }],
      indicators: [{ id: 'patents', target: 3 }],
    });

    const change = {
      version: 1,
      reason: '样机验证提前',
      milestones: [
        { id: 'm1', title: '方案设计', due: '2027-06-30', status: 'done', completedOn: '2027-06-20' },
        { id: 'm2', title: '样机验证', due: '2028-03-31', status: 'planned' },
      ],
      indicators: [{ id: 'patents', name: '发明专利申请', target: 4, unit: '件' }],
    };
    const updated = await api('PUT', `/v1/alliances/${id}/plan`, { token: lead.token, body: change });
    expect(updated.status, updated.text).toBe(200);
    expect(updated.body).toMatchObject({
      version: 2,
      history: [{ version: 1 }, { version: 2, reason: '样机验证提前' }],
    });
    const stale = await api('PUT', `/v1/alliances/${id}/plan`, { token: lead.token, body: change });
    expect(stale.status).toBe(409);
    const incomplete = await api('PUT', `/v1/alliances/${id}/plan`, {
      token: lead.token,
      body: {
        ...change,
        version: 2,
        milestones: [{ id: 'm1', title: 'x', due: '2027-06-30', status: 'done' }],
      },
    });
    expect(incomplete.status).toBe(400);
    const v1 = await api('GET', `/v1/alliances/${id}/plan/versions/1`, { token: admin });
    expect(v1.body.indicators[0].target).toBe(3);

    // The inspection office reads every designated alliance's plan, never writes it; an inspector
    // not assigned to the alliance does not even learn it exists.
    const office = await tokenFor(['inspection-office']);
    expect((await api('GET', `/v1/alliances/${id}/plan`, { token: office })).status).toBe(200);
    expect(
      (await api('PUT', `/v1/alliances/${id}/plan`, { token: office, body: { ...change, version: 2 } }))
        .status,
    ).toBe(403);
    const inspector = await tokenFor(['inspector']);
    expect((await api('GET', `/v1/alliances/${id}/plan`, { token: inspector })).status).toBe(404);
    const outsider = await applicantWithOrg(enterpriseBody());
    expect((await api('GET', `/v1/alliances/${id}/plan`, { token: outsider.token })).status).toBe(404);
  });

  it('closes as completed only after the completion report is accepted, and freezes the ledger', async () => {
    const id = await designatedAlliance(lead, roundId, society.org.id);
    const early = await api('POST', `/v1/alliances/${id}/close`, {
      token: admin,
      body: { outcome: 'completed', reason: '任务完成' },
    });
    expect(early.status).toBe(409);
    expect(early.body.error.message).toContain('not accepted');
    expect(
      (
        await api('POST', `/v1/alliances/${id}/close`, {
          token: lead.token,
          body: { outcome: 'completed', reason: 'x' },
        })
      ).status,
    ).toBe(403);
    await ddb.send(
      new UpdateCommand({
        TableName: tableName,
        Key: { pk: `ALLIANCE#${id}`, sk: 'DEADLINE#2029-01-30#completion-report' },
        UpdateExpression: 'SET #status = :accepted',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':accepted': 'accepted' },
      }),
    );
    const closed = await api('POST', `/v1/alliances/${id}/close`, {
      token: admin,
      body: { outcome: 'completed', reason: '验收通过' },
    });
    expect(closed.status, closed.text).toBe(200);
    const alliance = await api('GET', `/v1/alliances/${id}`, { token: lead.token });
    expect(alliance.body.status).toBe('completed');
    const award = await ddb.send(
      new GetCommand({ TableName: tableName, Key: { pk: `ALLIANCE#${id}`, sk: 'AWARD' } }),
    );
    expect(award.Item?.ledger.status).toBe('frozen');
    const history = await api('GET', `/v1/alliances/${id}/history?limit=100`, { token: admin });
    expect(
      history.body.items.find((h: { action: string }) => h.action === 'alliance.completed'),
    ).toMatchObject({ reason: '验收通过', actor: { kind: 'user' } });
    // Closed alliances' plans no longer change.
    const plan = await api('GET', `/v1/alliances/${id}/plan`, { token: lead.token });
    const change = await api('PUT', `/v1/alliances/${id}/plan`, {
      token: lead.token,
      body: {
        version: plan.body.version,
        reason: 'x',
        milestones: plan.body.milestones,
        indicators: plan.body.indicators,
      },
    });
    expect(change.status).toBe(409);
  });

  it('terminates early with a reason', async () => {
    const id = await designatedAlliance(lead, roundId, society.org.id);
    const res = await api('POST', `/v1/alliances/${id}/close`, {
      token: admin,
      body: { outcome: 'terminated', reason: '合作方退出，无法继续实施' },
    });
    expect(res.status, res.text).toBe(200);
    expect(
      (await api('GET', `/v1/alliances/${id}`, { token: admin })).body.statusHistory.at(-1),
    ).toMatchObject({ status: 'terminated', reason: '合作方退出，无法继续实施' });
  });
});
