/**
 * A local Cognito Identity Provider endpoint: the user directory behind the two local user pools
 * (staff, applicant), so that `@aws-sdk/client-cognito-identity-provider` pointed at it by
 * AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER works unchanged (`npm run users`, scripts/users.ts).
 *
 * The API is AWS JSON 1.1, as the SDK serializes it: `POST /` with
 * `X-Amz-Target: AWSCognitoIdentityProviderService.<Operation>` and a JSON body. Emulated:
 * AdminCreateUser, AdminGetUser, AdminAddUserToGroup, AdminListGroupsForUser, ListUsers (Filter
 * `attr = "value"` or `attr ^= "prefix"`), ListUsersInGroup, ListGroups. Errors are HTTP 400 with
 * `{"__type": …, "message": …}`, which the SDK turns into its typed exceptions (UsernameExistsException,
 * UserNotFoundException, ResourceNotFoundException, InvalidParameterException). Signatures are
 * not checked.
 *
 * As in the real pools (sign-in alias = e-mail, infra/stacks/data-stack.ts), a user's Username is
 * a generated UUID equal to its `sub`, and the Admin operations accept the e-mail address in its
 * place. The groups of a pool are its roles (shared/http/auth.ts rolesOfPool), as the CDK creates them.
 * AdminCreateUser without MessageAction SUPPRESS "sends" the invitation: the message (Chinese
 * first, then English, with a temporary password) is kept on the user and logged. Nothing checks
 * passwords locally: signing in is `POST /local/token {"username"}` (local/stack.ts), which marks
 * the user CONFIRMED as a first sign-in would. With `stateFile`, users survive a restart.
 * Not emulated: passwords and authentication flows, MFA, attribute verification, user deletion.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { dirname } from 'node:path';
import type { Role } from '../shared/api/routes.ts';
import { rolesOfPool, type UserPoolName } from '../shared/http/auth.ts';
import { listen } from './listen.ts';

const MAX_BODY = 64 * 1024;
const TARGET_PREFIX = 'AWSCognitoIdentityProviderService.';

/** An error the service answers with (HTTP 400 and its `__type`). */
export class CognitoServiceError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
    this.name = type;
  }
}

const invalid = (message: string) => new CognitoServiceError('InvalidParameterException', message);

export interface Invitation {
  to: string;
  subject: string;
  text: string;
  sentAt: string;
}

export interface LocalUser {
  username: string;
  attributes: Record<string, string>;
  groups: Role[];
  status: 'FORCE_CHANGE_PASSWORD' | 'CONFIRMED';
  enabled: boolean;
  createdAt: string;
  updatedAt: string;
  invitations: Invitation[];
}

interface PoolState {
  id: string;
  name: UserPoolName;
  users: LocalUser[];
}

export interface LocalCognitoApiOptions {
  host?: string;
  /** 0 picks a free port. */
  port: number;
  /** The pool id of each local pool (e.g. us-east-1_EsipLocalStaff). */
  poolIds: Record<UserPoolName, string>;
  /** Keep the users in this JSON file across restarts (default: in memory only). */
  stateFile?: string;
  log?: (line: string) => void;
}

export interface LocalCognitoApi {
  url: string;
  poolIds: Record<UserPoolName, string>;
  /** A user by username, e-mail or sub; in `pool`, else in whichever pools hold one. */
  findUsers(login: string, pool?: UserPoolName): { pool: UserPoolName; user: LocalUser }[];
  /** Records a (local) sign-in: a user with a temporary password is CONFIRMED from then on. */
  signedIn(pool: UserPoolName, username: string): void;
  close(): Promise<void>;
}

/**
 * The invitation, Chinese first: what the staff pool's invitation template says on AWS (its
 * {username} and {####} placeholders filled in), in the order the programme's users read.
 */
