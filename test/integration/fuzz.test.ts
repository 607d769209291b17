/**
 * Generated bad input over every route of the route table (issue #11), on the authorization world
 * (authz-world.ts), starting from each route's valid request (authz-cases.ts) sent by a caller it
 * admits, so the input reaches validation and the operation: arbitrary JSON bodies and
 * schema-aware mutations of the valid one (a field dropped, a wrong type, an unknown field, huge
 * strings, bidi and control characters and lone surrogates, NaN-like and out-of-range number
 * literals, deep nesting), path parameters that are not ids, junk query parameters, malformed JSON,
 * wrong content types, bodies over the route's limit, forged bearer tokens. Each input: never a
 * 5xx; every error in the documented shape (or API Gateway's own, for what it answers before any
 * handler); and a rejected write changes none of the world's records.
 *
 * About 1,000 inputs by default, ≥ 10,000 with `FULL=1`, spread evenly over the routes. Seeded:
 * the seed is printed, and `FUZZ_SEED=<seed>` reruns the same inputs (`FUZZ_ROUTE=<operationId>`
 * narrows to one route). bad-input.test.ts keeps the hand-written cases (field paths, languages,
 * the 10 MB API Gateway limit); this suite is about volume and variety.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { type RouteDef, routes } from '../../shared/api/routes.ts';
import { DEFAULT_MAX_BODY_BYTES } from '../../shared/http/handler.ts';
import { admits, cases, pathOf } from './authz-cases.ts';
import { buildWorld, type PrincipalName, principals, type World, worldDigest } from './authz-world.ts';
import { api } from './client.ts';

const FULL = process.env.FULL === '1';
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Math.floor(Math.random() * 2 ** 31);
const table = (routes as readonly RouteDef[]).filter(
  (r) => !process.env.FUZZ_ROUTE || r.operationId === process.env.FUZZ_ROUTE,
);
const PER_ROUTE = Math.ceil((FULL ? 10_000 : 1_000) / (routes as readonly RouteDef[]).length);

// --- generators ------------------------------------------------------------------------------------

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Strings that have broken parsers, renderers and stores before. */
const nastyString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(
    '\u202Egnp.exe',
    '名称\u2066隐藏\u2069',
    '\u200E\u200F\u061C',
    '\u0000',
    '\u0007\u001b[31m',
    '\ud800',
    '\udfff\ud800',
    '\uFEFF',
    '\u2028\u2029',
    '../../etc/passwd',
    '<script>alert(1)</script>',
    "'; DROP TABLE x; --",
    '=HYPERLINK("http://x")',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a template injection probe, on purpose
    '${7*7}{{7*7}}',
    'A'.repeat(65),
    ' ',
    '',
    '🙂'.repeat(50),
    'null',
    '0',
    '-1',
  ),
);

/** Number literals JSON.stringify cannot write: spliced into the text raw. */
const rawNumber = fc.constantFrom(
  'NaN',
  'Infinity',
  '-Infinity',
  '1e400',
  '-1e400',
  '1e-400',
  '-0',
  '9007199254740993',
  '0x10',
  '.5',
  '01',
  '1.',
  '+1',
);

const anyJson: fc.Arbitrary<Json> = fc.jsonValue({ maxDepth: 4 }) as fc.Arbitrary<Json>;
const wrongValue: fc.Arbitrary<Json> = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  nastyString,
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 3 }),
);

/** Every path to a leaf or node of a JSON value (arrays by index). */
function pathsOf(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = prefix.length > 0 ? [prefix] : [];
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) out.push(...pathsOf(v, [...prefix, i]));
  } else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) out.push(...pathsOf(v, [...prefix, k]));
  return out;
}

const clone = <T>(v: T): T => structuredClone(v);

/** Sets (or, with `remove`, deletes) the value at `path`; the root when the path is empty. */
function setAt(root: Json, path: (string | number)[], value: Json | undefined): Json {
  if (path.length === 0) return value ?? null;
  const copy = clone(root);
  let node = copy as Record<string | number, Json>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, Json>;
  const last = path.at(-1)!;
  if (value === undefined) {
    if (Array.isArray(node)) node.splice(Number(last), 1);
    else delete node[last];
  } else node[last] = value;
  return copy;
}

const nested = (depth: number): string => `${'['.repeat(depth)}1${']'.repeat(depth)}`;

