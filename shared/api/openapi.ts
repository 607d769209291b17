/**
 * The OpenAPI 3.1 document, generated from the route table and its zod schemas (zod's own JSON
 * Schema output, which is the 2020-12 dialect OpenAPI 3.1 uses). Served at GET /v1/openapi.json
 * and committed as openapi.json (a test keeps the two in sync).
 */
import * as z from 'zod';
import pkg from '../../package.json' with { type: 'json' };
import { ErrorSchema } from './common.ts';
import { type RouteDef, roles, routes } from './routes.ts';

type JsonSchema = Record<string, unknown>;

/** Every role but the applicant's is a staff role (shared/http/auth.ts: the staff user pool). */
const STAFF_ROLES = roles.filter((r) => r !== 'applicant').join(', ');

const errorStatuses: Record<number, string> = {
  400: 'Invalid request: the failing fields are in error.details',
  401: 'No valid bearer token (answered by the API\'s Lambda authorizer as {"message":"Unauthorized"})',
  403: 'The caller may not do this',
  404: 'Not found',
  409: 'Conflict (stale version, duplicate, wrong state)',
  413: 'Body too large',
  415: 'Body is not JSON',
  422: 'A programme rule is not met: the rule ids are in error.details',
  429: 'Throttled',
  500: 'Internal error',
};

class SchemaCollector {
  readonly components: Record<string, JsonSchema> = {};

  convert(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
    const json = z.toJSONSchema(schema, {
      io,
      unrepresentable: 'any',
      target: 'draft-2020-12',
    }) as JsonSchema;
    const rewritten = JSON.parse(
      JSON.stringify(json).replaceAll('"#/$defs/', '"#/components/schemas/'),
    ) as JsonSchema;
    const {
      $schema: _schema,
      $defs,
      ...rest
    } = rewritten as JsonSchema & { $defs?: Record<string, JsonSchema> };
    for (const [id, def] of Object.entries($defs ?? {})) this.components[id] = def;
    const id = z.globalRegistry.get(schema)?.id;
    if (typeof id === 'string') {
      // zod puts a schema with an id under $defs and answers with a $ref to it.
      if (!('$ref' in rest)) this.components[id] = rest;
      return { $ref: `#/components/schemas/${id}` };
    }
    return rest;
  }
}

function parameters(route: RouteDef, collector: SchemaCollector): JsonSchema[] {
  const out: JsonSchema[] = [];
  for (const [where, schema] of [
    ['path', route.params],
    ['query', route.query],
  ] as const) {
    if (!schema) continue;
    const json = collector.convert(schema, 'input') as {
      properties?: Record<string, JsonSchema>;
      required?: string[];
    };
    for (const [name, property] of Object.entries(json.properties ?? {})) {
      const { description, ...rest } = property as JsonSchema & { description?: string };
      out.push({
        name,
        in: where,
        required: where === 'path' || (json.required ?? []).includes(name),
        ...(description ? { description } : {}),
        schema: rest,
      });
    }
  }
  if (route.method !== 'GET') out.push({ $ref: '#/components/parameters/IdempotencyKey' });
  out.push({
    name: 'Accept-Language',
    in: 'header',
    required: false,
    description: 'zh or en: the language of error messages',
    schema: { type: 'string' },
  });
  return out;
}

export function buildOpenApi(): JsonSchema {
  const collector = new SchemaCollector();
  const errorRef = collector.convert(ErrorSchema, 'output');
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const route of routes as readonly RouteDef[]) {
    const responses: Record<string, JsonSchema> = {};
    for (const [status, schema] of Object.entries(route.responses)) {
      responses[status] = {
        description: Number(status) < 300 ? 'Success' : 'See body',
        ...(schema
          ? {
              content: {
                [route.produces ?? 'application/json']: { schema: collector.convert(schema, 'output') },
              },
            }
          : {}),
      };
    }
    const possible = [
      400,
      500,
      ...(route.auth === 'public' ? [429] : [401, 403]),
      ...(route.params ? [404] : []),
    ];
    if (route.body) possible.push(413, 415);
    for (const status of possible.sort()) {
      responses[String(status)] ??= {
        description: errorStatuses[status],
        content: { 'application/json': { schema: errorRef } },
      };
    }
    const operation: JsonSchema = {
      operationId: route.operationId,
      summary: route.summary,
      tags: [route.tag],
      parameters: parameters(route, collector),
      responses,
      security: route.auth === 'public' ? [] : [{ cognito: [] }],
      ...(route.auth === 'public' ? {} : { 'x-roles': route.auth }),
    };
    if (route.body) {
      operation.requestBody = {
        required: true,
        content: { 'application/json': { schema: collector.convert(route.body, 'input') } },
      };
    }
    paths[route.path] ??= {};
    paths[route.path]![route.method.toLowerCase()] = operation;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Enterprise–Society Collaborative Innovation Programme API (企会协作创新计划)',
      version: pkg.version,
      description:
        'Alliances of enterprises and scientific societies apply, are screened, reviewed, selected within the budget, publicly announced, funded and inspected. Errors: {"error": {"code", "message", "details"}}, in Chinese or English by Accept-Language.',
    },
    servers: [{ url: '/' }],
    components: {
      parameters: {
        IdempotencyKey: {
          name: 'Idempotency-Key',
          in: 'header',
          required: false,
          description:
            'Makes a mutation safe to retry: the first response (2xx or 4xx) is kept 24 h for this caller, route and path and replayed with `idempotent-replayed: true`; the same key with another body → 422 idempotency_key_reused; while the first is running → 409 idempotency_in_progress.',
          schema: { type: 'string', minLength: 1, maxLength: 128, pattern: '^[\\x21-\\x7E]{1,128}$' },
        },
      },
      securitySchemes: {
        cognito: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description:
            `A Cognito ID or access token of the staff user pool (MFA required; roles ${STAFF_ROLES}) or the ` +
            "applicant user pool (role applicant); roles are the user's groups, each honoured only from its own pool",
        },
      },
      schemas: Object.fromEntries(
        Object.entries(collector.components).sort(([a], [b]) => a.localeCompare(b)),
      ),
    },
    paths,
  };
}
