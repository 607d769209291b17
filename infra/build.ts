/**
 * Builds the CDK app: Esip-Data (stateful), Esip-App (stateless) and, when a deployment region is
 * known, Esip-Edge (the CloudFront-scoped AWS WAF web ACL, which AWS only accepts in us-east-1),
 * with the AwsSolutions cdk-nag checks on — an unacknowledged nag error fails the synth.
 *
 * Regions. The edge needs concrete regions: Esip-App's CloudFront distribution references the web
 * ACL in Esip-Edge (us-east-1), a cross-region reference that CDK carries through an SSM parameter
 * written by a custom resource in Esip-Edge and read by one in Esip-App (`crossRegionReferences`;
 * an ordinary export when the deployment region is us-east-1), and Esip-Data then gets the same
 * region as Esip-App (their references are exports, which stay within one region). The region is
 * context `region`, else (under the CDK CLI) CDK_DEFAULT_REGION, which the CLI always sets (from the
 * profile, or us-east-1); the account is context `account`, else CDK_DEFAULT_ACCOUNT, else agnostic (both
 * stacks of a cross-region reference must be in one account, whichever it is at deployment).
 * Synthesizing in-process without a region (the tests, the local stack) builds no edge, keeps the
 * stacks environment-agnostic as before, and warns; so do context `edge=false` (agnostic unless
 * `-c region` is given) and an AWS China region (no us-east-1 in that partition for the ACL).
 *
 * Configuration (context, `-c key=value` or cdk.json; validated here, a bad value fails the synth):
 * `stage`, `region`, `account`, `edge`, `alarmEmail` (one or more, comma-separated),
 * `alarmWebhook` (https URL), `wafRateLimit` and `wafPublicRateLimit` (requests per client IP per
 * 5 minutes, all paths and /v1/public/* respectively).
 *
 * Identity: `identity=cognito` (default: the two user pools of Esip-Data) or `identity=oidc` with
 * `oidcIssuer` (https), `oidcAudience` (client ids, comma-separated) and optionally `oidcJwksUri`
 * (default: the issuer's discovery document), `oidcGroupsClaim` (default `groups`),
 * `oidcStaffGroups` (the staff roles honoured from it, default all) and `oidcMfaClaim` (e.g. `amr`:
 * staff roles only with `mfa`/`otp` in it): one external OpenID Connect provider (Keycloak, a
 * Chinese IdP, …), no Cognito resources at all (functions/authorizer/handler.ts).
 *
 * AWS China regions (cn-north-1, cn-northwest-1; partition aws-cn): Cognito user pools are not
 * offered there, so identity=cognito is refused; X-Ray tracing is off (Lambda's X-Ray integration
 * is not available there), and there is no edge (above). ARNs use the stack's partition throughout.
 *
 * Console: `console` (default true) and `consoleDist` (default web/dist): the built console and its
 * config.json in the web bucket, with a Cognito app client and managed-login domain per user pool
 * (infra/constructs/console.ts); see consoleConfig below for when it is skipped.
 *
 * `bundle: false` skips esbuild bundling of the functions (for a local process that only needs
 * the template, e.g. the local stack); assets then point at the project sources.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Annotations, App, type Environment, Tags } from 'aws-cdk-lib';
import { rolesOfPool } from '../shared/http/auth.ts';
import type { AlarmRecipients } from './constructs/alarms.ts';
import { DEFAULT_WAF_LIMITS, EDGE_REGION, type WafLimits } from './constructs/edge.ts';
import type { NotificationConfig } from './constructs/notifier.ts';
import { addNagChecks } from './nag.ts';
import { projectRoot } from './paths.ts';
import { AppStack } from './stacks/app-stack.ts';
import { DataStack } from './stacks/data-stack.ts';
import { EdgeStack } from './stacks/edge-stack.ts';

export interface BuildAppOptions {
  /** Bundle the functions with esbuild (default true). */
  readonly bundle?: boolean;
  /** Cloud assembly directory (default: the CLI's, or cdk.out). */
  readonly outdir?: string;
  /** Deployment stage, e.g. dev or prod (default: context `stage`, else 'dev'). */
  readonly stage?: string;
  /** Context values, as `-c key=value` would give them (tests; the CLI passes its own). */
  readonly context?: Record<string, unknown>;
  /** Where CDK_OUTDIR, CDK_DEFAULT_REGION and CDK_DEFAULT_ACCOUNT are read (default process.env). */
  readonly environment?: Readonly<Record<string, string | undefined>>;
}

