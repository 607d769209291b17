/**
 * `npm test`: every test project, in two lanes run side by side — the browser tests (Chromium
 * against local stacks of their own) in one Vitest process, unit, infra and integration in
 * another. Vitest gives one worker on a 2-core machine, so one `vitest run` runs every file one
 * after the other; the browser files, mostly waiting on Chromium and the pages, then leave the
 * second core idle for minutes. Two browser files at once instead slow each other down more
 * than they gain (BENCHMARKS.md, "npm test duration").
 *
 * Each lane's lines are prefixed with its name; the exit code is the first failing lane's (both
 * always run to their end). With arguments (`npm test -- test/unit/x.test.ts`, `--project unit`)
 * it is one plain `vitest run <arguments>`; so is ESIP_TEST_LANES=1, or a machine with one core.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const ROOT = join(import.meta.dirname, '..');
const VITEST = join(ROOT, 'node_modules', 'vitest', 'vitest.mjs');

interface Lane {
  name: string;
  args: string[];
}

const LANES: Lane[] = [
  { name: 'browser', args: ['--project', 'browser'] },
  { name: 'rest', args: ['--project', 'unit', '--project', 'infra', '--project', 'integration'] },
];

const children = new Set<ChildProcess>();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    for (const child of children) child.kill(signal);
  });
}

function run(args: string[], prefix?: string): Promise<{ code: number; ms: number }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [VITEST, 'run', ...args], {
      cwd: ROOT,
      stdio: prefix ? ['ignore', 'pipe', 'pipe'] : 'inherit',
      // Piped, a lane's Vitest would decide on colour by the pipe: it follows this terminal instead.
      env: {
        ...process.env,
        ...(prefix ? (process.stdout.isTTY ? { FORCE_COLOR: '1' } : { NO_COLOR: '1' }) : {}),
      },
    });
    children.add(child);
    if (prefix) {
      for (const [stream, out] of [
        [child.stdout, process.stdout],
        [child.stderr, process.stderr],
      ] as const) {
        createInterface({ input: stream! }).on('line', (line) => out.write(`${prefix} ${line}\n`));
      }
    }
    child.on('close', (code, signal) => {
      children.delete(child);
      resolve({ code: code ?? (signal ? 1 : 0), ms: performance.now() - started });
    });
  });
}

const extra = process.argv.slice(2);
if (extra.length > 0 || process.env.ESIP_TEST_LANES === '1' || availableParallelism() < 2) {
  process.exit((await run(extra)).code);
}

const results = await Promise.all(LANES.map((lane) => run(lane.args, `[${lane.name}]`)));
const summary = LANES.map(
  (lane, i) =>
    `${lane.name} ${results[i]!.code === 0 ? 'passed' : `FAILED (exit ${results[i]!.code})`} in ${(results[i]!.ms / 1000).toFixed(1)} s`,
).join('; ');
console.log(`\nnpm test: ${summary}`);
process.exit(results.find((r) => r.code !== 0)?.code ?? 0);
