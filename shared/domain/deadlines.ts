/**
 * Report deadlines (§4.4: annual reports and a completion report; overdue reports are flagged and
 * escalated): what the daily sweep should do on a given day. Pure — no I/O, no clock: the caller
 * passes the deadlines, the programme date (CST) and the configuration, and applies the actions.
 *
 * Every action is idempotent by construction: a notification carries a deterministic id (the same
 * deadline, recipient and occasion give the same id, so a conditional put writes it once), the
 * overdue transition is conditional on the status it expects, and the escalation marker on its
 * absence. Running the sweep twice on a day, or a missed day later, therefore sends nothing twice.
 *
 * Rules (days are whole CST calendar days; `daysLeft` = due − today):
 * - remind: while the report is still to be sent (status due or returned) and 1 ≤ daysLeft ≤ the
 *   largest reminder day, the member organisations get the reminder of the smallest reminder day N
 *   with N ≥ daysLeft (so 30 days before, 7 days before, 1 day before with the defaults; a day the
 *   sweep missed is caught up the next day under the same id, never sent twice).
 * - overdue: the day after the due date (daysLeft < 0), due or returned → overdue; the member
 *   organisations are told (once per deadline).
 * - escalate: overdue for more than `escalationGraceDays` days (today − due > grace) and not yet
 *   escalated → the programme office (role admin) is told, once per deadline, and the deadline
 *   is marked escalated.
 */
import {
  type NotificationDraft,
  type NotificationTopic,
  notificationId,
  type Recipient,
  type ReportSubject,
} from './notify.ts';
import type { Text } from './text.ts';

/** The programme's calendar date (China Standard Time) of an instant: see ./cst.ts. */
export { cstDate } from './cst.ts';

export const deadlineKinds = ['annual-report', 'completion-report'] as const;
export type DeadlineKind = (typeof deadlineKinds)[number];
/**
 * Report deadlines are the ones this module plans for. Other DEADLINE items share the partition and
 * the DEADLINES index (e.g. an inspection's 'follow-up'); they are not reports and are left alone.
 */
export const isReportKind = (kind: unknown): kind is DeadlineKind =>
  typeof kind === 'string' && (deadlineKinds as readonly string[]).includes(kind);
export const deadlineStatuses = ['due', 'submitted', 'accepted', 'returned', 'overdue'] as const;
export type DeadlineStatus = (typeof deadlineStatuses)[number];

// Recipients, subjects, topics and drafts live in ./notify.ts (the producing/delivering contract).
export {
  type NotificationDraft,
  type NotificationSubject,
  type NotificationTopic,
  notificationId,
  notificationTopics,
  type Recipient,
  type ReportSubject,
  type RoundGateSubject,
  recipientKey,
} from './notify.ts';

export interface SweepConfig {
  /** Days before the due date on which members are reminded, e.g. [30, 7, 1]. */
  reminderDays: number[];
  /** Overdue for more than this many days → escalated to the programme office. */
  escalationGraceDays: number;
  /** How far back (days before today) the sweep looks for due dates. */
  lookbackDays: number;
  /** A round waiting at one gate longer than this many days is reported to the programme office. */
  stuckGateDays: number;
}

export const DEFAULT_SWEEP_CONFIG: SweepConfig = {
  reminderDays: [30, 7, 1],
  escalationGraceDays: 14,
  lookbackDays: 366,
  stuckGateDays: 14,
};

