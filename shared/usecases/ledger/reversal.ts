/** Correcting the dedicated account: a reversing entry, never an edit or a delete. */
import { allianceAudit, userActor } from '../../db/audit.ts';
import {
  ledgerEntryPut,
  loadLedgerEntry,
  markReversedUpdate,
  receiptReleaseDelete,
  refundUpdate,
} from '../../db/awards.ts';
import type { Principal } from '../../domain/actors.ts';
import type { LedgerEntry } from '../../domain/model/ledger.ts';
import {
  commitLedger,
  entryToChange,
  lineIndex,
  newEntry,
  recordedAtOf,
  requireAward,
  requireOpen,
  todayInChina,
} from './account.ts';
import { alreadyReversed, busy, notReversible } from './errors.ts';
import { resolvedFlag } from './flags.ts';

/**
 * Reverses an expense: a reversing entry (the negative amount) that gives the money back to its
 * line, in one transaction with marking the original reversed (once: attribute_not_exists), the
 * release of its receipt (so a corrected entry can use it) and the audit record. A flagged entry's
 * flag is resolved by its reversal (./flags.ts): its amount leaves the flagged figures too.
 */
export async function reverseEntry(
  principal: Principal,
  allianceId: string,
  entryId: string,
  reason: string,
  now = new Date(),
): Promise<LedgerEntry> {
  const { award, entry: original } = await entryToChange(principal, allianceId, entryId);
  const recordedAt = recordedAtOf(entryId);
  if (original.kind !== 'expense') throw notReversible(entryId);
  if (original.reversedBy) throw alreadyReversed(entryId, original.reversedBy);
  requireOpen(allianceId, award);
  const index = lineIndex(award, original.lineId, 'path.entryId');

  const reversal = newEntry(principal, allianceId, now, {
    kind: 'reversal',
    lineId: original.lineId,
    category: original.category,
    amount: -original.amount,
    date: todayInChina(now),
    description: `冲销 Reversal of ${entryId}: ${reason}`,
    reason,
    reversalOf: entryId,
  });
  const { id, recordedAt: at } = reversal;
  const flag = original.flag;
  const resolved = flag && resolvedFlag(flag, principal, at, `reversed: ${reason}`, id);
  await commitLedger(
    [
      markReversedUpdate(allianceId, { recordedAt, entryId, flag }, id, at, resolved),
      refundUpdate(allianceId, original.lineId, index, original.amount, Boolean(flag)),
      ledgerEntryPut(reversal),
      allianceAudit(
        allianceId,
        {
          action: 'ledger.reversal',
          actor: userActor(principal),
          reason,
          data: {
            entryId: id,
            reversalOf: entryId,
            lineId: original.lineId,
            amount: -original.amount,
            ...(flag ? { resolvesFlag: { documentId: flag.documentId, flaggedAt: flag.flaggedAt } } : {}),
          },
        },
        now,
      ),
      original.receiptDocumentId && receiptReleaseDelete(allianceId, original.receiptDocumentId, entryId),
    ],
    async (failed) => {
      if (failed === 0) {
        const again = await loadLedgerEntry(allianceId, recordedAt, entryId);
        // Not reversed: its flag changed meanwhile (flagged, or resolved); the client may retry.
        return again?.reversedBy ? alreadyReversed(entryId, again.reversedBy) : busy();
      }
      if (failed === 1) requireOpen(allianceId, await requireAward(allianceId));
      return busy();
    },
  );
  return reversal;
}
