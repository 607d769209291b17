/**
 * The daily deadline sweep on the local stack, fired through the local scheduler: reminders 30, 7
 * and 1 days before a report is due, overdue the day after, escalation to the programme office
 * after the grace period — each sent once however often the sweep runs, and readable over HTTP by
 * the member organisations (an outsider sees nothing) and by admins.
 *
 * The schedule's run claim is per day and shared by every test of the run: each test uses its own
 * far-future days (2040+), and seeded due dates are relative to them.
 */
import { DeleteCommand, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../shared/domain/deadlines.ts';
import { api, apiUrl, ddb, tableName, tokenFor, uid } from './client.ts';
import { applicantWithOrg, enterpriseBody, type Party, societyBody } from './fixtures.ts';

/** A random day (day of month ≤ 28) in `year`, so reruns and other tests never share a claim. */
function randomDay(year: number) {
  const month = String(1 + Math.floor(Math.random() * 12)).padStart(2, '0');
  const day = String(1 + Math.floor(Math.random() * 28)).padStart(2, '0');
  return `${year}-${month}-${day}`;
}

async function fire(day: string) {
  // 01:00 UTC is 09:00 in China: the same calendar day as the schedule's cron(0 1 * * ? *).
  const at = `${day}T01:00:00Z`;
  const res = await fetch(`${apiUrl}/local/schedules/deadline-sweep/fire?at=${encodeURIComponent(at)}`, {
    method: 'POST',
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { result: { ran: boolean } }).result;
}

/** Forgets the day's run claim, as if a second delivery had got past it. */
const forgetClaim = (day: string) =>
  ddb.send(
    new DeleteCommand({ TableName: tableName, Key: { pk: 'SCHEDULE#deadline-sweep', sk: `RUN#${day}` } }),
  );

async function seedAlliance(members: Party[], name: string) {
  const id = uid('a');
  const at = new Date().toISOString();
  await ddb.send(
    new PutCommand({
      TableName: tableName,
      Item: {
        pk: `ALLIANCE#${id}`,
        sk: 'ALLIANCE',
        type: 'alliance',
        id,
        roundId: 'r-seeded',
        name,
        status: 'designated',
        version: 1,
        createdAt: at,
        updatedAt: at,
        statusHistory: [],
      },
    }),
  );
  for (const m of members) {
    await ddb.send(
      new PutCommand({
        TableName: tableName,
        Item: {
          pk: `ALLIANCE#${id}`,
          sk: `MEMBER#${m.org.id}`,
          type: 'member',
          gsi2pk: `ORG#${m.org.id}#ALLIANCES`,
          gsi2sk: `${at}#${id}`,
          allianceId: id,
          organisationId: m.org.id,
          kind: m.org.kind,
          name: `org ${m.org.id}`,
          state: 'confirmed',
          invitedAt: at,
          respondedAt: at,
        },
      }),
    );
  }
  return id;
}

async function seedDeadline(
  allianceId: string,
  due: string,
  status: string,
  kind: 'annual-report' | 'completion-report' | 'follow-up' = 'annual-report',
) {
  await ddb.send(
    new PutCommand({
      TableName: tableName,
      Item: {
        pk: `ALLIANCE#${allianceId}`,
        sk: `DEADLINE#${due}#${kind}`,
        type: 'deadline',
        gsi1pk: 'DEADLINES',
        gsi1sk: `${due}#${allianceId}#${kind}`,
        roundId: 'r-seeded',
        allianceId,
        kind,
        due,
        ...(kind === 'annual-report' ? { year: 1 } : {}),
        status,
        createdAt: new Date().toISOString(),
      },
    }),
  );
}

const deadlineItem = async (allianceId: string, due: string, kind = 'annual-report') =>
  (
    await ddb.send(
      new GetCommand({
        TableName: tableName,
        Key: { pk: `ALLIANCE#${allianceId}`, sk: `DEADLINE#${due}#${kind}` },
        ConsistentRead: true,
      }),
    )
  ).Item!;

const audits = async (allianceId: string) =>
  (
    await ddb.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :a)',
        ExpressionAttributeValues: { ':pk': `ALLIANCE#${allianceId}`, ':a': 'AUDIT#' },
        ConsistentRead: true,
      }),
    )
  ).Items ?? [];

interface Note {
  id: string;
  topic: string;
  occasion: string;
  recipient: Record<string, string>;
  subject: { allianceId: string; reportId: string; due: string };
  createdAt: string;
  readAt?: string;
}

