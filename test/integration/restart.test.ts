/**
 * Issue #9: a restart of the local stack behaves as AWS would. A stack of its own (npm start's
 * entry point, in a child process, with a data folder) is killed with SIGKILL while a round waits
 * for its reviews, and again during the notice period; each time it is started again on the same
 * data, the round carries on from where it was — nobody repeats a decision, nothing is written
 * twice — and reaches funded.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../local/stack.ts';
import { api, eventually, skipWaits, tokenFor, useStack } from './client.ts';
import { closeAndScreen, reviewEach, twoAllianceRound, waitForPipeline } from './fixtures.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'esip-restart-'));
let child: ChildProcess | undefined;

/** A port free now (the API keeps it across restarts: the dev tokens' issuer is its URL). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
const apiPort = freePort();

/** Starts `npm start`'s entry point on free ports with the test's data folder; resolves with its API URL. */
async function startStack(): Promise<string> {
  const port = String(await apiPort);
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', 'local/start.ts', '--no-seed'], {
      cwd: PROJECT_ROOT,
      env: {
        ...process.env,
        PORT: port,
        DYNAMODB_PORT: '0',
        S3_PORT: '0',
        SFN_PORT: '0',
        ESIP_DATA_DIR: dataDir,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      // A process group of its own: the kill below takes DynamoDB Local's JVM with it, as a crash
      // of the machine would (killed alone, the JVM outlived the test run, holding the data folder).
      detached: true,
    });
    child = proc;
    let out = '';
    const timer = setTimeout(() => reject(new Error(`the stack did not start:\n${out}`)), 90_000);
    const read = (chunk: Buffer) => {
      out += chunk.toString();
      const url = /API\s+(http:\/\/127\.0\.0\.1:\d+)\/v1/.exec(out)?.[1];
      if (url) {
        clearTimeout(timer);
        proc.stdout?.off('data', read);
        resolve(url);
      }
    };
    proc.stdout?.on('data', read);
    proc.stderr?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    proc.on('exit', (code) => {
      clearTimeout(timer);
      if (child === proc) child = undefined;
      reject(new Error(`the stack exited (${code}) before it was up:\n${out}`));
    });
  });
}

/** SIGKILL to the whole group: no shutdown hook runs, nothing is flushed — as a crash or a pulled plug. */
async function kill() {
  const proc = child;
  if (!proc?.pid) return;
  const exited = new Promise((resolve) => proc.once('exit', resolve));
  process.kill(-proc.pid, 'SIGKILL');
  await exited;
}

afterAll(async () => {
  await kill();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the local stack killed and restarted mid-round', () => {
  it('continues the round from where it was, twice, to funded, with nothing repeated', async () => {
    useStack(await startStack());
    const admin = await tokenFor(['admin'], 'restart-admin');
    const { roundId, a, b, reviewer } = await twoAllianceRound(
      admin,
      { budget: 1_000_000, reviewersPerAlliance: 1, noticePeriodDays: 3 },
      [
        ['重启联盟甲', 200_000],
        ['重启联盟乙', 150_000],
      ],
    );
    const waitFor = (what: string, test: (s: any) => boolean) =>
      waitForPipeline(admin, roundId, what, test, 60_000);
    await closeAndScreen(admin, roundId, [a, b], 60_000);
    const reviewerToken = await tokenFor(['reviewer'], reviewer);
    await reviewEach(reviewerToken, roundId, [[a, 9]]);

    // --- killed while waiting for the second review -------------------------------------------------
    await kill();
    useStack(await startStack());
    // The restarted execution passes screening by itself (every decision stands) and waits for reviews again.
    const back = await waitFor('the review gate again', (s) => s.stage === 'review' && s.waitingOn);
    expect(back.status).toBe('RUNNING');
    const [last] = await reviewEach(reviewerToken, roundId, [[b, 7]]);
    expect(last!.body.allReviewsIn).toBe(true);
    await waitFor('the selection gate', (s) => s.stage === 'selection' && s.waitingOn);
    const approved = await api('POST', `/v1/rounds/${roundId}/selection/approve`, { token: admin, body: {} });
    expect(approved.status, approved.text).toBe(200);
    await waitFor('the notice period', (s) => s.stage === 'public-notice');

    // --- killed during the notice period ----------------------------------------------------------------
    await kill();
    useStack(await startStack());
    await waitFor('the notice period again', (s) => s.stage === 'public-notice' && s.status === 'RUNNING');
    await eventually(
      async () => ((await skipWaits(roundId)) > 0 ? true : undefined),
      'the notice period wait',
    );
    const done = await waitFor('funded', (s) => s.status === 'SUCCEEDED');
    expect(done).toMatchObject({ stage: 'implementation', attempt: 1 });

    // Nothing twice: one decision each, one assignment each, one notice, one award each.
    const history = (await api('GET', `/v1/rounds/${roundId}/history?limit=100`, { token: admin })).body
      .items as {
      action: string;
    }[];
    const count = (action: string) => history.filter((h) => h.action === action).length;
    expect(count('pipeline.reviewers-assigned')).toBe(1);
    expect(count('pipeline.reviews-concluded')).toBe(1);
    expect(count('pipeline.selection-proposed')).toBe(1);
    expect(count('pipeline.notice-published')).toBe(1);
    for (const id of [a, b]) {
      const trail = (await api('GET', `/v1/alliances/${id}/history?limit=100`, { token: admin })).body
        .items as {
        action: string;
      }[];
      expect(trail.filter((t) => t.action === 'screening.pass')).toHaveLength(1);
      expect(trail.filter((t) => t.action === 'alliance.designated')).toHaveLength(1);
      expect((await api('GET', `/v1/alliances/${id}/award`, { token: admin })).status).toBe(200);
    }
    const assignments = (await api('GET', `/v1/rounds/${roundId}/assignments`, { token: admin })).body.items;
    expect(assignments).toHaveLength(2);
  }, 300_000);
});
