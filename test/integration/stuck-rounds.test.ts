/**
 * Issue #9: stuck rounds are noticed. A round waiting at one gate longer than STUCK_GATE_DAYS is
 * reported to the programme office — once per gate opening, however often the sweep runs — and
 * not a millisecond before (the check runs in-process against the stack's DynamoDB Local).
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { notificationId, recipientKey } from '../../shared/domain/deadlines.ts';
import { api, ddb, eventually, handlerEnv, tableName, tokenFor } from './client.ts';
import { roundBody } from './fixtures.ts';

Object.assign(process.env, handlerEnv);
const { noticeStuckRounds } = await import('../../shared/usecases/pipeline/stuck.ts');

const DAY = 86_400_000;

describe('rounds stuck at a gate', () => {
  it('notifies the programme office once, after exactly more than the configured days', async () => {
    const admin = await tokenFor(['admin']);
    const created = await api('POST', '/v1/rounds', { token: admin, body: roundBody() });
    expect(created.status, created.text).toBe(201);
    const roundId = created.body.id as string;
    expect(
      (await api('POST', `/v1/rounds/${roundId}/close`, { token: admin, body: { reason: '截止' } })).status,
    ).toBe(202);
    await eventually(async () => {
      const s = (await api('GET', `/v1/rounds/${roundId}/pipeline`, { token: admin })).body;
      return s.stage === 'screening' && s.waitingOn ? s : undefined;
    }, 'the screening gate');
    const gate = (
      await ddb.send(
        new GetCommand({ TableName: tableName, Key: { pk: `ROUND#${roundId}`, sk: 'GATE#screening' } }),
      )
    ).Item!;
    const openedAt = Date.parse(gate.openedAt as string);
    const occasion = `round-stuck#${roundId}#screening#${gate.openedAt}`;
    const key = {
      pk: `NOTIFY#${recipientKey({ role: 'admin' })}`,
      sk: `NOTIFICATION#${notificationId({ role: 'admin' }, occasion)}`,
    };
    const notification = async () =>
      (await ddb.send(new GetCommand({ TableName: tableName, Key: key }))).Item;

    // Exactly 14 days of waiting is not "longer than 14 days".
    const notYet = await noticeStuckRounds(new Date(openedAt + 14 * DAY), 14);
    expect(notYet.gates.map((g) => g.roundId)).not.toContain(roundId);
    expect(await notification()).toBeUndefined();

    const first = await noticeStuckRounds(new Date(openedAt + 14 * DAY + 1), 14);
    expect(first.gates).toContainEqual({ roundId, gate: 'screening', days: 14 });
    expect(await notification()).toMatchObject({
      topic: 'round-stuck',
      recipient: { role: 'admin' },
      subject: { roundId, gate: 'screening', waitingSince: gate.openedAt },
      message: {
        en: expect.stringContaining(`Round ${roundId} has waited 14 days at screening`),
        zh: expect.stringContaining(`申报批次 ${roundId} 已在“screening”环节等待 14 天`),
      },
    });
    // The next day's sweep finds it again and writes nothing new.
    const before = await notification();
    await noticeStuckRounds(new Date(openedAt + 15 * DAY), 14);
    expect(await notification()).toEqual(before);

    // Once the gate closes (here: an admin completes screening of the empty round), it is not stuck.
    const done = await api('POST', `/v1/rounds/${roundId}/screening/complete`, { token: admin });
    expect(done.status, done.text).toBe(200);
    const later = await noticeStuckRounds(new Date(openedAt + 30 * DAY), 14);
    const closed = (
      await ddb.send(
        new GetCommand({ TableName: tableName, Key: { pk: `ROUND#${roundId}`, sk: 'GATE#screening' } }),
      )
    ).Item!;
    expect(closed.status).toBe('closed');
    expect(closed.gsi1pk).toBeUndefined();
    expect(later.gates.map((g) => g.roundId)).not.toContain(roundId);
  });
});
