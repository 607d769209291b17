/**
 * Esip-Data: the stateful resources, kept apart from the code that uses them so that the
 * application stack can be replaced freely. Everything here is retained when the stack goes.
 *
 * The two Cognito user pools exist only with `identity: 'cognito'` (the default; infra/build.ts):
 * with one external OpenID Connect provider (`identity=oidc`, required in AWS China regions, where
 * Cognito user pools are not offered) this stack has no Cognito resources at all.
 */
import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import type { Construct } from 'constructs';
import { tableDesign } from '../../shared/db/table-design.ts';
import { rolesOfPool } from '../../shared/http/auth.ts';
import { acknowledge } from '../nag.ts';

/** Schedule group of the per-round one-time "close applications" schedules created at runtime. */

import { ROUND_SCHEDULE_GROUP } from '../../shared/contract.ts';

export interface DataStackProps extends StackProps {
  /** `cognito` (default): the two user pools; `oidc`: none (an external provider signs the tokens). */
  readonly identity?: 'cognito' | 'oidc';
}

export class DataStack extends Stack {
  readonly table: dynamodb.Table;
  readonly documentsBucket: s3.Bucket;
  readonly noticesBucket: s3.Bucket;
  readonly accessLogsBucket: s3.Bucket;
  /** Admins, reviewers, inspectors: invited, MFA required. Only with identity `cognito`. */
  readonly staffUserPool?: cognito.UserPool;
  readonly staffUserPoolClient?: cognito.UserPoolClient;
  /** Applicants: self sign-up, MFA optional. Only with identity `cognito`. */
  readonly applicantUserPool?: cognito.UserPool;
  readonly applicantUserPoolClient?: cognito.UserPoolClient;
  readonly roundScheduleGroup: scheduler.ScheduleGroup;