export interface BuiltApp {
  readonly app: App;
  readonly dataStack: DataStack;
  readonly appStack: AppStack;
  /** Present when the edge (CloudFront + WAF) is built. */
  readonly edgeStack?: EdgeStack;
  readonly config: DeploymentConfig;
}

/** Feature flags this app relies on (defaults; cdk.json may not turn them off silently). */
const FEATURE_FLAGS = {
  // Server access logs are delivered under a bucket policy, not the legacy LogDeliveryWrite ACL
  // (which BucketOwnerEnforced buckets refuse).
  '@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy': true,
  // Esip-App imports from Esip-Data with Fn::ImportValue (CloudFormation exports): a table or bucket
  // still in use cannot be removed from Esip-Data by accident.
  '@aws-cdk/core:defaultCrossStackReferences': 'strong',
} as const;

export const STACK_NAMES = { data: 'Esip-Data', app: 'Esip-App', edge: 'Esip-Edge' } as const;

/** What the context and the CLI's environment say about this deployment, validated. */
export interface DeploymentConfig {
  readonly stage: string;
  /** The stacks' environment; undefined = environment-agnostic. */
  readonly env?: Environment & { region: string };
  readonly alarms: AlarmRecipients;
  /** The edge's settings; undefined = no edge (see `edgeSkipped`). */
  readonly edge?: { readonly limits: WafLimits };
  /** Why there is no edge, when there is none. */
  readonly edgeSkipped?: string;
  /** Who signs the API's tokens. */
  readonly identity: IdentityConfig;
  /** X-Ray active tracing of the functions and the state machine (off in AWS China regions). */
  readonly tracing: boolean;
  /** How notifications are sent (context notify*, infra/constructs/notifier.ts). */
  readonly notifications: NotificationConfig;
  /** The web console on the front door (infra/constructs/console.ts); undefined = not deployed. */
  readonly console?: { readonly distDir: string };
  /** Why the console is not deployed, when it is not. */
  readonly consoleSkipped?: string;
}

/** The two Cognito user pools of Esip-Data, or one external OpenID Connect provider. */
export type IdentityConfig =
  | { readonly kind: 'cognito' }
  | {
      readonly kind: 'oidc';
      readonly issuer: string;
      readonly audience: readonly string[];
      readonly jwksUri?: string;
      readonly groupsClaim: string;
      /** The staff roles honoured from the groups claim (undefined: all). */
      readonly staffGroups?: readonly string[];
      readonly mfaClaim?: string;
    };

/** cn-north-1 (Beijing), cn-northwest-1 (Ningxia): the aws-cn partition. */
export const isChinaRegion = (region: string | undefined): boolean => region?.startsWith('cn-') ?? false;

const OIDC_KEYS = [
  'oidcIssuer',
  'oidcAudience',
  'oidcJwksUri',
  'oidcGroupsClaim',
  'oidcStaffGroups',
  'oidcMfaClaim',
] as const;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

