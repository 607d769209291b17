/** The dedicated account (专账管理, §4.3): ledger, expenses, reversals, flag resolutions, reallocations, CSV. Each entry: see RouteDef in ../route-types.ts. */
import { CursorQuerySchema } from '../common.ts';
import {
  EntryParams,
  ExpenseInputSchema,
  FlagResolutionInputSchema,
  LedgerEntrySchema,
  LedgerParams,
  LedgerViewSchema,
  ReallocationInputSchema,
  ReallocationResultSchema,
  ReversalInputSchema,
} from '../ledger.ts';
import type { RouteDef } from '../route-types.ts';

export const ledgerRoutes = [
  {
    operationId: 'getLedger',
    method: 'GET',
    path: '/v1/alliances/{allianceId}/ledger',
    fn: 'ledger',
    auth: ['applicant', 'admin', 'inspector', 'inspection-office'],
    summary:
      "A designated alliance's dedicated account (专账): award, each line's allocation, spent and remaining, totals and the entries, newest first",
    tag: 'ledger',
    params: LedgerParams,
    query: CursorQuerySchema,
    responses: { 200: LedgerViewSchema },
  },
  {
    operationId: 'exportLedgerCsv',
    method: 'GET',
    path: '/v1/alliances/{allianceId}/ledger.csv',
    fn: 'ledger',
    auth: ['applicant', 'admin', 'inspector', 'inspection-office'],
    summary:
      'Every ledger entry as CSV (UTF-8 with BOM, RFC 4180, oldest first; cells that could start a formula are prefixed with an apostrophe)',
    tag: 'ledger',
    params: LedgerParams,
    produces: 'text/csv',
    responses: { 200: null },
  },
  {
    operationId: 'recordExpense',
    method: 'POST',
    path: '/v1/alliances/{allianceId}/ledger/expenses',
    fn: 'ledger',
    auth: ['applicant', 'admin'],
    summary:
      "Record an expense against a budget line with a verified receipt; never beyond the line's remaining amount or the award (409)",
    tag: 'ledger',
    params: LedgerParams,
    body: ExpenseInputSchema,
    maxBodyBytes: 16 * 1024,
    responses: { 201: LedgerEntrySchema },
  },
  {
    operationId: 'reverseEntry',
    method: 'POST',
    path: '/v1/alliances/{allianceId}/ledger/entries/{entryId}/reverse',
    fn: 'ledger',
    auth: ['applicant', 'admin'],
    summary:
      'Correct an expense with a reversing entry (negative amount) that gives the money back to its line; once per entry',
    tag: 'ledger',
    params: EntryParams,
    body: ReversalInputSchema,
    maxBodyBytes: 16 * 1024,
    responses: { 201: LedgerEntrySchema },
  },
  {
    operationId: 'resolveEntryFlag',
    method: 'POST',
    path: '/v1/alliances/{allianceId}/ledger/entries/{entryId}/flag-resolution',
    fn: 'ledger',
    auth: ['admin'],
    summary:
      'Resolve the flag of an entry whose receipt failed reverification, with a reason, without reversing it (the entry stays spent and leaves the flagged figures); a reversal resolves it too',
    tag: 'ledger',
    params: EntryParams,
    body: FlagResolutionInputSchema,
    maxBodyBytes: 16 * 1024,
    responses: { 200: LedgerEntrySchema },
  },
  {
    operationId: 'reallocateLedger',
    method: 'POST',
    path: '/v1/alliances/{allianceId}/ledger/reallocations',
    fn: 'ledger',
    auth: ['admin'],
    summary:
      "Move allocation from one budget line to another, with a reason; the source line's remaining amount must cover it",
    tag: 'ledger',
    params: LedgerParams,
    body: ReallocationInputSchema,
    maxBodyBytes: 16 * 1024,
    responses: { 201: ReallocationResultSchema },
  },
] as const satisfies readonly RouteDef[];
