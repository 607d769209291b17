/**
 * Stuck rounds are noticed: a round that has waited at one gate (screening decisions, reviews,
 * approval, objections) longer than `days` is reported to the programme office — once per gate
 * opening (the notification's id is made from it), however often the daily sweep runs.
 */
import { listGatesOpenSince } from '../../db/gates.ts';
import { type NotificationDraft, notificationId, type RoundGateSubject } from '../../domain/deadlines.ts';
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
