import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Match } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../infra/paths.ts';
import { ROUND_SCHEDULE_GROUP } from '../../shared/contract.ts';
import { tableDesign } from '../../shared/db/table-design.ts';
import { resourcesOfType, type Synthesized, synthesize } from './helpers.ts';

let s: Synthesized;
beforeAll(() => {
  s = synthesize({ bundle: false });
});
afterAll(() => s?.cleanup());

describe('Esip-Data: the table', () => {
  it('has the keys, GSIs and TTL of shared/db/table-design.ts, all strings', () => {
    const tables = resourcesOfType(s.dataTemplate, 'AWS::DynamoDB::Table');
    expect(Object.keys(tables)).toHaveLength(1);
    const table = Object.values(tables)[0]!.Properties;

    expect(table.KeySchema).toEqual([
      { AttributeName: tableDesign.partitionKey, KeyType: 'HASH' },
      { AttributeName: tableDesign.sortKey, KeyType: 'RANGE' },
    ]);
    expect(table.GlobalSecondaryIndexes).toEqual(
      tableDesign.globalSecondaryIndexes.map((gsi) => ({
        IndexName: gsi.indexName,
        KeySchema: [
          { AttributeName: gsi.partitionKey, KeyType: 'HASH' },
          { AttributeName: gsi.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
    );
    const keyAttributes = [
      tableDesign.partitionKey,
      tableDesign.sortKey,
      ...tableDesign.globalSecondaryIndexes.flatMap((gsi) => [gsi.partitionKey, gsi.sortKey]),
    ];
    expect(table.AttributeDefinitions).toEqual(
      expect.arrayContaining(keyAttributes.map((name) => ({ AttributeName: name, AttributeType: 'S' }))),
    );
    expect(table.AttributeDefinitions).toHaveLength(keyAttributes.length);
    expect(table.TimeToLiveSpecification).toEqual({
      AttributeName: tableDesign.timeToLiveAttribute,
      Enabled: true,
    });
  });

  it('is on-demand, with point-in-time recovery, deletion protection and AWS-managed encryption', () => {
    s.dataTemplate.hasResourceProperties('AWS::DynamoDB::Table', {
      BillingMode: 'PAY_PER_REQUEST',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      DeletionProtectionEnabled: true,
      SSESpecification: { SSEEnabled: true },
    });
  });

  it('is retained when the stack is deleted or the table replaced', () => {
    s.dataTemplate.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    });
  });
});

describe('Esip-Data: buckets', () => {
  const bucketIds = () => Object.keys(resourcesOfType(s.dataTemplate, 'AWS::S3::Bucket'));
  const bucketId = (prefix: string) => {
    const id = bucketIds().find((candidate) => candidate.startsWith(prefix));
    if (!id) throw new Error(`no bucket ${prefix}`);
    return id;
  };

  it('there are three: documents, notices and their access logs', () => {
    expect(bucketIds()).toHaveLength(3);
    for (const prefix of ['DocumentsBucket', 'NoticesBucket', 'AccessLogsBucket'])
      expect(bucketId(prefix)).toBeTruthy();
  });

  it('every bucket blocks public access, is encrypted, versioned, owner-enforced and retained', () => {
    for (const [id, bucket] of Object.entries(resourcesOfType(s.dataTemplate, 'AWS::S3::Bucket'))) {
      expect(bucket.Properties.PublicAccessBlockConfiguration, id).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
      expect(
        bucket.Properties.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault
          .SSEAlgorithm,
        id,
      ).toMatch(/^(AES256|aws:kms)$/);
      expect(bucket.Properties.VersioningConfiguration, id).toEqual({ Status: 'Enabled' });
      expect(bucket.Properties.OwnershipControls, id).toEqual({
        Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }],
      });
      expect(bucket.DeletionPolicy, id).toBe('Retain');
    }
  });

  it('every bucket refuses requests without TLS', () => {
    for (const id of bucketIds()) {
      s.dataTemplate.hasResourceProperties('AWS::S3::BucketPolicy', {
        Bucket: { Ref: id },
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Effect: 'Deny',
              Action: 's3:*',
              Principal: { AWS: '*' },
              Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            }),
          ]),
        },
      });
    }
  });

  it('documents and notices buckets write server access logs to the log bucket', () => {
    const logs = bucketId('AccessLogsBucket');
    for (const prefix of ['DocumentsBucket', 'NoticesBucket']) {
      const bucket = resourcesOfType(s.dataTemplate, 'AWS::S3::Bucket')[bucketId(prefix)]!;
      expect(bucket.Properties.LoggingConfiguration.DestinationBucketName).toEqual({ Ref: logs });
    }
  });

  it('the documents bucket sends events to EventBridge and allows presigned POST/PUT uploads from browsers', () => {
    const documents = resourcesOfType(s.dataTemplate, 'AWS::S3::Bucket')[bucketId('DocumentsBucket')]!;
    expect(documents.Properties.NotificationConfiguration).toEqual({
      EventBridgeConfiguration: { EventBridgeEnabled: true },
    });
    expect(documents.Properties.CorsConfiguration.CorsRules).toEqual([
      expect.objectContaining({ AllowedMethods: ['POST', 'PUT'], AllowedOrigins: ['*'] }),
    ]);
    // No custom resource (and its Lambda) for bucket notifications: CloudFormation sets it natively.
    expect(Object.keys(resourcesOfType(s.dataTemplate, 'Custom::S3BucketNotifications'))).toHaveLength(0);
    expect(Object.keys(resourcesOfType(s.dataTemplate, 'AWS::Lambda::Function'))).toHaveLength(0);
  });

  it('the notices bucket is not public and has no CORS (notices are served through the API)', () => {
    const notices = resourcesOfType(s.dataTemplate, 'AWS::S3::Bucket')[bucketId('NoticesBucket')]!;
    expect(notices.Properties.CorsConfiguration).toBeUndefined();
    expect(notices.Properties.WebsiteConfiguration).toBeUndefined();
  });
});

