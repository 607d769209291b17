/**
 * The local stack's template cache (local/template-cache.ts): one synth per content of the
 * synth's inputs, read back from disk by every later process; a change to any input synthesizes
 * again. On a throwaway project folder with a counting synth.
 */
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cachedTemplate, templateCacheDir, templateInputsHash } from '../../../local/template-cache.ts';

let root: string;
let synths: number;
const synth = () => {
  synths++;
  return { Resources: { Fn: { Type: 'AWS::Lambda::Function', n: synths } } };
};
const env = { CDK_DEFAULT_REGION: 'us-east-1' };

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'esip-template-cache-'));
  synths = 0;
  for (const dir of ['infra/constructs', 'shared', 'functions/a', 'statemachines', 'local'])
    await mkdir(join(root, dir), { recursive: true });
  await writeFile(join(root, 'infra/constructs/x.ts'), 'export const x = 1;\n');
  await writeFile(join(root, 'functions/a/handler.ts'), 'export const handler = 1;\n');
  await writeFile(join(root, 'package-lock.json'), '{"lockfileVersion":3}\n');
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('the template cache', () => {
  it('synthesizes once for the same inputs; later calls read the same template from disk', async () => {
    const first = await cachedTemplate(root, synth, env);
    const second = await cachedTemplate(root, synth, env);
    expect(first.cached).toBe(false);
    expect(second.cached).toBe(true);
    expect(synths).toBe(1);
    expect(second.template).toEqual(first.template);
    expect(second.file).toBe(first.file);
  });

  it('a changed source file, a new file, the lock file or the CDK environment is a new key', async () => {
    const base = await templateInputsHash(root, env);
    expect(await templateInputsHash(root, env)).toBe(base);
    await writeFile(join(root, 'infra/constructs/x.ts'), 'export const x = 2;\n');
    const edited = await templateInputsHash(root, env);
    expect(edited).not.toBe(base);
    await writeFile(join(root, 'shared/new.ts'), '\n');
    const added = await templateInputsHash(root, env);
    expect(added).not.toBe(edited);
    await writeFile(join(root, 'package-lock.json'), '{"lockfileVersion":3,"x":1}\n');
    const locked = await templateInputsHash(root, env);
    expect(locked).not.toBe(added);
    expect(await templateInputsHash(root, { ...env, CDK_CONTEXT_JSON: '{"stage":"prod"}' })).not.toBe(locked);
    expect(await templateInputsHash(root, { CDK_DEFAULT_REGION: 'cn-north-1' })).not.toBe(locked);
    // Files outside the inputs (tests, the console) do not change the template.
    await mkdir(join(root, 'test'), { recursive: true });
    await writeFile(join(root, 'test/a.test.ts'), '\n');
    expect(await templateInputsHash(root, env)).toBe(locked);
  });

  it('after a change the next call synthesizes again', async () => {
    await cachedTemplate(root, synth, env);
    await writeFile(join(root, 'functions/a/handler.ts'), 'export const handler = 2;\n');
    const after = await cachedTemplate(root, synth, env);
    expect(after.cached).toBe(false);
    expect(synths).toBe(2);
    expect(after.template).toEqual({ Resources: { Fn: { Type: 'AWS::Lambda::Function', n: 2 } } });
  });

  it('a damaged entry is synthesized again and replaced; ESIP_TEMPLATE_CACHE=off never reads or writes', async () => {
    const { file } = await cachedTemplate(root, synth, env);
    await writeFile(file!, '{"Resources": {');
    const repaired = await cachedTemplate(root, synth, env);
    expect(repaired.cached).toBe(false);
    expect((await cachedTemplate(root, synth, env)).cached).toBe(true);
    expect(synths).toBe(2);
    const off = await cachedTemplate(root, synth, { ...env, ESIP_TEMPLATE_CACHE: 'off' });
    expect(off.cached).toBe(false);
    expect(synths).toBe(3);
  });

  it('keeps the newest four entries', async () => {
    for (let i = 0; i < 6; i++) {
      await writeFile(join(root, 'shared/v.ts'), `export const v = ${i};\n`);
      await cachedTemplate(root, synth, env);
    }
    const entries = (await readdir(templateCacheDir(root))).filter((n) => n.endsWith('.json'));
    expect(entries).toHaveLength(4);
    expect(synths).toBe(6);
  });
});
