/**
 * The web console on AWS (issue #12): the built console (web/dist) in the front door's private web
 * bucket (infra/constructs/edge.ts FrontDoor: origin access control, the SPA fallback, CSP), its
 * runtime configuration `config.json` next to it, and the Cognito side of its sign-in.
 *
 * Sign-in: authorization code with PKCE (web/src/auth/session.ts), through each user pool's
 * managed login. The console serves both kinds of user, and the pools are separate on purpose
 * (staff: MFA required; applicants: self sign-up, MFA optional), so each pool gets a managed-login
 * domain and a public app client for the console (no secret, code grant only, callback
 * https://<distribution>/callback); config.json names both — `oidc` is the applicant pool (the
 * sign-in page's default, with sign-up), `signIn.staff` the staff pool. The API's authorizer
 * accepts the console clients next to the SDK clients (STAFF/APPLICANT_USER_POOL_CLIENT_ID carry
 * both ids). Cognito has no switch that requires PKCE of a client; the console always sends an S256
 * challenge, and a public client without PKCE would still need the redirect to this origin.
 *
 * Deployment: two BucketDeployments without pruning (a browser still holding the previous
 * index.html can load its lazily imported chunks): the hashed assets (cached for a year) and then
 * index.html + config.json (no-cache, invalidated on the distribution).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Aws, Duration, Fn, Stack } from 'aws-cdk-lib';
import type * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
// cdk-nag's own renderer of intrinsics in findings (as infra/nag.ts uses it).
import { flattenCfnReference } from 'cdk-nag/lib/utils/flatten-cfn-reference.js';
import { Construct, type IConstruct } from 'constructs';
import { userPoolEnvNames } from '../../shared/contract.ts';
import { acknowledge } from '../nag.ts';
import type { DataStack } from '../stacks/data-stack.ts';
import type { FrontDoor } from './edge.ts';

/** One sign-in (one user pool's managed login and the console's client there). */
export interface ConsoleSignIn {
  authorizeUrl: string;
  tokenUrl: string;
  logoutUrl: string;
  clientId: string;
  scope: string;
  redirectUri: string;
}

/** config.json: what web/src/auth/session.ts reads (`oidc`), and the staff pool's sign-in. */
export interface ConsoleRuntimeConfig {
  oidc: ConsoleSignIn;
  signIn: { applicant: ConsoleSignIn; staff: ConsoleSignIn };
}

export const CONSOLE_SCOPES = ['openid', 'email', 'profile'] as const;

/** The managed-login endpoints of a pool domain (https://<prefix>.auth.<region>.amazoncognito.com). */
export function signInOf(domainUrl: string, clientId: string, origin: string): ConsoleSignIn {
  const base = domainUrl.replace(/\/+$/, '');
  return {
    authorizeUrl: `${base}/oauth2/authorize`,
    tokenUrl: `${base}/oauth2/token`,
    logoutUrl: `${base}/logout?client_id=${clientId}&logout_uri=${encodeURIComponent(`${origin}/`)}`,
    clientId,
    scope: CONSOLE_SCOPES.join(' '),
    redirectUri: `${origin}/callback`,
  };
}

/** config.json from the pools' domains and the console's clients (CloudFormation tokens are fine). */
export function consoleRuntimeConfig(props: {
  origin: string;
  applicant: { domainUrl: string; clientId: string };
  staff: { domainUrl: string; clientId: string };
}): ConsoleRuntimeConfig {
  const applicant = signInOf(props.applicant.domainUrl, props.applicant.clientId, props.origin);
  const staff = signInOf(props.staff.domainUrl, props.staff.clientId, props.origin);
  return { oidc: applicant, signIn: { applicant, staff } };
}

export interface ConsoleHostingProps {
  readonly stage: string;
  /** The built console (web/dist), holding index.html. */
  readonly distDir: string;
  readonly bucket: s3.IBucket;
  readonly distribution: cloudfront.Distribution;
  readonly staffPool: cognito.IUserPool;
  readonly applicantPool: cognito.IUserPool;
}

export class ConsoleHosting extends Construct {
  readonly clients: { staff: cognito.UserPoolClient; applicant: cognito.UserPoolClient };
  readonly domains: { staff: cognito.UserPoolDomain; applicant: cognito.UserPoolDomain };
  readonly config: ConsoleRuntimeConfig;

  constructor(scope: Construct, id: string, props: ConsoleHostingProps) {
    super(scope, id);
    const origin = `https://${props.distribution.distributionDomainName}`;

    const pool = (name: 'staff' | 'applicant', userPool: cognito.IUserPool) => {
      const Name = name === 'staff' ? 'Staff' : 'Applicant';
      const client = new cognito.UserPoolClient(this, `${Name}Client`, {
        userPool,
        userPoolClientName: `esip-${props.stage}-console`,
        generateSecret: false,
        authFlows: {},
        oAuth: {
          flows: { authorizationCodeGrant: true },
          scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.PROFILE],
          callbackUrls: [`${origin}/callback`],
          logoutUrls: [`${origin}/`],
        },
        supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
        preventUserExistenceErrors: true,
        enableTokenRevocation: true,
        accessTokenValidity: Duration.hours(1),
        idTokenValidity: Duration.hours(1),
        refreshTokenValidity: Duration.days(30),
      });
      // The prefix is unique per region across AWS: stage, pool and account.
      const domain = new cognito.UserPoolDomain(this, `${Name}Domain`, {
        userPool,
        cognitoDomain: { domainPrefix: `esip-${props.stage}-${name}-${Aws.ACCOUNT_ID}` },
        managedLoginVersion: cognito.ManagedLoginVersion.NEWER_MANAGED_LOGIN,
      });
      // Managed login (v2) shows a page only for a client with a branding style: Cognito's own.
      new cognito.CfnManagedLoginBranding(this, `${Name}Branding`, {
        userPoolId: userPool.userPoolId,
        clientId: client.userPoolClientId,
        useCognitoProvidedValues: true,
      });
      return { client, domain };
    };
    const staff = pool('staff', props.staffPool);
    const applicant = pool('applicant', props.applicantPool);
    this.clients = { staff: staff.client, applicant: applicant.client };
    this.domains = { staff: staff.domain, applicant: applicant.domain };