/** One generated request, as sent. */
interface Input {
  kind: string;
  caller: PrincipalName;
  path: string;
  /** Body text (already serialized), or none. */
  raw?: string;
  contentType?: string;
  authorization?: string;
}

/** A placeholder a raw literal replaces in the serialized body. */
const RAW = '__fuzz_raw__';

function inputs(w: World, route: RouteDef): fc.Arbitrary<Input> {
  const c = cases[route.operationId]!;
  // Callers the route admits (so the input reaches validation); sometimes any caller at all.
  const admitted = principals.filter((p) => p !== 'anonymous' && admits(route, p));
  const callers = admitted.length > 0 ? admitted : (['member'] as PrincipalName[]);
  const caller = fc.oneof(
    { weight: 9, arbitrary: fc.constantFrom(...callers) },
    { weight: 1, arbitrary: fc.constantFrom(...principals) },
  );
  const base = (p: PrincipalName) => c.call(w, p);
  const hasBody = route.method !== 'GET';
  const limit = route.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const names = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  const queryNames = route.query ? Object.keys(route.query.shape) : [];

  const send = (p: PrincipalName, extra: Partial<Input> & { kind: string }, body?: Json, raw?: string) => {
    const call = base(p);
    const text =
      raw ??
      (body !== undefined
        ? JSON.stringify(body)
        : call.body !== undefined
          ? JSON.stringify(call.body)
          : undefined);
    return {
      caller: p,
      path: pathOf(route, call.params, call.query),
      ...(hasBody && text !== undefined ? { raw: text, contentType: 'application/json' } : {}),
      ...extra,
    } as Input;
  };
  const validBody = (p: PrincipalName) => (base(p).body ?? {}) as Json;

  const mutations: fc.Arbitrary<Input>[] = [
    // Path parameters that are not ids (encoded, so the route still matches).
    ...(names.length > 0
      ? [
          fc
            .tuple(
              caller,
              fc.constantFrom(...names),
              fc.oneof(nastyString, fc.string({ minLength: 65, maxLength: 400 })),
            )
            .map(([p, name, junk]) => {
              const call = base(p);
              return send(p, {
                kind: 'path-param',
                path: pathOf(route, { ...call.params, [name]: junk || '%' }, call.query),
              });
            }),
          // A raw, malformed %-escape in a segment.
          fc.tuple(caller, fc.constantFrom(...names)).map(([p, name]) => {
            const call = base(p);
            const path = pathOf(route, { ...call.params, [name]: 'PLACEHOLDER' }, call.query).replace(
              'PLACEHOLDER',
              '%E0%A4%A',
            );
            return send(p, { kind: 'malformed-escape', path });
          }),
        ]
      : []),
    // Junk query parameters: the declared ones with junk values, unknown ones, repeated ones.
    fc
      .tuple(
        caller,
        fc.constantFrom(...queryNames, 'limit', 'cursor', 'x', ''),
        fc.oneof(nastyString, fc.constantFrom('-1', '0', '1e9', 'abc', '1.5', '%', 'true', '[]', 'ey==')),
        fc.boolean(),
      )
      .map(([p, name, value, repeat]) => {
        const call = base(p);
        const qs = new URLSearchParams(call.query ?? {});
        qs.append(name, value);
        if (repeat) qs.append(name, value);
        const path = `${pathOf(route, call.params)}?${qs.toString()}`;
        return send(p, { kind: 'query', path });
      }),
    // A forged or malformed bearer token.
    fc
      .tuple(
        caller,
        fc.constantFrom(
          'Bearer ',
          'Bearer x',
          'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.',
          'Basic YWRtaW46YWRtaW4=',
          'Bearer a.b.c',
        ),
      )
      .map(([p, authorization]) => send(p, { kind: 'bad-token', authorization })),
  ];

  if (hasBody) {
    mutations.push(
      fc.tuple(caller, anyJson).map(([p, body]) => send(p, { kind: 'arbitrary-json' }, body)),
      // Schema-aware: a field dropped (never dryRun: a draw without it is recorded, not dry).
      fc.tuple(caller, fc.nat()).map(([p, n]) => {
        const body = validBody(p);
        const paths = pathsOf(body).filter((x) => x.at(-1) !== 'dryRun');
        if (paths.length === 0) return send(p, { kind: 'drop-field' }, null);
        return send(p, { kind: 'drop-field' }, setAt(body, paths[n % paths.length]!, undefined));
      }),
      fc.tuple(caller, fc.nat(), wrongValue).map(([p, n, value]) => {
        const body = validBody(p);
        const paths = pathsOf(body);
        return send(
          p,
          { kind: 'wrong-type' },
          setAt(body, paths[n % Math.max(paths.length, 1)] ?? [], value),
        );
      }),
      fc
        .tuple(caller, fc.nat(), fc.string({ minLength: 1, maxLength: 12 }), wrongValue)
        .map(([p, n, key, value]) => {
          const body = validBody(p);
          const objects = [[], ...pathsOf(body)].filter((x) => {
            let node: unknown = body;
            for (const k of x) node = (node as Record<string, unknown>)[k];
            return node !== null && typeof node === 'object' && !Array.isArray(node);
          });
          const at = objects[n % objects.length] ?? [];
          return send(p, { kind: 'extra-field' }, setAt(body, [...at, `${key}_x`], value));
        }),
      fc
        .tuple(caller, fc.nat(), fc.integer({ min: 1_000, max: 60_000 }), nastyString)
        .map(([p, n, size, s]) => {
          const body = validBody(p);
          const paths = pathsOf(body);
          const filler = (s || 'x').repeat(Math.ceil(size / Math.max((s || 'x').length, 1))).slice(0, size);
          return send(
            p,
            { kind: 'huge-string' },
            setAt(body, paths[n % Math.max(paths.length, 1)] ?? [], filler),
          );
        }),
      fc.tuple(caller, fc.nat(), nastyString).map(([p, n, s]) => {
        const body = validBody(p);
        const strings = pathsOf(body).filter((x) => {
          let node: unknown = body;
          for (const k of x) node = (node as Record<string, unknown>)[k];
          return typeof node === 'string';
        });
        const at = strings[n % Math.max(strings.length, 1)] ?? [];
        return send(p, { kind: 'unicode' }, setAt(body, at, s));
      }),
      fc.tuple(caller, fc.nat(), rawNumber).map(([p, n, literal]) => {
        const body = validBody(p);
        const paths = pathsOf(body);
        const text = JSON.stringify(setAt(body, paths[n % Math.max(paths.length, 1)] ?? [], RAW));
        return send(p, { kind: 'nan-number' }, undefined, text.replace(`"${RAW}"`, literal));
      }),
      fc.tuple(caller, fc.nat(), fc.integer({ min: 50, max: 20_000 })).map(([p, n, depth]) => {
        const body = validBody(p);
        const paths = pathsOf(body);
        const text = JSON.stringify(setAt(body, paths[n % Math.max(paths.length, 1)] ?? [], RAW));
        return send(p, { kind: 'deep-nesting' }, undefined, text.replace(`"${RAW}"`, nested(depth)));
      }),
      fc
        .tuple(
          caller,
          fc.oneof(
            fc.nat().map((n) => ({ cut: n })),
            fc.constantFrom('{', '}', '{"a":', '[1,]', "{'a':1}", '\uFEFF{}', '{}garbage', 'undefined', ''),
          ),
        )
        .map(([p, bad]) => {
          const text = JSON.stringify(validBody(p));
          const raw = typeof bad === 'string' ? bad : text.slice(0, Math.max(1, bad.cut % text.length));
          return send(p, { kind: 'malformed-json' }, undefined, raw);
        }),
      fc
        .tuple(
          caller,
          fc.constantFrom(
            'text/plain',
            'application/xml',
            'application/x-www-form-urlencoded',
            'multipart/form-data; boundary=x',
            'application/json; charset=latin1',
            'application/json-patch+json',
            'application/vnd.api+json',
            'APPLICATION/JSON',
            '',
          ),
        )
        .map(([p, contentType]) => send(p, { kind: 'content-type', contentType })),
      fc.tuple(caller, fc.integer({ min: 1, max: 64 * 1024 })).map(([p, over]) => {
        const text = JSON.stringify({ ...(validBody(p) as object), pad: 'x'.repeat(limit + over) });
        return send(p, { kind: 'oversized' }, undefined, text);
      }),
    );
  }
  return fc.oneof(...mutations);
}

