/**
 * `npm run bench`: measured, not asserted. Prints medians (and min/max) of
 *  - CDK synth of both stacks with esbuild bundling (the same app `npx cdk synth` builds), and the
 *    bundle size of every function;
 *  - start of the whole local stack to the first 200 from GET /v1/health/ready (cold, then restarts);
 *  - GET /v1/health (liveness: no dependency call) and an authorized GET /v1/rounds/{id}/pipeline through the local API
 *    (in-process handler, real DynamoDB Local/s3rver/local Step Functions), sequential requests,
 *    with the AWS calls each request made (the local API server's x-local-aws-calls header);
 *  - one round-pipeline execution from start to the screening gate.
 * Results go to stdout and bench/results.json. Options: BENCH_RUNS (default 3), BENCH_REQUESTS (300).
 *
 * Other modes (each read-modify-writes bench/results.json, keeping every other key, and
 * regenerates its own section of BENCHMARKS.md, keeping the rest of the file):
 *   npm run bench -- --scale N [--concurrency 8] [--deadline-minutes M] [--out file.json]
 *       the scale benchmark (bench/scale.ts): a round of N alliances over HTTP, close → funded;
 *       figures under results.json `scale.N<n>`; BENCHMARKS.md section `scale-after` (every
 *       `scale.*` entry of results.json). A run that fails is recorded too (where, and the error).
 *   npm run bench -- --pure N[,N…] [--runs R]
 *       the pure stages at N: selection (bench/selection.ts, both policies) and reviewer assignment
 *       (bench/assignment.ts); under results.json `pure.N<n>`; BENCHMARKS.md section `pure`.
 *   npm run bench -- --pdf [--runs R]
  npm run bench -- --calls                        AWS calls per endpoint against their budgets
 *       the document verifier's PDF check: parse time and peak memory per size and page count
 *       (bench/pdf.ts); under results.json `pdf`; BENCHMARKS.md section `pdf`.
 *   npm run bench -- --calls
 *       the AWS calls of every endpoint against its budget: runs test/integration/call-budget.test.ts
 *       (which fails if an endpoint exceeds its budget) and puts its table in BENCHMARKS.md section
 *       `calls` (and results.json `calls`).
 *   npm run bench -- --bundles [--runs R] [--section after] [--only name,…]
 *       every function's bundle (minified, gzip, init ms in fresh processes) beside the
 *       DynamoDB-only baseline, built as the synthesized assets are (bench/bundles.ts; with
 *       --splitting, the experiment of ESM code splitting instead); under
 *       results.json `bundleRatios.<section>`; BENCHMARKS.md section `bundles-<section>`.
 *   npm run bench -- --overhead [--runs N] [--section after]
 *       the handler stack over the same DynamoDB read (bench/overhead.ts): GET /v1/alliances/{id}
 *       through the handler in process vs a raw GetItem, N (300) alternating calls each; under
 *       results.json `overhead.<section>`; BENCHMARKS.md section `overhead-<section>`.
 *   npm run bench -- --scale-from a.json[,b.json…] --section before
 *       renders saved scale results (`--out` files) into BENCHMARKS.md section `scale-<section>`
 *       without running anything (how the "before" table was made).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { AWS_CALLS_HEADER, parseAwsCalls } from '../local/api-server.ts';
import { PROJECT_ROOT, startLocalStack } from '../local/stack.ts';
import { documentClient } from '../shared/aws/clients.ts';
import { env } from '../shared/config.ts';
import { keys } from '../shared/db/keys.ts';
import { benchAssignment } from './assignment.ts';
import { type BundlesReport, benchBundles, bundlesTable } from './bundles.ts';
import { benchOverhead, overheadReport } from './overhead.ts';
import { benchPdf, pdfReport } from './pdf.ts';
import { runScale, ScaleFailure, type ScaleRecord, scaleReport } from './scale.ts';
import { benchSelection } from './selection.ts';

const RESULTS = join(PROJECT_ROOT, 'bench', 'results.json');
const BENCHMARKS = join(PROJECT_ROOT, 'BENCHMARKS.md');

function usage(message: string): never {
  console.error(`npm run bench: ${message}
  npm run bench                                   synth, local start, request latency, pipeline to gate
  npm run bench -- --scale N [--concurrency C] [--deadline-minutes M] [--out file.json]
  npm run bench -- --pure N[,N…] [--runs R]
  npm run bench -- --pdf [--runs R]
  npm run bench -- --bundles [--runs R] [--section before|after] [--only a,b] [--splitting]
  npm run bench -- --overhead [--runs N] [--section after]
  npm run bench -- --scale-from a.json[,b.json…] [--section before]`);
  process.exit(2);
}

/** A whole number ≥ min, or a clear error naming the option. */
function wholeNumber(option: string, text: string | undefined, min = 1, max = 100_000): number {
  if (text === undefined || !/^\d+$/.test(text.trim()))
    usage(
      `--${option} takes a whole number from ${min} to ${max.toLocaleString('en-US')}, not ${JSON.stringify(text ?? '')}`,
    );
  const n = Number(text);
  if (n < min || n > max)
    usage(`--${option} takes a whole number from ${min} to ${max.toLocaleString('en-US')}, not ${n}`);
  return n;
}

