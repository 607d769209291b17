/**
 * Reminds reviewers of their pending reviews before a round's review deadline (see
 * shared/domain/review-reminders.ts). The rounds waiting for reviews are found in the open-gates
 * index (one Query of the gates open now, never a scan); a round is read only on a reminder day.
 * Idempotent: each reminder's id is made from the round, the reviewer and the day.
 */
import { listGatesOpenSince } from '../db/gates.ts';
import { loadMissingReviews } from '../db/reviews.ts';
import { loadRound } from '../db/rounds.ts';
import { calendarDaysUntil, pendingByReviewer, reviewReminderDraft } from '../domain/review-reminders.ts';
import { writeNotification } from './notifications.ts';

export interface ReviewReminders {
  rounds: number;
  reminded: number;
}

export async function remindReviewers(now: Date, reminderDays: readonly number[]): Promise<ReviewReminders> {
  const gates = (await listGatesOpenSince(now.toISOString())).filter((g) => g.gate === 'review');
  const summary: ReviewReminders = { rounds: 0, reminded: 0 };
  for (const gate of gates) {
    const round = await loadRound(gate.roundId);
    if (!round) continue;
    const daysLeft = calendarDaysUntil(now, new Date(round.reviewDeadline));
    if (!reminderDays.includes(daysLeft)) continue;
    summary.rounds++;
    const { missing } = await loadMissingReviews(gate.roundId);
    for (const [reviewerId, pending] of pendingByReviewer(missing)) {
      const draft = reviewReminderDraft(gate.roundId, reviewerId, pending, daysLeft, round.reviewDeadline);
      if (await writeNotification(draft, now)) summary.reminded++;
    }
  }
  return summary;
}