/** The reasons an answer breaks the rules, or none. */
function problemsOf(
  res: { status: number; text: string; body: any; headers: Headers },
  route: RouteDef,
  contentType: string | undefined,
): string[] {
  if (res.status >= 500) return [`a ${res.status}`];
  if (res.status < 400) return [];
  // A route taking a plain HTML form (the notice page's objection form, no JavaScript) answers a
  // form post with an HTML page naming each bad field: the documented shape for that caller.
  if (route.formBody && contentType?.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
    const html =
      res.headers.get('content-type')?.startsWith('text/html') && res.text.startsWith('<!DOCTYPE html>');
    return html && res.status === 400 ? [] : [`a ${res.status} form answer that is not the HTML error page`];
  }
  // What API Gateway (and the local stack standing in for it) answers before any handler.
  const gateway = [
    '{"message":"Unauthorized"}',
    '{"message":"Forbidden"}',
    '{"message":"Request Entity Too Large"}',
  ];
  if (gateway.includes(res.text)) return [];
  const e = res.body?.error;
  if (typeof e?.code === 'string' && typeof e?.message === 'string' && Array.isArray(e?.details)) return [];
  return [`a ${res.status} not in the error shape`];
}

describe(`fuzzing every route (seed ${SEED}, ${FULL ? 'FULL' : 'default'})`, () => {
  let w: World;
  const statuses: Record<string, number> = {};
  const kinds: Record<string, number> = {};
  let total = 0;
  let fivexx = 0;
  let checkedWrites = 0;
  const started = performance.now();
  /** When the inputs began (after the world was built). */
  let fuzzing = started;

  beforeAll(async () => {
    w = await buildWorld();
    fuzzing = performance.now();
    console.log(`fuzz: world built in ${((fuzzing - started) / 1000).toFixed(1)} s`);
    console.log(
      `fuzz: seed ${SEED} (rerun: FUZZ_SEED=${SEED}${FULL ? ' FULL=1' : ''} npx vitest run --project integration test/integration/fuzz.test.ts)`,
    );
  }, 240_000);

  it.each(table.map((r) => [r.operationId, r, (routes as readonly RouteDef[]).indexOf(r)] as const))(
    '%s: no 5xx, errors in the documented shape, rejected writes change nothing',
    async (_, route, index) => {
      const write = route.method !== 'GET';
      let before = write ? await worldDigest(w) : undefined;
      await fc.assert(
        fc.asyncProperty(inputs(w, route), async (input) => {
          const headers: Record<string, string> = {};
          if (input.contentType !== undefined) headers['content-type'] = input.contentType;
          const token = input.caller === 'anonymous' ? undefined : w.tokens[input.caller];
          if (input.authorization !== undefined) headers.authorization = input.authorization;
          const res = await api(route.method, input.path, {
            ...(token && input.authorization === undefined ? { token } : {}),
            ...(input.raw !== undefined ? { rawBody: input.raw } : {}),
            headers,
          });
          total++;
          kinds[input.kind] = (kinds[input.kind] ?? 0) + 1;
          statuses[res.status] = (statuses[res.status] ?? 0) + 1;
          if (res.status >= 500) fivexx++;
          const what = `${route.operationId} ${input.kind} as ${input.caller}: ${route.method} ${input.path.slice(0, 300)} ${String(input.raw ?? '').slice(0, 300)} → ${res.status} ${res.text.slice(0, 300)}`;
          expect(problemsOf(res, route, input.contentType), what).toEqual([]);
          if (!write) return;
          const after = await worldDigest(w);
          if (res.status >= 300) {
            checkedWrites++;
            const changed = Object.keys(after).filter((pk) => after[pk] !== before![pk]);
            expect(changed, `rejected but changed: ${what}`).toEqual([]);
          }
          before = after;
        }),
        // Each route's inputs from its own seed (by its index in the whole table), so FUZZ_ROUTE
        // reruns exactly the inputs that route got in a full run with the same FUZZ_SEED.
        { seed: SEED + index, numRuns: PER_ROUTE, endOnFailure: true },
      );
    },
    FULL ? 600_000 : 120_000,
  );

  it('reports the figures', () => {
    const seconds = ((performance.now() - fuzzing) / 1000).toFixed(1);
    console.log(
      `fuzz: ${total} inputs over ${table.length} routes (${PER_ROUTE} each), ${fivexx} × 5xx, ${checkedWrites} rejected writes checked unchanged, ${seconds} s; statuses ${JSON.stringify(statuses)}; kinds ${JSON.stringify(kinds)}`,
    );
    expect(fivexx).toBe(0);
    expect(total).toBe(table.length * PER_ROUTE);
  });
});