/** Reads REMINDER_DAYS ("30,7,1"), ESCALATION_GRACE_DAYS (14), SWEEP_LOOKBACK_DAYS (366), STUCK_GATE_DAYS (14). */
export function sweepConfigFrom(env: Record<string, string | undefined>): SweepConfig {
  const whole = (name: string, fallback: number, min: number) => {
    const raw = env[name]?.trim();
    if (!raw) return fallback;
    const n = Number(raw);
    if (!Number.isSafeInteger(n) || n < min) throw new Error(`${name}: not a whole number ≥ ${min}: ${raw}`);
    return n;
  };
  let reminderDays = DEFAULT_SWEEP_CONFIG.reminderDays;
  const raw = env.REMINDER_DAYS?.trim();
  if (raw) {
    const parts = raw.split(',').map((p) => Number(p.trim()));
    if (parts.some((n) => !Number.isSafeInteger(n) || n < 1))
      throw new Error(`REMINDER_DAYS: whole numbers ≥ 1, comma-separated: ${raw}`);
    reminderDays = [...new Set(parts)].sort((a, b) => b - a);
  }
  const escalationGraceDays = whole('ESCALATION_GRACE_DAYS', DEFAULT_SWEEP_CONFIG.escalationGraceDays, 0);
  const lookbackDays = Math.max(
    whole('SWEEP_LOOKBACK_DAYS', DEFAULT_SWEEP_CONFIG.lookbackDays, 1),
    escalationGraceDays + 1,
  );
  const stuckGateDays = whole('STUCK_GATE_DAYS', DEFAULT_SWEEP_CONFIG.stuckGateDays, 1);
  return { reminderDays, escalationGraceDays, lookbackDays, stuckGateDays };
}

const DAY_MS = 86_400_000;

/** Whole days from `from` to `to` (YYYY-MM-DD each): positive when `to` is later. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The due-date range the sweep reads (gsi1 DEADLINES, sort key `<due>#…`), both ends included. */
export function sweepWindow(today: string, config: SweepConfig): { from: string; to: string } {
  return {
    from: addDays(today, -config.lookbackDays),
    to: addDays(today, Math.max(0, ...config.reminderDays)),
  };
}

/** The URL-safe id of a report: its deadline's due date and kind, e.g. 2028-01-01_annual-report. */
export function reportIdOf(d: { due: string; kind: DeadlineKind }): string {
  return `${d.due}_${d.kind}`;
}

export function parseReportId(reportId: string): { due: string; kind: DeadlineKind } | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})_([a-z-]+)$/.exec(reportId);
  if (!m) return undefined;
  const kind = m[2] as DeadlineKind;
  if (!deadlineKinds.includes(kind) || Number.isNaN(Date.parse(`${m[1]}T00:00:00Z`))) return undefined;
  return { due: m[1]!, kind };
}

export interface SweepDeadline {
  allianceId: string;
  kind: DeadlineKind;
  due: string;
  status: DeadlineStatus;
  year?: number;
  /** Set once the deadline was escalated to the programme office. */
  escalatedAt?: string;
  /** The alliance's name, for messages (optional). */
  allianceName?: string;
  /** The confirmed member organisations (reminders and overdue notices go to each). */
  members: string[];
}

export type DeadlineRef = { allianceId: string; kind: DeadlineKind; due: string };

export type SweepAction =
  | { type: 'notify'; notification: NotificationDraft<ReportSubject> }
  | { type: 'mark-overdue'; deadline: DeadlineRef; from: 'due' | 'returned'; daysOverdue: number }
  | { type: 'mark-escalated'; deadline: DeadlineRef; daysOverdue: number };

/** Readable occasion of a deadline: <allianceId>#<due>#<kind>. */
export const deadlineOccasion = (d: DeadlineRef) => `${d.allianceId}#${d.due}#${d.kind}`;

const kindText = (d: { kind: DeadlineKind; year?: number }): Text =>
  d.kind === 'annual-report'
    ? {
        en: `annual report${d.year ? ` (year ${d.year})` : ''}`,
        zh: `年度报告${d.year ? `（第 ${d.year} 年）` : ''}`,
      }
    : { en: 'completion report', zh: '结题报告' };

export function draft(
  recipient: Recipient,
  topic: NotificationTopic,
  occasion: string,
  d: DeadlineRef,
  data: Record<string, unknown>,
  message: Text,
): NotificationDraft<ReportSubject> {
  return {
    id: notificationId(recipient, occasion),
    occasion,
    recipient,
    topic,
    subject: { allianceId: d.allianceId, reportId: reportIdOf(d), kind: d.kind, due: d.due },
    data,
    message,
  };
}

