/**
 * The files of the exports screen: an Excel workbook (exceljs, imported only when an Excel download
 * is clicked: its own chunk, which no other screen loads) and CSV with a UTF-8 byte-order mark so
 * that Excel reads the Chinese right.
 */
import type { Table } from './export-data.ts';

export async function xlsxBlob(table: Table): Promise<Blob> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  book.creator = '企会协作创新计划';
  book.created = new Date();
  const sheet = book.addWorksheet(table.title);
  sheet.addRow(table.headers);
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const row of table.rows) sheet.addRow(row);
  table.headers.forEach((h, i) => {
    const longest = Math.max(h.length * 2, ...table.rows.map((r) => String(r[i] ?? '').length));
    sheet.getColumn(i + 1).width = Math.min(60, Math.max(8, longest + 2));
  });
  const buffer = await book.xlsx.writeBuffer();
  return new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}

const cell = (v: string | number) => {
  const text = String(v);
  // A cell Excel would run as a formula is quoted as text.
  const safe = /^[=+\-@\t\r]/.test(text) && typeof v !== 'number' ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

export function csvBlob(table: Table): Blob {
  const lines = [table.headers, ...table.rows].map((r) => r.map(cell).join(','));
  return new Blob([`\uFEFF${lines.join('\r\n')}\r\n`], { type: 'text/csv;charset=utf-8' });
}
