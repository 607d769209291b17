/**
 * `npm run bench -- --bundles`: every function's bundle against the DynamoDB-only baseline (issue #14).
 *
 * Each function (functions/<name>/handler.ts) is bundled with esbuild exactly as its synthesized
 * asset is — the options are infra/constructs/app-function.ts `BUNDLING`, translated the way
 * aws-cdk-lib's NodejsFunction turns them into esbuild arguments (--bundle --platform=node
 * --target --format --minify --sourcemap --sources-content=false --main-fields --banner:js,
 * outfile index.mjs) — plus a metafile, and so is the baseline: bench/baseline-dynamodb.ts, a
 * module holding only @aws-sdk/client-dynamodb and one client. Per function:
 *  - KiB of index.mjs minified and gzipped (zlib default level); chunks, if a bundle ever has
 *    any, are counted in the total;
 *  - init ms: a fresh `node` process (the Node 22 running this, i.e. the project's `node`
 *    devDependency) imports the bundle and reports how long the import took, median of RUNS (7)
 *    processes; function and baseline processes alternate, so machine noise hits both alike;
 *  - the ratios to the baseline of the same run (the init ratio is median/median of the paired
 *    samples), and the heaviest packages in the bundle (from the metafile), to see what to move.
 * The processes get Lambda-like environment variables (region, function name, Powertools service
 * name, and no NODE_OPTIONS: source maps are not applied at runtime unless `-c sourceMaps=runtime`).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { type BuildOptions, build, type Metafile } from 'esbuild';
import { BUNDLING } from '../infra/constructs/app-function.ts';
import { PROJECT_ROOT } from '../local/stack.ts';

export const BASELINE_ENTRY = join(PROJECT_ROOT, 'bench', 'baseline-dynamodb.ts');
export const TARGET_RATIO = 1.25;

/** The esbuild options NodejsFunction derives from `BUNDLING` (aws-lambda-nodejs bundling.js buildEsbuildArgs). */
export function cdkEsbuildOptions(entry: string, outdir: string): BuildOptions {
  return {
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    target: BUNDLING.target,
    format: BUNDLING.format === 'esm' ? 'esm' : 'cjs',
    outfile: join(outdir, BUNDLING.format === 'esm' ? 'index.mjs' : 'index.js'),
    minify: BUNDLING.minify,
    // `--sourcemap` on the command line is "linked": index.mjs.map beside it, a comment in the code.
    sourcemap: BUNDLING.sourceMap ? 'linked' : false,
    sourcesContent: BUNDLING.sourcesContent,
    external: [...BUNDLING.externalModules],
    banner: { js: BUNDLING.banner },
    mainFields: [...BUNDLING.mainFields],
    absWorkingDir: PROJECT_ROOT,
    logLevel: 'silent',
    metafile: true,
  };
}

export interface BundleFigures {
  entry: string;
  kib: number;
  gzipKiB: number;
  /** Every .mjs/.js file of the bundle (index.mjs plus chunks), KiB. */
  totalKiB: number;
  initMs: number;
  initSamples: number[];
  /** The baseline samples taken alternately with this function's. */
  baselineSamples: number[];
  sizeRatio: number;
  gzipRatio: number;
  initRatio: number;
  /** The heaviest packages (or project folders) in index.mjs, KiB. */
  top: Record<string, number>;
}

const kib = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const round2 = (x: number) => Math.round(x * 100) / 100;

/** node_modules/@scope/pkg/… → @scope/pkg; shared/usecases/x.ts → shared/usecases; else the folder. */
function packageOf(input: string): string {
  const nm = input.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = input.slice(nm + 'node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  const parts = input.split('/');
  return parts.length > 2 ? `${parts[0]}/${parts[1]}` : parts[0]!;
}

function heaviest(meta: Metafile, outfile: string, n = 8): Record<string, number> {
  const output = meta.outputs[relative(PROJECT_ROOT, outfile)];
  const by = new Map<string, number>();
  for (const [input, { bytesInOutput }] of Object.entries(output?.inputs ?? {})) {
    const key = packageOf(input);
    by.set(key, (by.get(key) ?? 0) + bytesInOutput);
  }
  return Object.fromEntries(
    [...by]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => [k, Math.round(v / 1024)]),
  );
}

/** Lambda-like environment for the import: no NODE_OPTIONS (source maps not applied). */
function importEnv(name: string): NodeJS.ProcessEnv {
  const { NODE_OPTIONS: _drop, ...rest } = process.env;
  return {
    PATH: rest.PATH,
    HOME: rest.HOME,
    AWS_REGION: 'us-east-1',
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_LAMBDA_FUNCTION_NAME: `esip-${name}`,
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '512',
    POWERTOOLS_SERVICE_NAME: `esip-${name}`,
    POWERTOOLS_METRICS_NAMESPACE: 'Esip',
    STAGE: 'bench',
  };
}