async function allNotifications(token: string): Promise<Note[]> {
  const out: Note[] = [];
  let cursor: string | undefined;
  do {
    const res = await api('GET', `/v1/notifications?limit=100${cursor ? `&cursor=${cursor}` : ''}`, {
      token,
    });
    expect(res.status, res.text).toBe(200);
    out.push(...res.body.items);
    cursor = res.body.nextCursor;
  } while (cursor);
  return out;
}

const about = (notes: Note[], allianceId: string) => notes.filter((n) => n.subject.allianceId === allianceId);
const summary = (notes: Note[]) => notes.map((n) => `${n.topic}:${n.subject.due}`).sort();

describe('the deadline sweep', () => {
  let admin: string;
  let e: Party;
  let s: Party;
  let outsider: Party;

  beforeAll(async () => {
    admin = await tokenFor(['admin']);
    [e, s, outsider] = await Promise.all([
      applicantWithOrg(enterpriseBody()),
      applicantWithOrg(societyBody()),
      applicantWithOrg(enterpriseBody()),
    ]);
  });

  it('reminds once, flags overdue, escalates after the grace period; a second run sends nothing twice', async () => {
    const today = randomDay(2040);
    const allianceId = await seedAlliance([e, s], '光电协作创新联盟（催报）');
    const due = {
      in30: addDays(today, 30),
      in7: addDays(today, 7),
      in1: addDays(today, 1),
      in31: addDays(today, 31),
      today,
      late1: addDays(today, -1),
      late14: addDays(today, -14),
      late15: addDays(today, -15),
      submitted: addDays(today, 7),
    };
    await Promise.all([
      seedDeadline(allianceId, due.in30, 'due'),
      seedDeadline(allianceId, due.in7, 'due'),
      seedDeadline(allianceId, due.in1, 'returned'),
      seedDeadline(allianceId, due.in31, 'due'),
      seedDeadline(allianceId, due.today, 'due'),
      seedDeadline(allianceId, due.late1, 'due'),
      seedDeadline(allianceId, due.late14, 'overdue'),
      seedDeadline(allianceId, due.late15, 'overdue'),
      seedDeadline(allianceId, due.submitted, 'submitted', 'completion-report'),
      // Not a report (an inspection's follow-up, its own owner's business): left alone.
      seedDeadline(allianceId, due.late15, 'due', 'follow-up'),
    ]);

    expect(await fire(today)).toEqual({ schedule: 'deadline-sweep', ran: true });

    const expectedForMembers = [
      `report-reminder:${due.in30}`,
      `report-reminder:${due.in7}`,
      `report-reminder:${due.in1}`,
      `report-overdue:${due.late1}`,
      `report-overdue:${due.late14}`,
      `report-overdue:${due.late15}`,
    ].sort();
    const forE = about(await allNotifications(e.token), allianceId);
    const forS = about(await allNotifications(s.token), allianceId);
    expect(summary(forE)).toEqual(expectedForMembers);
    expect(summary(forS)).toEqual(expectedForMembers);
    expect(forE.every((n) => n.recipient.organisationId === e.org.id)).toBe(true);
    expect(forE.find((n) => n.subject.due === due.in30)!.occasion).toBe(
      `remind#${allianceId}#${due.in30}#annual-report#30`,
    );
    // Newest first.
    const times = forE.map((n) => n.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
    // An outsider sees none of it.
    expect(about(await allNotifications(outsider.token), allianceId)).toEqual([]);
    // The programme office: the escalation of the report 15 days overdue only (14 is the grace).
    expect(summary(about(await allNotifications(admin), allianceId))).toEqual([
      `report-escalated:${due.late15}`,
    ]);

    // Statuses: overdue the day after the due date, with history; due today is still due.
    const late1 = await deadlineItem(allianceId, due.late1);
    expect(late1).toMatchObject({ status: 'overdue', overdueAt: expect.any(String), version: 2 });
    expect(late1.statusHistory).toEqual([
      expect.objectContaining({ status: 'overdue', by: 'system (deadline-sweep)' }),
    ]);
    expect((await deadlineItem(allianceId, due.today)).status).toBe('due');
    expect((await deadlineItem(allianceId, due.late15)).escalatedAt).toEqual(expect.any(String));
    expect((await deadlineItem(allianceId, due.late14)).escalatedAt).toBeUndefined();
    expect((await deadlineItem(allianceId, due.submitted, 'completion-report')).status).toBe('submitted');
    expect((await deadlineItem(allianceId, due.late15, 'follow-up')).status).toBe('due');
    const trail = await audits(allianceId);
    expect(trail.map((a) => a.action).sort()).toEqual(['report.escalated', 'report.overdue']);
    expect(trail[0]!.actor).toMatchObject({ kind: 'system', component: 'deadline-sweep' });

    // The same day again: the claim stops it; and a run that gets past the claim changes nothing.
    expect(await fire(today)).toEqual({ schedule: 'deadline-sweep', ran: false });
    await forgetClaim(today);
    expect(await fire(today)).toEqual({ schedule: 'deadline-sweep', ran: true });
    expect(summary(about(await allNotifications(e.token), allianceId))).toEqual(expectedForMembers);
    expect(summary(about(await allNotifications(admin), allianceId))).toEqual([
      `report-escalated:${due.late15}`,
    ]);
    expect(await audits(allianceId)).toHaveLength(2);

    // The next day (or a missed day run late): reminders already sent are not sent again; the report
    // now 15 days overdue is escalated; the one due yesterday becomes overdue; the one now 30 days
    // ahead gets its first reminder.
    const tomorrow = addDays(today, 1);
    expect(await fire(tomorrow)).toEqual({ schedule: 'deadline-sweep', ran: true });
    await forgetClaim(tomorrow);
    expect(await fire(tomorrow)).toEqual({ schedule: 'deadline-sweep', ran: true });
    expect(summary(about(await allNotifications(e.token), allianceId))).toEqual(
      [...expectedForMembers, `report-overdue:${due.today}`, `report-reminder:${due.in31}`].sort(),
    );
    expect(summary(about(await allNotifications(admin), allianceId))).toEqual(
      [`report-escalated:${due.late14}`, `report-escalated:${due.late15}`].sort(),
    );
    expect((await deadlineItem(allianceId, due.today)).status).toBe('overdue');
    expect((await audits(allianceId)).map((a) => a.action).sort()).toEqual([
      'report.escalated',
      'report.escalated',
      'report.overdue',
      'report.overdue',
    ]);
  });

  it('notifications are read by their recipients only, page by page', async () => {
    const today = randomDay(2043);
    const allianceId = await seedAlliance([e, s], '光电协作创新联盟（已读）');
    for (const offset of [1, 7, 30]) await seedDeadline(allianceId, addDays(today, offset), 'due');
    expect(await fire(today)).toEqual({ schedule: 'deadline-sweep', ran: true });

    const mine = about(await allNotifications(s.token), allianceId);
    expect(mine).toHaveLength(3);
    const first = await api('GET', '/v1/notifications?limit=1', { token: s.token });
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(1);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await api('GET', `/v1/notifications?limit=1&cursor=${first.body.nextCursor}`, {
      token: s.token,
    });
    expect(second.body.items[0].id).not.toBe(first.body.items[0].id);
    // A cursor from another listing is refused.
    const foreign = await api('GET', `/v1/notifications?cursor=${first.body.nextCursor}`, { token: admin });
    expect(foreign.status).toBe(400);

    const target = mine[0]!;
    expect(target.readAt).toBeUndefined();
    const read = await api('POST', `/v1/notifications/${target.id}/read`, { token: s.token });
    expect(read.status, read.text).toBe(200);
    expect(read.body).toMatchObject({ id: target.id, readAt: expect.any(String) });
    const again = await api('POST', `/v1/notifications/${target.id}/read`, { token: s.token });
    expect(again.body.readAt).toBe(read.body.readAt);
    // Someone else's notification does not exist for the caller.
    expect((await api('POST', `/v1/notifications/${target.id}/read`, { token: outsider.token })).status).toBe(
      404,
    );
    expect((await api('POST', `/v1/notifications/${target.id}/read`, { token: admin })).status).toBe(404);
    // A reviewer reads their own outbox (issue #13), never the organisation's.
    const reviewer = await tokenFor(['reviewer']);
    const reviewers = await api('GET', '/v1/notifications', { token: reviewer });
    expect(reviewers.status).toBe(200);
    expect(reviewers.body.items).toEqual([]);
    expect((await api('POST', `/v1/notifications/${target.id}/read`, { token: reviewer })).status).toBe(404);
    expect((await api('GET', '/v1/notifications')).status).toBe(401);
  });
});
