/**
 * `npm run users -- <command>`: getting people in. Staff (admin, reviewer, inspector,
 * inspection-office) are invited into the staff user pool (no self sign-up there), applicants into
 * the applicant pool; Cognito e-mails each a temporary password (the pool's invitation template).
 *
 *   invite --role <role> --email <e-mail> --name <name> [--round <roundId>] [--expertise a,b]
 *          [--affiliations <orgId,…>] [--conflicts <orgId,…>] [--no-invite]
 *       Creates the user (or finds the existing one) and adds it to the role's group. A reviewer
 *       with --round is registered on that round's committee (reviewerId = the user's sub); an
 *       inspector is registered in the inspectors' registry.
 *   import <file.csv> --round <roundId> [--role reviewer|inspector]
 *       The same for every row of a CSV (scripts/users/csv.ts: name,email,expertise,affiliations);
 *       reports each row as created, already existed or failed (with the reason). Safe to re-run.
 *   list [--role <role>]
 *       Email, name, sub, roles and status of every user (of the role's pool and group).
 * Add --json for machine-readable output.
 *
 * Where: locally everything comes from the running stack (its state file, local/stack-state.ts:
 * the Cognito endpoint and pool ids, the API URL; an admin token minted by /local/token). On AWS:
 * --staff-pool/--applicant-pool (ESIP_STAFF_POOL_ID, ESIP_APPLICANT_POOL_ID: the Esip-Data stack's
 * StaffUserPoolId and ApplicantUserPoolId outputs), --api (ESIP_API_URL), --token (ESIP_ADMIN_TOKEN,
 * an admin's ID token), --region (AWS_REGION, else the pool id's prefix); AWS credentials as usual.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminGetUserCommand,
  type AttributeType,
  CognitoIdentityProviderClient,
  ListUsersCommand,
  ListUsersInGroupCommand,
  UsernameExistsException,
  type UserType,
} from '@aws-sdk/client-cognito-identity-provider';
import { dataDirFrom, findStack, NoStackError, pidAlive, readStackState } from '../local/stack-state.ts';
import { type Role, roles } from '../shared/api/routes.ts';
import { poolOfRole, rolesOfPool, type UserPoolName, userPools } from '../shared/http/auth.ts';
import { checkPerson, type Person, readPeople } from './users/csv.ts';

class UsageError extends Error {}

const { values: flags, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    role: { type: 'string' },
    email: { type: 'string' },
    name: { type: 'string' },
    round: { type: 'string' },
    expertise: { type: 'string' },
    affiliations: { type: 'string' },
    conflicts: { type: 'string' },
    'no-invite': { type: 'boolean', default: false },
    'staff-pool': { type: 'string' },
    'applicant-pool': { type: 'string' },
    api: { type: 'string' },
    token: { type: 'string' },
    region: { type: 'string' },
    json: { type: 'boolean', default: false },
  },
});

// --- where: Cognito and the API ---------------------------------------------------------------

interface Directory {
  client: CognitoIdentityProviderClient;
  poolIds: Record<UserPoolName, string>;
}

function directory(): Directory {
  const given = {
    staff: flags['staff-pool'] ?? process.env.ESIP_STAFF_POOL_ID,
    applicant: flags['applicant-pool'] ?? process.env.ESIP_APPLICANT_POOL_ID,
  };
  if (given.staff || given.applicant) {
    const poolIds = { staff: given.staff ?? '', applicant: given.applicant ?? '' };
    const region = flags.region ?? process.env.AWS_REGION ?? (given.staff || given.applicant)!.split('_')[0];
    return { client: new CognitoIdentityProviderClient({ ...(region ? { region } : {}) }), poolIds };
  }
  // Locally: the pools of the running stack, from its state file.
  const state = readStackState(dataDirFrom());
  if (!state?.cognito || !pidAlive(state.pid)) {
    throw new UsageError(
      'no user pools: start the local stack (npm start), or name them with --staff-pool/--applicant-pool ' +
        '(ESIP_STAFF_POOL_ID, ESIP_APPLICANT_POOL_ID: the Esip-Data stack outputs StaffUserPoolId, ApplicantUserPoolId)',
    );
  }
  return {
    client: new CognitoIdentityProviderClient({
      endpoint: state.cognito.endpoint,
      region: state.cognito.poolIds.staff.split('_')[0] ?? 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    }),
    poolIds: state.cognito.poolIds,
  };
}

function poolId(dir: Directory, pool: UserPoolName): string {
  const id = dir.poolIds[pool];
  if (!id)
    throw new UsageError(`no ${pool} pool id: give --${pool}-pool (ESIP_${pool.toUpperCase()}_POOL_ID)`);
  return id;
}

/** The API and an admin's token for it: --api/--token, else the local stack and a token it mints. */
/** The parts of the API's answers the commands read. */
interface ApiBody {
  items: (Registered & { reviewerId?: string; inspectorId?: string })[];
  error?: { message?: string };
}