const IMPORT_SCRIPT =
  'const t = performance.now(); await import(process.env.BENCH_BUNDLE_URL); process.stdout.write(String(performance.now() - t));';

/** One fresh process importing the bundle: ms the import took (module evaluation included). */
function importMs(file: string, name: string): number {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', IMPORT_SCRIPT], {
    env: { ...importEnv(name), BENCH_BUNDLE_URL: pathToFileURL(file).href },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return Number(out.trim());
}

/**
 * With `splitting` (an experiment: NodejsFunction's single --outfile cannot do it), esbuild's ESM
 * code splitting: index.mjs plus chunks, every `await import()` a chunk of its own, loaded when
 * first called. Its "KiB" is then what a cold start loads: index.mjs and the chunks it imports
 * statically; `totalKiB` is the whole asset.
 */
async function bundle(entry: string, outdir: string, splitting = false) {
  mkdirSync(outdir, { recursive: true });
  const cdk = cdkEsbuildOptions(entry, outdir);
  const { outfile: _single, ...rest } = cdk;
  const options: BuildOptions = splitting
    ? {
        ...rest,
        outdir,
        splitting: true,
        entryNames: 'index',
        chunkNames: 'chunk-[hash]',
        outExtension: { '.js': '.mjs' },
      }
    : cdk;
  const result = await build(options);
  const file = join(outdir, 'index.mjs');
  writeFileSync(join(outdir, 'meta.json'), JSON.stringify(result.metafile));
  // What the import of index.mjs loads: it and the chunks it imports statically, transitively.
  const outputs = result.metafile!.outputs;
  const loaded = new Set<string>();
  const visit = (out: string) => {
    if (loaded.has(out)) return;
    loaded.add(out);
    for (const i of outputs[out]?.imports ?? [])
      if (i.kind === 'import-statement' && outputs[i.path]) visit(i.path);
  };
  visit(relative(PROJECT_ROOT, file));
  const code = Buffer.concat([...loaded].map((out) => readFileSync(join(PROJECT_ROOT, out))));
  const total = readdirSync(outdir)
    .filter((f) => /\.m?js$/.test(f))
    .reduce((sum, f) => sum + statSync(join(outdir, f)).size, 0);
  return {
    file,
    kib: kib(code.length),
    gzipKiB: kib(gzipSync(code).length),
    totalKiB: kib(total),
    top: heaviest(result.metafile!, file),
  };
}

/** The function names: every folder of functions/ with a handler.ts (the template's esip:entry values). */
export function functionNames(): string[] {
  const dir = join(PROJECT_ROOT, 'functions');
  return readdirSync(dir)
    .filter((name) => {
      try {
        return statSync(join(dir, name, 'handler.ts')).isFile();
      } catch {
        return false;
      }
    })
    .sort();
}

export interface BundlesReport {
  date: string;
  node: string;
  runs: number;
  /** Built with ESM code splitting (an experiment), not as the CDK builds the assets. */
  splitting?: boolean;
  baseline: { kib: number; gzipKiB: number; initMs: number; initSamples: number[] };
  functions: Record<string, BundleFigures>;
}

export async function benchBundles(
  options: { runs?: number; only?: string[]; keep?: string; splitting?: boolean } = {},
): Promise<BundlesReport> {
  const runs = options.runs ?? 7;
  const root = options.keep ?? mkdtempSync(join(tmpdir(), 'esip-bundles-'));
  try {
    const base = await bundle(BASELINE_ENTRY, join(root, '_baseline'));
    const names = options.only?.length ? options.only : functionNames();
    const functions: Record<string, BundleFigures> = {};
    const allBaseline: number[] = [];
    // Warm the file cache of both bundles before timing (the first read of a file is slower).
    importMs(base.file, 'baseline');
    for (const name of names) {
      const entry = `functions/${name}/handler.ts`;
      const b = await bundle(join(PROJECT_ROOT, entry), join(root, name), options.splitting);
      importMs(b.file, name);
      const samples: number[] = [];
      const baselineSamples: number[] = [];
      for (let i = 0; i < runs; i++) {
        // Alternate which goes first, so a drift in load favours neither.
        if (i % 2) {
          samples.push(importMs(b.file, name));
          baselineSamples.push(importMs(base.file, 'baseline'));
        } else {
          baselineSamples.push(importMs(base.file, 'baseline'));
          samples.push(importMs(b.file, name));
        }
      }
      allBaseline.push(...baselineSamples);
      const initMs = round2(median(samples));
      functions[name] = {
        entry,
        kib: b.kib,
        gzipKiB: b.gzipKiB,
        totalKiB: b.totalKiB,
        initMs,
        initSamples: samples.map(round2),
        baselineSamples: baselineSamples.map(round2),
        sizeRatio: round2(b.kib / base.kib),
        gzipRatio: round2(b.gzipKiB / base.gzipKiB),
        initRatio: round2(initMs / median(baselineSamples)),
        top: b.top,
      };
      const f = functions[name]!;
      console.log(
        `${name.padEnd(18)} ${String(f.kib).padStart(7)} KiB (${f.sizeRatio}×)  ${String(f.gzipKiB).padStart(6)} KiB gzip (${f.gzipRatio}×)  init ${f.initMs} ms (${f.initRatio}×)`,
      );
    }
    return {
      date: new Date().toISOString(),
      node: process.version,
      runs,
      ...(options.splitting ? { splitting: true } : {}),
      baseline: {
        kib: base.kib,
        gzipKiB: base.gzipKiB,
        initMs: round2(median(allBaseline)),
        initSamples: allBaseline.map(round2),
      },
      functions,
    };
  } finally {
    if (!options.keep) rmSync(root, { recursive: true, force: true });
  }
}

