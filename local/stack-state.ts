/**
 * Where the running local stack is, for the commands run beside it (`npm run token`, `npm run fire`).
 * `npm start` writes `<data dir>/stack.json` (API URL, ports, pid, start time) once the stack
 * answers and removes it on a clean stop, so those commands find a stack started on any `PORT`
 * without being told. They look, in order, at: ESIP_API_URL (when set, the only place tried: an
 * explicit address never falls back to another stack), the state file (skipped when its pid is not
 * running: a stack killed with SIGKILL leaves it behind), PORT, and port 3000. A candidate counts
 * only if it answers as a local stack (GET /local/schedules); when none does, the error names every
 * place tried, on one line.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

export const DEFAULT_API_PORT = 3000;

/** What `npm start` records about itself. */
export interface StackState {
  apiUrl: string;
  ports: Record<string, number>;
  pid: number;
  startedAt: string;
  dataDir: string;
  /** The local Cognito API and its pool ids (`npm run users`); absent in a state file of an older stack. */
  cognito?: { endpoint: string; poolIds: { staff: string; applicant: string } };
}

const PROJECT_ROOT = resolve(import.meta.dirname, '..');

/** The data folder `npm start` uses: ESIP_DATA_DIR, else .local/data. */
export const dataDirFrom = (env: NodeJS.ProcessEnv = process.env) =>
  env.ESIP_DATA_DIR ? resolve(env.ESIP_DATA_DIR) : join(PROJECT_ROOT, '.local', 'data');

export const stateFileIn = (dataDir: string) => join(dataDir, 'stack.json');

/** Written atomically (a reader never sees half a file). */
export function writeStackState(dataDir: string, state: StackState): string {
  const file = stateFileIn(dataDir);
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(`${file}.tmp`, `${JSON.stringify(state, null, 2)}\n`);
  renameSync(`${file}.tmp`, file);
  return file;
}

/** Removes the state file if it is still this process's (a newer stack may have replaced it). */
export function removeStackState(dataDir: string, pid = process.pid): void {
  if (readStackState(dataDir)?.pid === pid) rmSync(stateFileIn(dataDir), { force: true });
}

export function readStackState(dataDir: string): StackState | undefined {
  try {
    const state = JSON.parse(readFileSync(stateFileIn(dataDir), 'utf8')) as Partial<StackState>;
    return typeof state.apiUrl === 'string' && typeof state.pid === 'number'
      ? (state as StackState)
      : undefined;
  } catch {
    return undefined;
  }
}

export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // alive, someone else's
  }
}

/** The places to look, in order; `skipped` are the ones not worth a request (said in the error). */
export function candidates(env: NodeJS.ProcessEnv = process.env): {
  urls: { url: string; from: string }[];
  skipped: string[];
} {
  if (env.ESIP_API_URL) {
    return { urls: [{ url: env.ESIP_API_URL.replace(/\/+$/, ''), from: 'ESIP_API_URL' }], skipped: [] };
  }
  const urls: { url: string; from: string }[] = [];
  const skipped: string[] = [];
  const dataDir = dataDirFrom(env);
  const file = relative(process.cwd(), stateFileIn(dataDir)) || stateFileIn(dataDir);
  const state = readStackState(dataDir);
  if (!state) skipped.push(`${file} (none)`);
  else if (!pidAlive(state.pid)) skipped.push(`${file} (pid ${state.pid} not running)`);
  else urls.push({ url: state.apiUrl, from: file });
  if (env.PORT) urls.push({ url: `http://127.0.0.1:${env.PORT}`, from: `PORT=${env.PORT}` });
  urls.push({ url: `http://127.0.0.1:${DEFAULT_API_PORT}`, from: 'the default port' });
  // PORT=3000, or a state file naming the port PORT names, is one place, tried once.
  const unique = urls.filter(({ url }, i) => urls.findIndex((u) => u.url === url) === i);
  return { urls: unique, skipped };
}

export class NoStackError extends Error {}

/** The API URL of the running local stack, or a NoStackError naming everything tried. */
export async function findStack(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const { urls, skipped } = candidates(env);
  const tried = [...skipped];
  for (const { url, from } of urls) {
    const res = await fetch(`${url}/local/schedules`, { signal: AbortSignal.timeout(3000) }).catch(
      () => undefined,
    );
    await res?.body?.cancel();
    if (res?.ok) return url;
    tried.push(`${url} from ${from} (${res ? `HTTP ${res.status}, not a local stack` : 'no answer'})`);
  }
  throw new NoStackError(
    `no local stack found; tried ${tried.join(', ')}. Start one with npm start, or set ESIP_API_URL`,
  );
}

/** For the CLI scripts: the stack's URL, or the one-line error and exit status 1. */
export async function findStackOrExit(): Promise<string> {
  try {
    return await findStack();
  } catch (error) {
    if (!(error instanceof NoStackError)) throw error;
    console.error(`✖ ${error.message}`);
    process.exit(1);
  }
}