function readResults(): Record<string, unknown> {
  if (!existsSync(RESULTS)) return {};
  try {
    return JSON.parse(readFileSync(RESULTS, 'utf8')) as Record<string, unknown>;
  } catch (e) {
    throw new Error(`${RESULTS} is not valid JSON (${(e as Error).message}); fix or remove it first`);
  }
}

/** Read-modify-write: sets `results[group][key]`, keeping every other key of the file. */
function recordResult(
  group: 'scale' | 'pure' | 'pdf' | 'calls',
  key: string,
  value: unknown,
): Record<string, unknown> {
  const all = readResults();
  const entries = (all[group] && typeof all[group] === 'object' ? all[group] : {}) as Record<string, unknown>;
  entries[key] = value;
  all[group] = Object.fromEntries(
    Object.entries(entries).sort(([a], [b]) => Number(a.slice(1)) - Number(b.slice(1))),
  );
  writeFileSync(RESULTS, `${JSON.stringify(all, null, 2)}\n`);
  formatResults();
  return all;
}

/** results.json as `npm run lint` expects it (Biome packs the sample arrays that --bundles writes). */
function formatResults() {
  execFileSync(join(PROJECT_ROOT, 'node_modules', '.bin', 'biome'), ['format', '--write', RESULTS], {
    stdio: 'ignore',
  });
}

const begin = (id: string) =>
  `<!-- bench:begin ${id} (generated by npm run bench; edits inside are overwritten) -->`;
const end = (id: string) => `<!-- bench:end ${id} -->`;

/** Replaces the generated section `id` of BENCHMARKS.md (appends it, under `heading`, if absent). */
function writeSection(id: string, body: string, heading: string) {
  const md = existsSync(BENCHMARKS) ? readFileSync(BENCHMARKS, 'utf8') : '# Benchmarks\n';
  const block = `${begin(id)}\n\n${body.trim()}\n\n${end(id)}`;
  const from = md.indexOf(`<!-- bench:begin ${id} `);
  const to = md.indexOf(end(id));
  const next =
    from >= 0 && to > from
      ? md.slice(0, from) + block + md.slice(to + end(id).length)
      : `${md.trimEnd()}\n\n${heading}\n\n${block}\n`;
  writeFileSync(BENCHMARKS, next);
  // Formatted as `npm run lint` expects it (Biome formats Markdown too: aligned tables).
  execFileSync(join(PROJECT_ROOT, 'node_modules', '.bin', 'biome'), ['format', '--write', BENCHMARKS], {
    stdio: 'ignore',
  });
  console.log(`BENCHMARKS.md: section ${id} regenerated`);
}

const machine = () => ({
  cpu: `${cpus().length} × ${cpus()[0]?.model ?? '?'}`,
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  platform: `${process.platform} ${process.arch}`,
});

function scaleRecords(all: Record<string, unknown>): ScaleRecord[] {
  return Object.values((all.scale ?? {}) as Record<string, ScaleRecord>);
}

async function scaleMode(n: number, o: { concurrency?: number; deadlineMinutes?: number; out?: string }) {
  let record: ScaleRecord;
  let failed = false;
  try {
    record = {
      ...(await runScale(n, {
        ...(o.concurrency ? { concurrency: o.concurrency } : {}),
        ...(o.deadlineMinutes ? { deadlineMs: o.deadlineMinutes * 60_000 } : {}),
      })),
      machine: machine(),
    } as ScaleRecord;
  } catch (error) {
    if (!(error instanceof ScaleFailure)) throw error;
    console.error(`✖ ${error.message}`);
    record = { n, failed: error.record, machine: machine() } as ScaleRecord;
    failed = true;
  }
  if (o.out) writeFileSync(o.out, `${JSON.stringify(record, null, 2)}\n`);
  const all = recordResult('scale', `N${n}`, record);
  writeSection(
    'scale-after',
    scaleReport(scaleRecords(all), 'after'),
    '## After (the scale benchmark on the current code)',
  );
  return failed ? 1 : 0;
}