/**
 * Estimated AWS init of the module (never a measurement): this machine's import ms × this factor.
 * Where it comes from (BENCHMARKS.md "Bundles and cold starts"): a published Node 22 Lambda
 * measurement, ≈ 250 ms of Init Duration to load an esbuild-bundled application with 3 SDK v3
 * clients (speedrun.nobackspacecrew.com, "The Fastest Node 22 Lambda Coldstart Configuration",
 * July 2025), against ≈ 66 ms here for our bundle with 3 clients (pipeline: DynamoDB, S3, Step
 * Functions; bundles-before) — 250 / 66 ≈ 3.8. Lambda's runtime start (≈ 100 ms) and the first
 * request's TLS handshake are not included.
 */
export const AWS_INIT_FACTOR = 3.8;

/** The markdown table of one report (before or after). */
export function bundlesTable(report: BundlesReport, label: string): string {
  const ok = (r: number) => (r <= TARGET_RATIO ? `${r}` : `**${r}**`);
  const rows = Object.entries(report.functions).map(
    ([name, f]) =>
      `| ${name} | ${f.kib} | ${ok(f.sizeRatio)} |${report.splitting ? ` ${f.totalKiB} |` : ''} ${f.gzipKiB} | ${ok(f.gzipRatio)} | ${f.initMs} | ${ok(f.initRatio)} | ≈ ${Math.round(f.initMs * AWS_INIT_FACTOR)} | ${Object.entries(
        f.top,
      )
        .slice(0, 5)
        .map(([p, k]) => `${p} ${k}`)
        .join(', ')} |`,
  );
  const within = Object.values(report.functions).filter(
    (f) => f.sizeRatio <= TARGET_RATIO && f.gzipRatio <= TARGET_RATIO && f.initRatio <= TARGET_RATIO,
  ).length;
  return [
    `**${label}**${report.splitting ? ' — experiment: ESM code splitting, not what the CDK deploys' : ''} (${report.date.slice(0, 16).replace('T', ' ')} UTC, Node ${report.node}, init = median of ${report.runs} fresh processes each). Baseline (bench/baseline-dynamodb.ts): ${report.baseline.kib} KiB, ${report.baseline.gzipKiB} KiB gzip, init ${report.baseline.initMs} ms. ${within} of ${Object.keys(report.functions).length} functions within ${TARGET_RATIO}× on all three; bold: over ${TARGET_RATIO}×.`,
    '',
    report.splitting
      ? '| function | KiB loaded at init | × | KiB whole asset | KiB gzip | × | init ms | × | est. AWS init ms | heaviest in index.mjs, KiB |'
      : '| function | KiB | × | KiB gzip | × | init ms | × | est. AWS init ms | heaviest in the bundle, KiB |',
    report.splitting
      ? '|---|---:|---:|---:|---:|---:|---:|---:|---:|---|'
      : '|---|---:|---:|---:|---:|---:|---:|---:|---|',
    ...rows,
  ].join('\n');
}

/** For `--verify DIR`: the sizes of a synthesized cdk.out's assets by function (esip:entry). */
export function synthesizedSizes(outdir: string): Record<string, number> {
  const template = JSON.parse(readFileSync(join(outdir, 'Esip-App.template.json'), 'utf8')) as {
    Resources: Record<
      string,
      { Type: string; Metadata?: Record<string, string>; Properties: { Code?: { S3Key?: string } } }
    >;
  };
  const sizes: Record<string, number> = {};
  for (const r of Object.values(template.Resources)) {
    const entry = r.Metadata?.['esip:entry'];
    const key = r.Properties.Code?.S3Key;
    if (r.Type !== 'AWS::Lambda::Function' || !entry || typeof key !== 'string') continue;
    sizes[entry.split('/')[1]!] = kib(
      statSync(join(outdir, `asset.${key.replace(/\.zip$/, '')}`, 'index.mjs')).size,
    );
  }
  return sizes;
}

export function writeJson(file: string, value: unknown) {
  writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}
