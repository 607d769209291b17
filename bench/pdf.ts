/**
 * What the document verifier's PDF check costs: parse time (median of the runs) and the peak RSS
 * of a fresh process that builds a PDF of the given size and page count and parses it the way the
 * verifier does (shared/usecases/documents/pdf.ts, pdf-lib). Each run is its own child process,
 * so one case's memory never counts against the next. The verifier has 1,024 MB; the largest
 * document (a report) may be 50 MiB.
 *
 * Run by `npm run bench -- --pdf [--runs R]`; `node --import tsx bench/pdf.ts <MiB> <pages>` is one run.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { samplePdf } from '../scripts/sample-pdf.ts';
import { parsePdf } from '../shared/usecases/documents/pdf.ts';

export interface PdfCase {
  mib: number;
  pages: number;
}

export interface PdfResult extends PdfCase {
  runs: number;
  pageCount: number;
  medianMs: number;
  peakRssMiB: number;
}

/** The cases: a receipt, a large agreement, the largest report with few and with many pages. */
export const PDF_CASES: readonly PdfCase[] = [
  { mib: 1, pages: 2 },
  { mib: 10, pages: 200 },
  { mib: 50, pages: 1 },
  { mib: 50, pages: 2_000 },
  { mib: 50, pages: 10_000 },
];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export function benchPdf(runs = 3, cases: readonly PdfCase[] = PDF_CASES): PdfResult[] {
  const self = fileURLToPath(import.meta.url);
  return cases.map((c) => {
    const samples = Array.from({ length: runs }, () => {
      const out = execFileSync(process.execPath, ['--import', 'tsx', self, String(c.mib), String(c.pages)], {
        encoding: 'utf8',
      });
      return JSON.parse(out.trim().split('\n').at(-1)!) as { ms: number; rssMiB: number; pageCount: number };
    });
    const result: PdfResult = {
      ...c,
      runs,
      pageCount: samples[0]!.pageCount,
      medianMs: Number(median(samples.map((s) => s.ms)).toFixed(1)),
      peakRssMiB: Math.max(...samples.map((s) => s.rssMiB)),
    };
    console.log('pdf', JSON.stringify(result));
    return result;
  });
}

export function pdfReport(results: readonly PdfResult[], date: string): string {
  return [
    '| PDF | pages | parse, median ms | peak RSS of the process, MiB | of the verifier’s 1,024 MB |',
    '|---:|---:|---:|---:|---:|',
    ...results.map(
      (r) =>
        `| ${r.mib} MiB | ${r.pages.toLocaleString('en-US')} | ${r.medianMs} | ${r.peakRssMiB} | ${Math.round((r.peakRssMiB / 1024) * 100)} % |`,
    ),
    '',
    `Measured ${date.slice(0, 10)} with \`npm run bench -- --pdf\` (bench/pdf.ts: ${results[0]?.runs ?? 0} runs per case, each a fresh process that builds the PDF with scripts/sample-pdf.ts and parses it with the verifier's pdf-lib check; the RSS includes Node itself, ≈ 60 MiB, and the PDF's bytes).`,
  ].join('\n');
}

// One run, in its own process: build, parse, report time and peak RSS.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [mib, pages] = process.argv.slice(2).map(Number);
  const bytes = samplePdf({ size: mib! * 1024 * 1024, pages: pages! });
  const started = performance.now();
  const parsed = await parsePdf(bytes);
  const ms = performance.now() - started;
  if (parsed.kind !== 'pdf') throw new Error(`not parsed as a PDF: ${JSON.stringify(parsed)}`);
  const rssMiB = Math.round(process.resourceUsage().maxRSS / 1024);
  console.log(JSON.stringify({ ms, rssMiB, pageCount: parsed.pageCount }));
}
