/**
 * shared/api/route-errors.ts (each operation's domain errors, read by the OpenAPI document) is what
 * the call-graph derivation of scripts/route-errors.ts gives today: `npm run openapi` rewrites it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deriveRouteErrors, routeErrorsModule } from '../../../scripts/route-errors.ts';

describe('shared/api/route-errors.ts', () => {
  const derived = deriveRouteErrors();

  it('is the derivation from the call graph (run `npm run openapi`)', () => {
    const committed = readFileSync(new URL('../../../shared/api/route-errors.ts', import.meta.url), 'utf8');
    expect(committed).toBe(routeErrorsModule(derived));
  });

  it('finds the errors the use cases raise, through the db layer and helpers', () => {
    // A versioned update: the record may be gone, changed since, or in a state that refuses it.
    expect(derived.updateAlliance).toEqual(
      expect.arrayContaining(['not_found', 'version_conflict', 'conflict']),
    );
    // Submitting checks the programme's eligibility rules.
    expect(derived.submitAlliance).toContain('rule_violation');
    // The public objection route counts objections per client address.
    expect(derived.fileObjection).toContain('too_many_requests');
    // Health checks raise no domain error.
    expect(derived.getHealth).toEqual([]);
  });
}, 60_000);
