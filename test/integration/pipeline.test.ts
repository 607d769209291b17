/**
 * The round pipeline end to end on the local stack: an event starts the CDK-synthesized state
 * machine (run by aws-local-stepfunctions), its first stage closes the round, the screening gate
 * waits for a callback, and SendTaskSuccess (what the admin endpoint will call) completes it.
 */
import { DescribeExecutionCommand, SendTaskSuccessCommand } from '@aws-sdk/client-sfn';
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import {
  api,
  apiUrl,
  ddb,
  eventually,
  handlerEnv,
  sfn,
  skipWaits,
  tableName,
  tokenFor,
  uid,
} from './client.ts';
import { roundBody } from './fixtures.ts';

/** A complete round through the API (its window-close schedule is created too; the test closes it first). */
async function createRound() {
  const res = await api('POST', '/v1/rounds', { token: await tokenFor(['admin']), body: roundBody() });
  expect(res.status, res.text).toBe(201);
  return res.body.id as string;
}

async function requestClose(roundId: string) {
  const res = await fetch(`${apiUrl}/local/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      source: 'esip.rounds',
      'detail-type': 'RoundCloseRequested',
      detail: { roundId, requestedBy: 'admin-1' },
    }),
  });
  const body = (await res.json()) as { deliveries: { target: string; ok: boolean; error?: string }[] };
  expect(body.deliveries).toHaveLength(1);
  expect(body.deliveries[0]).toMatchObject({ ok: true });
}

async function pipelineStatus(roundId: string, token: string) {
  const res = await api('GET', `/v1/rounds/${roundId}/pipeline`, { token });
  expect(res.status).toBe(200);
  return res.body;
}

describe('round pipeline on the local stack', () => {
  it('closes the round, waits at the screening gate, and finishes on SendTaskSuccess', async () => {
    const admin = await tokenFor(['admin']);
    const roundId = await createRound();
    expect((await pipelineStatus(roundId, admin)).status).toBe('NOT_STARTED');

    await requestClose(roundId);
    const waiting = await eventually(async () => {
      const status = await pipelineStatus(roundId, admin);
      return status.stage === 'screening' ? status : undefined;
    }, 'the screening gate');
    expect(waiting).toMatchObject({
      status: 'RUNNING',
      executionName: `round-${roundId}`,
      waitingOn: expect.stringContaining('admin'),
    });
    expect(waiting.history.map((h: { stage: string }) => h.stage)).toEqual([
      'starting',
      'closing-applications',
      'screening',
    ]);

    const round = await ddb.send(
      new GetCommand({ TableName: tableName, Key: { pk: `ROUND#${roundId}`, sk: 'ROUND' } }),
    );
    expect(round.Item).toMatchObject({ status: 'closed', version: 2, closedAt: expect.any(String) });
    const audit = await ddb.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :audit)',
        ExpressionAttributeValues: { ':pk': `ROUND#${roundId}`, ':audit': 'AUDIT#' },
      }),
    );
    const closing = audit.Items?.filter((i) => i.action === 'round.applications-closed') ?? [];
    expect(closing).toHaveLength(1);
    expect(closing[0]).toMatchObject({
      action: 'round.applications-closed',
      actor: { kind: 'system' },
      reason: expect.any(String),
      at: expect.any(String),
    });

    // A second close request is harmless: same execution, nothing recorded twice.
    await requestClose(roundId);
    // Replaying the first task (a retry, or the local runner restarting the execution) changes nothing.
    Object.assign(process.env, handlerEnv);
    const { runTask } = await import('../../functions/pipeline/handler.ts');
    await runTask({ action: 'closeApplications', roundId, executionId: 'replay' });
    const replayed = await pipelineStatus(roundId, admin);
    expect(replayed.stage).toBe('screening');
    expect(replayed.history).toEqual(waiting.history);
    const gate = await ddb.send(
      new GetCommand({ TableName: tableName, Key: { pk: `ROUND#${roundId}`, sk: 'GATE#screening' } }),
    );
    expect(gate.Item).toMatchObject({ status: 'open', taskToken: expect.any(String) });

    await sfn.send(
      new SendTaskSuccessCommand({
        taskToken: gate.Item!.taskToken,
        output: JSON.stringify({ passed: [], rejected: [] }),
      }),
    );
    // Nothing was submitted: no reviews to wait for once an admin ends the review period, an empty
    // selection to approve, an empty notice, no objections — and the round is funded with nothing.
    await eventually(
      async () => ((await pipelineStatus(roundId, admin)).stage === 'review' ? true : undefined),
      'review',
    );
    const closeReviews = await api('POST', `/v1/rounds/${roundId}/reviews/close`, {
      token: admin,
      body: { reason: '无待评审联盟' },
    });
    expect(closeReviews.status, closeReviews.text).toBe(200);
    await eventually(
      async () =>
        (await pipelineStatus(roundId, admin)).waitingOn?.includes('selection') ? true : undefined,
      'selection',
    );
    const approved = await api('POST', `/v1/rounds/${roundId}/selection/approve`, { token: admin, body: {} });
    expect(approved.body).toMatchObject({ funded: 0, totalAwarded: 0 });
    await eventually(
      async () => ((await skipWaits(roundId)) > 0 ? true : undefined),
      'the notice period wait',
    );
    const done = await eventually(async () => {
      const status = await pipelineStatus(roundId, admin);
      return status.status === 'SUCCEEDED' ? status : undefined;
    }, 'the execution to succeed');
    expect(done.stage).toBe('implementation');
    // The gate's task has finished: its token can no longer complete anything.
    const late = await sfn
      .send(new SendTaskSuccessCommand({ taskToken: gate.Item!.taskToken, output: '{}' }))
      .catch((e) => e);
    expect(['TaskTimedOut', 'TaskDoesNotExist', 'InvalidToken']).toContain(late.name);
  });

  it('records a failure it can explain when the round does not exist', async () => {
    const admin = await tokenFor(['admin']);
    const roundId = uid('ghost');
    await requestClose(roundId);
    const failed = await eventually(async () => {
      const res = await api('GET', `/v1/rounds/${roundId}/pipeline`, { token: admin });
      return res.status === 200 && res.body.status === 'FAILED' ? res.body : undefined;
    }, 'the failure to be recorded');
    expect(failed.stage).toBe('failed');
    expect(failed.history.at(-1).note).toContain('RoundNotFound');
    const pipeline = await ddb.send(
      new GetCommand({ TableName: tableName, Key: { pk: `ROUND#${roundId}`, sk: 'PIPELINE' } }),
    );
    const execution = await sfn.send(
      new DescribeExecutionCommand({ executionArn: pipeline.Item!.executionArn }),
    );
    expect(execution.status).toBe('FAILED');
    expect(execution.error).toBe('RoundPipelineFailed');
  });

  it('answers an unknown task token with TaskDoesNotExist or InvalidToken', async () => {
    const error = await sfn
      .send(new SendTaskSuccessCommand({ taskToken: 'no-such-token', output: '{}' }))
      .catch((e) => e);
    expect(['TaskDoesNotExist', 'InvalidToken']).toContain(error.name);
  });
});