describe('Esip-Data: schedules', () => {
  // The two user pools (staff: MFA required; applicants: optional) are tested in auth.test.ts.
  it('holds the schedule group of the per-round close schedules', () => {
    s.dataTemplate.hasResource('AWS::Scheduler::ScheduleGroup', {
      DeletionPolicy: 'Retain',
      Properties: { Name: ROUND_SCHEDULE_GROUP },
    });
  });
});

describe('the two stacks', () => {
  it('are named Esip-Data and Esip-App, environment-agnostic, and Esip-App depends on Esip-Data only', () => {
    expect(s.dataStack.stackName).toBe('Esip-Data');
    expect(s.appStack.stackName).toBe('Esip-App');
    for (const stack of [s.dataStack, s.appStack]) {
      expect(stack.environment).toBe('aws://unknown-account/unknown-region');
    }
    expect(s.appStack.dependencies.map((d) => d.stackName)).toEqual(['Esip-Data']);
    expect(s.dataStack.dependencies).toEqual([]);
    // Esip-Data imports nothing: no cycle between the stacks.
    expect(JSON.stringify(s.dataTemplate.toJSON())).not.toContain('Fn::ImportValue');
  });

  it('skip bundling when asked (bundle: false): no bundles staged, function code left at the sources', () => {
    expect(readdirSync(s.outdir).filter((name) => name.startsWith('asset.'))).toEqual([]);
    const manifest = JSON.parse(readFileSync(path.join(s.outdir, 'Esip-App.assets.json'), 'utf8'));
    const sources = Object.values<{ source: { path: string } }>(manifest.files)
      .map((f) => f.source.path)
      .filter((source) => !source.endsWith('.template.json'));
    expect(sources.length).toBeGreaterThan(0);
    expect(new Set(sources)).toEqual(new Set([projectRoot.replace(/\/$/, '')]));
  });
});
