/**
 * The OpenAPI 3.1 document, generated from the route table and its zod schemas (zod's own JSON
 * Schema output, which is the 2020-12 dialect OpenAPI 3.1 uses). Served at GET /v1/openapi.json
 * and committed as openapi.json (a test keeps the two in sync).
 */
import * as z from 'zod';
import pkg from '../../package.json' with { type: 'json' };
import { ErrorSchema } from './common.ts';
import { requestExamples } from './openapi-examples.ts';
import { routeErrors } from './route-errors.ts';
import { type RouteDef, roles, routes } from './routes.ts';

type JsonSchema = Record<string, unknown>;

/** Every role but the applicant's is a staff role (shared/http/auth.ts: the staff user pool). */
const STAFF_ROLES = roles.filter((r) => r !== 'applicant').join(', ');

/** Every tag of the route table, described (the document's top-level `tags`). */
export const TAG_DESCRIPTIONS: Record<string, string> = {
  system: 'Health, readiness and this document',
  rounds:
    'Funding rounds (申报批次): budget, caps, window, rubric; the programme office opens and closes them',
  pipeline:
    "A round's pipeline (the Step Functions execution): its stages, history and a retry after a failure",
  organisations: 'Enterprises and scientific societies (单位), the caller themself and their preferences',
  pairing: 'Free pairing: needs of enterprises, capabilities of societies, interests and suggested partners',
  alliances: 'Alliances (联盟) of an enterprise and a society: drafting, members, eligibility, submission',
  documents: "An alliance's documents: presigned uploads, verification of what was uploaded",
  awards: 'The award of a funded alliance',
  screening: 'Admin screening of the submitted alliances (formal review)',
  review: 'Expert review: reviewers, assignments, scores, conflicts of interest',
  selection: 'Ranking, the budget-constrained selection and its approval; supplementary selection',
  objections: 'Objections to the public notice, and how the programme office resolves them',
  'public notice': 'The published notice of a round and the objections anyone may file (no sign-in)',
  implementation: "A funded alliance's implementation plan, its versions and the closure",
  ledger: 'The dedicated-account ledger (专账管理): expenses, reversals, reallocations, CSV export',
  reports: 'Progress and final reports of funded alliances',
  notifications: "The caller's notifications",
  inspections: 'Irregular inspections: inspectors, random draws, findings',
};

/** The JSON body API Gateway itself answers with (authorizer refusal, stage throttling). */
const GATEWAY_MESSAGE = {
  type: 'object',
  required: ['message'],
  properties: { message: { type: 'string', examples: ['Unauthorized'] } },
  description: 'Answered by API Gateway itself, before any function runs',
} as const;

type ErrorBody = 'error' | 'gateway' | 'either';
interface ErrorResponse {
  status: number;
  codes: string[];
  text: string;
  body: ErrorBody;
}

/**
 * The error statuses an operation really answers with: those of the HTTP adapter
 * (shared/http/handler.ts: validation, sign-in, roles, body size and type, idempotency), of the
 * gateway and the edge (authorizer, throttling, the CloudFront origin check), and the domain
 * errors its use cases can raise (shared/api/route-errors.ts, derived from the call graph).
 * No route reads If-Match (versions travel in the body), so there is no 412/428.
 */