    this.config = consoleRuntimeConfig({
      origin,
      staff: { domainUrl: staff.domain.baseUrl(), clientId: staff.client.userPoolClientId },
      applicant: { domainUrl: applicant.domain.baseUrl(), clientId: applicant.client.userPoolClientId },
    });

    const assets = new s3deploy.BucketDeployment(this, 'Assets', {
      destinationBucket: props.bucket,
      sources: [s3deploy.Source.asset(props.distDir, { exclude: ['index.html', 'config.json'] })],
      prune: false,
      cacheControl: [
        s3deploy.CacheControl.setPublic(),
        s3deploy.CacheControl.maxAge(Duration.days(365)),
        s3deploy.CacheControl.immutable(),
      ],
    });
    const entry = new s3deploy.BucketDeployment(this, 'Entry', {
      destinationBucket: props.bucket,
      sources: [
        s3deploy.Source.data('index.html', readFileSync(join(props.distDir, 'index.html'), 'utf8')),
        s3deploy.Source.jsonData('config.json', this.config),
      ],
      prune: false,
      cacheControl: [s3deploy.CacheControl.noCache()],
      distribution: props.distribution,
      distributionPaths: ['/index.html', '/config.json'],
    });
    // index.html names the assets: it goes up after them.
    entry.node.addDependency(assets);
    this.acknowledgeDeploymentFunction();
  }

  /** The BucketDeployment custom resource's function (one per stack, shared by both deployments). */
  private acknowledgeDeploymentFunction(): void {
    const stack = Stack.of(this);
    const handler = stack.node
      .findAll()
      .find(
        (c: IConstruct) =>
          c.node.id.startsWith('Custom::CDKBucketDeployment') && c.node.tryFindChild('Resource'),
      );
    if (!handler) return;
    const role = handler.node.tryFindChild('ServiceRole');
    if (role) {
      acknowledge(
        role,
        'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        [
          "CDK's BucketDeployment custom resource (copies the console into the web bucket at deployment):",
          'its role has the basic execution policy for its logs; it runs only during a deployment.',
        ],
      );
      const policy = role.node.tryFindChild('DefaultPolicy') as iam.Policy | undefined;
      const statements = (policy ? stack.resolve(policy.document.toJSON())?.Statement : []) as {
        Action?: string | string[];
        Resource?: unknown;
      }[];
      const findings = new Set<string>();
      for (const statement of statements ?? []) {
        for (const action of [statement.Action ?? []].flat()) {
          if (action.includes('*')) findings.add(`AwsSolutions-IAM5[Action::${action}]`);
        }
        for (const resource of [statement.Resource ?? []].flat()) {
          const rendered = flattenCfnReference(resource);
          if (rendered.includes('*')) findings.add(`AwsSolutions-IAM5[Resource::${rendered}]`);
        }
      }
      for (const finding of findings) {
        acknowledge(policy!, finding, [
          "CDK's BucketDeployment grants: read of the CDK asset bucket, write of the web bucket (the",
          "console's files) and a CloudFront invalidation (CloudFront has no per-distribution",
          'resource-level scoping in the grant CDK writes); only used during a deployment.',
        ]);
      }
    }
    acknowledge(handler, 'AwsSolutions-L1', [
      "CDK's BucketDeployment custom resource pins its own (Python) runtime, upgraded with aws-cdk-lib;",
      'it runs only during a deployment and serves no request.',
    ]);
  }
}

/**
 * The console behind the front door, and the API's authorizer told about its clients: each pool's
 * client-id variable becomes "<SDK client>,<console client>" (functions/authorizer/handler.ts).
 */
export function hostConsole(
  scope: Construct,
  props: {
    stage: string;
    distDir: string;
    data: DataStack;
    frontDoor: FrontDoor;
    authorizer: lambda.Function;
  },
): ConsoleHosting {
  const { staffUserPool, staffUserPoolClient, applicantUserPool, applicantUserPoolClient } = props.data;
  if (!staffUserPool || !staffUserPoolClient || !applicantUserPool || !applicantUserPoolClient) {
    throw new Error('console: Esip-Data was built without its user pools (identity cognito)');
  }
  const hosting = new ConsoleHosting(scope, 'Console', {
    stage: props.stage,
    distDir: props.distDir,
    bucket: props.frontDoor.webBucket,
    distribution: props.frontDoor.distribution,
    staffPool: staffUserPool,
    applicantPool: applicantUserPool,
  });
  props.authorizer.addEnvironment(
    userPoolEnvNames.staff.clientId,
    Fn.join(',', [staffUserPoolClient.userPoolClientId, hosting.clients.staff.userPoolClientId]),
  );
  props.authorizer.addEnvironment(
    userPoolEnvNames.applicant.clientId,
    Fn.join(',', [applicantUserPoolClient.userPoolClientId, hosting.clients.applicant.userPoolClientId]),
  );
  return hosting;
}
