/**
 * The functions' IAM policies, enforced on the local stack: each function's role statements are
 * read from the synthesized template, and while its handler runs (local/lambda.ts names the
 * running function) every DynamoDB and S3 call it makes is checked against them, as AWS does. A
 * call the role does not allow fails with the error AWS gives (DynamoDB `AccessDeniedException`,
 * S3 `AccessDenied`, `Forbidden` for a HEAD, both before anything is sent), so the integration suite proves that the
 * action lists of infra/constructs/bindings.ts are sufficient, not only that they are small.
 *
 * What is checked, per call (the IAM actions and resources AWS evaluates):
 *  - DynamoDB: GetItem, PutItem, UpdateItem, DeleteItem, Query (on the table, or on
 *    `table/<t>/index/<i>` with IndexName), Scan, BatchGetItem / BatchWriteItem (their own actions,
 *    per table), TransactWriteItems as each item's PutItem / UpdateItem / DeleteItem /
 *    ConditionCheckItem, TransactGetItems as each item's GetItem, DescribeTable; any other
 *    operation as `dynamodb:<Operation>` on the table (or `*` without one).
 *  - S3: GetObject / HeadObject (s3:GetObject, s3:GetObjectVersion with a VersionId), PutObject and
 *    multipart uploads (s3:PutObject), CopyObject (s3:PutObject on the target and s3:GetObject on
 *    the source), DeleteObject, HeadBucket / ListObjects (s3:ListBucket on the bucket). As on AWS,
 *    a missing key without s3:ListBucket on its bucket is AccessDenied, not NoSuchKey.
 *  - Conditions: String(Not)Equals / String(Not)Like, with ForAllValues: / ForAnyValue:, on
 *    `dynamodb:LeadingKeys` (the partition key values a call touches) and `s3:prefix`. A statement
 *    with any other condition never matches (stricter than AWS, never looser); so does a
 *    LeadingKeys condition on a call whose partition keys are not known here (a Query on an index).
 *
 * Not checked: presigned POSTs are signed without a call (S3 checks the signer's s3:PutObject on
 * the key when the upload arrives, on AWS only); other services (Step Functions, Scheduler).
 * Outside an invocation (test code, seeding, the local stack itself) nothing is checked.
 *
 * The same middleware counts every command a function sends, per invocation (local/lambda.ts
 * `countAwsCall`), also on SFNClient and SchedulerClient (counted, not checked) and whatever the
 * mode: one per `send` (a TransactWriteItems or a BatchGetItem is 1, each page of a paginated
 * Query is 1; the SDK's retries of a command are not counted again, nor is a call refused here
 * counted apart from one that was sent). The local API server returns a request's counts in its
 * `x-local-aws-calls` header (local/api-server.ts).
 *
 * ESIP_LOCAL_IAM = enforce (default) | report (log what would be denied, allow it) | off.
 * ESIP_IAM_LOG = a file: every checked request is appended to it as a JSON line (function,
 * action, resource, allowed), to see what each function really uses.
 */
