/** The ledger as a CSV file a spreadsheet opens safely (Chinese intact, no formula injection). */
import { listLedgerEntries } from '../../db/awards.ts';
import type { Principal } from '../../domain/actors.ts';
import type { LedgerEntry } from '../../domain/model/ledger.ts';
import type { Lang } from '../../domain/text.ts';
import { readAccess } from './access.ts';
import { requireAward } from './account.ts';

const csvHeaders: Record<Lang, string[]> = {
  en: [
    'entry',
    'date',
    'line',
    'category',
    'description',
    'amount (yuan)',
    'receipt',
    'recorded by',
    'recorded at',
    'reversal of',
    'receipt SHA-256',
    'flagged',
  ],
  zh: [
    '条目',
    '日期',
    '预算科目',
    '类别',
    '摘要',
    '金额（元）',
    '票据',
    '记录人',
    '记录时间',
    '冲销条目',
    '票据 SHA-256',
    '存疑标记',
  ],
};

/**
 * One CSV cell (RFC 4180): text that a spreadsheet would read as a formula (= + - @, or a leading
 * tab or carriage return) is prefixed with an apostrophe; cells with a comma, quote or line
 * break are quoted, quotes doubled. Numbers we computed are written as they are.
 */
export function csvCell(value: string | number | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const guarded = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

/**
 * The ledger as CSV: UTF-8 BOM (Excel reads Chinese right), a header row, CRLF line ends. The last
 * columns: the receipt's pinned SHA-256, and why an entry is flagged (its receipt failed
 * reverification; empty when not, or once resolved).
 */
export function ledgerCsv(entries: LedgerEntry[], lang: Lang): string {
  const rows = [
    csvHeaders[lang].map(csvCell),
    ...entries.map((e) =>
      [
        e.id,
        e.date,
        e.lineId,
        e.category,
        e.description,
        e.amount,
        e.receiptDocumentId,
        e.recordedBy.username,
        e.recordedAt,
        e.reversalOf,
        e.receiptSha256,
        e.flag?.reason[lang],
      ].map(csvCell),
    ),
  ];
  return `\uFEFF${rows.map((r) => r.join(',')).join('\r\n')}\r\n`;
}

/** Every entry, oldest first, as CSV. */
export async function exportLedgerCsv(principal: Principal, allianceId: string, lang: Lang): Promise<string> {
  await readAccess(principal, allianceId);
  await requireAward(allianceId);
  return ledgerCsv(await listLedgerEntries(allianceId), lang);
}
