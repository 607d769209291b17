/**
 * The authorization matrix (issue #11), generated from the route table: every route × every kind
 * of caller (anonymous; each role; a member of the alliance and an outsider; the assigned reviewer
 * and inspector and unassigned ones) → the expected status, over HTTP on the local stack. The
 * expectation is derived from the route's `auth` (anonymous 401, a role it does not admit 403) and
 * the ownership rules of authz-cases.ts for the callers it admits. A route with no case there fails
 * the first test with its name. Every refused write (any status but 2xx) is checked to have changed
 * none of the world's records; every refusal comes in the documented error shape.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type RouteDef, routes } from '../../shared/api/routes.ts';
import { callAs, cases, expectedStatus } from './authz-cases.ts';
import { buildWorld, type PrincipalName, principals, type World, worldDigest } from './authz-world.ts';

const table = routes as readonly RouteDef[];

/** Roles whose access to a route with a path parameter depends on a relationship, and the two callers that show it. */
const related: Record<string, [PrincipalName, PrincipalName]> = {
  applicant: ['member', 'outsider'],
  reviewer: ['assignedReviewer', 'reviewer'],
  inspector: ['assignedInspector', 'inspector'],
};

/** What is missing from the cases: routes without one, admitted callers without a status, stale cases. */
function planProblems(): string[] {
  const problems: string[] = [];
  const ids = new Set(table.map((r) => r.operationId));
  for (const name of Object.keys(cases)) {
    if (!ids.has(name)) problems.push(`${name}: a case for a route that is not in the table`);
  }
  for (const route of table) {
    const c = cases[route.operationId];
    if (!c) {
      problems.push(
        `${route.operationId} (${route.method} ${route.path}): no case in test/integration/authz-cases.ts — say how to call it and who may`,
      );
      continue;
    }
    const hasPathParameter = route.path.includes('{');
    if (hasPathParameter && route.auth !== 'public') {
      for (const role of route.auth) {
        for (const p of related[role] ?? []) {
          if (c.expect[p] === undefined)
            problems.push(
              `${route.operationId}: has a path parameter and admits ${role}s: its case must say what '${p}' gets (ownership rule)`,
            );
        }
      }
    }
    for (const p of principals) {
      if (expectedStatus(route, c, p) === undefined)
        problems.push(`${route.operationId}: no expected status for '${p}'`);
    }
  }
  return problems;
}

const short: Record<PrincipalName, string> = {
  anonymous: 'anon',
  outsider: 'outs',
  reviewer: 'rev',
  assignedReviewer: 'aRev',
  inspector: 'insp',
  assignedInspector: 'aIns',
  office: 'offc',
  member: 'memb',
  admin: 'admn',
};

describe('the authorization matrix', () => {
  let w: World;

  beforeAll(async () => {
    const started = performance.now();
    w = await buildWorld();
    console.log(`authorization world built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }, 240_000);

  it('has a case for every route of the table, with an ownership rule wherever access depends on a relationship', () => {
    expect(planProblems()).toEqual([]);
  });

  it('gives every route × caller its expected status; refused writes change nothing; refusals in the documented shape', async () => {
    const started = performance.now();
    const mismatches: string[] = [];
    const rows: string[] = [];
    let count = 0;
    let refusedWrites = 0;
    for (const route of table) {
      const c = cases[route.operationId];
      if (!c) continue; // reported by the first test
      const write = route.method !== 'GET';
      let before = write ? await worldDigest(w) : undefined;
      const cells: string[] = [];
      for (const p of principals) {
        const want = expectedStatus(route, c, p);
        const res = await callAs(w, route, p);
        count++;
        const ok = res.status === want;
        cells.push(`${String(res.status).padStart(4)}${ok ? ' ' : '!'}`);
        if (!ok) {
          mismatches.push(
            `${route.operationId} as ${p}: ${res.status}, expected ${want} — ${res.text.slice(0, 200)}`,
          );
        }
        if (res.status === 401) {
          // API Gateway's JWT authorizer answers before any handler, in its own fixed shape (an HTTP
          // API cannot change it; local/api-server.ts does the same).
          if (res.text !== '{"message":"Unauthorized"}')
            mismatches.push(`${route.operationId} as ${p}: 401 not API Gateway's: ${res.text}`);
        } else if (res.status >= 400) {
          const error = res.body?.error;
          if (
            typeof error?.code !== 'string' ||
            typeof error?.message !== 'string' ||
            !Array.isArray(error?.details)
          ) {
            mismatches.push(
              `${route.operationId} as ${p}: ${res.status} not in the error shape: ${res.text}`,
            );
          }
        }
        if (!write) continue;
        const after = await worldDigest(w);
        if (res.status < 200 || res.status >= 300) {
          refusedWrites++;
          const changed = Object.keys(after).filter((pk) => after[pk] !== before![pk]);
          if (changed.length > 0)
            mismatches.push(
              `${route.operationId} as ${p}: refused (${res.status}) but changed ${changed.join(', ')}`,
            );
        }
        before = after;
      }
      rows.push(`${route.operationId.padEnd(28)}${cells.join('')}`);
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const known = Object.entries(cases).filter(([, c]) => c.knownIssue);
    console.log(
      [
        `authorization matrix: ${table.length} routes × ${principals.length} callers = ${count} cases, ${refusedWrites} refused writes checked unchanged, ${mismatches.length} mismatches, ${seconds} s`,
        `${''.padEnd(28)}${principals.map((p) => short[p].padStart(4)).join(' ')}`,
        ...rows,
        ...known.flatMap(([id, c], i) => [
          ...(i === 0 ? ['known issues (statuses that look wrong, reported):'] : []),
          `  ${id}: ${c.knownIssue}`,
        ]),
      ].join('\n'),
    );
    expect(count).toBe(table.length * principals.length);
    expect(mismatches).toEqual([]);
  }, 600_000);
});
