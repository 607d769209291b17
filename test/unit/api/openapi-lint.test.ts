/**
 * openapi.json is complete enough to generate clients from: Redocly's recommended ruleset passes
 * with no error and no warning (redocly.yaml turns off only the rules it explains), every request
 * body carries an example its own zod schema accepts, every tag is described, and each operation
 * documents the error statuses it really answers with — no more (a read has no 409) and no less
 * (the domain errors its use cases raise: shared/api/route-errors.ts).
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildOpenApi, errorResponses, TAG_DESCRIPTIONS } from '../../../shared/api/openapi.ts';
import { routeErrors } from '../../../shared/api/route-errors.ts';
import { type RouteDef, routes } from '../../../shared/api/routes.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
type Operation = {
  description?: string;
  responses: Record<string, { description: string; content?: Record<string, { schema: unknown }> }>;
  requestBody?: { content: Record<string, { examples?: Record<string, { value: unknown }> }> };
};
const document = buildOpenApi() as {
  tags: { name: string; description: string }[];
  paths: Record<string, Record<string, Operation>>;
};
const operationOf = (route: RouteDef) => document.paths[route.path]![route.method.toLowerCase()]!;
const all = routes as readonly RouteDef[];
const byId = (id: string) => all.find((r) => r.operationId === id)!;
const statuses = (id: string) => Object.keys(operationOf(byId(id)).responses).map(Number);

describe('openapi.json lint (Redocly, recommended ruleset)', () => {
  it('has no error and no warning', () => {
    let output: string;
    try {
      output = execFileSync(
        process.execPath,
        [
          `${root}node_modules/@redocly/cli/bin/cli.js`,
          'lint',
          'openapi.json',
          '--format=json',
          '--config',
          'redocly.yaml',
        ],
        { cwd: root, encoding: 'utf8', env: { ...process.env, REDOCLY_TELEMETRY: 'off', NO_COLOR: '1' } },
      );
    } catch (error) {
      output = (error as { stdout?: string }).stdout ?? '';
    }
    const report = JSON.parse(output) as {
      totals: { errors: number; warnings: number };
      problems: { ruleId: string; message: string }[];
    };
    expect(report.problems.map((p) => `${p.ruleId}: ${p.message}`)).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
  }, 60_000);
});

describe('openapi.json completeness', () => {
  it('every request body has an example that its route schema accepts', () => {
    for (const route of all.filter((r) => r.body)) {
      const examples = operationOf(route).requestBody?.content['application/json']?.examples ?? {};
      expect(Object.keys(examples).length, route.operationId).toBeGreaterThan(0);
      for (const [name, { value }] of Object.entries(examples)) {
        const parsed = route.body!.safeParse(value);
        expect(parsed.error?.issues ?? [], `${route.operationId} example ${name}`).toEqual([]);
      }
    }
  });

  it('every operation has a description and every tag is described', () => {
    for (const route of all) expect(operationOf(route).description, route.operationId).toBeTruthy();
    const tags = new Set(all.map((r) => r.tag));
    expect(document.tags.map((t) => t.name).sort()).toEqual([...tags].sort());
    for (const tag of tags) expect(TAG_DESCRIPTIONS[tag], tag).toBeTruthy();
  });

  it('every operation has its derived domain errors (npm run openapi after adding a route)', () => {
    expect(Object.keys(routeErrors).sort()).toEqual(all.map((r) => r.operationId).sort());
  });

  it('documents the statuses each operation answers with, not every status everywhere', () => {
    // A public read: no sign-in, no body, no conflict.
    expect(statuses('getHealth')).toEqual([200, 403, 429, 500]);
    // A signed-in read of one record: 401 from the gateway, 404 from its use case.
    expect(statuses('getAlliance')).toEqual(expect.arrayContaining([400, 401, 403, 404, 429, 500]));
    expect(statuses('getAlliance')).not.toContain(409);
    expect(statuses('getAlliance')).not.toContain(422);
    // Submitting checks the programme's rules (422) on a versioned record (409), with a JSON body.
    expect(statuses('submitAlliance')).toEqual(
      expect.arrayContaining([400, 401, 403, 404, 409, 413, 415, 422, 429, 500, 503]),
    );
    expect(Object.keys(operationOf(byId('submitAlliance')).responses)).not.toContain('412');
    const r409 = errorResponses(byId('updateAlliance')).find((r) => r.status === 409);
    expect(r409?.codes).toEqual(['version_conflict', 'conflict', 'idempotency_in_progress']);
  });

  it('401 is the body API Gateway answers with; other errors are the API error shape', () => {
    const responses = operationOf(byId('getAlliance')).responses;
    expect(responses['401']!.content!['application/json']!.schema).toEqual({
      $ref: '#/components/schemas/GatewayMessage',
    });
    expect(responses['404']!.content!['application/json']!.schema).toEqual({
      $ref: '#/components/schemas/Error',
    });
  });
});
