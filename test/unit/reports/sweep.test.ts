/**
 * The deadline-sweep Lambda against a mocked table: it reads DEADLINES through the gsi1 index by
 * due-date range (never a Scan), writes notifications with conditional puts (an existing one is not
 * an error), moves reports to overdue with a conditional, audited transaction, and gives a deadline
 * nothing more once its transition did not hold.
 */
import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  ScanCommand,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { lambdaContext, setEnv } from '../functions/helpers.ts';

setEnv();
const { handler } = await import('../../../functions/deadline-sweep/handler.ts');
const ddb = mockClient(DynamoDBDocumentClient);

const TODAY = '2040-06-30';
const event = { schedule: 'deadline-sweep', scheduledTime: `${TODAY}T01:00:00Z` };

const deadline = (due: string, status: string, kind = 'annual-report') => ({
  pk: 'ALLIANCE#a-1',
  sk: `DEADLINE#${due}#${kind}`,
  gsi1pk: 'DEADLINES',
  gsi1sk: `${due}#a-1#${kind}`,
  allianceId: 'a-1',
  kind,
  due,
  status,
});

function table(deadlines: Record<string, unknown>[]) {
  ddb.on(QueryCommand, { IndexName: 'gsi1' }).resolves({ Items: deadlines });
  ddb.on(QueryCommand, { KeyConditionExpression: 'pk = :pk AND begins_with(sk, :member)' }).resolves({
    Items: [
      { organisationId: 'ent-1', state: 'confirmed' },
      { organisationId: 'soc-1', state: 'confirmed' },
      { organisationId: 'gone', state: 'declined' },
    ],
  });
  ddb.on(GetCommand).resolves({ Item: { id: 'a-1', name: '联盟甲' } });
}

const notificationPuts = () =>
  ddb
    .commandCalls(PutCommand)
    .map((c) => c.args[0].input)
    .filter((i) => String(i.Item?.pk).startsWith('NOTIFY#'));

beforeEach(() => {
  ddb.reset();
  ddb.on(PutCommand).resolves({});
  ddb.on(TransactWriteCommand).resolves({});
});

describe('deadline sweep', () => {
  it('does nothing when the day is already claimed', async () => {
    ddb
      .on(PutCommand, { Item: { pk: 'SCHEDULE#deadline-sweep' } })
      .rejects(new ConditionalCheckFailedException({ message: 'taken', $metadata: {} }));
    await expect(handler(event, lambdaContext)).resolves.toEqual({ schedule: 'deadline-sweep', ran: false });
    expect(ddb.commandCalls(QueryCommand)).toHaveLength(0);
  });

  it('reads the due-date window from gsi1 (no Scan) and reminds the confirmed members once each', async () => {
    table([deadline('2040-07-30', 'due'), deadline('2040-07-01', 'due', 'follow-up')]);
    await expect(handler(event, lambdaContext)).resolves.toEqual({ schedule: 'deadline-sweep', ran: true });
    expect(ddb.commandCalls(ScanCommand)).toHaveLength(0);
    const query = ddb.commandCalls(QueryCommand, { IndexName: 'gsi1' })[0]!.args[0].input;
    expect(query.KeyConditionExpression).toBe('gsi1pk = :pk AND gsi1sk BETWEEN :from AND :to');
    expect(query.ExpressionAttributeValues).toMatchObject({
      ':pk': 'DEADLINES',
      ':from': '2039-06-30',
      ':to': '2040-07-30#~',
    });
    const puts = notificationPuts();
    expect(puts.map((p) => p.Item!.pk)).toEqual(['NOTIFY#ORG#ent-1', 'NOTIFY#ORG#soc-1']);
    for (const p of puts) {
      expect(p.ConditionExpression).toBe('attribute_not_exists(pk)');
      expect(p.Item).toMatchObject({
        topic: 'report-reminder',
        occasion: 'remind#a-1#2040-07-30#annual-report#30',
        gsi1pk: p.Item!.pk,
      });
    }
  });

  it('an existing notification is not an error and is not written again', async () => {
    table([deadline('2040-07-07', 'due')]);
    ddb
      .on(PutCommand, { Item: { type: 'notification' } })
      .rejects(new ConditionalCheckFailedException({ message: 'exists', $metadata: {} }));
    await expect(handler(event, lambdaContext)).resolves.toEqual({ schedule: 'deadline-sweep', ran: true });
    expect(notificationPuts()).toHaveLength(2);
  });

  it('moves a late report to overdue in a conditional transaction with its audit record', async () => {
    table([deadline('2040-06-29', 'due')]);
    await handler(event, lambdaContext);
    const items = ddb.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!;
    expect(items[0]!.Update).toMatchObject({
      Key: { pk: 'ALLIANCE#a-1', sk: 'DEADLINE#2040-06-29#annual-report' },
      ConditionExpression: '#status = :from AND due < :today',
      ExpressionAttributeValues: expect.objectContaining({ ':from': 'due', ':today': TODAY }),
    });
    expect(items[1]!.Put!.Item).toMatchObject({
      pk: 'ALLIANCE#a-1',
      action: 'report.overdue',
      actor: { kind: 'system', component: 'deadline-sweep' },
    });
    expect(notificationPuts().map((p) => p.Item!.topic)).toEqual(['report-overdue', 'report-overdue']);
  });

  it('a transition that did not hold (submitted meanwhile) sends nothing for that deadline', async () => {
    table([deadline('2040-06-01', 'due')]);
    ddb.on(TransactWriteCommand).rejects(
      new TransactionCanceledException({
        message: 'cancelled',
        $metadata: {},
        CancellationReasons: [{ Code: 'ConditionalCheckFailed' }, { Code: 'None' }],
      }),
    );
    await expect(handler(event, lambdaContext)).resolves.toEqual({ schedule: 'deadline-sweep', ran: true });
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(1);
    expect(notificationPuts()).toHaveLength(0);
  });

  it('escalates a report overdue beyond the grace to the admins, and marks it once', async () => {
    table([deadline('2040-06-01', 'overdue')]);
    await handler(event, lambdaContext);
    const admin = notificationPuts().filter((p) => p.Item!.pk === 'NOTIFY#ROLE#admin');
    expect(admin.map((p) => p.Item!.occasion)).toEqual(['escalate#a-1#2040-06-01#annual-report']);
    const mark = ddb.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems![0]!.Update!;
    expect(mark.ConditionExpression).toBe('attribute_not_exists(escalatedAt) AND #status = :overdue');
  });
});
