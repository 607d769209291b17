/**
 * The synthesized app template, kept on disk by the hash of everything the synth reads, so that
 * each process starting a local stack (`npm start`, every browser test file, the integration
 * tests, a restart) does not synthesize the same app again (≈ 4.5 s each on these machines).
 *
 * The key covers the source the app is built from (infra/, shared/, functions/, statemachines/,
 * this folder's template loader), the lock file (the aws-cdk-lib version), the Node.js version
 * and the environment the synth reads (CDK_CONTEXT_JSON, CDK_DEFAULT_REGION/ACCOUNT): a change to
 * any of them is a new key, synthesized afresh. Entries are written whole (a temporary file
 * renamed into place), so parallel processes never read half a template; the newest few are
 * kept. ESIP_TEMPLATE_CACHE=off synthesizes every time.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Folders and files of the project whose content decides the template. */
const INPUT_DIRS = ['infra', 'shared', 'functions', 'statemachines'];
const INPUT_FILES = ['package-lock.json', 'local/template.ts', 'local/template-cache.ts'];
const INPUT_ENV = ['CDK_CONTEXT_JSON', 'CDK_DEFAULT_REGION', 'CDK_DEFAULT_ACCOUNT', 'CDK_OUTDIR'];
const KEPT = 4;

async function filesUnder(root: string, dir: string): Promise<string[]> {
  const entries = await readdir(join(root, dir), { withFileTypes: true }).catch(() => []);
  const out: string[] = [];
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await filesUnder(root, path)));
    else if (entry.isFile()) out.push(path);
  }
  return out;
}

/** The hash of the synth's inputs under `root` with `environment`. */
export async function templateInputsHash(
  root: string,
  environment: Readonly<Record<string, string | undefined>> = process.env,
): Promise<string> {
  const files = [
    ...(await Promise.all(INPUT_DIRS.map((d) => filesUnder(root, d)))).flat(),
    ...INPUT_FILES,
  ].sort();
  const hash = createHash('sha256');
  hash.update(`node ${process.version}\n`);
  for (const name of INPUT_ENV) hash.update(`env ${name}=${environment[name] ?? ''}\n`);
  for (const file of files) {
    const content = await readFile(join(root, file)).catch(() => undefined);
    hash.update(`file ${file} ${content ? content.length : -1}\n`);
    if (content) hash.update(content);
  }
  return hash.digest('hex').slice(0, 32);
}

export function templateCacheDir(root: string): string {
  return join(root, 'node_modules', '.cache', 'esip', 'templates');
}

/**
 * The template for the current inputs: read from the cache, else built with `synth` and stored.
 * `cached` says which.
 */
export async function cachedTemplate<T>(
  root: string,
  synth: () => T | Promise<T>,
  environment: Readonly<Record<string, string | undefined>> = process.env,
): Promise<{ template: T; cached: boolean; file?: string }> {
  if (environment.ESIP_TEMPLATE_CACHE === 'off') return { template: await synth(), cached: false };
  const dir = templateCacheDir(root);
  const file = join(dir, `app-${await templateInputsHash(root, environment)}.json`);
  const stored = await readFile(file, 'utf8').catch(() => undefined);
  if (stored !== undefined) {
    try {
      return { template: JSON.parse(stored) as T, cached: true, file };
    } catch {
      // A damaged entry (written by something else): synthesized again and replaced below.
    }
  }
  const template = await synth();
  try {
    await mkdir(dir, { recursive: true });
    const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
    await writeFile(temporary, JSON.stringify(template));
    await rename(temporary, file);
    await prune(dir);
  } catch {
    // A read-only or full disk: the template is still returned, only not kept.
  }
  return { template, cached: false, file };
}

/** Keeps the newest KEPT entries (and removes temporary files older than a minute). */
async function prune(dir: string): Promise<void> {
  const names = await readdir(dir);
  const entries = await Promise.all(
    names.map(async (name) => ({
      name,
      mtime: (await stat(join(dir, name)).catch(() => undefined))?.mtimeMs,
    })),
  );
  const now = Date.now();
  const templates = entries
    .filter((e) => e.mtime !== undefined && e.name.endsWith('.json'))
    .sort((a, b) => b.mtime! - a.mtime!);
  const stale = [
    ...templates.slice(KEPT),
    ...entries.filter((e) => e.name.endsWith('.tmp') && e.mtime !== undefined && now - e.mtime > 60_000),
  ];
  await Promise.all(stale.map((e) => rm(join(dir, e.name), { force: true })));
}
