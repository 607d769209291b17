/**
 * Route matching as API Gateway does it: the most specific route wins (a literal segment beats a
 * {param}, from the left) whatever the table's order, and a malformed %-escape is its own outcome.
 */
import { describe, expect, it } from 'vitest';
import { matchRoute, type RouteDef, routes } from '../../../shared/api/routes.ts';

/** A concrete path for a route: each {param} replaced by a value that is not any literal of the table. */
const concrete = (route: RouteDef) => route.path.replace(/\{[^}]+\}/g, 'x-1');

describe('matchRoute', () => {
  it('reaches every route of the table with a concrete path (none is shadowed by a {param} route)', () => {
    for (const route of routes as readonly RouteDef[]) {
      const match = matchRoute(route.method, concrete(route));
      expect(match && 'route' in match ? match.route.operationId : match, route.path).toBe(route.operationId);
    }
  });

  it('prefers the literal segment: POST …/screening/complete is completeScreening, …/screening/a-1 is a decision', () => {
    const complete = matchRoute('POST', '/v1/rounds/r-1/screening/complete');
    expect(complete && 'route' in complete && complete.route.operationId).toBe('completeScreening');
    const decision = matchRoute('POST', '/v1/rounds/r-1/screening/a-1');
    expect(decision && 'route' in decision && decision.route.operationId).toBe('decideScreening');
    expect(decision && 'route' in decision && decision.pathParameters).toEqual({
      roundId: 'r-1',
      allianceId: 'a-1',
    });
  });

  it('decodes parameters once', () => {
    const match = matchRoute('GET', '/v1/rounds/r%2D1');
    expect(match && 'route' in match && match.pathParameters).toEqual({ roundId: 'r-1' });
  });

  it.each(['/v1/alliances/%E0%A4%A', '/v1/%E0%A4%A/x', '/v1/rounds/%'])(
    '%s is malformed, not a crash',
    (path) => {
      expect(matchRoute('GET', path)).toEqual({ malformed: expect.any(String) });
    },
  );

  it('405 for a known path with another method, 404 (undefined) for an unknown path', () => {
    expect(matchRoute('DELETE', '/v1/rounds')).toEqual({ allowed: expect.arrayContaining(['GET', 'POST']) });
    expect(matchRoute('GET', '/v1/nowhere')).toBeUndefined();
  });
});
