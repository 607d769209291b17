/**
 * Esip-Data: the stateful resources, kept apart from the code that uses them so that the
 * application stack can be replaced freely. Everything here is retained when the stack goes.
 */
import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import type { Construct } from 'constructs';
import { roles } from '../../shared/api/routes.ts';
import { tableDesign } from '../../shared/db/table-design.ts';
import { acknowledge } from '../nag.ts';

/** Schedule group of the per-round one-time "close applications" schedules created at runtime. */

import { ROUND_SCHEDULE_GROUP } from '../../shared/contract.ts';

export class DataStack extends Stack {
  readonly table: dynamodb.Table;
  readonly documentsBucket: s3.Bucket;
  readonly noticesBucket: s3.Bucket;
  readonly accessLogsBucket: s3.Bucket;
  readonly userPool: cognito.UserPool;
  readonly userPoolClient: cognito.UserPoolClient;
  readonly roundScheduleGroup: scheduler.ScheduleGroup;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);

    // --- the single table: keys and indexes come from shared/db/table-design.ts -----------------
    this.table = new dynamodb.Table(this, 'Table', {
      partitionKey: { name: tableDesign.partitionKey, type: dynamodb.AttributeType.STRING },
      sortKey: { name: tableDesign.sortKey, type: dynamodb.AttributeType.STRING },
      timeToLiveAttribute: tableDesign.timeToLiveAttribute,
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      encryption: dynamodb.TableEncryption.AWS_MANAGED,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const gsi of tableDesign.globalSecondaryIndexes) {
      this.table.addGlobalSecondaryIndex({
        indexName: gsi.indexName,
        partitionKey: { name: gsi.partitionKey, type: dynamodb.AttributeType.STRING },
        sortKey: { name: gsi.sortKey, type: dynamodb.AttributeType.STRING },
        projectionType: dynamodb.ProjectionType.ALL,
      });
    }

    // --- buckets -----------------------------------------------------------------------------------
    // Server access logs of the two content buckets. SSE-S3 because S3 log delivery cannot write
    // to SSE-KMS buckets; delivery is allowed by a bucket policy (feature flag
    // @aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy, set in infra/build.ts), not by an ACL.
    this.accessLogsBucket = new s3.Bucket(this, 'AccessLogsBucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      versioned: true,
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [
        {
          id: 'expire-access-logs',
          expiration: Duration.days(400),
          noncurrentVersionExpiration: Duration.days(30),
        },
      ],
    });
    // (cdk-nag's S1 accepts this bucket without logging of its own: it is the log destination.)

    // Agreements, reports and receipts, uploaded by applicants through presigned URLs.
    this.documentsBucket = this.privateBucket('DocumentsBucket', 'documents/', {
      cors: [
        {
          // Browsers upload straight to S3 with a presigned POST (form) or PUT URL; the URL, not
          // the origin, is the credential, and the verifier checks every object that arrives.
          allowedMethods: [s3.HttpMethods.POST, s3.HttpMethods.PUT],
          allowedOrigins: ['*'],
          allowedHeaders: ['*'],
          exposedHeaders: ['ETag'],
          maxAge: 3000,
        },
      ],
    });
    // Object-created events go to the default EventBridge bus (the verifier's rule is in Esip-App).
    // Set on the CloudFormation resource itself rather than with `eventBridgeEnabled: true`, which
    // would add a Custom::S3BucketNotifications resource backed by a CDK-provided Lambda (a Python
    // runtime with AWSLambdaBasicExecutionRole and s3:PutBucketNotification on `*`) for a setting
    // CloudFormation supports natively. Do not add `bucket.addEventNotification(...)` to this
    // bucket: that custom resource would then own, and overwrite, the notification configuration.
    const documentsCfn = this.documentsBucket.node.defaultChild as s3.CfnBucket;
    documentsCfn.notificationConfiguration = { eventBridgeConfiguration: { eventBridgeEnabled: true } };

    // Published public notices: private, served through the API (GET /v1/public/rounds/{id}/notice).
    this.noticesBucket = this.privateBucket('NoticesBucket', 'notices/');

    // --- identity: Cognito user pool, groups = roles ------------------------------------------------
    this.userPool = new cognito.UserPool(this, 'UserPool', {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      autoVerify: { email: true },
      standardAttributes: { email: { required: true, mutable: true } },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      mfa: cognito.Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      featurePlan: cognito.FeaturePlan.ESSENTIALS,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    acknowledge(this.userPool, 'AwsSolutions-COG2', [
      "MFA is optional by programme decision: applicant organisations' staff are invited by the",
      'association (self sign-up is off) and TOTP is offered to every user; requiring it is an operational',
      'policy change, not an infrastructure one.',
    ]);
    acknowledge(this.userPool, 'AwsSolutions-COG8', [
      'Essentials feature plan: the pool holds a few hundred invited users, self sign-up is off and',
      'the password policy is strong; the Plus plan (threat protection) is a cost decision left to the association.',
    ]);
    for (const role of roles) {
      new cognito.CfnUserPoolGroup(this, `Group-${role}`, {
        userPoolId: this.userPool.userPoolId,
        groupName: role,
        description: `ESIP role: ${role}`,
      });
    }
    this.userPoolClient = this.userPool.addClient('AppClient', {
      generateSecret: false,
      // Sign-in through the SDK (SRP); no hosted UI is configured, so no OAuth flows or callback URLs
      // (CDK's default would allow the implicit flow with a https://example.com callback).
      disableOAuth: true,
      authFlows: { userSrp: true },
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
    });

    // --- schedule group for per-round one-time schedules (created at runtime) ---------------------
    this.roundScheduleGroup = new scheduler.ScheduleGroup(this, 'RoundScheduleGroup', {
      scheduleGroupName: ROUND_SCHEDULE_GROUP,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    new CfnOutput(this, 'TableName', { value: this.table.tableName });
    new CfnOutput(this, 'DocumentsBucketName', { value: this.documentsBucket.bucketName });
    new CfnOutput(this, 'NoticesBucketName', { value: this.noticesBucket.bucketName });
    new CfnOutput(this, 'UserPoolId', { value: this.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: this.userPoolClient.userPoolClientId });
  }

  private privateBucket(id: string, logPrefix: string, extra: Partial<s3.BucketProps> = {}): s3.Bucket {
    return new s3.Bucket(this, id, {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      versioned: true,
      serverAccessLogsBucket: this.accessLogsBucket,
      serverAccessLogsPrefix: logPrefix,
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [
        { id: 'abort-incomplete-uploads', abortIncompleteMultipartUploadAfter: Duration.days(7) },
      ],
      ...extra,
    });
  }
}