async function adminApi(): Promise<(method: string, path: string, body?: unknown) => Promise<ApiBody>> {
  let url = flags.api?.replace(/\/+$/, '');
  if (!url) {
    try {
      url = await findStack();
    } catch (error) {
      if (error instanceof NoStackError) throw new UsageError(`${error.message} (or give --api)`);
      throw error;
    }
  }
  let token = flags.token ?? process.env.ESIP_ADMIN_TOKEN;
  if (!token) {
    const res = await fetch(`${url}/local/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ sub: 'esip-users-cli', username: 'esip-users-cli', roles: ['admin'] }),
    }).catch(() => undefined);
    token = res?.ok ? ((await res.json()) as { token: string }).token : undefined;
    await res?.body?.cancel().catch(() => undefined);
    if (!token)
      throw new UsageError(
        `${url} is not a local stack: give an admin's token with --token (ESIP_ADMIN_TOKEN)`,
      );
  }
  return async (method, path, body) => {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        'accept-language': 'zh-CN,en;q=0.8',
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const parsed = (await res.json().catch(() => undefined)) as ApiBody | undefined;
    if (!res.ok) throw new Error(`${method} ${path}: ${parsed?.error?.message ?? `HTTP ${res.status}`}`);
    return parsed as ApiBody;
  };
}

// --- what: users, groups, registries --------------------------------------------------------

const attribute = (attributes: AttributeType[] | undefined, name: string) =>
  attributes?.find((a) => a.Name === name)?.Value;

/** Creates the user in the role's pool (or finds it) and adds it to the role's group. */
async function ensureUser(
  dir: Directory,
  role: Role,
  person: Pick<Person, 'email' | 'name'>,
  invite: boolean,
): Promise<{ sub: string; created: boolean }> {
  const pool = poolOfRole(role);
  const UserPoolId = poolId(dir, pool);
  let sub: string | undefined;
  let created = false;
  try {
    const out = await dir.client.send(
      new AdminCreateUserCommand({
        UserPoolId,
        Username: person.email,
        UserAttributes: [
          { Name: 'email', Value: person.email },
          { Name: 'email_verified', Value: 'true' }, // an invitation proves nothing, but sign-in needs it
          { Name: 'name', Value: person.name },
        ],
        DesiredDeliveryMediums: ['EMAIL'],
        ...(invite ? {} : { MessageAction: 'SUPPRESS' as const }),
      }),
    );
    sub = attribute(out.User?.Attributes, 'sub');
    created = true;
  } catch (error) {
    if (!(error instanceof UsernameExistsException)) throw error;
    const out = await dir.client.send(new AdminGetUserCommand({ UserPoolId, Username: person.email }));
    sub = attribute(out.UserAttributes, 'sub');
  }
  if (!sub) throw new Error(`${person.email}: the pool returned no sub`);
  // Every applicant-pool user is an applicant (shared/http/auth.ts); the group is kept all the same.
  await dir.client.send(
    new AdminAddUserToGroupCommand({ UserPoolId, Username: person.email, GroupName: role }),
  );
  return { sub, created };
}

type Api = Awaited<ReturnType<typeof adminApi>>;
type Registered = { name: string; expertise?: string[]; affiliations: string[]; conflicts: string[] };

/** The registry a role is registered in (reviewers: per round), or none. */
function registryOf(role: Role, roundId: string | undefined) {
  if (role === 'reviewer' && roundId) {
    const base = `/v1/rounds/${encodeURIComponent(roundId)}/reviewers`;
    return {
      what: `reviewer of round ${roundId}`,
      list: async (api: Api) =>
        new Map<string, Registered>((await api('GET', base)).items.map((r) => [r.reviewerId!, r])),
      put: (api: Api, sub: string, p: Person) =>
        api('PUT', `${base}/${sub}`, {
          reviewerId: sub,
          name: p.name,
          expertise: p.expertise,
          affiliations: p.affiliations,
          conflicts: p.conflicts,
        }),
    };
  }
  if (role === 'inspector') {
    return {
      what: 'inspector',
      list: async (api: Api) =>
        new Map<string, Registered>(
          (await api('GET', '/v1/inspectors')).items.map((r) => [r.inspectorId!, r]),
        ),
      put: (api: Api, sub: string, p: Person) =>
        api('PUT', `/v1/inspectors/${sub}`, {
          name: p.name,
          affiliations: p.affiliations,
          conflicts: p.conflicts,
        }),
    };
  }
  return undefined;
}

