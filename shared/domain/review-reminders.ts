/**
 * Reviewer reminders (§三(二) the expert review has a deadline): on the days before a round's
 * review deadline named by REVIEW_REMINDER_DAYS (default 3 and 1), each reviewer who still has
 * assignments without a submitted review is reminded once per day named — the daily sweep
 * (functions/deadline-sweep) applies it. Pure — no I/O.
 */
import { cstDate } from './cst.ts';
import { type NotificationDraft, notificationDraft } from './notify.ts';

export const DEFAULT_REVIEW_REMINDER_DAYS = [3, 1] as const;

/** REVIEW_REMINDER_DAYS: whole days ≥ 0 before the deadline, comma-separated ("3,1"). */
export function reviewReminderDaysFrom(raw: string | undefined): number[] {
  if (!raw?.trim()) return [...DEFAULT_REVIEW_REMINDER_DAYS];
  const parts = raw.split(',').map((p) => Number(p.trim()));
  if (parts.some((n) => !Number.isSafeInteger(n) || n < 0))
    throw new Error(`REVIEW_REMINDER_DAYS: whole numbers ≥ 0, comma-separated: ${raw}`);
  return [...new Set(parts)].sort((a, b) => b - a);
}

const DAY_MS = 86_400_000;

/** Whole calendar days (China Standard Time) from `now` to `deadline`: 0 on the deadline's day. */
export function calendarDaysUntil(now: Date, deadline: Date): number {
  return Math.round((Date.parse(cstDate(deadline)) - Date.parse(cstDate(now))) / DAY_MS);
}

/** Pending assignments per reviewer (assignments still `assigned` with no review). */
export function pendingByReviewer(missing: readonly { reviewerId: string }[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of missing) out.set(m.reviewerId, (out.get(m.reviewerId) ?? 0) + 1);
  return out;
}

/** One reminder to one reviewer; occasion: the round, the reviewer and the day before the deadline. */
export function reviewReminderDraft(
  roundId: string,
  reviewerId: string,
  pending: number,
  daysLeft: number,
  deadline: string,
): NotificationDraft {
  const day = cstDate(new Date(deadline));
  return notificationDraft(
    { userId: reviewerId },
    'review-reminder',
    `review-reminder#${roundId}#${reviewerId}#${daysLeft}`,
    { roundId },
    { pending, daysLeft, deadline: day },
    {
      en: `${pending} review(s) of round ${roundId} are due by ${day} (${daysLeft} day(s) left)`,
      zh: `批次 ${roundId} 尚有 ${pending} 份评审待完成，截止日期 ${day}（剩余 ${daysLeft} 天）`,
    },
  );
}
