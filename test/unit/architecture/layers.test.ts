/**
 * The layering rules of shared/ (README "Layout"), checked on the source text of every module:
 * domain (pure) ← use cases ← adapters (HTTP handlers, pipeline stages); DynamoDB is spoken only in
 * shared/db/. The domain owns its types: only the HTTP side uses the API's zod schemas (shared/api/).
 * A new import that breaks a rule fails here with the file and the import.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');

function sources(dir: string): string[] {
  return readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => path.join(dir, f));
}

/** Every module a file imports or re-exports, resolved to a project path when relative. */
function importsOf(file: string): string[] {
  const text = readFileSync(path.join(root, file), 'utf8');
  const specs = [...text.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s+'([^']+)'/gms)].map((m) => m[1]!);
  specs.push(...[...text.matchAll(/\bimport\(\s*'([^']+)'\s*\)/g)].map((m) => m[1]!));
  return specs.map((s) => (s.startsWith('.') ? path.join(path.dirname(file), s) : s));
}

const shared = sources('shared');
const functions = sources('functions');
const inside = (file: string, dir: string) => file === dir || file.startsWith(`${dir}/`);

function violations(files: string[], forbidden: (spec: string) => boolean): string[] {
  return files.flatMap((f) =>
    importsOf(f)
      .filter(forbidden)
      .map((spec) => `${f} → ${spec}`),
  );
}

const DYNAMODB = ['@aws-sdk/lib-dynamodb', '@aws-sdk/client-dynamodb'];

describe('layers point inward', () => {
  it('shared/domain imports only the domain (pure: no other layer, no AWS SDK)', () => {
    const domain = shared.filter((f) => inside(f, 'shared/domain'));
    expect(domain.length).toBeGreaterThan(10);
    expect(
      violations(domain, (spec) =>
        spec.startsWith('shared/') ? !inside(spec, 'shared/domain') : spec.startsWith('@aws-sdk/'),
      ),
    ).toEqual([]);
  });

  it('use cases import no adapter: nothing from http/, api/, functions/, DynamoDB, nor the key layout', () => {
    const usecases = shared.filter((f) => inside(f, 'shared/usecases'));
    expect(usecases.length).toBeGreaterThan(20);
    expect(
      violations(
        usecases,
        (spec) =>
          inside(spec, 'shared/http') ||
          inside(spec, 'shared/api') ||
          spec.startsWith('functions/') ||
          DYNAMODB.includes(spec) ||
          // the key layout and the table are the data layer's own business
          spec === 'shared/db/keys.ts' ||
          spec === 'shared/db/table.ts',
      ),
    ).toEqual([]);
  });

  it('the data layer depends only on the domain (and itself): no use case, API schema or HTTP code', () => {
    const db = shared.filter((f) => inside(f, 'shared/db'));
    expect(db.length).toBeGreaterThan(15);
    expect(
      violations(
        db,
        (spec) =>
          spec.startsWith('shared/') &&
          !['shared/db', 'shared/domain', 'shared/aws', 'shared/config.ts'].some((d) => inside(spec, d)),
      ),
    ).toEqual([]);
  });

  it('the data layer is used by use cases only (handlers and the HTTP adapter go through use cases)', () => {
    // The table design and key layout are definitions the idempotency store and local stack share.
    const definitions = new Set(['shared/db/table-design.ts', 'shared/db/keys.ts']);
    const others = [...shared, ...functions].filter(
      (f) => !inside(f, 'shared/db') && !inside(f, 'shared/usecases'),
    );
    expect(violations(others, (spec) => inside(spec, 'shared/db') && !definitions.has(spec))).toEqual([]);
  });

  it('DynamoDB is spoken only in shared/db (the SDK clients aside)', () => {
    const allowed = new Set(['shared/aws/clients.ts']);
    const outside = [...shared, ...functions].filter((f) => !inside(f, 'shared/db') && !allowed.has(f));
    expect(violations(outside, (spec) => DYNAMODB.includes(spec))).toEqual([]);
  });

  it('no module in shared/ or functions/ is over 600 lines (the eligibility rule catalogue aside)', () => {
    const long = [...shared, ...functions]
      .filter((f) => !inside(f, 'shared/domain/eligibility'))
      .map((f) => ({ f, lines: readFileSync(path.join(root, f), 'utf8').split('\n').length }))
      .filter(({ lines }) => lines > 600);
    expect(long).toEqual([]);
  });
});
