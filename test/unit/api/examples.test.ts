/**
 * The request bodies in examples/ that the README's curl flow sends (`-d @examples/…`) are valid
 * bodies of their routes, checked with the same zod schemas the handlers validate with, so a
 * schema change that would break them fails here, not in a newcomer's shell. Placeholders
 * (ROUND_ID, SOCIETY_ID) are ids the README substitutes with sed; they are valid ids as written.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type OperationId, type RouteDef, routes } from '../../../shared/api/routes.ts';

const root = new URL('../../../', import.meta.url);
const examplesDir = new URL('examples/', root);

/** Each example file and the operation whose body it is. */
const bodyOf: Record<string, OperationId> = {
  'round.json': 'createRound',
  'enterprise.json': 'createOrganisation',
  'society.json': 'createOrganisation',
  'alliance.json': 'createAlliance',
};

const files = readdirSync(examplesDir).filter((f) => f.endsWith('.json'));
const readme = readFileSync(new URL('README.md', root), 'utf8');

describe('examples/*.json', () => {
  it('every example file names the operation it is a body of (and every named file exists)', () => {
    expect(files.sort()).toEqual(Object.keys(bodyOf).sort());
  });

  it.each(files)('%s is a valid body of its route', (file) => {
    const route = (routes as readonly RouteDef[]).find((r) => r.operationId === bodyOf[file]);
    expect(route?.body, `${bodyOf[file]} has a body schema`).toBeDefined();
    const body = JSON.parse(readFileSync(new URL(file, examplesDir), 'utf8'));
    const parsed = route!.body!.safeParse(body);
    expect(parsed.error?.issues ?? [], file).toEqual([]);
  });

  it('the README uses every example, and names no example file that does not exist', () => {
    const named = new Set([...readme.matchAll(/examples\/([\w.-]+\.json)/g)].map((m) => m[1]!));
    expect([...named].sort()).toEqual(files.sort());
  });
});