const same = (a: readonly string[] | undefined, b: readonly string[]) =>
  JSON.stringify([...(a ?? [])].sort()) === JSON.stringify([...b].sort());

export interface Outcome {
  line?: number;
  email?: string;
  sub?: string;
  user?: 'created' | 'existed';
  registration?: 'registered' | 'updated' | 'unchanged';
  status: 'created' | 'already existed' | 'failed';
  reason?: string;
}

/** Brings people into a role (and its registry); one outcome each, in order; a failure stops no one else. */
async function bringIn(
  role: Role,
  people: ({ line?: number } & ({ person: Person } | { error: string; email?: string }))[],
  roundId: string | undefined,
  invite: boolean,
) {
  const dir = directory();
  const registry = registryOf(role, roundId);
  const api = registry ? await adminApi() : undefined;
  const known = registry && api ? await registry.list(api) : new Map<string, Registered>();
  const outcomes: Outcome[] = [];
  for (const entry of people) {
    const where = entry.line !== undefined ? { line: entry.line } : {};
    if ('error' in entry) {
      outcomes.push({
        ...where,
        ...(entry.email ? { email: entry.email } : {}),
        status: 'failed',
        reason: entry.error,
      });
      continue;
    }
    const { person } = entry;
    const outcome: Outcome = { ...where, email: person.email, status: 'failed' };
    try {
      const { sub, created } = await ensureUser(dir, role, person, invite);
      Object.assign(outcome, { sub, user: created ? 'created' : 'existed' });
      if (registry && api) {
        const before = known.get(sub);
        // A re-run keeps what the person declared since (conflicts) and changes nothing that is the same.
        const wanted = {
          ...person,
          conflicts: [...new Set([...(before?.conflicts ?? []), ...person.conflicts])],
        };
        const unchanged =
          before?.name === wanted.name &&
          (role !== 'reviewer' || same(before.expertise, wanted.expertise)) &&
          same(before.affiliations, wanted.affiliations) &&
          same(before.conflicts, wanted.conflicts);
        if (!unchanged) await registry.put(api, sub, wanted);
        outcome.registration = unchanged ? 'unchanged' : before ? 'updated' : 'registered';
      }
      outcome.status = created ? 'created' : 'already existed'; // the registry's own: `registration`
    } catch (error) {
      outcome.reason = (error as Error).message;
    }
    outcomes.push(outcome);
  }
  return { outcomes, registry: registry?.what };
}

interface Listed {
  email: string;
  name: string;
  sub: string;
  roles: Role[];
  status: string;
  pool: UserPoolName;
}

async function listUsers(role: Role | undefined): Promise<Listed[]> {
  const dir = directory();
  const pools = role ? [poolOfRole(role)] : userPools.filter((p) => dir.poolIds[p]);
  const out: Listed[] = [];
  for (const pool of pools) {
    const UserPoolId = poolId(dir, pool);
    const all = new Map<string, UserType>();
    let PaginationToken: string | undefined;
    do {
      const page = await dir.client.send(
        new ListUsersCommand({ UserPoolId, ...(PaginationToken ? { PaginationToken } : {}) }),
      );
      for (const user of page.Users ?? []) all.set(user.Username!, user);
      PaginationToken = page.PaginationToken;
    } while (PaginationToken);
    // Groups by listing each group's members: a few calls per pool instead of one per user.
    const rolesOf = new Map<string, Set<Role>>();
    for (const group of rolesOfPool(pool)) {
      let NextToken: string | undefined;
      do {
        const page = await dir.client.send(
          new ListUsersInGroupCommand({ UserPoolId, GroupName: group, ...(NextToken ? { NextToken } : {}) }),
        );
        for (const user of page.Users ?? []) {
          const set = rolesOf.get(user.Username!) ?? new Set<Role>();
          set.add(group);
          rolesOf.set(user.Username!, set);
        }
        NextToken = page.NextToken;
      } while (NextToken);
    }
    for (const [username, user] of all) {
      // Every applicant-pool user is an applicant, grouped or not (shared/http/auth.ts rolesForPool).
      const held = new Set<Role>([
        ...(pool === 'applicant' ? (['applicant'] as const) : []),
        ...(rolesOf.get(username) ?? []),
      ]);
      if (role && !held.has(role)) continue;
      out.push({
        email: attribute(user.Attributes, 'email') ?? username,
        name: attribute(user.Attributes, 'name') ?? '',
        sub: attribute(user.Attributes, 'sub') ?? username,
        roles: roles.filter((r) => held.has(r)),
        status: user.Enabled === false ? 'DISABLED' : (user.UserStatus ?? ''),
        pool,
      });
    }
  }
  return out.sort((a, b) => a.email.localeCompare(b.email));
}

