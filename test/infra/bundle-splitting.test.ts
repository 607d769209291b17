/**
 * `-c bundleSplitting=true` (issue #14, off by default): every function's asset is index.mjs plus
 * the chunks esbuild's code splitting wrote, and every chunk a file of the asset imports (statically
 * or with `import()`) is in the asset, so nothing is missing when Lambda loads a lazy route.
 * Synthesized with bundling (the asset folders are what is checked).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLE_SPLITTING_CONTEXT, ENTRY_METADATA_KEY } from '../../infra/constructs/app-function.ts';
import { synthesize } from './helpers.ts';

describe('bundle splitting (opt-in)', () => {
  it('writes index.mjs and its chunks into every asset, each chunk imported present', () => {
    const s = synthesize({ bundle: true, context: { [BUNDLE_SPLITTING_CONTEXT]: 'true' } });
    try {
      const template = JSON.parse(readFileSync(path.join(s.outdir, 'Esip-App.template.json'), 'utf8')) as {
        Resources: Record<
          string,
          { Type: string; Metadata?: Record<string, string>; Properties: { Code?: { S3Key?: string } } }
        >;
      };
      let withChunks = 0;
      for (const resource of Object.values(template.Resources)) {
        const entry = resource.Metadata?.[ENTRY_METADATA_KEY];
        const key = resource.Properties.Code?.S3Key;
        if (resource.Type !== 'AWS::Lambda::Function' || !entry || typeof key !== 'string') continue;
        const dir = path.join(s.outdir, `asset.${key.replace(/\.zip$/, '')}`);
        const files = readdirSync(dir).filter((f) => f.endsWith('.mjs'));
        expect(files, entry).toContain('index.mjs');
        if (files.length > 1) withChunks++;
        for (const file of files) {
          const code = readFileSync(path.join(dir, file), 'utf8');
          for (const [, chunk] of code.matchAll(/["'`]\.\/(chunk-[A-Za-z0-9]+\.mjs)["'`]/g)) {
            expect(existsSync(path.join(dir, chunk!)), `${entry}: ${file} imports ${chunk}`).toBe(true);
          }
        }
      }
      expect(withChunks).toBeGreaterThan(10);
    } finally {
      s.cleanup();
    }
  });
});