import { appendFileSync } from 'node:fs';
import { DynamoDBClient, DynamoDBServiceException } from '@aws-sdk/client-dynamodb';
import { S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { SchedulerClient } from '@aws-sdk/client-scheduler';
import { SFNClient } from '@aws-sdk/client-sfn';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { MiddlewareStack } from '@smithy/types';
import { operationOf } from '../shared/aws/capacity.ts';
import { type AwsService, countAwsCall, runningFunction } from './lambda.ts';
import {
  type CfnTemplate,
  extractFunctions,
  LOCAL_ACCOUNT,
  LOCAL_PARTITION,
  LOCAL_REGION,
  type ResolveOptions,
  resolveIntrinsics,
} from './template.ts';

// ---------------------------------------------------------------------------------------------
// Policies

export interface PolicyStatement {
  effect: 'Allow' | 'Deny';
  /** `Action` (or `NotAction` when `notAction`), e.g. `dynamodb:GetItem`, `s3:Get*`. */
  actions: string[];
  notAction?: true;
  /** `Resource` (or `NotResource` when `notResource`), resolved to local ARNs. */
  resources: string[];
  notResource?: true;
  /** `Condition`: operator → condition key → values. */
  condition?: Record<string, Record<string, string[]>>;
}

export interface FunctionPolicy {
  functionLogicalId: string;
  roleLogicalId: string;
  statements: PolicyStatement[];
}

const list = (value: unknown): unknown[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/** A resource that cannot be resolved locally matches nothing (rather than failing the stack). */
function resolveResource(value: unknown, template: CfnTemplate, options: ResolveOptions): string {
  try {
    const resolved = resolveIntrinsics(value, template, options);
    return typeof resolved === 'string' ? resolved : `unresolved:${JSON.stringify(value)}`;
  } catch {
    return `unresolved:${JSON.stringify(value)}`;
  }
}

function toStatement(raw: Record<string, unknown>, template: CfnTemplate, options: ResolveOptions) {
  const resources = (key: string) => list(raw[key]).map((r) => resolveResource(r, template, options));
  const statement: PolicyStatement = {
    effect: raw['Effect'] === 'Deny' ? 'Deny' : 'Allow',
    actions: list(raw['Action'] ?? raw['NotAction']).map(String),
    resources: raw['Resource'] !== undefined ? resources('Resource') : resources('NotResource'),
  };
  if (raw['Action'] === undefined && raw['NotAction'] !== undefined) statement.notAction = true;
  if (raw['Resource'] === undefined && raw['NotResource'] !== undefined) statement.notResource = true;
  if (raw['Condition'] !== undefined) {
    const condition = resolveIntrinsics(raw['Condition'], template, options) as Record<
      string,
      Record<string, unknown>
    >;
    statement.condition = Object.fromEntries(
      Object.entries(condition).map(([operator, keys]) => [
        operator,
        Object.fromEntries(Object.entries(keys).map(([key, values]) => [key, list(values).map(String)])),
      ]),
    );
  }
  return statement;
}

/**
 * Every function's identity policy, by function logical id: the statements of the
 * AWS::IAM::Policy resources attached to its role and of the role's inline policies, with
 * intrinsics resolved by `options` (the data stack's imports become local ARNs). Managed policies
 * are not read (the functions' roles have none).
 */
export function extractFunctionPolicies(
  template: CfnTemplate,
  options: ResolveOptions = {},
): Record<string, FunctionPolicy> {
  const out: Record<string, FunctionPolicy> = {};
  const resources = Object.entries(template.Resources ?? {});
  for (const fn of Object.values(extractFunctions(template))) {
    const roleId = fn.roleLogicalId;
    if (!roleId) continue;
    const raw: Record<string, unknown>[] = [];
    for (const [, resource] of resources) {
      if (resource.Type !== 'AWS::IAM::Policy') continue;
      const roles = list(resource.Properties?.['Roles']);
      if (!roles.some((r) => (r as { Ref?: unknown }).Ref === roleId)) continue;
      const document = resource.Properties?.['PolicyDocument'] as { Statement?: unknown } | undefined;
      raw.push(...(list(document?.Statement) as Record<string, unknown>[]));
    }
    const role = template.Resources?.[roleId];
    for (const inline of list(role?.Properties?.['Policies']) as {
      PolicyDocument?: { Statement?: unknown };
    }[]) {
      raw.push(...(list(inline.PolicyDocument?.Statement) as Record<string, unknown>[]));
    }
    out[fn.logicalId] = {
      functionLogicalId: fn.logicalId,
      roleLogicalId: roleId,
      statements: raw.map((s) => toStatement(s, template, options)),
    };
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Requests: what one SDK command asks of IAM

export interface AccessRequest {
  /** e.g. `dynamodb:PutItem`, `s3:GetObject`. */
  action: string;
  /** e.g. `arn:aws:dynamodb:us-east-1:000000000000:table/t`, `arn:aws:s3:::bucket/key`. */
  resource: string;
  /** Condition keys of the request (`dynamodb:LeadingKeys`, `s3:prefix`); absent = unknown. */
  context?: Record<string, string[]>;
}

export interface RequestEnvironment {
  region?: string;
  account?: string;
  partition?: string;
}

type Input = Record<string, unknown>;

/** A string attribute as the document client (plain) or the low-level client ({ S }) gives it. */
function stringValue(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && typeof (value as { S?: unknown }).S === 'string')
    return (value as { S: string }).S;
  return undefined;
}

function tableArn(tableName: unknown, env: Required<RequestEnvironment>): string {
  const name = String(tableName ?? '');
  if (name.startsWith('arn:')) return name;
  return `arn:${env.partition}:dynamodb:${env.region}:${env.account}:table/${name}`;
}

const PARTITION_KEY = 'pk';

/** The partition key of a Key or an Item, as a LeadingKeys list (unknown without one). */
function leadingKeysOf(...keys: unknown[]): Record<string, string[]> | undefined {
  const values: string[] = [];
  for (const key of keys) {
    const value = stringValue((key as Input | undefined)?.[PARTITION_KEY]);
    if (value === undefined) return undefined;
    values.push(value);
  }
  return { 'dynamodb:LeadingKeys': values };
}

/** The partition key value a table Query's key condition names (`pk = :v`, or through `#n`). */
function queryLeadingKeys(input: Input): Record<string, string[]> | undefined {
  if (input['IndexName'] !== undefined) return undefined;
  const expression = String(input['KeyConditionExpression'] ?? '');
  const names = (input['ExpressionAttributeNames'] ?? {}) as Record<string, string>;
  const values = (input['ExpressionAttributeValues'] ?? {}) as Record<string, unknown>;
  for (const match of expression.matchAll(/(#?[A-Za-z0-9_]+)\s*=\s*(:[A-Za-z0-9_]+)/g)) {
    const attribute = match[1]!.startsWith('#') ? names[match[1]!] : match[1];
    if (attribute !== PARTITION_KEY) continue;
    const value = stringValue(values[match[2]!]);
    return value === undefined ? undefined : { 'dynamodb:LeadingKeys': [value] };
  }
  return undefined;
}

function withContext(request: AccessRequest, context: Record<string, string[]> | undefined): AccessRequest {
  return context ? { ...request, context } : request;
}

/** The IAM requests of one DynamoDB operation (one per transaction item, per batch table). */
export function dynamoDbRequests(operation: string, input: Input, environment: RequestEnvironment = {}) {
  const env = {
    region: environment.region ?? LOCAL_REGION,
    account: environment.account ?? LOCAL_ACCOUNT,
    partition: environment.partition ?? LOCAL_PARTITION,
  };
  const table = (name: unknown) => tableArn(name, env);
  const request = (action: string, resource: string, context?: Record<string, string[]>) =>
    withContext({ action: `dynamodb:${action}`, resource }, context);
  switch (operation) {
    case 'GetItem':
    case 'DeleteItem':
    case 'UpdateItem':
      return [request(operation, table(input['TableName']), leadingKeysOf(input['Key']))];
    case 'PutItem':
      return [request(operation, table(input['TableName']), leadingKeysOf(input['Item']))];
    case 'Query':
    case 'Scan': {
      const base = table(input['TableName']);
      const resource = input['IndexName'] ? `${base}/index/${String(input['IndexName'])}` : base;
      return [request(operation, resource, operation === 'Query' ? queryLeadingKeys(input) : undefined)];
    }
    case 'BatchGetItem':
      return Object.entries((input['RequestItems'] ?? {}) as Record<string, { Keys?: unknown[] }>).map(
        ([name, { Keys = [] }]) => request(operation, table(name), leadingKeysOf(...Keys)),
      );
    case 'BatchWriteItem':
      return Object.entries(
        (input['RequestItems'] ?? {}) as Record<
          string,
          { PutRequest?: { Item?: unknown }; DeleteRequest?: { Key?: unknown } }[]
        >,
      ).map(([name, writes]) =>
        request(
          operation,
          table(name),
          leadingKeysOf(...writes.map((w) => w.PutRequest?.Item ?? w.DeleteRequest?.Key)),
        ),
      );
    case 'TransactWriteItems':
      return list(input['TransactItems']).map((raw) => {
        const item = raw as Record<string, Input | undefined>;
        if (item['Put'])
          return request('PutItem', table(item['Put']['TableName']), leadingKeysOf(item['Put']['Item']));
        const [kind, action] = item['Update']
          ? (['Update', 'UpdateItem'] as const)
          : item['Delete']
            ? (['Delete', 'DeleteItem'] as const)
            : (['ConditionCheck', 'ConditionCheckItem'] as const);
        const body = item[kind] ?? {};
        return request(action, table(body['TableName']), leadingKeysOf(body['Key']));
      });
    case 'TransactGetItems':
      return list(input['TransactItems']).map((raw) => {
        const get = ((raw as Input)['Get'] ?? {}) as Input;
        return request('GetItem', table(get['TableName']), leadingKeysOf(get['Key']));
      });
    default:
      return [request(operation, input['TableName'] ? table(input['TableName']) : '*')];
  }
}

/** `bucket/key?versionId=…` of CopyObject's CopySource (URL-encoded, optionally led by a slash). */
function copySource(source: string): { bucket: string; key: string; versionId?: string } {
  const [path, query] = source.replace(/^\//, '').split('?') as [string, string | undefined];
  const slash = path.indexOf('/');
  const versionId = new URLSearchParams(query ?? '').get('versionId') ?? undefined;
  return {
    bucket: decodeURIComponent(path.slice(0, slash)),
    key: decodeURIComponent(path.slice(slash + 1)),
    ...(versionId ? { versionId } : {}),
  };
}

/** The IAM requests of one S3 operation. */
export function s3Requests(operation: string, input: Input, environment: RequestEnvironment = {}) {
  const partition = environment.partition ?? LOCAL_PARTITION;
  const bucketArn = (bucket: unknown) => `arn:${partition}:s3:::${String(bucket ?? '')}`;
  const objectArn = (bucket: unknown, key: unknown) => `${bucketArn(bucket)}/${String(key ?? '')}`;
  const object = (action: string) => ({
    action: `s3:${action}`,
    resource: objectArn(input['Bucket'], input['Key']),
  });
  switch (operation) {
    case 'GetObject':
    case 'HeadObject':
      return [object(input['VersionId'] ? 'GetObjectVersion' : 'GetObject')];
    case 'PutObject':
    case 'CreateMultipartUpload':
    case 'UploadPart':
    case 'CompleteMultipartUpload':
      return [object('PutObject')];
    case 'AbortMultipartUpload':
      return [object('AbortMultipartUpload')];
    case 'DeleteObject':
      return [object(input['VersionId'] ? 'DeleteObjectVersion' : 'DeleteObject')];
    case 'CopyObject': {
      const source = copySource(String(input['CopySource'] ?? ''));
      return [
        object('PutObject'),
        {
          action: source.versionId ? 's3:GetObjectVersion' : 's3:GetObject',
          resource: objectArn(source.bucket, source.key),
        },
      ];
    }
    case 'HeadBucket':
      return [{ action: 's3:ListBucket', resource: bucketArn(input['Bucket']) }];
    case 'ListObjects':
    case 'ListObjectsV2':
      return [
        {
          action: 's3:ListBucket',
          resource: bucketArn(input['Bucket']),
          context: { 's3:prefix': [String(input['Prefix'] ?? '')] },
        },
      ];
    case 'ListObjectVersions':
      return [{ action: 's3:ListBucketVersions', resource: bucketArn(input['Bucket']) }];
    default:
      return [
        input['Key'] !== undefined
          ? object(operation)
          : { action: `s3:${operation}`, resource: input['Bucket'] ? bucketArn(input['Bucket']) : '*' },
      ];
  }
}

// ---------------------------------------------------------------------------------------------
// Evaluation

const patterns = new Map<string, RegExp>();

/** IAM's wildcard match: `*` any run of characters, `?` one character. */
function wildcard(pattern: string, value: string, ignoreCase = false): boolean {
  const cacheKey = `${ignoreCase ? 'i' : 's'}${pattern}`;
  let regex = patterns.get(cacheKey);
  if (!regex) {
    const source = pattern
      .split('')
      .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\/]/g, '\\$&')))
      .join('');
    regex = new RegExp(`^${source}$`, ignoreCase ? 'is' : 's');
    patterns.set(cacheKey, regex);
  }
  return regex.test(value);
}

const SUPPORTED_KEYS = new Set(['dynamodb:LeadingKeys', 's3:prefix']);

function conditionHolds(operator: string, key: string, expected: string[], request: AccessRequest): boolean {
  const [qualifier, bare] = operator.includes(':') ? operator.split(':') : [undefined, operator];
  const match = { StringEquals: 'eq', StringNotEquals: 'ne', StringLike: 'like', StringNotLike: 'notlike' }[
    bare!
  ];
  if (!match || !SUPPORTED_KEYS.has(key)) return false;
  const values = request.context?.[key];
  // Partition keys that cannot be told (an index Query): a condition on them does not hold.
  if (values === undefined) return false;
  const one = (value: string) => {
    const equal = match === 'eq' || match === 'ne';
    const hit = expected.some((e) => (equal ? e === value : wildcard(e, value)));
    return match === 'eq' || match === 'like' ? hit : !hit;
  };
  if (qualifier === 'ForAllValues') return values.every(one);
  if (qualifier === 'ForAnyValue') return values.some(one);
  if (qualifier !== undefined) return false;
  return values.length > 0 && values.every(one);
}

function statementMatches(statement: PolicyStatement, request: AccessRequest): boolean {
  const action = statement.actions.some((a) => wildcard(a, request.action, true));
  if (action === Boolean(statement.notAction)) return false;
  const resource = statement.resources.some((r) => wildcard(r, request.resource));
  if (resource === Boolean(statement.notResource)) return false;
  for (const [operator, keys] of Object.entries(statement.condition ?? {})) {
    for (const [key, expected] of Object.entries(keys)) {
      if (!conditionHolds(operator, key, expected, request)) return false;
    }
  }
  return true;
}

export type Decision = 'allowed' | 'implicitDeny' | 'explicitDeny';

/** IAM's identity-policy logic: an explicit Deny wins, else an Allow is needed. */
export function evaluate(statements: readonly PolicyStatement[], request: AccessRequest): Decision {
  let allowed = false;
  for (const statement of statements) {
    if (!statementMatches(statement, request)) continue;
    if (statement.effect === 'Deny') return 'explicitDeny';
    allowed = true;
  }
  return allowed ? 'allowed' : 'implicitDeny';
}

// ---------------------------------------------------------------------------------------------
// Enforcement: a middleware on every DynamoDB and S3 client of the process

export type IamMode = 'enforce' | 'report' | 'off';

export interface IamEnforcement {
  stop(): void;
}

interface Enforcer {
  policies: Record<string, FunctionPolicy>;
  mode: Exclude<IamMode, 'off'>;
  logFile?: string;
  environment: RequestEnvironment;
}

let active: Enforcer | undefined;

/** The message AWS gives, naming the role session the function runs as. */
function deniedMessage(
  policy: FunctionPolicy | undefined,
  functionName: string,
  request: AccessRequest,
  decision: Decision,
) {
  const who = `arn:${LOCAL_PARTITION}:sts::${LOCAL_ACCOUNT}:assumed-role/${policy?.roleLogicalId ?? 'unknown'}/${functionName}`;
  const why =
    decision === 'explicitDeny'
      ? 'with an explicit deny in an identity-based policy'
      : `because no identity-based policy allows the ${request.action} action`;
  return `User: ${who} is not authorized to perform: ${request.action} on resource: ${request.resource} ${why}`;
}

const metadata = () => ({
  httpStatusCode: 0,
  requestId: crypto.randomUUID(),
  attempts: 1,
  totalRetryDelay: 0,
});

/** S3 answers a HEAD with a status and no body: the SDK names a refused one `Forbidden`. */
const s3DeniedName = (operation: string) =>
  operation === 'HeadObject' || operation === 'HeadBucket' ? 'Forbidden' : 'AccessDenied';

function accessDenied(service: 'dynamodb' | 's3', message: string, operation = ''): Error {
  if (service === 'dynamodb') {
    return new DynamoDBServiceException({
      name: 'AccessDeniedException',
      $fault: 'client',
      $metadata: { ...metadata(), httpStatusCode: 400 },
      message,
    });
  }
  return new S3ServiceException({
    name: s3DeniedName(operation),
    $fault: 'client',
    $metadata: { ...metadata(), httpStatusCode: 403 },
    message,
  });
}

/** Checks one call of the running function; throws AccessDenied (enforce) or logs it (report). */
function check(service: 'dynamodb' | 's3', operation: string, requests: AccessRequest[]): void {
  const enforcer = active;
  const fn = runningFunction();
  if (!enforcer || !fn) return;
  const policy = enforcer.policies[fn.logicalId];
  for (const request of requests) {
    const decision = evaluate(policy?.statements ?? [], request);
    if (enforcer.logFile) {
      appendFileSync(
        enforcer.logFile,
        `${JSON.stringify({ function: fn.logicalId, entry: fn.entry, ...request, decision })}\n`,
      );
    }
    if (decision === 'allowed') continue;
    const message = deniedMessage(policy, fn.functionName, request, decision);
    console.warn(`[local IAM] ${fn.entry}: ${message}`);
    if (enforcer.mode === 'enforce') throw accessDenied(service, message, operation);
  }
}

/** Whether the running function may list `bucket` (S3 answers 404 for a missing key only then). */
function mayList(bucket: string): boolean {
  const enforcer = active;
  const fn = runningFunction();
  if (!enforcer || !fn || enforcer.mode !== 'enforce') return true;
  const request = {
    action: 's3:ListBucket',
    resource: `arn:${enforcer.environment.partition ?? LOCAL_PARTITION}:s3:::${bucket}`,
  };
  return evaluate(enforcer.policies[fn.logicalId]?.statements ?? [], request) === 'allowed';
}

const MIDDLEWARE = 'esipLocalIam';
const instrumented = new WeakSet<object>();

// biome-ignore lint/suspicious/noExplicitAny: any client's stack (input/output types vary per client)
function instrument(stack: MiddlewareStack<any, any>, service: AwsService): void {
  if (instrumented.has(stack)) return;
  instrumented.add(stack);
  stack.add(
    (next, context) => async (args) => {
      // The initialize step runs once per command, above the retry middleware.
      countAwsCall(service);
      if (service === 'sfn' || service === 'scheduler' || !active || !runningFunction()) return next(args);
      const operation = operationOf(String(context.commandName ?? ''));
      const input = (args.input ?? {}) as Input;
      const environment = active.environment;
      check(
        service,
        operation,
        service === 'dynamodb'
          ? dynamoDbRequests(operation, input, environment)
          : s3Requests(operation, input, environment),
      );
      if (service !== 's3' || (operation !== 'GetObject' && operation !== 'HeadObject')) return next(args);
      try {
        return await next(args);
      } catch (error) {
        const name = (error as { name?: string }).name;
        if ((name === 'NoSuchKey' || name === 'NotFound') && !mayList(String(input['Bucket']))) {
          throw accessDenied(
            's3',
            'Access Denied (the key does not exist and the role may not list the bucket)',
            operation,
          );
        }
        throw error;
      }
    },
    { step: 'initialize', name: MIDDLEWARE, priority: 'high' },
  );
}

const patched = new WeakSet<object>();

/** Every client of `Class` gets the middleware on its first `send` (the way capacity.ts counts). */
function patchSend(Class: { prototype: { send: (...args: never[]) => unknown } }, service: AwsService): void {
  const proto = Class.prototype as unknown as {
    // biome-ignore lint/suspicious/noExplicitAny: any client's stack
    send: (this: { middlewareStack: MiddlewareStack<any, any> }, ...args: unknown[]) => unknown;
  };
  if (patched.has(proto)) return;
  patched.add(proto);
  // An own property of this class's prototype (the base class's send stays untouched).
  const send = proto.send;
  proto.send = function (this: { middlewareStack: MiddlewareStack<object, object> }, ...args: unknown[]) {
    instrument(this.middlewareStack, service);
    return send.apply(this, args);
  };
}

/**
 * Enforces `policies` on every DynamoDB and S3 call made while a function runs in this process
 * (the DynamoDBDocumentClient shares its client's middleware stack; Powertools' idempotency store
 * builds its own DynamoDBClient: both are covered). One set of policies per process: the last
 * started stack's (every stack of a process synthesizes the same template).
 */
export function enforceIam(options: {
  policies: Record<string, FunctionPolicy>;
  mode?: IamMode;
  logFile?: string;
  environment?: RequestEnvironment;
}): IamEnforcement {
  const mode = options.mode ?? 'enforce';
  // Installed in every mode: the middleware also counts the calls (checks only with an enforcer).
  patchSend(DynamoDBClient, 'dynamodb');
  patchSend(DynamoDBDocumentClient, 'dynamodb');
  patchSend(S3Client, 's3');
  patchSend(SFNClient, 'sfn');
  patchSend(SchedulerClient, 'scheduler');
  if (mode === 'off') return { stop: () => undefined };
  const enforcer: Enforcer = {
    policies: options.policies,
    mode,
    environment: options.environment ?? {},
    ...(options.logFile ? { logFile: options.logFile } : {}),
  };
  active = enforcer;
  return {
    stop() {
      if (active === enforcer) active = undefined;
    },
  };
}

/** The mode from ESIP_LOCAL_IAM (enforce unless it says report or off). */
export function iamModeFromEnv(value = process.env.ESIP_LOCAL_IAM): IamMode {
  return value === 'off' || value === 'report' ? value : 'enforce';
}
