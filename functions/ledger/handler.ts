/** Ledger routes (专账管理, §4.3): the dedicated account, expenses, reversals, flag resolutions, reallocations, CSV. */
import { ledgerRoutes } from '../../shared/api/routes/ledger.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import {
  exportLedgerCsv,
  getLedger,
  reallocate,
  recordExpense,
  resolveFlag,
  reverseEntry,
} from '../../shared/usecases/ledger/index.ts';

export const handler = httpHandler(
  'ledger',
  {
    async getLedger({ principal, params, query }) {
      return { body: await getLedger(principal, params.allianceId, query) };
    },
    async exportLedgerCsv({ principal, params, lang }) {
      const csv = await exportLedgerCsv(principal, params.allianceId, lang);
      return {
        raw: csv,
        headers: {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': `attachment; filename="ledger-${params.allianceId}.csv"`,
          'cache-control': 'no-store',
        },
      };
    },
    async recordExpense({ principal, params, body }) {
      return { status: 201, body: await recordExpense(principal, params.allianceId, body) };
    },
    async reverseEntry({ principal, params, body }) {
      return {
        status: 201,
        body: await reverseEntry(principal, params.allianceId, params.entryId, body.reason),
      };
    },
    async resolveEntryFlag({ principal, params, body }) {
      return { body: await resolveFlag(principal, params.allianceId, params.entryId, body.reason) };
    },
    async reallocateLedger({ principal, params, body }) {
      return { status: 201, body: await reallocate(principal, params.allianceId, body) };
    },
  },
  { routes: ledgerRoutes },
);