/** The reminder day whose window `daysLeft` falls in: the smallest N ≥ daysLeft (undefined if none). */
export function reminderDayFor(daysLeft: number, reminderDays: number[]): number | undefined {
  if (daysLeft < 1) return undefined;
  const candidates = reminderDays.filter((n) => n >= daysLeft);
  return candidates.length ? Math.min(...candidates) : undefined;
}

/** What the sweep does on `today` (YYYY-MM-DD, CST) for these deadlines, in the order to apply. */
export function planSweep(deadlines: SweepDeadline[], today: string, config: SweepConfig): SweepAction[] {
  const actions: SweepAction[] = [];
  const sorted = [...deadlines].sort(
    (a, b) =>
      a.due.localeCompare(b.due) || a.allianceId.localeCompare(b.allianceId) || a.kind.localeCompare(b.kind),
  );
  for (const d of sorted) {
    const ref: DeadlineRef = { allianceId: d.allianceId, kind: d.kind, due: d.due };
    const what = kindText(d);
    const name = d.allianceName
      ? { en: ` of ${d.allianceName}`, zh: `（${d.allianceName}）` }
      : { en: '', zh: '' };
    const daysLeft = daysBetween(today, d.due);
    const open = d.status === 'due' || d.status === 'returned';
    if (open && daysLeft >= 1) {
      const n = reminderDayFor(daysLeft, config.reminderDays);
      if (n !== undefined) {
        for (const organisationId of d.members) {
          actions.push({
            type: 'notify',
            notification: draft(
              { organisationId },
              'report-reminder',
              `remind#${deadlineOccasion(ref)}#${n}`,
              ref,
              { reminderDay: n, daysLeft },
              {
                en: `The ${what.en}${name.en} is due on ${d.due} (in ${daysLeft} day${daysLeft === 1 ? '' : 's'})`,
                zh: `${what.zh}${name.zh}将于 ${d.due} 到期（还有 ${daysLeft} 天）`,
              },
            ),
          });
        }
      }
      continue;
    }
    if (daysLeft >= 0) continue;
    const daysOverdue = -daysLeft;
    if (!open && d.status !== 'overdue') continue; // submitted or accepted: nothing to chase
    if (open)
      actions.push({
        type: 'mark-overdue',
        deadline: ref,
        from: d.status as 'due' | 'returned',
        daysOverdue,
      });
    if (d.escalatedAt) continue;
    for (const organisationId of d.members) {
      actions.push({
        type: 'notify',
        notification: draft(
          { organisationId },
          'report-overdue',
          `overdue#${deadlineOccasion(ref)}`,
          ref,
          { daysOverdue },
          {
            en: `The ${what.en}${name.en} was due on ${d.due} and is overdue`,
            zh: `${what.zh}${name.zh}已于 ${d.due} 到期，现已逾期`,
          },
        ),
      });
    }
    if (daysOverdue > config.escalationGraceDays) {
      actions.push({
        type: 'notify',
        notification: draft(
          { role: 'admin' },
          'report-escalated',
          `escalate#${deadlineOccasion(ref)}`,
          ref,
          { daysOverdue, graceDays: config.escalationGraceDays, members: d.members },
          {
            en: `The ${what.en}${name.en} (alliance ${d.allianceId}) is ${daysOverdue} days overdue (due ${d.due}; grace ${config.escalationGraceDays} days)`,
            zh: `联盟 ${d.allianceId}${name.zh}的${what.zh}已逾期 ${daysOverdue} 天（截止 ${d.due}，宽限 ${config.escalationGraceDays} 天）`,
          },
        ),
      });
      actions.push({ type: 'mark-escalated', deadline: ref, daysOverdue });
    }
  }
  return actions;
}
