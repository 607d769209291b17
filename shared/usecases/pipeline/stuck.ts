/**
 * Stuck rounds are noticed: a round that has waited at one gate (screening decisions, reviews,
 * approval, objections) longer than `days` is reported to the programme office — once per gate
 * opening (the notification's id is made from it), however often the daily sweep runs.
 *
 * Rounds held by objections are noticed too (issue #11): a round still waiting at the objections
 * gate after its notice period's end plus OBJECTION_RESOLUTION_DAYS is reported once per notice
 * period (a supplementary notice has its own end). Both are found in the open-gates index (one
 * Query of the gates open now), never by a scan.
 */
import { listGatesOpenSince } from '../../db/gates.ts';
import { loadNotice } from '../../db/notices.ts';
import { loadSupplements } from '../../db/supplements.ts';
import { loadTally } from '../../db/tallies.ts';
import { type NotificationDraft, notificationId, type RoundGateSubject } from '../../domain/deadlines.ts';
import { heldByObjections, objectionsDueBy } from '../../domain/objection-abuse.ts';
import { type GateName, gateRow } from '../../domain/pipeline.ts';
import { writeNotification } from '../notifications.ts';

const DAY_MS = 86_400_000;

export interface StuckRounds {
  stuck: number;
  notified: number;
  /** Each gate waited at too long: the round, the gate and the whole days waited. */
  gates: { roundId: string; gate: string; days: number }[];
}

export async function noticeStuckRounds(now: Date, days: number): Promise<StuckRounds> {
  const gates = await listGatesOpenSince(new Date(now.getTime() - days * DAY_MS).toISOString());
  let notified = 0;
  const stuckGates: StuckRounds['gates'] = [];
  for (const g of gates) {
    const waited = Math.floor((now.getTime() - Date.parse(g.openedAt)) / DAY_MS);
    stuckGates.push({ roundId: g.roundId, gate: g.gate, days: waited });
    const occasion = `round-stuck#${g.roundId}#${g.gate}#${g.openedAt}`;
    const waitsOn = gateRow(g.gate as GateName).waitsOn;
    const draft: NotificationDraft<RoundGateSubject> = {
      id: notificationId({ role: 'admin' }, occasion),
      occasion,
      recipient: { role: 'admin' },
      topic: 'round-stuck',
      subject: { roundId: g.roundId, gate: g.gate, waitingSince: g.openedAt },
      data: { days: waited, limit: days },
      message: {
        en: `Round ${g.roundId} has waited ${waited} days at ${g.gate} (${waitsOn.en}); see GET /v1/rounds/${g.roundId}/pipeline`,
        zh: `申报批次 ${g.roundId} 已在“${g.gate}”环节等待 ${waited} 天（${waitsOn.zh}），请查看流程状态`,
      },
    };
    if (await writeNotification(draft, now)) notified++;
  }
  return { stuck: gates.length, notified, gates: stuckGates };
}

export interface HeldRounds {
  held: number;
  notified: number;
  /** Each round held: when its (latest) notice period ended, since when it is held, how many objections are open. */
  rounds: { roundId: string; noticeEndsAt: string; dueBy: string; open: number }[];
}

/** When the round's latest notice period ended: the notice's, or a later supplementary notice's. */
async function lastNoticeEnd(roundId: string): Promise<string | undefined> {
  const [notice, supplements] = await Promise.all([loadNotice(roundId), loadSupplements(roundId)]);
  const ends = [notice?.endsAt, ...supplements.map((s) => s.endsAt)].filter((e): e is string => Boolean(e));
  return ends.sort().at(-1);
}

/**
 * Reports every round waiting at the objections gate later than its notice period's end plus
 * `days` (strictly: exactly at that instant it is not yet held) to the programme office, once per
 * notice period. Reads one Query of the open gates, then two small reads per round at the gate.
 */
export async function noticeRoundsHeldByObjections(now: Date, days: number): Promise<HeldRounds> {
  const gates = (await listGatesOpenSince(now.toISOString())).filter((g) => g.gate === 'objections');
  const rounds: HeldRounds['rounds'] = [];
  let notified = 0;
  for (const g of gates) {
    const noticeEndsAt = await lastNoticeEnd(g.roundId);
    if (!noticeEndsAt || !heldByObjections(now, noticeEndsAt, days)) continue;
    const open = (await loadTally(g.roundId, 'objections'))?.counts.open ?? 0;
    const dueBy = objectionsDueBy(noticeEndsAt, days).toISOString();
    rounds.push({ roundId: g.roundId, noticeEndsAt, dueBy, open });
    const occasion = `round-held-by-objections#${g.roundId}#${noticeEndsAt}`;
    const draft: NotificationDraft<RoundGateSubject> = {
      id: notificationId({ role: 'admin' }, occasion),
      occasion,
      recipient: { role: 'admin' },
      topic: 'round-held-by-objections',
      subject: { roundId: g.roundId, gate: 'objections', waitingSince: noticeEndsAt },
      data: { open, days, dueBy },
      message: {
        en: `Round ${g.roundId} is held by ${open} open objections: its notice period ended at ${noticeEndsAt}, and they were to be resolved within ${days} days (by ${dueBy}). Resolve them, or dismiss spam in bulk (POST /v1/rounds/${g.roundId}/objections/dismissals)`,
        zh: `申报批次 ${g.roundId} 仍有 ${open} 件异议未处理：公示期已于 ${noticeEndsAt} 结束，应在 ${days} 天内（${dueBy} 前）处理完毕。请尽快处理；批量恶意异议可一并驳回`,
      },
    };
    if (await writeNotification(draft, now)) notified++;
  }
  return { held: rounds.length, notified, rounds };
}
