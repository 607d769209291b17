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
import { writeAccess } from './access.ts';
import {
  commitLedger,
  lineIndex,
  newEntry,
  recordedAtOf,
  requireAward,
  requireOpen,
  todayInChina,
} from './account.ts';
import { alreadyReversed, busy, entryNotFound, notReversible } from './errors.ts';

/**
 * Reverses an expense: a reversing entry (the negative amount) that gives the money back to its
 * line, in one transaction with marking the original reversed (once: attribute_not_exists), the
 * release of its receipt (so a corrected entry can use it) and the audit record.
 */
export async function reverseEntry(
  principal: Principal,
  allianceId: string,
  entryId: string,
  reason: string,
  now = new Date(),
): Promise<LedgerEntry> {
  await writeAccess(principal, allianceId);
  const recordedAt = recordedAtOf(entryId);
  const [award, original] = await Promise.all([
    requireAward(allianceId),
    loadLedgerEntry(allianceId, recordedAt, entryId),
  ]);
  if (!original) throw entryNotFound(entryId);
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
  await commitLedger(
    [
      markReversedUpdate(allianceId, { recordedAt, entryId }, id, at),
      refundUpdate(allianceId, original.lineId, index, original.amount),
      ledgerEntryPut(reversal),
      allianceAudit(
        allianceId,
        {
          action: 'ledger.reversal',
          actor: userActor(principal),
          reason,
          data: { entryId: id, reversalOf: entryId, lineId: original.lineId, amount: -original.amount },
        },
        now,
      ),
      original.receiptDocumentId && receiptReleaseDelete(allianceId, original.receiptDocumentId, entryId),
    ],
    async (failed) => {
      if (failed === 0) {
        const again = await loadLedgerEntry(allianceId, recordedAt, entryId);
        return alreadyReversed(entryId, again?.reversedBy ?? '?');
      }
      if (failed === 1) requireOpen(allianceId, await requireAward(allianceId));
      return busy();
    },
  );
  return reversal;
}
