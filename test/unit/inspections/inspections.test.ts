import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { lambdaContext, setEnv } from '../functions/helpers.ts';

setEnv();
const { handler } = await import('../../../functions/inspection-draw/handler.ts');
const { recordFindings, inspectionIdOf } = await import('../../../shared/usecases/inspections/index.ts');
const { httpStatusOf } = await import('../../../shared/http/errors.ts');
const ddb = mockClient(DynamoDBDocumentClient);

const principal = { sub: 'ins-1', username: 'ins-1', roles: ['inspector' as const] };

beforeEach(() => {
  ddb.reset();
  ddb.on(TransactWriteCommand).resolves({});
  ddb.on(QueryCommand).resolves({ Items: [] });
});

const existingDraw = {
  pk: 'DRAW#monthly-2030-05',
  sk: 'DRAW',
  drawId: 'monthly-2030-05',
  kind: 'monthly',
  dryRun: false,
  seed: '2030-05-01T02:00:00.000Z',
  share: 0.1,
  n: 1,
  asOf: '2030-05-01T02:00:00.000Z',
  algorithm: 'x',
  candidates: [{ allianceId: 'a1', weight: 3, parts: {}, features: {} }],
  picks: ['a1'],
  assignments: [
    {
      allianceId: 'a1',
      inspectorId: 'ins-1',
      inspectionId: inspectionIdOf('monthly-2030-05', 'a1'),
      reason: 'r',
    },
  ],
  at: '2030-05-01T02:00:01.000Z',
  by: 'schedule:inspection-draw',
};

describe('monthly inspection draw handler', () => {
  it('re-running a month that is already drawn writes no new draw; existing inspections stay as they are', async () => {
    ddb.on(GetCommand).resolves({});
    ddb.on(GetCommand, { Key: { pk: 'DRAW#monthly-2030-05', sk: 'DRAW' } }).resolves({ Item: existingDraw });
    ddb.on(TransactWriteCommand).rejects(
      new TransactionCanceledException({
        message: 'cancelled',
        $metadata: {},
        CancellationReasons: [{ Code: 'ConditionalCheckFailed' }, { Code: 'None' }],
      }),
    );
    const out = await handler(
      { schedule: 'inspection-draw', scheduledTime: '2030-05-20T02:00:00Z' },
      lambdaContext,
    );
    expect(out).toEqual({
      schedule: 'inspection-draw',
      ran: false,
      drawId: 'monthly-2030-05',
      seed: existingDraw.seed,
      picks: ['a1'],
    });
    const writes = ddb.commandCalls(TransactWriteCommand).map((c) => c.args[0].input.TransactItems!);
    // Only the (conditional) re-put of the recorded inspection: never a second DRAW item.
    expect(writes).toHaveLength(1);
    expect(writes[0]![0]!.Put).toMatchObject({
      Item: { pk: `INSPECTION#${existingDraw.assignments[0]!.inspectionId}` },
      ConditionExpression: 'attribute_not_exists(pk)',
    });
  });

  it('rejects an event that is not a schedule event', async () => {
    await expect(handler({ nope: true }, lambdaContext)).rejects.toThrow();
  });
});

describe('recordFindings', () => {
  const planned = {
    pk: 'INSPECTION#i1',
    sk: 'INSPECTION',
    inspectionId: 'i1',
    drawId: 'd1',
    allianceId: 'a1',
    inspectorId: 'ins-1',
    status: 'planned',
    weight: 2,
    assignmentReason: 'r',
    drawnAt: '2030-05-01T00:00:00.000Z',
    version: 1,
  };

  it("a 'poor' rating puts a follow-up DEADLINE due in 60 days in the same transaction, audited", async () => {
    ddb.on(GetCommand, { Key: { pk: 'INSPECTION#i1', sk: 'INSPECTION' } }).resolves({ Item: planned });
    // The alliance (its round) and its members, read once before the transaction.
    ddb
      .on(QueryCommand, { ExpressionAttributeValues: { ':pk': 'ALLIANCE#a1', ':alliance': 'ALLIANCE' } })
      .resolves({ Items: [{ pk: 'ALLIANCE#a1', sk: 'ALLIANCE', id: 'a1', roundId: 'r1' }] });
    await recordFindings(
      principal,
      'i1',
      { findings: 'f', rating: 'poor', followUpActions: [{ action: 'fix' }] },
      new Date('2030-06-10T08:00:00Z'),
    );
    const items = ddb.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!;
    expect(items[0]!.Update).toMatchObject({
      Key: { pk: 'INSPECTION#i1', sk: 'INSPECTION' },
      ConditionExpression: '#status = :planned AND inspectorId = :me',
    });
    expect(items[1]!.Put!.Item).toMatchObject({ pk: 'INSPECTION#i1', action: 'inspection.completed' });
    expect(items[2]!.Put!.Item).toMatchObject({ pk: 'ALLIANCE#a1', action: 'inspection.completed' });
    expect(items[3]!.Put!.Item).toMatchObject({
      pk: 'ALLIANCE#a1',
      sk: 'DEADLINE#2030-08-09#follow-up',
      gsi1pk: 'DEADLINES',
      gsi1sk: '2030-08-09#a1#follow-up',
      kind: 'follow-up',
      status: 'due',
      roundId: 'r1',
    });
  });

  it('a good rating sets no deadline; another inspector gets 404', async () => {
    ddb.on(GetCommand).resolves({ Item: planned });
    await recordFindings(principal, 'i1', { findings: 'f', rating: 'good', followUpActions: [] });
    expect(ddb.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems).toHaveLength(3);
    const error = await recordFindings({ ...principal, sub: 'ins-2' }, 'i1', {
      findings: 'f',
      rating: 'good',
      followUpActions: [],
    }).catch((e: unknown) => e);
    expect(httpStatusOf(error)).toBe(404);
  });
});