export function invitationText(
  pool: UserPoolName,
  email: string,
  name: string | undefined,
  password: string,
) {
  const greeting = name ? `${name}，您好：` : '您好：';
  const subject =
    pool === 'staff'
      ? '企会协作创新计划工作人员账号 / ESIP staff account'
      : '企会协作创新计划申报账号 / ESIP applicant account';
  const text = [
    greeting,
    `您的用户名为 ${email}，临时密码为 ${password}。首次登录时请设置新密码${pool === 'staff' ? '并绑定身份验证器应用（TOTP）' : ''}。临时密码 3 天内有效。`,
    '',
    `Your ESIP ${pool} user name is ${email} and your temporary password is ${password}. At the first sign-in you set a password${pool === 'staff' ? ' and enrol an authenticator app (TOTP)' : ''}. The temporary password is valid for 3 days.`,
  ].join('\n');
  return { subject, text };
}

/** A temporary password that meets the pools' policy (12+ characters, all four classes). */
function temporaryPassword(): string {
  const body = randomBytes(9).toString('base64url').replace(/[-_]/g, 'x');
  return `${body}Aa7!`;
}

const epoch = (iso: string) => new Date(iso).getTime() / 1000;
const attributeList = (user: LocalUser) =>
  Object.entries(user.attributes).map(([Name, Value]) => ({ Name, Value }));
function userType(user: LocalUser, attributesKey: 'Attributes' | 'UserAttributes' = 'Attributes') {
  return {
    Username: user.username,
    [attributesKey]: attributeList(user),
    UserCreateDate: epoch(user.createdAt),
    UserLastModifiedDate: epoch(user.updatedAt),
    Enabled: user.enabled,
    UserStatus: user.status,
  };
}

/** `email = "a@b.cn"`, `name ^= "张"` (ListUsers' filter language, the parts used here). */
function parseFilter(filter: unknown): ((user: LocalUser) => boolean) | undefined {
  if (filter === undefined || filter === '') return undefined;
  const match = typeof filter === 'string' && /^\s*([\w:]+)\s*(\^?=)\s*"((?:[^"\\]|\\.)*)"\s*$/.exec(filter);
  if (!match) throw invalid(`Error while parsing filter: ${String(filter)}`);
  const [, attribute, op, raw] = match as unknown as [string, string, string, string];
  const value = raw.replace(/\\(.)/g, '$1');
  const read = (user: LocalUser) =>
    attribute === 'username'
      ? user.username
      : attribute === 'cognito:user_status'
        ? user.status
        : attribute === 'status'
          ? user.enabled
            ? 'Enabled'
            : 'Disabled'
          : user.attributes[attribute];
  return (user) => {
    const actual = read(user);
    return actual !== undefined && (op === '=' ? actual === value : actual.startsWith(value));
  };
}

function page<T>(items: T[], limit: unknown, token: unknown, max: number): { items: T[]; next?: string } {
  const size = limit === undefined ? max : Number(limit);
  if (!Number.isInteger(size) || size < 0 || size > max) throw invalid(`Limit must be between 0 and ${max}`);
  const start = token === undefined ? 0 : Number.parseInt(String(token), 10);
  if (!Number.isInteger(start) || start < 0) throw invalid('Invalid pagination token');
  const end = start + (size || max);
  return { items: items.slice(start, end), ...(end < items.length ? { next: String(end) } : {}) };
}