function pureMode(sizes: number[], runs?: number) {
  let all: Record<string, unknown> = {};
  for (const n of sizes) {
    const opts = runs ? { runs } : {};
    const [selection] = benchSelection([n], opts);
    console.log('selection', JSON.stringify(selection));
    const [assignment] = benchAssignment([n], opts);
    console.log('assignment', JSON.stringify(assignment));
    all = recordResult('pure', `N${n}`, {
      n,
      date: new Date().toISOString(),
      machine: machine(),
      selection,
      assignment,
    });
  }
  writeSection('pure', pureReport(all), '## Pure stages (selection, reviewer assignment)');
}

/**
 * Runs the call-budget test (its own local stack, through vitest's global setup) and keeps the
 * table it prints: one row per endpoint, its calls, budget and the issue's target.
 */
function callsMode(): number {
  const command = ['vitest', 'run', '--project', 'integration', 'test/integration/call-budget.test.ts'];
  let output: string;
  let failed = false;
  try {
    output = execFileSync(join(PROJECT_ROOT, 'node_modules', '.bin', command[0]!), command.slice(1), {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 64 * 2 ** 20,
    });
  } catch (error) {
    output = String((error as { stdout?: string }).stdout ?? '');
    failed = true;
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI colour codes
  const lines = output.replace(/\x1b\[[0-9;]*m/g, '').split('\n');
  const start = lines.findIndex((l) => l.startsWith('AWS calls per endpoint:'));
  if (start < 0) {
    console.error(output);
    console.error('npm run bench -- --calls: the test printed no table (see its output above)');
    return 1;
  }
  const table: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (!line.startsWith('|')) break;
    table.push(line);
  }
  const summary = lines[start]!;
  // The worst: most DynamoDB calls (the table's cells: `| id | method | status as | ddb N, … |`).
  const worst = table
    .slice(2)
    .map((row) => row.split('|').map((cell) => cell.trim()))
    .map((cells) => ({ id: cells[1]!, ddb: Number(/ddb (\d+)/.exec(cells[4] ?? '')?.[1] ?? 0) }))
    .sort((x, y) => y.ddb - x.ddb)
    .slice(0, 6);
  console.log([summary, ...table].join('\n'));
  const date = new Date().toISOString();
  recordResult('calls', 'endpoints', { date, machine: machine(), summary, failed });
  writeSection(
    'calls',
    [
      `${summary}${failed ? ' — **the budget test failed**' : ''} (${date.slice(0, 10)}).`,
      `The most DynamoDB calls: ${worst.map((w) => `${w.id} ${w.ddb}`).join(', ')}.`,
      '',
      'Counted per request by the local stack (the `x-local-aws-calls` response header, local only):',
      'one per command the handler sends, a TransactWriteItems or BatchGetItem is 1, SDK retries are',
      'not counted again. "status as": the status and caller of the authorization matrix\'s request',
      '(test/integration/authz-cases.ts); a 409/422/404 row counts the path of a request refused by',
      "the world's state, a lower bound for that endpoint's success path. The budgets, and why each",
      'row over the target is, are in test/integration/call-budget.test.ts. Regenerate:',
      '`npm run bench -- --calls` (or `npx vitest run --project integration test/integration/call-budget.test.ts`, which prints the table).',
      '',
      ...table,
    ].join('\n'),
    '## AWS calls per endpoint (issue #14)',
  );
  return failed ? 1 : 0;
}

type PureRecord = {
  n: number;
  date: string;
  selection: ReturnType<typeof benchSelection>[number];
  assignment: ReturnType<typeof benchAssignment>[number];
};
function pureReport(all: Record<string, unknown>): string {
  const rows = Object.values((all.pure ?? {}) as Record<string, PureRecord>).sort((a, b) => a.n - b.n);
  const cell = <T extends object>(x: T | { error: string }, f: (x: T) => string) =>
    'error' in x ? `error: ${x.error}` : f(x as T);
  return [
    '| N | selection rank-order, median ms (increases computed) | selection max-merit, median ms (solver, optimal or gap, B&B nodes or DP cells) | assignment, median ms (reviewers, solver) | reviews / wanted, shortfalls | reviewer load min–max | peak RSS of the process so far, MiB | date |',
    '|---:|---:|---:|---:|---:|---:|---:|---|',
    ...rows.map((r) => {
      const a = r.assignment;
      return `| ${r.n.toLocaleString('en-US')} | ${cell(r.selection.rankOrder, (x) => `${x.medianMs} (${x.increases})`)} | ${cell(r.selection.maxMerit, (x) => `${x.medianMs} (${x.solver}, ${x.optimal ? 'optimal' : `gap ${x.gap}`}, ${x.nodes})`)} | ${a.medianMs} (${a.reviewers}, ${a.solver}${a.sparse ? ' → sparse' : ''}) | ${a.check.reviews} / ${a.check.wanted}, ${a.check.shortfalls} | ${a.check.loadMin}–${a.check.loadMax} | ${a.peakRssMiB} | ${r.date.slice(0, 10)} |`;
    }),
    '',
    'Selection: bench/selection.ts `benchSelection` (the realistic instance, median of the runs). Assignment: bench/assignment.ts `benchAssignment` (solver `auto`; its checks — conflict-free, no duplicates — are in results.json).',
  ].join('\n');
}

const { values: args } = (() => {
  try {
    return parseArgs({
      options: {
        scale: { type: 'string' },
        pure: { type: 'string' },
        pdf: { type: 'boolean' },
        bundles: { type: 'boolean' },
        overhead: { type: 'boolean' },
        splitting: { type: 'boolean' },
        only: { type: 'string' },
        calls: { type: 'boolean' },
        runs: { type: 'string' },
        concurrency: { type: 'string' },
        'deadline-minutes': { type: 'string' },
        out: { type: 'string' },
        'scale-from': { type: 'string' },
        section: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    });
  } catch (e) {
    usage((e as Error).message);
  }
})();
const modes = (['scale', 'pure', 'pdf', 'calls', 'bundles', 'overhead', 'scale-from'] as const).filter(
  (m) => args[m] !== undefined,
);
if (modes.length > 1) usage(`--${modes.join(' and --')} do not go together; run them one after the other`);
if (args.scale !== undefined) {
  const n = wholeNumber('scale', args.scale, 1, 20_000);
  const concurrency = args.concurrency ? wholeNumber('concurrency', args.concurrency, 1, 256) : undefined;
  const deadlineMinutes = args['deadline-minutes']
    ? wholeNumber('deadline-minutes', args['deadline-minutes'], 1, 24 * 60)
    : undefined;
  process.exit(
    await scaleMode(n, {
      ...(concurrency ? { concurrency } : {}),
      ...(deadlineMinutes ? { deadlineMinutes } : {}),
      ...(args.out ? { out: args.out } : {}),
    }),
  );
}
if (args.pure !== undefined) {
  const sizes = args.pure.split(',').map((x) => wholeNumber('pure', x, 1, 100_000));
  pureMode(sizes, args.runs ? wholeNumber('runs', args.runs, 1, 100) : undefined);
  process.exit(0);
}
if (args.pdf) {
  const results = benchPdf(args.runs ? wholeNumber('runs', args.runs, 1, 50) : 3);
  const date = new Date().toISOString();
  recordResult('pdf', 'cases', { date, machine: machine(), results });
  writeSection('pdf', pdfReport(results, date), '## Document verification (the PDF check)');
  process.exit(0);
}
if (args.calls) process.exit(callsMode());
if (args.overhead) {
  const section = args.section ?? 'after';
  if (!/^[a-z0-9-]+$/.test(section))
    usage(`--section takes a name like before or after, not ${JSON.stringify(section)}`);
  const result = await benchOverhead(args.runs ? wholeNumber('runs', args.runs, 20, 100_000) : 300);
  console.log(result);
  const all = readResults();
  const entries = (all.overhead && typeof all.overhead === 'object' ? all.overhead : {}) as Record<
    string,
    unknown
  >;
  entries[section] = { ...result, machine: machine() };
  all.overhead = entries;
  writeFileSync(RESULTS, `${JSON.stringify(all, null, 2)}\n`);
  formatResults();
  writeSection(
    `overhead-${section}`,
    overheadReport(result),
    `## Handler overhead over DynamoDB — ${section} (issue #14)`,
  );
  process.exit(0);
}
if (args.bundles) {
  const section = args.section ?? 'after';
  if (!/^[a-z0-9-]+$/.test(section))
    usage(`--section takes a name like before or after, not ${JSON.stringify(section)}`);
  const report = await benchBundles({
    runs: args.runs ? wholeNumber('runs', args.runs, 1, 50) : 7,
    ...(args.only ? { only: args.only.split(',') } : {}),
    ...(args.splitting ? { splitting: true } : {}),
  });
  const all = readResults();
  // Not `bundles`: the default run writes the synthesized sizes there.
  const entries = (
    all.bundleRatios && typeof all.bundleRatios === 'object' ? all.bundleRatios : {}
  ) as Record<string, BundlesReport>;
  entries[section] = { ...report, machine: machine() } as BundlesReport;
  all.bundleRatios = entries;
  writeFileSync(RESULTS, `${JSON.stringify(all, null, 2)}\n`);
  formatResults();
  writeSection(
    `bundles-${section}`,
    bundlesTable(report, section),
    `## Bundles and cold starts — ${section} (issue #14)`,
  );
  process.exit(0);
}
if (args['scale-from'] !== undefined) {
  const section = args.section ?? 'after';
  if (!/^[a-z0-9-]+$/.test(section))
    usage(`--section takes a name like before or after, not ${JSON.stringify(section)}`);
  const records = args['scale-from'].split(',').map((file) => {
    if (!existsSync(file)) usage(`--scale-from: no file ${file}`);
    return JSON.parse(readFileSync(file, 'utf8')) as ScaleRecord;
  });
  writeSection(`scale-${section}`, scaleReport(records, section), `## ${section} (the scale benchmark)`);
  process.exit(0);
}
for (const stray of [
  'runs',
  'concurrency',
  'deadline-minutes',
  'out',
  'section',
  'only',
  'splitting',
] as const)
  if (args[stray] !== undefined) usage(`--${stray} goes with --scale, --pure, --pdf or --scale-from`);

const runs = Number(process.env.BENCH_RUNS ?? 3);
const requests = Number(process.env.BENCH_REQUESTS ?? 300);

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return {
    n: samples.length,
    median: Number(at(0.5).toFixed(2)),
    p95: Number(at(0.95).toFixed(2)),
    min: Number(sorted[0]!.toFixed(2)),
    max: Number(sorted.at(-1)!.toFixed(2)),
  };
}

const results: Record<string, unknown> = {
  date: new Date().toISOString(),
  node: process.version,
  runs,
  requests,
};

// 1. Synth with bundling, in a child process each time (what `npx cdk synth` does: a cold process).
const synthMs: number[] = [];
let outdir = '';
for (let i = 0; i < runs; i++) {
  outdir = mkdtempSync(join(tmpdir(), 'esip-synth-'));
  const started = performance.now();
  execFileSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '-e',
      `import('./infra/build.ts').then(m => m.buildApp({ outdir: ${JSON.stringify(outdir)} }).app.synth())`,
    ],
    {
      cwd: PROJECT_ROOT,
      stdio: 'ignore',
      env: { ...process.env, CDK_DISABLE_CLI_TELEMETRY: 'true' },
    },
  );
  synthMs.push(performance.now() - started);
  if (i < runs - 1) rmSync(outdir, { recursive: true, force: true });
}
results.synthMs = stats(synthMs);
// Which asset is which function: the template's esip:entry metadata next to its S3Key (asset hash).
const template = JSON.parse(readFileSync(join(outdir, 'Esip-App.template.json'), 'utf8')) as {
  Resources: Record<
    string,
    { Type: string; Metadata?: Record<string, string>; Properties: { Code?: { S3Key?: string } } }
  >;
};
const bundles: Record<string, { codeKiB: number; sourceMapKiB: number }> = {};
for (const resource of Object.values(template.Resources)) {
  const entry = resource.Metadata?.['esip:entry'];
  const key = resource.Properties.Code?.S3Key;
  if (resource.Type !== 'AWS::Lambda::Function' || !entry || typeof key !== 'string') continue;
  const dir = join(outdir, `asset.${key.replace(/\.zip$/, '')}`);
  const kib = (file: string) => Math.round(statSync(join(dir, file)).size / 1024);
  bundles[entry.split('/')[1]!] = { codeKiB: kib('index.mjs'), sourceMapKiB: kib('index.mjs.map') };
}
rmSync(outdir, { recursive: true, force: true });
results.bundles = bundles;
console.log(`synth (both stacks, ${Object.keys(bundles).length} functions bundled), ms:`, results.synthMs);
console.table(bundles);

