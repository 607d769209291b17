import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { apiUrl, ddb, tableName } from './client.ts';

describe('schedules fired through the local scheduler', () => {
  it('runs the deadline sweep once per day however often it fires', async () => {
    const at = `2031-0${1 + Math.floor(Math.random() * 9)}-1${Math.floor(Math.random() * 9)}T01:00:00Z`;
    const fire = async () => {
      const res = await fetch(`${apiUrl}/local/schedules/deadline-sweep/fire?at=${encodeURIComponent(at)}`, {
        method: 'POST',
      });
      expect(res.status).toBe(200);
      return ((await res.json()) as { result: { ran: boolean } }).result;
    };
    expect(await fire()).toEqual({ schedule: 'deadline-sweep', ran: true });
    expect(await fire()).toEqual({ schedule: 'deadline-sweep', ran: false });
    const run = await ddb.send(
      new GetCommand({
        TableName: tableName,
        Key: { pk: 'SCHEDULE#deadline-sweep', sk: `RUN#${at.slice(0, 10)}` },
      }),
    );
    expect(run.Item).toBeDefined();
  });

  it('lists the template’s schedules with their cron expressions', async () => {
    const list = (await (await fetch(`${apiUrl}/local/schedules`)).json()) as {
      friendlyName: string;
      expression: string;
    }[];
    expect(list.map((s) => [s.friendlyName, s.expression])).toEqual(
      expect.arrayContaining([
        ['deadline-sweep', 'cron(0 1 * * ? *)'],
        ['inspection-draw', 'cron(0 2 1 * ? *)'],
      ]),
    );
  });
});

// Uploads (presigned POST to s3rver → ObjectCreated:Post → the verifier) are in documents.test.ts.