  constructor(scope: Construct, id: string, props: DataStackProps = {}) {
    super(scope, id, props);

    // --- the single table: keys and indexes come from shared/db/table-design.ts -----------------
    this.table = new dynamodb.Table(this, 'Table', {
      partitionKey: { name: tableDesign.partitionKey, type: dynamodb.AttributeType.STRING },
      sortKey: { name: tableDesign.sortKey, type: dynamodb.AttributeType.STRING },
      timeToLiveAttribute: tableDesign.timeToLiveAttribute,
      // The notifier reads inserted notifications from the stream (infra/stacks/app-stack.ts).
      stream: dynamodb.StreamViewType[tableDesign.streamViewType],
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

    if ((props.identity ?? 'cognito') === 'cognito') {
      const pools = this.userPools();
      this.staffUserPool = pools.staffUserPool;
      this.staffUserPoolClient = pools.staffUserPoolClient;
      this.applicantUserPool = pools.applicantUserPool;
      this.applicantUserPoolClient = pools.applicantUserPoolClient;
    }

    // --- schedule group for per-round one-time schedules (created at runtime) ---------------------
    this.roundScheduleGroup = new scheduler.ScheduleGroup(this, 'RoundScheduleGroup', {
      scheduleGroupName: ROUND_SCHEDULE_GROUP,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    new CfnOutput(this, 'TableName', { value: this.table.tableName });
    new CfnOutput(this, 'DocumentsBucketName', { value: this.documentsBucket.bucketName });
    new CfnOutput(this, 'NoticesBucketName', { value: this.noticesBucket.bucketName });
  }

  /** The two Cognito user pools, their app clients and groups (identity `cognito`). */
  private userPools(): {
    staffUserPool: cognito.UserPool;
    staffUserPoolClient: cognito.UserPoolClient;
    applicantUserPool: cognito.UserPool;
    applicantUserPoolClient: cognito.UserPoolClient;
  } {
    // --- identity: two Cognito user pools, groups = roles (shared/http/auth.ts) -------------------
    // Staff (admin, reviewer, inspector, …) and applicants sign in through separate pools, so that
    // MFA can be required of every staff account without being imposed on the public; the API's
    // Lambda authorizer accepts both and honours a role only from its own pool.
    const passwordPolicy: cognito.PasswordPolicy = {
      minLength: 12,
      requireLowercase: true,
      requireUppercase: true,
      requireDigits: true,
      requireSymbols: true,
      tempPasswordValidity: Duration.days(3),
    };
    const poolBase = {
      signInAliases: { email: true },
      autoVerify: { email: true },
      standardAttributes: { email: { required: true, mutable: true } },
      passwordPolicy,
      // TOTP only: no SMS, so no SNS role, no SMS costs, no SIM-swap exposure.
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    } satisfies cognito.UserPoolProps;

    // Staff: invited by an admin (no self sign-up); MFA (TOTP) required of everyone, enrolled at the
    // first sign-in; threat protection (compromised credentials, risky sign-ins) enforced. A new
    // pool: Cognito cannot switch an existing pool from optional to required MFA.
    const staffUserPool = new cognito.UserPool(this, 'StaffUserPool', {
      ...poolBase,
      selfSignUpEnabled: false,
      mfa: cognito.Mfa.REQUIRED,
      featurePlan: cognito.FeaturePlan.PLUS,
      standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION,
      // Chinese first (the programme office and its experts are in Wuhan), English after.
      userInvitation: {
        emailSubject: '企会协作创新计划工作人员账号 / ESIP staff account',
        emailBody:
          '您好！您已受邀使用企会协作创新计划管理系统。用户名：{username}，临时密码：{####}（3 天内有效）。' +
          '首次登录时请设置新密码，并绑定身份验证器应用（TOTP 动态口令）。' +
          ' / You have been invited to the ESIP programme system. User name: {username}, temporary ' +
          'password: {####} (valid for 3 days). At the first sign-in you set a password and enrol an ' +
          'authenticator app (TOTP).',
      },
    });

    // Applicants: self sign-up with a verified e-mail address; MFA optional (TOTP offered). The
    // construct id is the one of the former single pool: its users, its `applicant` group and its
    // app client (the id applicants' clients use) stay; the staff groups go to the staff pool.
    const applicantUserPool = new cognito.UserPool(this, 'UserPool', {
      ...poolBase,
      selfSignUpEnabled: true,
      mfa: cognito.Mfa.OPTIONAL,
      featurePlan: cognito.FeaturePlan.ESSENTIALS,
      // The sign-up code, Chinese first (applicants are Chinese SMEs and societies), English after.
      userVerification: {
        emailStyle: cognito.VerificationEmailStyle.CODE,
        emailSubject: '企会协作创新计划账号验证码 / ESIP verification code',
        emailBody:
          '您好！您注册企会协作创新计划申报账号的验证码为 {####}，请在注册页面输入以完成邮箱验证。' +
          ' / Your ESIP applicant account verification code is {####}: enter it on the sign-up page.',
      },
      // An applicant an office member creates (rare: applicants sign themselves up).
      userInvitation: {
        emailSubject: '企会协作创新计划申报账号 / ESIP applicant account',
        emailBody:
          '您好！已为您开通企会协作创新计划申报账号。用户名：{username}，临时密码：{####}（3 天内有效），' +
          '首次登录时请设置新密码。 / An ESIP applicant account was opened for you. User name: ' +
          '{username}, temporary password: {####} (valid for 3 days); set a new password at the first sign-in.',
      },
    });
    acknowledge(applicantUserPool, 'AwsSolutions-COG2', [
      'Applicant pool only: MFA is optional for applicants (members of the public who sign up',
      'themselves and can hold only the applicant role, checked against their own organisations and',
      'alliances); TOTP is offered to every applicant. Staff sign in through the staff pool, where MFA is',
      'required, and the API honours staff roles only from that pool.',
    ]);
    acknowledge(applicantUserPool, 'AwsSolutions-COG8', [
      'Applicant pool: Essentials feature plan; threat protection (Plus) is billed per monthly active',
      'user and the applicant pool is open to sign-up, so it is a cost decision left to the association.',
      'E-mail verification and a strong password policy apply; the staff pool is on the Plus plan.',
    ]);

    // Esip-App's former JWT authorizer imported this value; the export stays until an Esip-App
    // without it is deployed (CloudFormation refuses to remove an export still in use), then it can go.
    this.exportValue(applicantUserPool.userPoolProviderUrl);

    const staffUserPoolClient = this.appClient(staffUserPool);
    const applicantUserPoolClient = this.appClient(applicantUserPool);
    for (const [pool, userPool] of [
      ['staff', staffUserPool],
      ['applicant', applicantUserPool],
    ] as const) {
      for (const role of rolesOfPool(pool)) {
        new cognito.CfnUserPoolGroup(this, pool === 'staff' ? `StaffGroup-${role}` : `Group-${role}`, {
          userPoolId: userPool.userPoolId,
          groupName: role,
          description: `ESIP role: ${role}`,
        });
      }
    }

    new CfnOutput(this, 'StaffUserPoolId', {
      value: staffUserPool.userPoolId,
      description: 'Staff sign-in (admin, reviewer, inspector): MFA required',
    });
    new CfnOutput(this, 'StaffUserPoolClientId', { value: staffUserPoolClient.userPoolClientId });
    new CfnOutput(this, 'ApplicantUserPoolId', {
      value: applicantUserPool.userPoolId,
      description: 'Applicant sign-in and self sign-up: MFA optional',
    });
    new CfnOutput(this, 'ApplicantUserPoolClientId', {
      value: applicantUserPoolClient.userPoolClientId,
    });
    return { staffUserPool, staffUserPoolClient, applicantUserPool, applicantUserPoolClient };
  }

  /**
   * The app client of a pool: sign-in through the SDK (SRP). No hosted UI is configured, so no OAuth
   * flows or callback URLs (CDK's default would allow the implicit flow with a https://example.com
   * callback).
   */
  private appClient(pool: cognito.UserPool): cognito.UserPoolClient {
    return pool.addClient('AppClient', {
      generateSecret: false,
      disableOAuth: true,
      authFlows: { userSrp: true },
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
    });
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
