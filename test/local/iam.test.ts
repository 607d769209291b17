/**
 * The local stack's IAM enforcement (local/iam.ts): what each SDK call asks of IAM, how a policy
 * answers, the synthesized functions' policies as the local stack reads them, and the middleware
 * that checks every call a running function makes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AccessRequest,
  dynamoDbRequests,
  enforceIam,
  evaluate,
  extractFunctionPolicies,
  type FunctionPolicy,
  type IamEnforcement,
  type PolicyStatement,
  s3Requests,
} from '../../local/iam.ts';
import { createLocalInvoker } from '../../local/lambda.ts';
import { importValue } from '../../local/stack.ts';
import { functionArn, loadAppTemplate, type TemplateFunction } from '../../local/template.ts';
import type { Call, Outcome } from './fixtures/aws-calls.ts';
import { projectRoot } from './fixtures/stack.ts';

const TABLE = 'arn:aws:dynamodb:us-east-1:000000000000:table/esip-local';
const allow = (actions: string[], resources: string[], condition?: PolicyStatement['condition']) =>
  ({ effect: 'Allow', actions, resources, ...(condition ? { condition } : {}) }) as PolicyStatement;
const onlyPartitions = (...pks: string[]) => ({
  'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': pks },
});

describe('what a call asks of IAM', () => {
  it('an item operation: its action on the table, its partition key (document or low-level input)', () => {
    expect(
      dynamoDbRequests('GetItem', { TableName: 'esip-local', Key: { pk: 'ROUND#r1', sk: 'ROUND' } }),
    ).toEqual([
      { action: 'dynamodb:GetItem', resource: TABLE, context: { 'dynamodb:LeadingKeys': ['ROUND#r1'] } },
    ]);
    expect(
      dynamoDbRequests('PutItem', {
        TableName: 'esip-local',
        Item: { pk: { S: 'IDEMPOTENCY' }, sk: { S: 'h' } },
      }),
    ).toEqual([
      { action: 'dynamodb:PutItem', resource: TABLE, context: { 'dynamodb:LeadingKeys': ['IDEMPOTENCY'] } },
    ]);
  });

  it('a transaction: each item as the single action IAM checks it as', () => {
    const requests = dynamoDbRequests('TransactWriteItems', {
      TransactItems: [
        { Put: { TableName: 'esip-local', Item: { pk: 'A', sk: '1' } } },
        { Update: { TableName: 'esip-local', Key: { pk: 'B', sk: '1' } } },
        { Delete: { TableName: 'esip-local', Key: { pk: 'C', sk: '1' } } },
        { ConditionCheck: { TableName: 'esip-local', Key: { pk: 'D', sk: '1' } } },
      ],
    });
    expect(requests.map((r) => [r.action, r.context?.['dynamodb:LeadingKeys']])).toEqual([
      ['dynamodb:PutItem', ['A']],
      ['dynamodb:UpdateItem', ['B']],
      ['dynamodb:DeleteItem', ['C']],
      ['dynamodb:ConditionCheckItem', ['D']],
    ]);
    expect(
      dynamoDbRequests('TransactGetItems', {
        TransactItems: [{ Get: { TableName: 'esip-local', Key: { pk: 'A' } } }],
      }),
    ).toEqual([{ action: 'dynamodb:GetItem', resource: TABLE, context: { 'dynamodb:LeadingKeys': ['A'] } }]);
  });

  it('a Query of an index: the index ARN; of the table: the partition its key condition names', () => {
    expect(
      dynamoDbRequests('Query', {
        TableName: 'esip-local',
        IndexName: 'gsi2',
        KeyConditionExpression: 'gsi2pk = :p',
      }),
    ).toEqual([{ action: 'dynamodb:Query', resource: `${TABLE}/index/gsi2` }]);
    expect(
      dynamoDbRequests('Query', {
        TableName: 'esip-local',
        KeyConditionExpression: '#k = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeNames: { '#k': 'pk' },
        ExpressionAttributeValues: { ':pk': 'ALLIANCE#a1', ':prefix': 'DOC#' },
      }),
    ).toEqual([
      { action: 'dynamodb:Query', resource: TABLE, context: { 'dynamodb:LeadingKeys': ['ALLIANCE#a1'] } },
    ]);
  });

  it('batches are actions of their own, per table', () => {
    expect(
      dynamoDbRequests('BatchGetItem', {
        RequestItems: {
          'esip-local': {
            Keys: [
              { pk: 'ORG#1', sk: 'PROFILE' },
              { pk: 'ORG#2', sk: 'PROFILE' },
            ],
          },
        },
      }),
    ).toEqual([
      {
        action: 'dynamodb:BatchGetItem',
        resource: TABLE,
        context: { 'dynamodb:LeadingKeys': ['ORG#1', 'ORG#2'] },
      },
    ]);
    expect(
      dynamoDbRequests('BatchWriteItem', {
        RequestItems: { 'esip-local': [{ DeleteRequest: { Key: { pk: 'X', sk: '1' } } }] },
      }),
    ).toEqual([
      { action: 'dynamodb:BatchWriteItem', resource: TABLE, context: { 'dynamodb:LeadingKeys': ['X'] } },
    ]);
  });

  it('S3: the object ARN; a pinned version, a copy, a bucket-level call', () => {
    expect(s3Requests('GetObject', { Bucket: 'b', Key: 'alliances/a/receipt/d.pdf' })).toEqual([
      { action: 's3:GetObject', resource: 'arn:aws:s3:::b/alliances/a/receipt/d.pdf' },
    ]);
    expect(s3Requests('HeadObject', { Bucket: 'b', Key: 'k', VersionId: 'v1' })).toEqual([
      { action: 's3:GetObjectVersion', resource: 'arn:aws:s3:::b/k' },
    ]);
    expect(
      s3Requests('CopyObject', {
        Bucket: 'b',
        Key: 'evidence/k',
        CopySource: 'b/alliances/k%20x?versionId=v2',
      }),
    ).toEqual([
      { action: 's3:PutObject', resource: 'arn:aws:s3:::b/evidence/k' },
      { action: 's3:GetObjectVersion', resource: 'arn:aws:s3:::b/alliances/k x' },
    ]);
    expect(s3Requests('HeadBucket', { Bucket: 'b' })).toEqual([
      { action: 's3:ListBucket', resource: 'arn:aws:s3:::b' },
    ]);
  });
});

describe('how a policy answers', () => {
  const get: AccessRequest = {
    action: 'dynamodb:GetItem',
    resource: TABLE,
    context: { 'dynamodb:LeadingKeys': ['ROUND#r'] },
  };

  it('allows an action the statements name on the resource, and nothing else', () => {
    const statements = [allow(['dynamodb:GetItem', 'dynamodb:Query'], [TABLE])];
    expect(evaluate(statements, get)).toBe('allowed');
    expect(evaluate(statements, { ...get, action: 'dynamodb:DeleteItem' })).toBe('implicitDeny');
    expect(evaluate(statements, { ...get, resource: `${TABLE}-other` })).toBe('implicitDeny');
    expect(evaluate([], get)).toBe('implicitDeny');
  });

  it('an index is a resource of its own: a grant on the table does not cover it, nor one index another', () => {
    const statements = [allow(['dynamodb:Query'], [TABLE, `${TABLE}/index/gsi1`])];
    const query = (resource: string) => evaluate(statements, { action: 'dynamodb:Query', resource });
    expect(query(TABLE)).toBe('allowed');
    expect(query(`${TABLE}/index/gsi1`)).toBe('allowed');
    expect(query(`${TABLE}/index/gsi2`)).toBe('implicitDeny');
    expect(
      evaluate([allow(['dynamodb:Query'], [TABLE])], {
        action: 'dynamodb:Query',
        resource: `${TABLE}/index/gsi1`,
      }),
    ).toBe('implicitDeny');
  });

  it('wildcards: `*` and `?` in resources (case-sensitive), `*` in actions (case-insensitive)', () => {
    const prefix = [allow(['s3:GetObject'], ['arn:aws:s3:::b/alliances/*'])];
    expect(
      evaluate(prefix, { action: 's3:GetObject', resource: 'arn:aws:s3:::b/alliances/a/receipt/d.pdf' }),
    ).toBe('allowed');
    expect(
      evaluate(prefix, { action: 's3:GetObject', resource: 'arn:aws:s3:::b/evidence/a/receipt/d.pdf' }),
    ).toBe('implicitDeny');
    expect(evaluate(prefix, { action: 's3:GetObject', resource: 'arn:aws:s3:::b/Alliances/x' })).toBe(
      'implicitDeny',
    );
    expect(evaluate([allow(['DynamoDB:Get*'], ['arn:aws:dynamodb:*:*:table/esip-?ocal'])], get)).toBe(
      'allowed',
    );
    expect(evaluate([allow(['dynamodb:Get*'], [TABLE])], { ...get, action: 'dynamodb:PutItem' })).toBe(
      'implicitDeny',
    );
  });

  it('an explicit Deny wins over any Allow', () => {
    const statements = [
      allow(['dynamodb:*'], ['*']),
      { effect: 'Deny', actions: ['dynamodb:DeleteItem'], resources: [TABLE] } as PolicyStatement,
    ];
    expect(evaluate(statements, get)).toBe('allowed');
    expect(evaluate(statements, { ...get, action: 'dynamodb:DeleteItem' })).toBe('explicitDeny');
  });

  it('dynamodb:LeadingKeys: only the partitions named; never an unknown one (an index Query)', () => {
    const statements = [
      allow(['dynamodb:DeleteItem', 'dynamodb:Query'], [TABLE], onlyPartitions('IDEMPOTENCY')),
    ];
    const del = (pk: string) =>
      evaluate(statements, {
        action: 'dynamodb:DeleteItem',
        resource: TABLE,
        context: { 'dynamodb:LeadingKeys': [pk] },
      });
    expect(del('IDEMPOTENCY')).toBe('allowed');
    expect(del('ROUND#r')).toBe('implicitDeny');
    expect(
      evaluate(statements, {
        action: 'dynamodb:DeleteItem',
        resource: TABLE,
        context: { 'dynamodb:LeadingKeys': ['IDEMPOTENCY', 'ROUND#r'] },
      }),
    ).toBe('implicitDeny');
    expect(evaluate(statements, { action: 'dynamodb:Query', resource: TABLE })).toBe('implicitDeny');
    const like = [
      allow(['dynamodb:GetItem'], [TABLE], {
        'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['ROUND#*'] },
      }),
    ];
    expect(evaluate(like, get)).toBe('allowed');
    expect(evaluate(like, { ...get, context: { 'dynamodb:LeadingKeys': ['ORG#1'] } })).toBe('implicitDeny');
  });

  it('a condition it does not know never matches (stricter than AWS, never looser)', () => {
    const statements = [
      allow(['dynamodb:GetItem'], [TABLE], { StringEquals: { 'aws:SourceVpce': ['vpce-1'] } }),
    ];
    expect(evaluate(statements, get)).toBe('implicitDeny');
  });
});

describe('the functions’ policies from the synthesized template', () => {
  let policies: Record<string, FunctionPolicy>;
  const of = (folder: string) => {
    const found = Object.values(policies).find((p) => p.functionLogicalId.startsWith(folder));
    if (!found) throw new Error(`no function ${folder}`);
    return found.statements;
  };
  const item = (action: string, pk: string): AccessRequest => ({
    action: `dynamodb:${action}`,
    resource: TABLE,
    context: { 'dynamodb:LeadingKeys': [pk] },
  });
  const object = (action: string, bucket: string, key: string): AccessRequest => ({
    action: `s3:${action}`,
    resource: `arn:aws:s3:::esip-${bucket}-local/${key}`,
  });

  beforeAll(async () => {
    policies = extractFunctionPolicies(await loadAppTemplate(), {
      resolver: (q) => (q.kind === 'ImportValue' ? importValue(q.name) : undefined),
    });
  });

  it('resolves the data stack’s table and buckets to the local ones', () => {
    const resources = Object.values(policies).flatMap((p) => p.statements.flatMap((s) => s.resources));
    expect(resources).toContain(TABLE);
    expect(resources).toContain(`${TABLE}/index/gsi1`);
    expect(resources).toContain('arn:aws:s3:::esip-documents-local/alliances/*');
    expect(resources).toContain('arn:aws:s3:::esip-notices-local/rounds/*');
  });

  it('public: reads, files an objection, deletes nothing but its own idempotency records', () => {
    const statements = of('PublicFn');
    expect(evaluate(statements, item('GetItem', 'ROUND#r'))).toBe('allowed');
    expect(evaluate(statements, item('PutItem', 'ROUND#r'))).toBe('allowed');
    expect(evaluate(statements, item('DeleteItem', 'ROUND#r'))).toBe('implicitDeny');
    expect(evaluate(statements, item('DeleteItem', 'IDEMPOTENCY'))).toBe('allowed');
    expect(evaluate(statements, item('BatchWriteItem', 'ROUND#r'))).toBe('implicitDeny');
    expect(evaluate(statements, { action: 'dynamodb:Query', resource: `${TABLE}/index/gsi1` })).toBe(
      'implicitDeny',
    );
    expect(evaluate(statements, object('GetObject', 'notices', 'rounds/r/notice.json'))).toBe('allowed');
    expect(evaluate(statements, object('PutObject', 'notices', 'rounds/r/notice.json'))).toBe('implicitDeny');
    expect(evaluate(statements, object('GetObject', 'documents', 'alliances/a/receipt/d.pdf'))).toBe(
      'implicitDeny',
    );
  });

  it('system reads the HEALTH item and no other', () => {
    const statements = of('SystemFn');
    expect(evaluate(statements, item('GetItem', 'HEALTH'))).toBe('allowed');
    expect(evaluate(statements, item('GetItem', 'ORG#1'))).toBe('implicitDeny');
  });

  it('only the verifier writes evidence/', () => {
    const evidence = object('PutObject', 'documents', 'evidence/a/receipt/d.pdf');
    const writers = Object.values(policies).filter((p) => evaluate(p.statements, evidence) === 'allowed');
    expect(writers.map((p) => p.functionLogicalId)).toEqual([expect.stringMatching(/^DocumentVerifierFn/)]);
    expect(
      evaluate(of('DocumentVerifierFn'), object('PutObject', 'documents', 'alliances/a/receipt/d.pdf')),
    ).toBe('implicitDeny');
  });

  it('no function may Scan the table or an index', () => {
    for (const { functionLogicalId, statements } of Object.values(policies)) {
      for (const resource of [TABLE, `${TABLE}/index/gsi1`, `${TABLE}/index/gsi2`]) {
        expect(evaluate(statements, { action: 'dynamodb:Scan', resource }), functionLogicalId).not.toBe(
          'allowed',
        );
      }
    }
  });
});

describe('enforcement of the running function’s policy', () => {
  const fixture = (logicalId: string): TemplateFunction => ({
    logicalId,
    functionName: logicalId,
    arn: functionArn(logicalId),
    entry: 'test/local/fixtures/aws-calls.ts',
    handlerExport: 'handler',
    environment: {},
    timeoutSeconds: 10,
    memorySize: 128,
    metadata: {},
    roleLogicalId: `${logicalId}Role`,
  });
  const policy = (logicalId: string, statements: PolicyStatement[]): FunctionPolicy => ({
    functionLogicalId: logicalId,
    roleLogicalId: `${logicalId}Role`,
    statements,
  });
  const bucket = 'arn:aws:s3:::bucket';
  const invoker = createLocalInvoker([fixture('Reader'), fixture('Lister')], { root: projectRoot });
  let enforcement: IamEnforcement;
  const run = async (fn: string, ...calls: Call[]) =>
    ((await invoker.invoke(fn, { calls })) as Outcome[]).map(
      (o) => `${o.result}${o.requestSent ? '' : ' (not sent)'}`,
    );

  beforeAll(() => {
    enforcement = enforceIam({
      policies: {
        Reader: policy('Reader', [
          allow(['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:ConditionCheckItem'], [TABLE]),
          allow(['dynamodb:DeleteItem'], [TABLE], onlyPartitions('IDEMPOTENCY')),
          allow(['dynamodb:Query'], [`${TABLE}/index/gsi1`]),
          allow(['s3:GetObject'], [`${bucket}/alliances/*`]),
        ]),
        Lister: policy('Lister', [
          allow(['s3:GetObject'], [`${bucket}/alliances/*`]),
          allow(['s3:ListBucket'], [bucket]),
        ]),
      },
    });
  });
  afterAll(() => enforcement.stop());

  it('lets through what the policy allows, from every kind of client', async () => {
    expect(
      await run(
        'Reader',
        ['get', 'ROUND#r'],
        ['rawGet', 'ROUND#r'],
        ['put', 'ROUND#r'],
        ['queryIndex', 'gsi1'],
        ['getObject', 'alliances/a/x.pdf'],
      ),
    ).toEqual(['sent', 'sent', 'sent', 'sent', 'sent']);
  });

  it('refuses the rest as AWS does, before anything is sent', async () => {
    expect(
      await run(
        'Reader',
        ['delete', 'ROUND#r'],
        ['queryIndex', 'gsi2'],
        ['putObject', 'alliances/a/x.pdf'],
        ['getObject', 'evidence/a/x.pdf'],
      ),
    ).toEqual([
      'AccessDeniedException (not sent)',
      'AccessDeniedException (not sent)',
      'AccessDenied (not sent)',
      'AccessDenied (not sent)',
    ]);
    expect(await run('Reader', ['delete', 'IDEMPOTENCY'])).toEqual(['sent']);
  });

  it('a transaction is checked item by item: refused when one of its items is', async () => {
    // Put and ConditionCheck are allowed on any partition, Delete only on IDEMPOTENCY.
    expect(await run('Reader', ['transact', 'ROUND#r', 'IDEMPOTENCY'])).toEqual(['sent']);
    expect(await run('Reader', ['transact', 'ROUND#r', 'ROUND#r'])).toEqual([
      'AccessDeniedException (not sent)',
    ]);
  });

  it('a missing key is NoSuchKey only with s3:ListBucket on the bucket, else AccessDenied', async () => {
    expect(await run('Lister', ['getObject', 'alliances/missing.pdf'], ['headBucket'])).toEqual([
      'NoSuchKey',
      'sent',
    ]);
    expect(await run('Reader', ['getObject', 'alliances/missing.pdf'], ['headBucket'])).toEqual([
      'AccessDenied',
      'Forbidden (not sent)', // a refused HEAD has no body to name the error
    ]);
  });

  it('checks nothing outside an invocation (test code, seeding)', async () => {
    const { call } = await import('./fixtures/aws-calls.ts');
    expect(await call(['delete', 'ROUND#r'])).toEqual({ result: 'sent', requestSent: true });
  });
});
