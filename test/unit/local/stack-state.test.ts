import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalIssuers } from '../../../local/jwt.ts';
import {
  candidates,
  findStack,
  NoStackError,
  readStackState,
  removeStackState,
  stateFileIn,
  writeStackState,
} from '../../../local/stack-state.ts';

const root = resolve(import.meta.dirname, '../../..');
const run = promisify(execFile);

/** A port nothing listens on (bound, then released). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as { port: number };
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

/** A pid that is not running: a child that has exited. */
async function deadPid(): Promise<number> {
  const child = execFile(process.execPath, ['-e', '']);
  await new Promise((r) => child.once('exit', r));
  return child.pid!;
}

const state = (apiUrl: string, pid = process.pid) => ({
  apiUrl,
  ports: { api: Number(new URL(apiUrl).port) },
  pid,
  startedAt: new Date().toISOString(),
  dataDir: 'unused',
});

/** Runs `npm run token`'s script as npm does (its own process), with exactly `env`'s variables. */
async function token(env: Record<string, string>, ...args: string[]) {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !['PORT', 'ESIP_API_URL', 'ESIP_DATA_DIR'].includes(k)),
  );
  return run(process.execPath, ['--import', 'tsx', 'local/token.ts', ...args], {
    cwd: root,
    env: { ...clean, ...env },
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({
      code: error.code,
      stdout: error.stdout,
      stderr: error.stderr,
    }),
  );
}

describe('finding the running local stack (npm run token / fire)', () => {
  let dataDir: string;
  let server: Server;
  let apiUrl: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'esip-state-'));
    // A stand-in for `npm start` on a port other than 3000: the real local issuers behind
    // POST /local/token, and the /local/schedules listing the scripts recognise a stack by.
    server = createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    apiUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    const issuers = await createLocalIssuers({ baseUrl: apiUrl });
    server.on('request', async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const url = new URL(req.url ?? '/', apiUrl);
      if (await issuers.handle(req, res, url, Buffer.concat(chunks))) return;
      if (req.method === 'GET' && url.pathname === '/local/schedules') {
        res.writeHead(200, { 'content-type': 'application/json' }).end('[]');
      } else res.writeHead(404).end('{}');
    });
  });
  afterAll(() => {
    server.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('looks at ESIP_API_URL alone when it is set, else the state file, PORT, then 3000', () => {
    writeStackState(dataDir, state('http://127.0.0.1:3555'));
    expect(candidates({ ESIP_API_URL: 'http://10.0.0.1:9/', ESIP_DATA_DIR: dataDir, PORT: '4000' })).toEqual({
      urls: [{ url: 'http://10.0.0.1:9', from: 'ESIP_API_URL' }],
      skipped: [],
    });
    const { urls } = candidates({ ESIP_DATA_DIR: dataDir, PORT: '4000' });
    expect(urls.map((u) => u.url)).toEqual([
      'http://127.0.0.1:3555',
      'http://127.0.0.1:4000',
      'http://127.0.0.1:3000',
    ]);
    expect(candidates({ ESIP_DATA_DIR: dataDir, PORT: '3555' }).urls).toHaveLength(2); // one place, once
  });

  it('skips a state file left by a stack that was killed, and says so', async () => {
    const pid = await deadPid();
    writeStackState(dataDir, state('http://127.0.0.1:3555', pid));
    const { urls, skipped } = candidates({ ESIP_DATA_DIR: dataDir });
    expect(urls.map((u) => u.url)).toEqual(['http://127.0.0.1:3000']);
    expect(skipped).toEqual([expect.stringContaining(`(pid ${pid} not running)`)]);
  });

  it('finds a stack started on another port through its state file, with no PORT set', async () => {
    writeStackState(dataDir, state(apiUrl));
    await expect(findStack({ ESIP_DATA_DIR: dataDir })).resolves.toBe(apiUrl);
  });

  it('refuses an address that answers but is not a local stack', async () => {
    const error = await findStack({ ESIP_API_URL: `${apiUrl}/elsewhere` }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NoStackError);
    expect((error as Error).message).toContain('HTTP 404, not a local stack');
  });

  it('npm run token prints a token from the stack found by the state file, exit 0', async () => {
    writeStackState(dataDir, state(apiUrl));
    const result = await token({ ESIP_DATA_DIR: dataDir }, 'admin');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const claims = decodeJwt(result.stdout.trim());
    expect(claims.sub).toBe('dev-admin');
    expect(claims['cognito:groups']).toEqual(['admin']);
  });

  it('npm run token with nothing answering: one line naming what it tried, nothing on stdout, exit 1', async () => {
    const port = await closedPort();
    const result = await token({ ESIP_DATA_DIR: dataDir, ESIP_API_URL: `http://127.0.0.1:${port}` }, 'admin');
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain(`http://127.0.0.1:${port} from ESIP_API_URL (no answer)`);
  });

  it("npm run token passes on the stack's refusal (roles of both pools) with exit 1", async () => {
    writeStackState(dataDir, state(apiUrl));
    const result = await token({ ESIP_DATA_DIR: dataDir }, 'admin,applicant');
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^✖ .*\/local\/token: roles of both pools/);
  });

  it("a stopping stack removes its own state file, never a newer stack's", () => {
    writeStackState(dataDir, state(apiUrl, process.pid + 1));
    removeStackState(dataDir, process.pid);
    expect(readStackState(dataDir)?.pid).toBe(process.pid + 1);
    removeStackState(dataDir, process.pid + 1);
    expect(readStackState(dataDir)).toBeUndefined();
    expect(stateFileIn(dataDir)).toBe(join(dataDir, 'stack.json'));
  });
});
