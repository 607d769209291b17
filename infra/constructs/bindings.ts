/**
 * Grant-and-configure helpers: one call gives a function exactly the access it needs to a
 * resource and the environment variable naming it. The statements are written out (no `Action*`
 * or `index/*` wildcards) so that cdk-nag's IAM5 stays quiet without acknowledgements.
 */

import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { envNames } from '../../shared/contract.ts';
import { tableDesign } from '../../shared/db/table-design.ts';
import type { AppFunction } from './app-function.ts';

export type TableAccess = 'read' | 'readwrite';

const TABLE_READ = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:ConditionCheckItem',
  'dynamodb:DescribeTable',
] as const;
const TABLE_WRITE = [
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
] as const;

/**
 * Grants `fn` read or read/write access to the table and its GSIs (Query only on the indexes,
 * which are named from tableDesign) and sets TABLE_NAME. No Scan: every read path is a key or GSI.
 */
export function bindTable(fn: AppFunction, table: dynamodb.ITable, access: TableAccess): void {
  const actions = access === 'read' ? [...TABLE_READ] : [...TABLE_READ, ...TABLE_WRITE];
  fn.role.addToPrincipalPolicy(new iam.PolicyStatement({ actions, resources: [table.tableArn] }));
  fn.role.addToPrincipalPolicy(
    new iam.PolicyStatement({
      actions: ['dynamodb:Query'],
      resources: tableDesign.globalSecondaryIndexes.map((gsi) => `${table.tableArn}/index/${gsi.indexName}`),
    }),
  );
  fn.addEnvironment(envNames.tableName, table.tableName);
}

/** `upload`: PutObject under one key prefix only, to sign presigned uploads there (no reads, no listing). */
export type BucketAccess = 'list' | 'read' | 'readwrite' | { upload: string };

/**
 * Grants `fn` access to a bucket and sets the bucket's environment variable.
 * - list: s3:ListBucket on the bucket (HeadBucket for health checks), no object access;
 * - read: GetObject on its objects;
 * - readwrite: GetObject and PutObject on its objects.
 * read and readwrite include ListBucket too, so a missing key is a 404 (NoSuchKey), not a 403.
 */
export function bindBucket(
  fn: AppFunction,
  bucket: s3.IBucket,
  access: BucketAccess,
  envName: (typeof envNames)['documentsBucket' | 'noticesBucket'],
): void {
  if (typeof access === 'object') {
    fn.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['s3:PutObject'],
        resources: [bucket.arnForObjects(`${access.upload}*`)],
      }),
    );
    fn.addEnvironment(envName, bucket.bucketName);
    return;
  }
  fn.role.addToPrincipalPolicy(
    new iam.PolicyStatement({ actions: ['s3:ListBucket'], resources: [bucket.bucketArn] }),
  );
  if (access !== 'list') {
    const actions = access === 'read' ? ['s3:GetObject'] : ['s3:GetObject', 's3:PutObject'];
    fn.role.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions, resources: [bucket.arnForObjects('*')] }),
    );
  }
  fn.addEnvironment(envName, bucket.bucketName);
}
