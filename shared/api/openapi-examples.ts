/**
 * An example for every request body of the OpenAPI document: the files in examples/ (the README's
 * curl flow sends them) where there is one, else one built from the body's JSON Schema (required
 * properties only, the first of every choice, values inside every bound), with a hand-written body
 * where a rule of the schema (a sum, a checksum, an ordering) needs one. test/unit/api/openapi-lint
 * checks that every example is valid against the route's own zod schema.
 */
import alliance from '../../examples/alliance.json' with { type: 'json' };
import enterprise from '../../examples/enterprise.json' with { type: 'json' };
import round from '../../examples/round.json' with { type: 'json' };
import society from '../../examples/society.json' with { type: 'json' };

type JsonSchema = Record<string, unknown>;

export interface NamedExample {
  readonly summary: string;
  readonly value: unknown;
}

/** Bodies taken from examples/ (the same ones the README's curl flow posts). */
const FILE_EXAMPLES: Record<string, Record<string, NamedExample>> = {
  createRound: { round: { summary: 'A round (examples/round.json)', value: round } },
  createOrganisation: {
    enterprise: { summary: 'An enterprise (examples/enterprise.json)', value: enterprise },
    society: { summary: 'A scientific society (examples/society.json)', value: society },
  },
  createAlliance: { alliance: { summary: 'An alliance (examples/alliance.json)', value: alliance } },
};

/** Bodies a schema walk cannot produce (rules across fields), by operation id. */
const HAND_WRITTEN: Record<string, unknown> = {
  updateRound: { ...round, version: 1 },
  updateOrganisation: { ...enterprise, version: 1 },
  reallocateLedger: {
    fromLineId: 'equipment',
    toLineId: 'personnel',
    amount: 20000,
    reason: '设备采购价格下降，结余调入人员费 / equipment came in under budget',
  },
};

const DATE = '2027-03-01';
const DATE_TIME = '2027-03-01T09:00:00+08:00';

/** Strings for the patterns the schemas use (a pattern walk would be guesswork). */
const PATTERN_SAMPLES = ['r-2027-01', 'ABC123', '91420100MA4K1234XA', 'a', '1', 'A', 'example'];

function stringSample(schema: JsonSchema, name: string): string {
  if (schema.format === 'date') return DATE;
  if (schema.format === 'date-time') return DATE_TIME;
  if (schema.format === 'email') return 'contact@example.cn';
  if (schema.format === 'uri' || schema.format === 'url') return 'https://example.cn/';
  if (schema.format === 'uuid') return '0b9d6f9e-3c1e-4f7a-9a53-2f1b6f7f2a10';
  const min = typeof schema.minLength === 'number' ? schema.minLength : 0;
  const max = typeof schema.maxLength === 'number' ? schema.maxLength : Number.POSITIVE_INFINITY;
  const fitTo = (s: string) => {
    let out = s;
    while (out.length < min) out += s;
    return out.slice(0, Math.max(min, Math.min(out.length, max)));
  };
  if (typeof schema.pattern === 'string') {
    const re = new RegExp(schema.pattern, 'u');
    for (const candidate of PATTERN_SAMPLES) if (re.test(fitTo(candidate))) return fitTo(candidate);
  }
  if (/id$/i.test(name)) return fitTo('r-2027-01');
  return fitTo(name ? `${name} 示例` : '示例');
}

function numberSample(schema: JsonSchema): number {
  const integer = schema.type === 'integer';
  const lo =
    typeof schema.minimum === 'number'
      ? schema.minimum
      : typeof schema.exclusiveMinimum === 'number'
        ? schema.exclusiveMinimum + (integer ? 1 : 0.5)
        : undefined;
  const hi = typeof schema.maximum === 'number' ? schema.maximum : undefined;
  let n = lo ?? 1;
  if (lo === undefined && hi !== undefined && hi < n) n = hi;
  if (lo !== undefined && lo < 1 && (hi === undefined || hi >= 1)) n = 1;
  return integer ? Math.ceil(n) : n;
}

/** A value valid for `schema` as far as JSON Schema says (refinements aside). */
export function sampleOf(
  schema: JsonSchema,
  components: Record<string, JsonSchema>,
  name = '',
  depth = 0,
): unknown {
  if (depth > 12) return undefined;
  if ('$ref' in schema && typeof schema.$ref === 'string') {
    const target = components[schema.$ref.replace('#/components/schemas/', '')];
    return target ? sampleOf(target, components, name, depth + 1) : undefined;
  }
  if ('examples' in schema && Array.isArray(schema.examples) && schema.examples.length)
    return schema.examples[0];
  if ('default' in schema) return schema.default;
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  for (const key of ['anyOf', 'oneOf'] as const) {
    const choices = schema[key];
    if (Array.isArray(choices)) {
      const first = (choices as JsonSchema[]).find((c) => c.type !== 'null') ?? choices[0];
      return sampleOf(first as JsonSchema, components, name, depth + 1);
    }
  }
  if (Array.isArray(schema.allOf)) {
    return Object.assign(
      {},
      ...(schema.allOf as JsonSchema[]).map((s) => sampleOf(s, components, name, depth + 1)),
    );
  }
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
      const required = new Set((schema.required ?? []) as string[]);
      const out: Record<string, unknown> = {};
      for (const [key, property] of Object.entries(properties)) {
        if (required.has(key)) out[key] = sampleOf(property, components, key, depth + 1);
      }
      return out;
    }
    case 'array': {
      const items = (schema.items ?? {}) as JsonSchema;
      const count = Math.max(typeof schema.minItems === 'number' ? schema.minItems : 1, 1);
      const limit = typeof schema.maxItems === 'number' ? schema.maxItems : count;
      return Array.from({ length: Math.min(count, limit) }, () =>
        sampleOf(items, components, name, depth + 1),
      );
    }
    case 'string':
      return stringSample(schema, name);
    case 'integer':
    case 'number':
      return numberSample(schema);
    case 'boolean':
      return true;
    default:
      return {};
  }
}

/** The examples of an operation's request body (OpenAPI `examples`). */
export function requestExamples(
  operationId: string,
  schema: JsonSchema,
  components: Record<string, JsonSchema>,
): Record<string, NamedExample> {
  const files = FILE_EXAMPLES[operationId];
  if (files) return files;
  if (operationId in HAND_WRITTEN)
    return { example: { summary: 'A valid body', value: HAND_WRITTEN[operationId] } };
  return { example: { summary: 'A valid body (required fields)', value: sampleOf(schema, components) } };
}
