/** Screening (科协把关, §2.2.3): the automatic findings, and an admin's pass/reject with a reason for each. */

import { allianceStatusUpdate } from '../db/alliance-status.ts';
import { allianceAudit } from '../db/audit.ts';
import { loadScreening, loadScreenings, pageScreenings, screeningDecisionUpdate } from '../db/screening.ts';
import { loadTally, prefetchGateAndTally, tallyAdd } from '../db/tallies.ts';
import { byWhom, type Principal, userActor } from '../domain/actors.ts';
import { conflict, notFound } from '../domain/errors.ts';
import { screeningResultDraft } from '../domain/notify-events.ts';
import { allianceRecipients, writeAll } from './notify-events.ts';
import { completeGate, loadGate } from './pipeline/gates.ts';
import { commitWithTally, loadOrCountTally, recountTally, screeningDone } from './pipeline/tallies.ts';

const notWaiting = (roundId: string) =>
  conflict({
    en: `round ${roundId} is not waiting for screening decisions`,
    zh: `申报批次 ${roundId} 当前不在等待审查决定`,
  });

/**
 * One page of the round's screening records (by alliance id) with the gate's counts. The counts are
 * the gate's tally, one small item, not a count of the records: at 10,000 alliances the records are
 * megabytes, so they come a page at a time. Before the gate is reached nothing is counted yet (0).
 */
export async function listScreening(roundId: string, cursor: string | undefined, limit: number) {
  // The gate and its tally come in one BatchGet, beside the page's Query.
  const prefetched = prefetchGateAndTally(roundId, 'screening');
  const [page, gate, tally] = await Promise.all([
    pageScreenings(roundId, cursor, limit),
    prefetched.then(() => loadGate(roundId, 'screening')),
    prefetched.then(() => loadTally(roundId, 'screening')),
  ]);
  // A gate reached with no tally: a round waiting there since before tallies; counted now, once.
  const counts =
    tally?.counts ??
    (gate ? await recountTally(roundId, 'screening') : { total: 0, decided: 0, passed: 0, rejected: 0 });
  return {
    gate: gate?.status ?? 'not-reached',
    decided: counts.decided,
    total: counts.total,
    passed: counts.passed,
    rejected: counts.rejected,
    ...page,
  };
}

const outcomeKey = { pass: 'passed', reject: 'rejected' } as const;

/**
 * Records a decision (a pass or a reject, always with a reason) and the alliance's resulting
 * status, in one transaction. When every alliance of the round is decided, the pipeline moves on.
 */
export async function decide(
  principal: Principal,
  roundId: string,
  allianceId: string,
  decision: { outcome: 'pass' | 'reject'; reason: string },
  now = new Date(),
) {
  const record = await loadScreening(roundId, allianceId);
  if (!record || record.roundId !== roundId)
    throw notFound({
      en: `screening record of alliance ${allianceId} in round ${roundId}`,
      zh: `审查记录（联盟 ${allianceId}，申报批次 ${roundId}）`,
    });
  const gate = await loadGate(roundId, 'screening');
  if (gate?.status !== 'open') throw notWaiting(roundId);
  const at = now.toISOString();
  const by = byWhom(principal);
  const status = decision.outcome === 'pass' ? 'submitted' : 'rejected';
  // The tally moves with the decision, in its transaction: a first decision counts as decided, a
  // changed one moves from one outcome to the other (the update's condition pins what was read).
  // It is not read first: it exists from the gate's opening on, and when it does not (a round
  // waiting since before tallies), the transaction fails on it, and it is counted and tried again.
  const previous = record.decision?.outcome;
  const deltas =
    previous === undefined
      ? { decided: 1, [outcomeKey[decision.outcome]]: 1 }
      : previous === decision.outcome
        ? {}
        : { [outcomeKey[previous]]: -1, [outcomeKey[decision.outcome]]: 1 };
  const tally = Object.keys(deltas).length > 0 && tallyAdd(roundId, 'screening', deltas, { mustExist: true });
  await commitWithTally(
    roundId,
    'screening',
    [
      screeningDecisionUpdate(roundId, allianceId, { ...decision, by, at }, previous ?? null),
      tally,
      // A pass keeps it 'submitted' until reviewers are assigned; a reject is final. Both are recorded.
      allianceStatusUpdate({
        allianceId,
        to: status,
        from: ['submitted', 'rejected'],
        at,
        by,
        reason: `screening ${decision.outcome}: ${decision.reason}`,
        set: { screening: { outcome: decision.outcome, reason: decision.reason, at } },
      }),
      allianceAudit(
        allianceId,
        {
          action: `screening.${decision.outcome}`,
          actor: userActor(principal),
          reason: decision.reason,
          data: { roundId, eligible: record.findings.eligible, failing: record.findings.failing },
        },
        now,
      ),
    ],
    tally,
    conflict({
      en: `alliance ${allianceId} can no longer be screened`,
      zh: `联盟 ${allianceId} 已不能再作审查决定`,
    }),
  );
  // Each member is told of this decision (its time names it: a changed decision is told again; the
  // same outcome with the same reason recorded again is a replay, told once).
  const replay = record.decision?.outcome === decision.outcome && record.decision?.reason === decision.reason;
  const to = replay ? undefined : await allianceRecipients(allianceId);
  if (to)
    await writeAll(
      to.members.map((m) =>
        screeningResultDraft(roundId, to.ref, m, { ...decision, at }, record.findings.failing ?? []),
      ),
      now,
    );
  const counts = await loadOrCountTally(roundId, 'screening');
  const pending = Math.max(0, counts.total - counts.decided);
  let completed = false;
  if (screeningDone(counts)) {
    completed = await completeGate(
      roundId,
      'screening',
      { passed: counts.passed, rejected: counts.rejected },
      by,
    );
  }
  return { allianceId, outcome: decision.outcome, pending, screeningComplete: completed };
}

/** For a round with nothing (left) to decide: moves the pipeline on explicitly. */
export async function completeScreening(principal: Principal, roundId: string) {
  const all = await loadScreenings(roundId);
  const pending = all.filter((r) => !r.decision);
  if (pending.length) {
    const ids = pending.slice(0, 20).map((p) => p.allianceId);
    const more = pending.length - ids.length;
    throw conflict({
      en: `${pending.length} alliance(s) still need a decision: ${ids.join(', ')}${more ? ` and ${more} more` : ''}`,
      zh: `尚有 ${pending.length} 个联盟未作审查决定：${ids.join('、')}${more ? ` 等（另有 ${more} 个）` : ''}`,
    });
  }
  const completed = await completeGate(
    roundId,
    'screening',
    { passed: all.filter((r) => r.decision?.outcome === 'pass').length },
    principal.username,
  );
  if (!completed) throw notWaiting(roundId);
  return { roundId, screeningComplete: true };
}
