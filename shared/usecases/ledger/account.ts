/**
 * The dedicated account (专账管理, §4.3) of a designated alliance: what every ledger change shares
 * (entry ids, the award as read, its lines, the one way a ledger transaction is committed) and the
 * account's view.
 *
 * The AWARD item keeps the money left per line and in total (see shared/db/awards.ts). Every write
 * is ONE transaction whose Update of the AWARD item carries the balance condition, so no request,
 * however many run at once, can spend beyond a line or the award: reads before a write only shape
 * error messages and find a line's position, they never decide. Corrections are reversing entries
 * (negative amounts), never edits or deletes.
 */
import { randomUUID } from 'node:crypto';
import {
  type AwardItem,
  ledgerEntriesPage,
  listReallocations,
  loadAward,
  loadLedgerEntry,
} from '../../db/awards.ts';
import { commit, type TxItem } from '../../db/commit.ts';
import type { Principal } from '../../domain/actors.ts';
import type { LedgerEntry, Reallocation } from '../../domain/model/ledger.ts';
import { readAccess, writeAccess } from './access.ts';
import { busy, entryNotFound, ledgerFrozen, noAccount, unknownLine } from './errors.ts';

export { cstDate as todayInChina } from '../../domain/deadlines.ts';

/** Who recorded an entry, as the entry shows it. */
export const recorder = (p: Principal) => ({ sub: p.sub, username: p.username });

// --- entry ids ----------------------------------------------------------------------------------------

/** 2026-11-26T12:45:12.345Z → 20261126T124512345Z */
const compactInstant = (iso: string) => iso.replace(/[-:.]/g, '');

/** A new entry id: the instant it is recorded, then a UUID (so the id leads to its key). */
export const newEntryId = (at: string, uuid: string = randomUUID()) => `${compactInstant(at)}-${uuid}`;

/** A new entry recorded by `principal` at `now`: its id made of that instant. */
export function newEntry(
  principal: Principal,
  allianceId: string,
  now: Date,
  fields: Omit<LedgerEntry, 'id' | 'allianceId' | 'recordedBy' | 'recordedAt'>,
): LedgerEntry {
  const recordedAt = now.toISOString();
  return {
    id: newEntryId(recordedAt),
    allianceId,
    ...fields,
    recordedBy: recorder(principal),
    recordedAt,
  };
}

/** The instant an entry was recorded, from its id (inverse of newEntryId). */
export function recordedAtOf(entryId: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z-/.exec(entryId);
  if (!m) throw entryNotFound(entryId);
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${m[7]}Z`;
}

// --- the award ----------------------------------------------------------------------------------------

/** The award of the alliance; 404 when it has none (not designated). */
export async function requireAward(allianceId: string): Promise<AwardItem> {
  const award = await loadAward(allianceId);
  if (!award) throw noAccount(allianceId);
  return award;
}

/**
 * What a change to one existing entry starts from (a reversal, a flag resolution): the caller may
 * write, and the award and the entry as they are now; 404 when the entry does not exist.
 */
export async function entryToChange(
  principal: Principal,
  allianceId: string,
  entryId: string,
): Promise<{ award: AwardItem; entry: LedgerEntry }> {
  await writeAccess(principal, allianceId);
  const [award, entry] = await Promise.all([
    requireAward(allianceId),
    loadLedgerEntry(allianceId, recordedAtOf(entryId), entryId),
  ]);
  if (!entry) throw entryNotFound(entryId);
  return { award, entry };
}

/** 409 unless the account is open. */
export function requireOpen(allianceId: string, award: AwardItem): void {
  if (award.ledger.status !== 'open') throw ledgerFrozen(allianceId, award.ledger.status);
}

/** The position of a line in the award's lines (conditions address it by index); 400 naming `path` if none. */
export function lineIndex(award: AwardItem, lineId: string, path: string): number {
  const index = award.lines.findIndex((l) => l.lineId === lineId);
  if (index < 0) throw unknownLine(path, lineId, award.lines.map((l) => l.lineId).join(', '));
  return index;
}

/**
 * Commits one ledger transaction. A transaction cancelled only because it met another on the same
 * item is retried with jitter (shared/db/commit.ts) and is `busy` when it still does; a failed
 * condition is never retried, it is the answer: `explain` turns the index of the item whose
 * condition failed into the error (it may read the latest state to say why).
 */
export function commitLedger(
  items: readonly (TxItem | undefined | false)[],
  explain: (failedIndex: number | undefined) => Promise<Error> | Error,
): Promise<void> {
  return commit(items, { onConditionFailed: explain, onContended: busy });
}

/**
 * Each line's allocation, spent and remaining, and the totals; of what was spent, what flagged
 * entries account for (they still count as spent: ./flags.ts).
 */
export function summary(award: AwardItem) {
  const lines = award.lines.map((l) => ({
    lineId: l.lineId,
    category: l.category,
    allocation: l.allocation,
    spent: l.spent,
    remaining: award.balances[l.lineId] ?? l.allocation - l.spent,
    flaggedAmount: l.flagged ?? 0,
  }));
  return {
    allianceId: award.allianceId,
    ...(award.roundId ? { roundId: award.roundId } : {}),
    status: award.ledger.status,
    award: award.amount,
    lines,
    totals: {
      allocation: award.amount,
      spent: award.ledger.spent,
      remaining: award.balance,
      flaggedAmount: award.flaggedAmount ?? 0,
      flaggedEntries: award.flaggedEntries ?? 0,
    },
  };
}

/** The award, each line's allocation, spent and remaining, totals, reallocations and a page of entries. */
export async function getLedger(
  principal: Principal,
  allianceId: string,
  query: { cursor?: string | undefined; limit: number },
): Promise<
  ReturnType<typeof summary> & { reallocations: Reallocation[]; entries: LedgerEntry[]; nextCursor?: string }
> {
  await readAccess(principal, allianceId);
  const [award, page, reallocations] = await Promise.all([
    requireAward(allianceId),
    ledgerEntriesPage(allianceId, { cursor: query.cursor, limit: query.limit }),
    listReallocations(allianceId),
  ]);
  return {
    ...summary(award),
    reallocations,
    entries: page.items,
    ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
  };
}
