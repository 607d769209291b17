/**
 * The dedicated account (专账管理, §4.3) of a designated alliance: its view, expenses, reversals,
 * reallocations, flags on entries whose receipt failed reverification, and the CSV export.
 * Storage: shared/db/awards.ts.
 */
export { getLedger, newEntryId, recordedAtOf, todayInChina } from './account.ts';
export { csvCell, exportLedgerCsv, ledgerCsv } from './csv.ts';
export { recordExpense } from './expenses.ts';
export { receiptFlags, resolveFlag } from './flags.ts';
export { reallocate } from './reallocation.ts';
export { reverseEntry } from './reversal.ts';