// Deliberately simple: one @, no spaces or separators, a dot in the domain. SNS sends the
// confirmation mail; this only catches typos and wrong separators before a deployment.
const EMAIL = /^[^\s@,;<>()"]+@[^\s@,;<>()"]+\.[^\s@,;<>()".]{2,}$/;

/** Reads and validates the deployment configuration (throws ConfigError with what to fix). */
export function deploymentConfig(
  context: (key: string) => unknown,
  environment: Readonly<Record<string, string | undefined>> = process.env,
  stageOverride?: string,
): DeploymentConfig {
  const stage = stageOverride ?? text(context('stage')) ?? 'dev';
  if (!/^[a-z][a-z0-9-]{0,15}$/.test(stage))
    throw new ConfigError(`stage '${stage}': lower-case letters, digits, '-'`);

  const emails = (text(context('alarmEmail')) ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  for (const email of emails) {
    if (!EMAIL.test(email) || email.length > 254) {
      throw new ConfigError(
        `alarmEmail: '${email}' is not an e-mail address (expected name@example.org; several are separated by commas)`,
      );
    }
  }
  const webhook = text(context('alarmWebhook'));
  if (webhook !== undefined) {
    const url = URL.canParse(webhook) ? new URL(webhook) : undefined;
    if (url?.protocol !== 'https:' || !url.hostname || url.username || url.password) {
      throw new ConfigError(
        `alarmWebhook: '${webhook}' is not an https URL without credentials (e.g. https://hooks.example.org/esip)`,
      );
    }
  }
  const alarms: AlarmRecipients = { emails, ...(webhook ? { webhook } : {}) };

  const explicitRegion = text(context('region'));
  // The CLI's defaults only under the CLI (it sets CDK_OUTDIR): an in-process synth (tests, the
  // local stack) stays agnostic even in a shell that exports CDK_DEFAULT_REGION.
  const cli = text(environment['CDK_OUTDIR']) !== undefined;
  const region = explicitRegion ?? (cli ? text(environment['CDK_DEFAULT_REGION']) : undefined);
  const account = text(context('account')) ?? (cli ? text(environment['CDK_DEFAULT_ACCOUNT']) : undefined);
  if (region !== undefined && !/^[a-z]{2}(-[a-z]+)+-\d$/.test(region)) {
    throw new ConfigError(`region '${region}' is not an AWS region (e.g. eu-west-1)`);
  }
  if (account !== undefined && !/^\d{12}$/.test(account)) {
    throw new ConfigError(`account '${account}' is not a 12-digit AWS account id`);
  }

  const limits: WafLimits = {
    all: limit(context('wafRateLimit'), 'wafRateLimit', DEFAULT_WAF_LIMITS.all),
    public: limit(context('wafPublicRateLimit'), 'wafPublicRateLimit', DEFAULT_WAF_LIMITS.public),
  };
  const edgeWanted = flag(context('edge'), 'edge', true);
  const edgeSkipped = !edgeWanted
    ? 'context edge=false'
    : !region
      ? 'no deployment region is known (pass -c region=<region>, or synthesize with the CDK CLI)'
      : region.startsWith('cn-')
        ? `AWS China region ${region}: a CloudFront-scoped web ACL lives in ${EDGE_REGION}, another partition`
        : undefined;
  const china = isChinaRegion(region);
  const identity = identityConfig(context);
  if (china && identity.kind === 'cognito') {
    throw new ConfigError(
      `identity=cognito: Amazon Cognito user pools are not offered in the AWS China region ${region}; use -c identity=oidc -c oidcIssuer=https://… -c oidcAudience=<client id>`,
    );
  }
  // The CLI's default region makes the stacks region-specific only when the edge needs it, or when
  // it is a China region (the templates then differ: no tracing, no Cognito).
  const env =
    region && (!edgeSkipped || explicitRegion || china)
      ? { region, ...(account ? { account } : {}) }
      : undefined;
  const consoleHosting = consoleConfig(context, {
    cli,
    edgeSkipped,
    identity: identity.kind,
    china,
    region,
  });
  return {
    stage,
    ...(env ? { env } : {}),
    alarms,
    ...consoleHosting,
    ...(edgeSkipped ? { edgeSkipped } : { edge: { limits } }),
    identity,
    tracing: !china,
    notifications: notificationConfig(context, china, region),
  };
}

/**
 * Context `console` (default true) and `consoleDist` (default web/dist): the built console that
 * Esip-App deploys to the web bucket with its config.json. Under the CLI a missing build fails the
 * synth (build it with `npm run build:web`, or pass -c console=false); an in-process synth (the
 * tests, the local stack) includes the console only when given `consoleDist`, so that what it
 * builds does not depend on whether web/dist happens to exist, and never runs Vite.
 */
function consoleConfig(
  context: (key: string) => unknown,
  at: {
    cli: boolean;
    edgeSkipped: string | undefined;
    identity: IdentityConfig['kind'];
    china: boolean;
    region: string | undefined;
  },
): Pick<DeploymentConfig, 'console' | 'consoleSkipped'> {
  const wanted = flag(context('console'), 'console', true);
  const given = text(context('consoleDist'));
  const distDir = resolve(projectRoot, given ?? 'web/dist');
  const skipped = !wanted
    ? 'context console=false'
    : at.china
      ? `AWS China region ${at.region}: CloudFront there serves only an ICP-recorded custom domain with a certificate uploaded to IAM (no ACM, no default *.cloudfront.cn domain), and Cognito user pools are not offered; host the console there by hand (README)`
      : at.edgeSkipped
        ? `no front door (${at.edgeSkipped})`
        : at.identity !== 'cognito'
          ? "identity=oidc: the console's config.json for an external provider is not generated; write it into the web bucket (README)"
          : !at.cli && given === undefined
            ? 'in-process synth without -c consoleDist (the tests, the local stack)'
            : undefined;
  if (skipped) return { consoleSkipped: skipped };
  if (!existsSync(join(distDir, 'index.html'))) {
    throw new ConfigError(
      `console: ${join(distDir, 'index.html')} not found; build the console first (npm run build:web), point -c consoleDist=<dir> at a build, or pass -c console=false`,
    );
  }
  return { console: { distDir } };
}

/** Context notify* (infra/constructs/notifier.ts): SES by default, SMTP where SES is not offered. */
function notificationConfig(
  context: (key: string) => unknown,
  china: boolean,
  region: string | undefined,
): NotificationConfig {
  const channel = text(context('notifyChannel')) ?? (china ? 'smtp' : 'ses');
  if (channel !== 'ses' && channel !== 'smtp')
    throw new ConfigError(`notifyChannel '${channel}': ses or smtp`);
  if (channel === 'ses' && china) {
    throw new ConfigError(
      `notifyChannel=ses: Amazon SES is not offered in the AWS China region ${region}; use -c notifyChannel=smtp -c notifySmtpSecretArn=<secret holding smtps://user:password@host:465>`,
    );
  }
  const from = text(context('notifyFrom')) ?? 'no-reply@esip.example.cn';
  if (!EMAIL.test(from)) throw new ConfigError(`notifyFrom: '${from}' is not an e-mail address`);
  const smtpSecretArn = text(context('notifySmtpSecretArn'));
  if (channel === 'smtp' && !smtpSecretArn) {
    throw new ConfigError(
      'notifyChannel=smtp needs -c notifySmtpSecretArn=<the ARN of a Secrets Manager secret whose value is smtp(s)://user:password@host:port>',
    );
  }
  if (
    smtpSecretArn !== undefined &&
    !/^arn:aws(-cn)?:secretsmanager:[a-z0-9-]+:\d{12}:secret:.+$/.test(smtpSecretArn)
  ) {
    throw new ConfigError(`notifySmtpSecretArn: '${smtpSecretArn}' is not a Secrets Manager secret ARN`);
  }
  const addresses = (key: string) => {
    const values = list(context(key));
    for (const a of values)
      if (!EMAIL.test(a)) throw new ConfigError(`${key}: '${a}' is not an e-mail address`);
    return values;
  };
  return {
    channel,
    from,
    ...(smtpSecretArn ? { smtpSecretArn } : {}),
    officeAddresses: addresses('notifyOfficeAddresses'),
    inspectionOfficeAddresses: addresses('notifyInspectionOfficeAddresses'),
  };
}

/** The identity provider from context `identity` and `oidc*` (see the module header). */
function identityConfig(context: (key: string) => unknown): IdentityConfig {
  const kind = text(context('identity')) ?? 'cognito';
  if (kind !== 'cognito' && kind !== 'oidc') {
    throw new ConfigError(`identity '${kind}': cognito (the default) or oidc`);
  }
  if (kind === 'cognito') {
    const stray = OIDC_KEYS.filter((key) => text(context(key)) !== undefined);
    if (stray.length) {
      throw new ConfigError(`${stray.join(', ')}: only with -c identity=oidc (identity is cognito)`);
    }
    return { kind };
  }
  const issuer = text(context('oidcIssuer'));
  if (issuer === undefined) {
    throw new ConfigError(
      "identity=oidc needs -c oidcIssuer=https://… (the issuer, as its tokens' iss says)",
    );
  }
  httpsUrl(issuer, 'oidcIssuer', 'e.g. https://sso.example.cn/realms/esip');
  const audience = list(context('oidcAudience'));
  if (!audience.length) {
    throw new ConfigError('identity=oidc needs -c oidcAudience=<client id>[,…] (the accepted aud values)');
  }
  for (const aud of audience) {
    if (!/^[\x21-\x7e]{1,256}$/.test(aud)) {
      throw new ConfigError(
        `oidcAudience: '${aud}' is not a client id (printable, no spaces; several are comma-separated)`,
      );
    }
  }
  const jwksUri = text(context('oidcJwksUri'));
  if (jwksUri !== undefined)
    httpsUrl(jwksUri, 'oidcJwksUri', 'e.g. https://sso.example.cn/realms/esip/protocol/openid-connect/certs');
  const groupsClaim = text(context('oidcGroupsClaim')) ?? 'groups';
  const mfaClaim = text(context('oidcMfaClaim'));
  for (const [name, claim] of [
    ['oidcGroupsClaim', groupsClaim],
    ['oidcMfaClaim', mfaClaim],
  ] as const) {
    if (claim !== undefined && !/^[\w:./-]{1,200}$/.test(claim)) {
      throw new ConfigError(`${name}: '${claim}' is not a claim name (letters, digits, _ : . / -)`);
    }
  }
  const staff: string[] = rolesOfPool('staff');
  const staffGroups = list(context('oidcStaffGroups'));
  for (const group of staffGroups) {
    if (!staff.includes(group)) {
      throw new ConfigError(`oidcStaffGroups: '${group}' is not a staff role (${staff.join(', ')})`);
    }
  }
  return {
    kind,
    issuer,
    audience,
    ...(jwksUri ? { jwksUri } : {}),
    groupsClaim,
    ...(staffGroups.length ? { staffGroups } : {}),
    ...(mfaClaim ? { mfaClaim } : {}),
  };
}

function httpsUrl(value: string, name: string, example: string): void {
  const url = URL.canParse(value) ? new URL(value) : undefined;
  if (url?.protocol !== 'https:' || !url.hostname || url.username || url.password || url.search || url.hash) {
    throw new ConfigError(
      `${name}: '${value}' is not an https URL without credentials or query (${example})`,
    );
  }
}

function list(value: unknown): string[] {
  return (text(value) ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
}

export function buildApp(options: BuildAppOptions = {}): BuiltApp {
  const bundle = options.bundle ?? true;
  const app = new App({
    ...(options.outdir ? { outdir: options.outdir } : {}),
    context: { ...FEATURE_FLAGS, ...options.context },
    // After the CLI's context, so that `bundle: false` wins over the CLI's default ['**'].
    ...(bundle ? {} : { postCliContext: { 'aws:cdk:bundling-stacks': [] } }),
  });
  const config = deploymentConfig(
    (key) => app.node.tryGetContext(key),
    options.environment ?? process.env,
    options.stage,
  );
  const { stage, env } = config;

  const edgeStack = config.edge
    ? new EdgeStack(app, STACK_NAMES.edge, {
        description: 'ESIP edge: the AWS WAF web ACL in front of the CloudFront distribution (us-east-1)',
        env: { ...env, region: EDGE_REGION },
        crossRegionReferences: true,
        stage,
        limits: config.edge.limits,
      })
    : undefined;
  const dataStack = new DataStack(app, STACK_NAMES.data, {
    description:
      config.identity.kind === 'cognito'
        ? 'ESIP stateful resources: table, document and notice buckets, user pools'
        : 'ESIP stateful resources: table, document and notice buckets',
    identity: config.identity.kind,
    ...(env ? { env } : {}),
  });
  const appStack = new AppStack(app, STACK_NAMES.app, {
    description:
      'ESIP application: functions, HTTP API, round pipeline, events, schedules, alarms, CloudFront',
    stage,
    data: dataStack,
    alarmRecipients: config.alarms,
    identity: config.identity,
    tracing: config.tracing,
    notifications: config.notifications,
    ...(edgeStack ? { edge: { webAclArn: edgeStack.webAclArn } } : {}),
    ...(config.console ? { console: config.console } : {}),
    ...(env ? { env, crossRegionReferences: edgeStack !== undefined } : {}),
  });
  if (config.edgeSkipped) {
    Annotations.of(appStack).addWarningV2(
      'esip:edge:skipped',
      `No CloudFront distribution or AWS WAF in front of the API: ${config.edgeSkipped}. The API is reachable at its execute-api URL only.`,
    );
  }
  if (config.consoleSkipped && !config.edgeSkipped) {
    Annotations.of(appStack).addWarningV2(
      'esip:console:skipped',
      `The web console is not deployed to the web bucket: ${config.consoleSkipped}.`,
    );
  }
  Tags.of(app).add('project', 'esip');
  Tags.of(app).add('stage', stage);

  addNagChecks(app);
  return { app, dataStack, appStack, ...(edgeStack ? { edgeStack } : {}), config };
}

function text(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  const s = String(value).trim();
  return s === '' ? undefined : s;
}

function flag(value: unknown, name: string, fallback: boolean): boolean {
  if (value === undefined || value === null || value === '') return fallback;
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  throw new ConfigError(`${name}: '${String(value)}' is not true or false`);
}

/** A WAF rate-based rule's limit: requests per client IP in 5 minutes (AWS accepts 10 to 2e9). */
function limit(value: unknown, name: string, fallback: number): number {
  if (value === undefined || value === null || value === '') return fallback;
  const n = typeof value === 'number' ? value : Number(String(value).trim());
  if (!Number.isInteger(n) || n < 10 || n > 2_000_000_000) {
    throw new ConfigError(
      `${name}: '${String(value)}' must be a whole number of requests from 10 to 2,000,000,000`,
    );
  }
  return n;
}