// --- the commands ---------------------------------------------------------------------------

const csvList = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

function roleFlag(fallback?: Role): Role | undefined {
  const role = flags.role ?? fallback;
  if (role !== undefined && !(roles as readonly string[]).includes(role)) {
    throw new UsageError(`--role ${role}: one of ${roles.join(', ')}`);
  }
  return role as Role | undefined;
}

/** Display width: CJK characters take two columns in a terminal. */
const width = (s: string) => [...s].reduce((n, c) => n + (/[\u1100-\uffff]/.test(c) ? 2 : 1), 0);
const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - width(s)));

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  return [header, ...rows]
    .map((r) =>
      r
        .map((c, i) => pad(c ?? '', widths[i]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

function report(outcomes: Outcome[], what: string | undefined): void {
  if (flags.json) {
    console.log(JSON.stringify({ outcomes }, null, 2));
  } else {
    console.log(
      table(
        ['line', 'email', 'sub', 'result', ...(what ? [what] : []), 'reason'],
        outcomes.map((o) => [
          o.line === undefined ? '' : String(o.line),
          o.email ?? '',
          o.sub ?? '',
          o.status,
          ...(what ? [o.registration ?? ''] : []),
          o.reason ?? '',
        ]),
      ),
    );
    const count = (s: Outcome['status']) => outcomes.filter((o) => o.status === s).length;
    console.log(
      `\n${count('created')} created, ${count('already existed')} already existed, ${count('failed')} failed`,
    );
  }
  if (outcomes.some((o) => o.status === 'failed')) process.exitCode = 1;
}

async function main(): Promise<void> {
  const [command, ...rest] = positionals;
  if (command === 'invite') {
    const role = roleFlag();
    if (!role) throw new UsageError('invite: --role is required');
    const checked = checkPerson({
      name: flags.name,
      email: flags.email,
      expertise: csvList(flags.expertise),
      affiliations: csvList(flags.affiliations),
      conflicts: csvList(flags.conflicts),
    });
    if ('error' in checked) throw new UsageError(`invite: ${checked.error}`);
    const { outcomes, registry } = await bringIn(role, [checked], flags.round, !flags['no-invite']);
    report(outcomes, registry);
  } else if (command === 'import') {
    const file = rest[0];
    if (!file) throw new UsageError('import: give the CSV file (name,email,expertise,affiliations)');
    const role = roleFlag('reviewer')!;
    if (role !== 'reviewer' && role !== 'inspector')
      throw new UsageError('import: --role reviewer or inspector');
    if (role === 'reviewer' && !flags.round)
      throw new UsageError('import: reviewers are registered per round: give --round <roundId>');
    let rows: ReturnType<typeof readPeople>;
    try {
      rows = readPeople(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new UsageError(`${file}: ${(error as Error).message}`);
    }
    const { outcomes, registry } = await bringIn(role, rows, flags.round, !flags['no-invite']);
    report(outcomes, registry);
  } else if (command === 'list') {
    const users = await listUsers(roleFlag());
    if (flags.json) console.log(JSON.stringify({ users }, null, 2));
    else
      console.log(
        table(
          ['email', 'name', 'sub', 'roles', 'status'],
          users.map((u) => [u.email, u.name, u.sub, u.roles.join(','), u.status]),
        ),
      );
  } else {
    throw new UsageError(
      'usage: npm run users -- invite --role <role> --email <e-mail> --name <name> [--round <id>] …\n' +
        '       npm run users -- import <file.csv> --round <roundId> [--role reviewer|inspector]\n' +
        '       npm run users -- list [--role <role>]',
    );
  }
}

try {
  await main();
} catch (error) {
  if (error instanceof UsageError) {
    console.error(`✖ ${error.message}`);
    process.exit(2);
  }
  console.error(`✖ ${(error as Error).name}: ${(error as Error).message}`);
  process.exit(1);
}
