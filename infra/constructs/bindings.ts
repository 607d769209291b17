/**
 * Grant-and-configure helpers: one call gives a function exactly the access it needs to a
 * resource and the environment variable naming it. Least privilege per function (issue #11):
 * each function names the DynamoDB actions its code really sends, the GSIs it queries and the S3
 * key prefixes it reads or writes; infra/stacks/app-stack.ts says why, function by function, and
 * test/infra/least-privilege.test.ts holds the expected table. The local stack enforces the
 * synthesized statements on every call (local/iam.ts), so the integration suite proves the lists
 * are sufficient.
 *
 * IAM checks DynamoDB transactions per item: TransactWriteItems as PutItem / UpdateItem /
 * DeleteItem / ConditionCheckItem, TransactGetItems as GetItem (there is no TransactWriteItems
 * action to grant). BatchGetItem and BatchWriteItem are actions of their own. No function may
 * Scan: every read path is a key or a GSI.
 *
 * The statements are written out (no `Action*` or `index/*` wildcards) so that cdk-nag's IAM5
 * stays quiet without acknowledgements; key-prefix wildcards (`bucket/alliances/*`) are
 * acknowledged where they are granted.
 */

import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { envNames } from '../../shared/contract.ts';
import { IDEMPOTENCY_PK } from '../../shared/db/idempotency.ts';
import { type IndexName, tableDesign } from '../../shared/db/table-design.ts';
import type { AppFunction } from './app-function.ts';

/** The DynamoDB item-level actions a function can be given (never Scan). */
export const tableActions = [
  'GetItem',
  'BatchGetItem',
  'Query',
  'ConditionCheckItem',
  'PutItem',
  'UpdateItem',
  'DeleteItem',
  'BatchWriteItem',
  'DescribeTable',
] as const;
export type TableAction = (typeof tableActions)[number];

/** The actions that change items (ConditionCheckItem only reads a condition). */
export const TABLE_WRITE_ACTIONS: readonly TableAction[] = [
  'PutItem',
  'UpdateItem',
  'DeleteItem',
  'BatchWriteItem',
];

/**
 * What the idempotency store sends (shared/db/idempotency.ts): its own records only. No GetItem:
 * a refused claim returns the record in its way (ReturnValuesOnConditionCheckFailure).
 */
export const IDEMPOTENCY_ACTIONS: readonly TableAction[] = ['PutItem', 'UpdateItem', 'DeleteItem'];

export interface TableGrant {
  /** Actions on the table's items (`Query` here is a Query of the table itself). */
  readonly actions: readonly TableAction[];
  /** The GSIs the function queries (dynamodb:Query on `<table>/index/<name>` only). */
  readonly indexes?: readonly IndexName[];
  /**
   * Only the items of these partitions (`dynamodb:LeadingKeys`, e.g. `HEALTH`): for a function
   * that touches one fixed partition and nothing else.
   */
  readonly partitions?: readonly string[];
  /**
   * The function serves mutations that accept an Idempotency-Key: its idempotency records
   * (pk IDEMPOTENCY) may be read, written and deleted (a 5xx or 429 response removes its record),
   * and no other item through this grant.
   */
  readonly idempotency?: boolean;
}

const dynamodbActions = (actions: readonly TableAction[]) => actions.map((a) => `dynamodb:${a}`);

const onlyPartitions = (partitions: readonly string[]) => ({
  'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': [...partitions] },
});

/**
 * Grants `fn` exactly `grant` on the table (items, the GSIs it names, its idempotency records)
 * and sets TABLE_NAME.
 */
export function bindTable(fn: AppFunction, table: dynamodb.ITable, grant: TableGrant): void {
  const unknown = (grant.indexes ?? []).filter(
    (name) => !tableDesign.globalSecondaryIndexes.some((gsi) => gsi.indexName === name),
  );
  if (unknown.length) throw new Error(`${fn.node.path}: no such index ${unknown.join(', ')}`);
  if (grant.actions.length) {
    fn.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: dynamodbActions(grant.actions),
        resources: [table.tableArn],
        ...(grant.partitions ? { conditions: onlyPartitions(grant.partitions) } : {}),
      }),
    );
  }
  if (grant.indexes?.length) {
    fn.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['dynamodb:Query'],
        resources: grant.indexes.map((name) => `${table.tableArn}/index/${name}`),
      }),
    );
  }
  if (grant.idempotency) {
    fn.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: dynamodbActions(IDEMPOTENCY_ACTIONS),
        resources: [table.tableArn],
        conditions: onlyPartitions([IDEMPOTENCY_PK]),
      }),
    );
  }
  fn.addEnvironment(envNames.tableName, table.tableName);
}

export interface BucketGrant {
  /** s3:GetObject on the objects under these key prefixes (e.g. `alliances/`). */
  readonly read?: readonly string[];
  /** Also s3:GetObjectVersion on the `read` prefixes: the function reads pinned versions. */
  readonly readVersions?: boolean;
  /**
   * s3:PutObject under these key prefixes: objects the function writes, or presigned POSTs it
   * signs (S3 checks the signer's right when the upload arrives).
   */
  readonly write?: readonly string[];
  /**
   * s3:ListBucket on the bucket: HeadBucket (health), and a read of a missing key answered 404
   * (NoSuchKey), which code that expects missing keys relies on, rather than 403.
   */
  readonly list?: boolean;
}

/** Grants `fn` exactly `grant` on a bucket and sets the bucket's environment variable. */
export function bindBucket(
  fn: AppFunction,
  bucket: s3.IBucket,
  grant: BucketGrant,
  envName: (typeof envNames)['documentsBucket' | 'noticesBucket'],
): void {
  if (grant.list) {
    fn.role.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: ['s3:ListBucket'], resources: [bucket.bucketArn] }),
    );
  }
  const objects = (prefixes: readonly string[]) =>
    prefixes.map((prefix) => {
      // A folder-like prefix (`alliances/`), never the whole bucket nor a wildcard of its own.
      if (!/^[a-z0-9][a-z0-9-]*\/$/.test(prefix))
        throw new Error(`${fn.node.path}: bad key prefix ${prefix}`);
      return bucket.arnForObjects(`${prefix}*`);
    });
  if (grant.read?.length) {
    fn.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: grant.readVersions ? ['s3:GetObject', 's3:GetObjectVersion'] : ['s3:GetObject'],
        resources: objects(grant.read),
      }),
    );
  }
  if (grant.write?.length) {
    fn.role.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: ['s3:PutObject'], resources: objects(grant.write) }),
    );
  }
  fn.addEnvironment(envName, bucket.bucketName);
}
