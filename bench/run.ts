/**
 * `npm run bench`: measured, not asserted. Prints medians (and min/max) of
 *  - CDK synth of both stacks with esbuild bundling (the same app `npx cdk synth` builds), and the
 *    bundle size of every function;
 *  - start of the whole local stack to the first 200 from GET /v1/health (cold, then restarts);
 *  - GET /v1/health and an authorized GET /v1/rounds/{id}/pipeline through the local API
 *    (in-process handler, real DynamoDB Local/s3rver/local Step Functions), sequential requests;
 *  - one round-pipeline execution from start to the screening gate.
 * Results go to stdout and bench/results.json. Options: BENCH_RUNS (default 3), BENCH_REQUESTS (300).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { PROJECT_ROOT, startLocalStack } from '../local/stack.ts';
import { documentClient } from '../shared/aws/clients.ts';
import { env } from '../shared/config.ts';
import { keys } from '../shared/db/keys.ts';

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
  const res = await fetch(`${stack.urls.api}/v1/health`);
  if (res.status !== 200) throw new Error(`health ${res.status}: ${await res.text()}`);
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
    const time = async (url: string, headers: Record<string, string> = {}) => {
      const samples: number[] = [];
      for (let r = 0; r < requests + 20; r++) {
        const t = performance.now();
        const res = await fetch(url, { headers });
        await res.arrayBuffer();
        if (r >= 20) samples.push(performance.now() - t);
      }
      return stats(samples);
    };
    results.healthMs = await time(`${stack.urls.api}/v1/health`);
    results.pipelineStatusMs = await time(`${stack.urls.api}/v1/rounds/bench/pipeline`, {
      authorization: `Bearer ${admin}`,
    });
    console.log(`GET /v1/health, ms (${requests} sequential):`, results.healthMs);
    console.log(
      `GET /v1/rounds/{id}/pipeline with JWT, ms (${requests} sequential):`,
      results.pipelineStatusMs,
    );

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
  'local stack cold start (synth + DynamoDB Local + s3rver + runner) → first 200 from /v1/health, ms:',
  results.localColdStartMs,
);
if (results.localRestartMs)
  console.log('local stack restart in the same process → first 200, ms:', results.localRestartMs);
console.log(
  'RSS of the local-stack process (without the DynamoDB Local JVM), MiB:',
  results.localStackRssMiB,
);
writeFileSync(join(PROJECT_ROOT, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
process.exit(0);
