/**
 * Reviewer reminders (issue #13): the daily sweep reminds each reviewer with pending reviews on the
 * days before the round's review deadline named by REVIEW_REMINDER_DAYS (default 3 and 1) — once
 * per day named, however often the sweep runs — and on no other day.
 */
import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { api, apiUrl, ddb, tableName, tokenFor, uid } from './client.ts';
import { closeAndScreen, twoAllianceRound } from './fixtures.ts';

/** A random day in 2031 (its sweep claim is this test's alone). */
function randomDay() {
  const month = String(1 + Math.floor(Math.random() * 12)).padStart(2, '0');
  const day = String(4 + Math.floor(Math.random() * 24)).padStart(2, '0');
  return `2031-${month}-${day}`;
}

const dayBefore = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

async function sweep(day: string) {
  const at = `${day}T01:00:00Z`; // 09:00 in China, the schedule's time
  const res = await fetch(`${apiUrl}/local/schedules/deadline-sweep/fire?at=${encodeURIComponent(at)}`, {
    method: 'POST',
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { result: { ran: boolean } }).result.ran;
}

const reminders = async (token: string, roundId: string) =>
  ((await api('GET', '/v1/notifications?limit=100', { token })).body.items as any[]).filter(
    (n) => n.topic === 'review-reminder' && n.subject.roundId === roundId,
  );

describe('reviewer reminders before the review deadline', () => {
  it('reminds a reviewer with pending reviews 3 and 1 days before, once each, not on other days', async () => {
    const admin = await tokenFor(['admin'], uid('admin'));
    const deadlineDay = randomDay();
    const round = await twoAllianceRound(
      admin,
      { reviewersPerAlliance: 1, reviewDeadline: `${deadlineDay}T09:00:00Z` },
      [
        ['提醒联盟甲', 200_000],
        ['提醒联盟乙', 150_000],
      ],
    );
    await closeAndScreen(admin, round.roundId, [round.a, round.b]);
    const reviewer = await tokenFor(['reviewer'], round.reviewer);

    await sweep(dayBefore(deadlineDay, 2));
    expect(await reminders(reviewer, round.roundId)).toEqual([]);

    await sweep(dayBefore(deadlineDay, 3));
    const first = await reminders(reviewer, round.roundId);
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({
      recipient: { userId: round.reviewer },
      data: { pending: 2, daysLeft: 3, deadline: deadlineDay },
    });

    // The same day again (past the day's claim): nothing new.
    await ddb.send(
      new DeleteCommand({
        TableName: tableName,
        Key: { pk: 'SCHEDULE#deadline-sweep', sk: `RUN#${dayBefore(deadlineDay, 3)}` },
      }),
    );
    expect(await sweep(dayBefore(deadlineDay, 3))).toBe(true);
    expect(await reminders(reviewer, round.roundId)).toHaveLength(1);

    await sweep(dayBefore(deadlineDay, 1));
    const both = await reminders(reviewer, round.roundId);
    expect(both.map((n) => n.data.daysLeft).sort()).toEqual([1, 3]);
  });
});