// 2. Local stack cold start → first healthy answer.
const startMs: number[] = [];
for (let i = 0; i < runs; i++) {
  const started = performance.now();
  const stack = await startLocalStack({ ports: { api: 0, dynamodb: 0, s3: 0, sfn: 0 }, schedules: false });
  const res = await fetch(`${stack.urls.api}/v1/health/ready`);
  if (res.status !== 200) throw new Error(`readiness ${res.status}: ${await res.text()}`);
  startMs.push(performance.now() - started);
  if (i < runs - 1) await stack.stop();
  else {
    // 3. Request latency through the local API (sequential, after warm-up).
    const admin = await stack.token({ sub: 'bench-admin', roles: ['admin'] });
    await documentClient().send(
      new PutCommand({
        TableName: env('tableName'),
        Item: { ...keys.round('bench'), type: 'round', status: 'open', version: 1 },
      }),
    );
    // The AWS calls of every sample (x-local-aws-calls); each distinct count, with how many had it.
    const callCounts: Record<string, Record<string, number>> = {};
    const time = async (url: string, headers: Record<string, string> = {}) => {
      const samples: number[] = [];
      const seen: Record<string, number> = {};
      for (let r = 0; r < requests + 20; r++) {
        const t = performance.now();
        const res = await fetch(url, { headers });
        await res.arrayBuffer();
        if (r < 20) continue;
        samples.push(performance.now() - t);
        const calls = parseAwsCalls(res.headers.get(AWS_CALLS_HEADER));
        const key = calls
          ? Object.entries(calls)
              .filter(([, n]) => n > 0)
              .map(([service, n]) => `${service}=${n}`)
              .join(',') || 'none'
          : 'no header';
        seen[key] = (seen[key] ?? 0) + 1;
      }
      callCounts[new URL(url).pathname] = seen;
      return stats(samples);
    };
    results.healthMs = await time(`${stack.urls.api}/v1/health`);
    results.pipelineStatusMs = await time(`${stack.urls.api}/v1/rounds/bench/pipeline`, {
      authorization: `Bearer ${admin}`,
    });
    console.log(`GET /v1/health (liveness), ms (${requests} sequential):`, results.healthMs);
    console.log(
      `GET /v1/rounds/{id}/pipeline with JWT, ms (${requests} sequential):`,
      results.pipelineStatusMs,
    );
    results.awsCallsPerRequest = callCounts;
    console.log('AWS calls per request (x-local-aws-calls → requests):', callCounts);

    // 4. Pipeline: start → screening gate open.
    const gateMs: number[] = [];
    for (let r = 0; r < Math.max(runs, 5); r++) {
      const roundId = `bench-${r}-${Date.now()}`;
      await documentClient().send(
        new PutCommand({
          TableName: env('tableName'),
          Item: { ...keys.round(roundId), type: 'round', status: 'open', version: 1 },
        }),
      );
      const t = performance.now();
      const { executionArn } = await stack.sfn.startExecution({
        stateMachineArn: env('roundPipelineArn'),
        name: `round-${roundId}`,
        input: { roundId },
      });
      while (stack.sfn.pendingTasks(executionArn).length === 0) await new Promise((r) => setTimeout(r, 5));
      gateMs.push(performance.now() - t);
    }
    results.pipelineToGateMs = stats(gateMs);
    console.log('pipeline start → screening gate open, ms:', results.pipelineToGateMs);
    const memory = process.memoryUsage();
    results.localStackRssMiB = Math.round(memory.rss / 2 ** 20);
    await stack.stop();
  }
}
// The first start in this process synthesizes the template (cold); later ones reuse it (a restart).
results.localColdStartMs = Math.round(startMs[0]!);
results.localRestartMs = startMs.length > 1 ? stats(startMs.slice(1)) : undefined;
console.log(
  'local stack cold start (synth + DynamoDB Local + s3rver + runner) → first 200 from /v1/health/ready, ms:',
  results.localColdStartMs,
);
if (results.localRestartMs)
  console.log('local stack restart in the same process → first 200, ms:', results.localRestartMs);
console.log(
  'RSS of the local-stack process (without the DynamoDB Local JVM), MiB:',
  results.localStackRssMiB,
);
// The other modes' figures (scale.*, pure.*, pdf, calls) stay; this run's own keys are replaced.
const previous = readResults();
const kept = Object.fromEntries(
  (['scale', 'pure', 'pdf', 'calls', 'bundleRatios', 'overhead'] as const)
    .filter((k) => previous[k])
    .map((k) => [k, previous[k]]),
);
writeFileSync(RESULTS, `${JSON.stringify({ ...results, ...kept }, null, 2)}\n`);
formatResults();
process.exit(0);