export function errorResponses(route: RouteDef): ErrorResponse[] {
  const raised = new Set<string>(routeErrors[route.operationId] ?? []);
  const mutation = route.method !== 'GET';
  const signedIn = route.auth !== 'public';
  const has = (code: string, when = false) => (when || raised.has(code) ? [code] : []);
  const out: ErrorResponse[] = [
    {
      status: 400,
      codes: [
        ...has('validation_failed', Boolean(route.params || route.query || route.body)),
        ...(route.body ? ['malformed_json'] : []),
      ],
      text: 'Invalid request: the failing fields are in error.details (path, code, message)',
      body: 'error',
    },
    {
      status: 401,
      codes: signedIn ? ['Unauthorized'] : [],
      text: 'No valid bearer token: answered by API Gateway from the Lambda authorizer as {"message":"Unauthorized"}',
      body: 'gateway',
    },
    {
      status: 403,
      codes: [...has('forbidden', signedIn), 'origin_not_allowed'],
      text: "The caller's role may not do this (forbidden), or the call skipped the CloudFront front door (origin_not_allowed)",
      body: 'error',
    },
    { status: 404, codes: has('not_found'), text: 'Not found: error.message names what', body: 'error' },
    {
      status: 409,
      codes: [
        ...has('version_conflict'),
        ...has('conflict'),
        ...(mutation ? ['idempotency_in_progress'] : []),
      ],
      text: 'Conflict: a stale version (reload and retry), the record is in another state, or the same Idempotency-Key is still running',
      body: 'error',
    },
    {
      status: 413,
      codes: has('payload_too_large', Boolean(route.body)),
      text: `Body too large (limit ${route.maxBodyBytes ?? 256 * 1024} bytes)`,
      body: 'error',
    },
    {
      status: 415,
      codes: route.body ? ['unsupported_media_type'] : [],
      text: 'Body is not JSON (Content-Type: application/json)',
      body: 'error',
    },
    {
      status: 422,
      codes: [...has('rule_violation'), ...(mutation ? ['idempotency_key_reused'] : [])],
      text: 'A programme rule is not met (the rule ids and reasons are in error.details), or an Idempotency-Key was reused with another body',
      body: 'error',
    },
    {
      status: 429,
      codes: ['too_many_requests'],
      text:
        route.auth === 'public'
          ? 'Throttled: by the WAF (per client address, error shape) or the stage and this public route ({"message":"Too Many Requests"})'
          : 'Throttled: by the WAF (per client address, error shape) or the stage ({"message":"Too Many Requests"})',
      body: 'either',
    },
    { status: 500, codes: ['internal'], text: 'Internal error (logged with the request id)', body: 'error' },
    {
      status: 503,
      codes: has('unavailable', mutation),
      text: 'A dependency is unavailable (retry later)',
      body: 'error',
    },
  ];
  return out.filter((r) => r.codes.length > 0);
}

/** The operation's description: what it does, who may call it, how to retry it. */
function describe(route: RouteDef): string {
  const who =
    route.auth === 'public'
      ? 'No sign-in (public); throttled harder than the signed-in routes.'
      : `Roles: ${route.auth.join(', ')}${route.auth.some((r) => r !== 'applicant') ? ' (a staff role only from a staff-pool token)' : ''}.`;
  const retry =
    route.method === 'GET'
      ? ''
      : ' Safe to retry with the same Idempotency-Key (the first answer is replayed).';
  return `${route.description ?? route.summary}.\n\n${who}${retry}`;
}

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
  collector.components.GatewayMessage = { ...GATEWAY_MESSAGE };
  const gatewayRef = { $ref: '#/components/schemas/GatewayMessage' };
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
    for (const { status, codes, text, body } of errorResponses(route)) {
      const schema =
        body === 'error' ? errorRef : body === 'gateway' ? gatewayRef : { oneOf: [errorRef, gatewayRef] };
      responses[String(status)] ??= {
        description: `${text}. Codes: ${codes.join(', ')}`,
        ...(status === 429
          ? {
              headers: {
                'Retry-After': {
                  description: 'Seconds to wait (from the WAF, and where a limit says when it lifts)',
                  schema: { type: 'integer' },
                },
              },
            }
          : {}),
        content: { 'application/json': { schema } },
      };
    }
    const operation: JsonSchema = {
      operationId: route.operationId,
      summary: route.summary,
      description: describe(route),
      tags: [route.tag],
      parameters: parameters(route, collector),
      responses,
      security: route.auth === 'public' ? [] : [{ cognito: [] }],
      ...(route.auth === 'public' ? {} : { 'x-roles': route.auth }),
    };
    if (route.body) {
      const body = collector.convert(route.body, 'input');
      operation.requestBody = {
        required: true,
        content: {
          'application/json': {
            schema: body,
            examples: requestExamples(route.operationId, body, collector.components),
          },
          ...(route.formBody ? { 'application/x-www-form-urlencoded': { schema: body } } : {}),
        },
      };
    }
    // A form post is answered with a page: the receipt, or what was wrong (any error status).
    if (route.formBody) {
      for (const response of Object.values(responses)) {
        response.content = { ...(response.content as object), 'text/html': { schema: { type: 'string' } } };
        if (!response.description || response.description === 'Success') {
          response.description = 'Success (JSON; an HTML receipt page when the body was a form post)';
        }
      }
    }
    paths[route.path] ??= {};
    paths[route.path]![route.method.toLowerCase()] = operation;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Enterprise–Society Collaborative Innovation Programme API (企会协作创新计划)',
      version: pkg.version,
      license: { name: 'UNLICENSED: proprietary to the programme office' },
      description:
        'Alliances of enterprises and scientific societies apply, are screened, reviewed, selected within the budget, publicly announced, funded and inspected. Errors: {"error": {"code", "message", "details"}}, in Chinese or English by Accept-Language.',
    },
    servers: [{ url: '/' }],
    tags: [...new Set((routes as readonly RouteDef[]).map((r) => r.tag))].map((name) => ({
      name,
      description: TAG_DESCRIPTIONS[name] ?? name,
    })),
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
