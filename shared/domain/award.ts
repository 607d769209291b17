/** Designation arithmetic (pure): how an award is split over budget lines, report deadlines, the notice period. */
import { cstMidnight } from './cst.ts';

const DAY_MS = 86_400_000;

/**
 * The notice period counts whole days in China Standard Time, the day of publication being the
 * first: published 2027-04-01 10:00 CST for 7 days → ends at 2027-04-08 00:00 CST.
 */
export function noticePeriodEnd(publishedAt: Date, days: number): string {
  return cstMidnight(publishedAt, days).toISOString();
}

/**
 * Splits an award over the budget lines in proportion to what each line asks of the programme;
 * integer yuan, remainders to the largest requests first (ties by line order).
 */
export function allocateAward(
  lines: { id: string; category: string; programmeFunds: number }[],
  award: number,
) {
  const requested = lines.reduce((s, l) => s + l.programmeFunds, 0);
  if (requested === 0) return lines.map((l) => ({ lineId: l.id, category: l.category, allocation: 0 }));
  const exact = lines.map((l) => (BigInt(l.programmeFunds) * BigInt(award)) / BigInt(requested));
  let left = award - exact.reduce((s, v) => s + Number(v), 0);
  const order = lines
    .map((l, i) => ({ i, want: l.programmeFunds }))
    .sort((a, b) => b.want - a.want || a.i - b.i);
  const allocation = exact.map(Number);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) allocation[order[k]!.i]! += 1;
  return lines.map((l, i) => ({ lineId: l.id, category: l.category, allocation: allocation[i]! }));
}

/** Annual reports at each anniversary of the start within the period, and the completion report. */
export function implementationDeadlines(period: { start: string; end: string }) {
  const out: { kind: 'annual-report' | 'completion-report'; due: string; year?: number }[] = [];
  const start = new Date(`${period.start}T00:00:00Z`);
  const end = new Date(`${period.end}T00:00:00Z`);
  for (let year = 1; ; year++) {
    const due = new Date(Date.UTC(start.getUTCFullYear() + year, start.getUTCMonth(), start.getUTCDate()));
    if (due.getTime() >= end.getTime()) break;
    out.push({ kind: 'annual-report', due: due.toISOString().slice(0, 10), year });
  }
  const completion = new Date(end.getTime() + 30 * DAY_MS);
  out.push({ kind: 'completion-report', due: completion.toISOString().slice(0, 10) });
  return out;
}

/** Requested programme funding of an alliance: Σ programmeFunds of its budget lines. */
export const requestedFunding = (alliance: {
  budgetLines?: readonly { programmeFunds: number }[] | undefined;
}) => (alliance.budgetLines ?? []).reduce((sum, line) => sum + line.programmeFunds, 0);
