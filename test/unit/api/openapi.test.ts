import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildOpenApi } from '../../../shared/api/openapi.ts';
import { type RouteDef, routes } from '../../../shared/api/routes.ts';

describe('OpenAPI document', () => {
  const document = buildOpenApi() as {
    openapi: string;
    paths: Record<string, Record<string, { operationId: string; security: unknown[] }>>;
  };

  it('the committed openapi.json is the generated one (run `npm run openapi` after changing schemas)', () => {
    const committed = JSON.parse(readFileSync(new URL('../../../openapi.json', import.meta.url), 'utf8'));
    expect(committed).toEqual(document);
  });

  it('describes every route of the route table once, with its security', () => {
    expect(document.openapi).toBe('3.1.0');
    for (const route of routes as readonly RouteDef[]) {
      const operation = document.paths[route.path]?.[route.method.toLowerCase()];
      expect(operation?.operationId).toBe(route.operationId);
      expect(operation?.security).toEqual(route.auth === 'public' ? [] : [{ cognito: [] }]);
    }
    const count = Object.values(document.paths).reduce((n, methods) => n + Object.keys(methods).length, 0);
    expect(count).toBe(routes.length);
  });

  it('operation ids and method+path pairs are unique', () => {
    const ids = routes.map((r) => r.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    const keys = routes.map((r) => `${r.method} ${r.path}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