export async function startLocalCognitoApi(options: LocalCognitoApiOptions): Promise<LocalCognitoApi> {
  const host = options.host ?? '127.0.0.1';
  const pools = new Map<string, PoolState>();
  for (const name of ['staff', 'applicant'] as const) {
    pools.set(options.poolIds[name], { id: options.poolIds[name], name, users: [] });
  }
  if (options.stateFile && existsSync(options.stateFile)) {
    const kept = JSON.parse(readFileSync(options.stateFile, 'utf8')) as {
      pools: Record<string, LocalUser[]>;
    };
    for (const pool of pools.values()) pool.users = kept.pools?.[pool.name] ?? [];
  }

  function save() {
    if (!options.stateFile) return;
    mkdirSync(dirname(options.stateFile), { recursive: true });
    const state = { pools: Object.fromEntries([...pools.values()].map((p) => [p.name, p.users])) };
    writeFileSync(`${options.stateFile}.tmp`, `${JSON.stringify(state, null, 2)}\n`);
    renameSync(`${options.stateFile}.tmp`, options.stateFile);
  }

  function poolOf(body: Record<string, unknown>): PoolState {
    const id = body.UserPoolId;
    if (typeof id !== 'string' || !id) throw invalid('UserPoolId is required');
    const pool = pools.get(id);
    if (!pool) throw new CognitoServiceError('ResourceNotFoundException', `User pool ${id} does not exist.`);
    return pool;
  }

  const lookup = (pool: PoolState, login: string) =>
    pool.users.find((u) => u.username === login || u.attributes.email === login.toLowerCase());

  function userOf(pool: PoolState, body: Record<string, unknown>): LocalUser {
    if (typeof body.Username !== 'string' || !body.Username) throw invalid('Username is required');
    const user = lookup(pool, body.Username);
    if (!user) throw new CognitoServiceError('UserNotFoundException', 'User does not exist.');
    return user;
  }

  function groupOf(pool: PoolState, name: unknown): Role {
    if (typeof name !== 'string' || !name) throw invalid('GroupName is required');
    if (!(rolesOfPool(pool.name) as string[]).includes(name)) {
      throw new CognitoServiceError('ResourceNotFoundException', 'Group not found.');
    }
    return name as Role;
  }

  const groupType = (pool: PoolState, name: Role) => ({
    GroupName: name,
    UserPoolId: pool.id,
    Description: `ESIP role: ${name}`,
  });

  const operations: Record<string, (body: Record<string, unknown>) => unknown> = {
    AdminCreateUser(body) {
      const pool = poolOf(body);
      if (typeof body.Username !== 'string' || !body.Username.trim()) throw invalid('Username is required');
      const attributes: Record<string, string> = {};
      for (const a of (body.UserAttributes as { Name?: unknown; Value?: unknown }[] | undefined) ?? []) {
        if (typeof a?.Name !== 'string' || typeof a.Value !== 'string')
          throw invalid('Invalid UserAttributes');
        if (a.Name === 'sub') throw invalid('sub cannot be set');
        attributes[a.Name] = a.Value;
      }
      // The pools sign in by e-mail: the user name given is the address (the email attribute may repeat it).
      const email = (attributes.email ?? body.Username).trim().toLowerCase();
      if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) throw invalid('Invalid email address format.');
      if (body.Username.includes('@') && body.Username.trim().toLowerCase() !== email) {
        throw invalid('Username and the email attribute differ.');
      }
      if (lookup(pool, email)) {
        throw new CognitoServiceError(
          'UsernameExistsException',
          'An account with the given email already exists.',
        );
      }
      if (body.MessageAction === 'RESEND') {
        throw new CognitoServiceError('UserNotFoundException', 'User does not exist.');
      }
      if (body.MessageAction !== undefined && body.MessageAction !== 'SUPPRESS') {
        throw invalid(`Invalid MessageAction ${String(body.MessageAction)}`);
      }
      const sub = randomUUID();
      const now = new Date().toISOString();
      const user: LocalUser = {
        username: sub,
        attributes: { sub, ...attributes, email, email_verified: 'true' },
        groups: [],
        status: 'FORCE_CHANGE_PASSWORD',
        enabled: true,
        createdAt: now,
        updatedAt: now,
        invitations: [],
      };
      if (body.MessageAction !== 'SUPPRESS') {
        const password =
          typeof body.TemporaryPassword === 'string' ? body.TemporaryPassword : temporaryPassword();
        const message = invitationText(pool.name, email, attributes.name, password);
        user.invitations.push({ to: email, ...message, sentAt: now });
        options.log?.(
          `✉ invitation to ${email} (${pool.name} pool): ${message.subject}\n    ${message.text.replaceAll('\n', '\n    ')}`,
        );
      }
      pool.users.push(user);
      save();
      return { User: userType(user) };
    },
    AdminGetUser(body) {
      const user = userOf(poolOf(body), body);
      return userType(user, 'UserAttributes');
    },
    AdminAddUserToGroup(body) {
      const pool = poolOf(body);
      const group = groupOf(pool, body.GroupName);
      const user = userOf(pool, body);
      if (!user.groups.includes(group)) {
        user.groups.push(group);
        user.updatedAt = new Date().toISOString();
        save();
      }
      return {};
    },
    AdminListGroupsForUser(body) {
      const pool = poolOf(body);
      const user = userOf(pool, body);
      const { items, next } = page(user.groups, body.Limit, body.NextToken, 60);
      return { Groups: items.map((g) => groupType(pool, g)), ...(next ? { NextToken: next } : {}) };
    },
    ListGroups(body) {
      const pool = poolOf(body);
      const { items, next } = page(rolesOfPool(pool.name), body.Limit, body.NextToken, 60);
      return { Groups: items.map((g) => groupType(pool, g)), ...(next ? { NextToken: next } : {}) };
    },
    ListUsers(body) {
      const pool = poolOf(body);
      const test = parseFilter(body.Filter);
      const matching = test ? pool.users.filter(test) : pool.users;
      const { items, next } = page(matching, body.Limit, body.PaginationToken, 60);
      return { Users: items.map((u) => userType(u)), ...(next ? { PaginationToken: next } : {}) };
    },
    ListUsersInGroup(body) {
      const pool = poolOf(body);
      const group = groupOf(pool, body.GroupName);
      const members = pool.users.filter((u) => u.groups.includes(group));
      const { items, next } = page(members, body.Limit, body.NextToken, 60);
      return { Users: items.map((u) => userType(u)), ...(next ? { NextToken: next } : {}) };
    },
  };

  const server: Server = createServer(async (req, res) => {
    const send = (status: number, body: unknown) => {
      const text = JSON.stringify(body);
      res.writeHead(status, {
        'content-type': 'application/x-amz-json-1.1',
        'content-length': Buffer.byteLength(text),
        'x-amzn-requestid': randomUUID(),
      });
      res.end(text);
    };
    const target = String(req.headers['x-amz-target'] ?? '');
    try {
      if (req.method !== 'POST' || !target.startsWith(TARGET_PREFIX)) {
        throw new CognitoServiceError(
          'UnknownOperationException',
          `Unknown operation ${target || req.method}`,
        );
      }
      const operation = operations[target.slice(TARGET_PREFIX.length)];
      if (!operation) {
        throw new CognitoServiceError('UnknownOperationException', `${target} is not emulated locally`);
      }
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of req) {
        size += (chunk as Buffer).length;
        if (size > MAX_BODY) throw invalid('request body too large');
        chunks.push(chunk as Buffer);
      }
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
      } catch {
        throw new CognitoServiceError('SerializationException', 'the body is not JSON');
      }
      send(200, operation(body));
    } catch (error) {
      if (error instanceof CognitoServiceError)
        send(error.status, { __type: error.type, message: error.message });
      else send(500, { __type: 'InternalErrorException', message: String(error) });
    }
  });
  const port = await listen(server, options.port, host);

  return {
    url: `http://${host}:${port}`,
    poolIds: { ...options.poolIds },
    findUsers(login, only) {
      return [...pools.values()]
        .filter((p) => !only || p.name === only)
        .flatMap((p) => {
          const user = lookup(p, login) ?? p.users.find((u) => u.attributes.sub === login);
          return user ? [{ pool: p.name, user }] : [];
        });
    },
    signedIn(name, username) {
      const pool = [...pools.values()].find((p) => p.name === name);
      const user = pool && lookup(pool, username);
      if (user && user.status !== 'CONFIRMED') {
        user.status = 'CONFIRMED';
        user.updatedAt = new Date().toISOString();
        save();
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
