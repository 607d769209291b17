/**
 * Issue #9: a failed stage is not final. A round whose PublishNotice fails (its round record lost the
 * priority sectors the notice names) is FAILED with a one-line reason; a retry while it still runs, or before it
 * failed, is a 409; after the data is put back, POST …/pipeline/retry starts round-<id>-2, which
 * passes through what is done (no decision asked again, gates completing themselves) and carries
 * on to funded — with exactly one award, one designation and one notice.
 */
import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { api, ddb, eventually, skipWaits, tableName, tokenFor, uid } from './client.ts';
import { closeAndScreen, reviewEach, twoAllianceRound, waitForPipeline } from './fixtures.ts';

const auditOf = async (pk: string) =>
  (
    await ddb.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :audit)',
        ExpressionAttributeValues: { ':pk': pk, ':audit': 'AUDIT#' },
      }),
    )
  ).Items ?? [];

describe('retrying a failed round pipeline', () => {
  it('fails at PublishNotice, is retried after the fix, and reaches funded with nothing done twice', async () => {
    const admin = await tokenFor(['admin'], uid('admin'));
    const { roundId, a, b, reviewer } = await twoAllianceRound(
      admin,
      { budget: 1_000_000, reviewersPerAlliance: 1, noticePeriodDays: 3 },
      [
        ['重试联盟甲', 200_000],
        ['重试联盟乙', 150_000],
      ],
    );
    const waitFor = (what: string, test: (s: any) => boolean) => waitForPipeline(admin, roundId, what, test);

    // Nothing to retry before the pipeline starts.
    const early = await api('POST', `/v1/rounds/${roundId}/pipeline/retry`, {
      token: admin,
      body: { reason: '试试' },
    });
    expect(early.status, early.text).toBe(409);

    await closeAndScreen(admin, roundId, [a, b]);
    // While the run is alive, a retry is refused with what it is doing.
    const running = await api('POST', `/v1/rounds/${roundId}/pipeline/retry`, {
      token: admin,
      body: { reason: '重试' },
      headers: { 'accept-language': 'zh-CN' },
    });
    expect(running.status, running.text).toBe(409);
    expect(running.body.error.message).toContain('正在运行');
    await reviewEach(await tokenFor(['reviewer'], reviewer), roundId, [
      [a, 9],
      [b, 7],
    ]);
    await waitFor('the selection gate', (s) => s.stage === 'selection' && s.waitingOn);

    // Break PublishNotice for this round only: its round record loses the priority sectors the notice
    // names (approval does not read them, the notice does).
    const key = { pk: `ROUND#${roundId}`, sk: 'ROUND' };
    const saved = (await ddb.send(new GetCommand({ TableName: tableName, Key: key }))).Item!;
    await ddb.send(
      new UpdateCommand({ TableName: tableName, Key: key, UpdateExpression: 'REMOVE prioritySectors' }),
    );
    const approved = await api('POST', `/v1/rounds/${roundId}/selection/approve`, { token: admin, body: {} });
    expect(approved.status, approved.text).toBe(200);
    const failed = await waitFor('the failure', (s) => s.status === 'FAILED');
    expect(failed).toMatchObject({
      stage: 'failed',
      attempt: 1,
      failure: { stage: 'public-notice', error: expect.any(String), message: expect.any(String) },
    });
    expect(JSON.stringify(failed)).not.toMatch(/\.mjs:\d+|at async|stack/i); // no trace to the client

    // The data is put back; an admin retries with a reason.
    await ddb.send(
      new UpdateCommand({
        TableName: tableName,
        Key: key,
        UpdateExpression: 'SET prioritySectors = :sectors',
        ExpressionAttributeValues: { ':sectors': saved.prioritySectors },
      }),
    );
    const noReason = await api('POST', `/v1/rounds/${roundId}/pipeline/retry`, { token: admin, body: {} });
    expect(noReason.status).toBe(400);
    const retried = await api('POST', `/v1/rounds/${roundId}/pipeline/retry`, {
      token: admin,
      body: { reason: '已恢复联盟记录，重新发布公示' },
    });
    expect(retried.status, retried.text).toBe(202);
    expect(retried.body).toEqual({
      roundId,
      attempt: 2,
      executionName: `round-${roundId}-2`,
      resumesAt: 'public-notice',
    });
    const again = await api('POST', `/v1/rounds/${roundId}/pipeline/retry`, {
      token: admin,
      body: { reason: '再试' },
    });
    expect(again.status).toBe(409);

    // The new run passes screening, review and approval by itself and publishes the notice.
    await waitFor('the notice period', (s) => s.stage === 'public-notice' && s.status === 'RUNNING');
    await eventually(
      async () => ((await skipWaits(roundId, `round-${roundId}-2`)) > 0 ? true : undefined),
      'the notice period wait',
    );
    const done = await waitFor('funded', (s) => s.status === 'SUCCEEDED');
    expect(done).toMatchObject({ stage: 'implementation', attempt: 2, executionName: `round-${roundId}-2` });
    expect(done.attempts).toEqual([
      expect.objectContaining({
        attempt: 1,
        outcome: 'FAILED',
        stage: 'public-notice',
        error: expect.any(Object),
      }),
      expect.objectContaining({ attempt: 2, outcome: 'SUCCEEDED' }),
    ]);

    // Exactly one award, one designation, one notice; no decision asked again.
    for (const [id, amount] of [
      [a, 200_000],
      [b, 150_000],
    ] as const) {
      const award = await api('GET', `/v1/alliances/${id}/award`, { token: admin });
      expect(award.status, award.text).toBe(200);
      expect(award.body.amount ?? award.body.award?.amount).toBe(amount);
      const trail = await auditOf(`ALLIANCE#${id}`);
      expect(trail.filter((t) => t.action === 'alliance.designated')).toHaveLength(1);
      expect(trail.filter((t) => t.action === 'screening.pass')).toHaveLength(1);
    }
    const roundTrail = await auditOf(`ROUND#${roundId}`);
    const count = (action: string) => roundTrail.filter((t) => t.action === action).length;
    expect(count('pipeline.notice-published')).toBe(1);
    expect(count('pipeline.reviewers-assigned')).toBe(1);
    expect(count('pipeline.reviews-concluded')).toBe(1);
    expect(count('pipeline.selection-proposed')).toBe(1);
    expect(count('pipeline.failed')).toBe(1);
    expect(roundTrail.find((t) => t.action === 'pipeline.retried')).toMatchObject({
      reason: '已恢复联盟记录，重新发布公示',
      data: { attempt: 2, resumesAt: 'public-notice' },
    });
    const assignments = (await api('GET', `/v1/rounds/${roundId}/assignments`, { token: admin })).body.items;
    expect(assignments).toHaveLength(2);
  });
});
