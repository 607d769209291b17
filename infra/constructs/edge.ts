/**
 * The front door: CloudFront in front of the HTTP API (`/v1/*`) and of the web console's bucket
 * (everything else), with an AWS WAF web ACL attached.
 *
 * - `EdgeFirewall` (in Esip-Edge, us-east-1: AWS only creates CLOUDFRONT-scoped web ACLs there):
 *   AWS managed rule groups (IP reputation, common rule set, known bad inputs), a rate-based rule
 *   on the public routes (/v1/public/*) and one on all requests, both per client IP over 5 minutes,
 *   answered 429 in the API's error shape and the caller's language; metrics on every rule, and
 *   the blocked requests logged (Authorization redacted) to CloudWatch Logs.
 * - `FrontDoor` (in Esip-App, next to the API): the distribution, the private web bucket behind
 *   origin access control, its log bucket, security headers, and a secret origin header.
 *
 * The execute-api URL stays reachable: an HTTP API cannot take a WAF, and turning its default
 * endpoint off (`disableExecuteApiEndpoint`) would cut CloudFront off too, unless the API got a
 * custom domain (a certificate and DNS name the association does not have yet). The mitigation:
 * CloudFront sends a secret header (`x-origin-verify`, generated in Secrets Manager and resolved by
 * CloudFormation, never written into the template) and the API functions receive the same value
 * (ORIGIN_VERIFY_SECRET). A request that carries it came through CloudFront and the WAF, so the
 * public function trusts its cloudfront-viewer-address header (CLIENT_ADDRESS_HEADER) to count
 * objections per client; a direct call is counted by its own sourceIp, throttled by the stage and,
 * off the public routes, needs a token like any other.
 */
import { ArnFormat, Aws, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';
import { consoleCsp } from '../../local/web.ts';
import { envNames } from '../../shared/contract.ts';
import { ORIGIN_VERIFY_HEADER } from '../../shared/domain/origin.ts';
import { errorCatalogue } from '../../shared/http/i18n.ts';
import { acknowledge } from '../nag.ts';

/** The only region where AWS WAF accepts CLOUDFRONT-scoped web ACLs. */
export const EDGE_REGION = 'us-east-1';

/** Rate-based rules: requests per client IP in 5 minutes. */
export interface WafLimits {
  /** Any path. */
  readonly all: number;
  /** Paths under PUBLIC_PATH_PREFIX (the notice and objections: no sign-in). */
  readonly public: number;
}
export const DEFAULT_WAF_LIMITS: WafLimits = { all: 2000, public: 100 };
export const WAF_EVALUATION_WINDOW_SECONDS = 300;
export const PUBLIC_PATH_PREFIX = '/v1/public/';
/** The API's path pattern on the distribution (everything else is the web bucket). */
export const API_PATH_PATTERN = '/v1/*';

/** Added by the rate-based rules (which count), acted on by the rules that answer 429. */
const RATE_LIMITED_LABEL = 'esip:rate-limited';

/** The header CloudFront adds to every API request (shared/domain/origin.ts), and the variable the API functions read. */
export { ORIGIN_VERIFY_HEADER };
export const ORIGIN_VERIFY_ENV = envNames.originVerifySecret;
/** The viewer's address (ip:port) as CloudFront sends it to the origin. */
export const VIEWER_ADDRESS_HEADER = 'cloudfront-viewer-address';

/**
 * The response security headers, the same as the API's own (shared/http/handler.ts
 * SECURITY_HEADERS), set here for the web bucket's files too.
 */
export const EDGE_SECURITY_HEADERS = {
  hstsMaxAge: Duration.days(365),
  referrerPolicy: cloudfront.HeadersReferrerPolicy.NO_REFERRER,
  frameOption: cloudfront.HeadersFrameOption.DENY,
} as const;

// ---------------------------------------------------------------------------------------------
// The web ACL (us-east-1)

export interface EdgeFirewallProps {
  readonly stage: string;
  readonly limits: WafLimits;
}

export class EdgeFirewall extends Construct {
  readonly webAcl: wafv2.CfnWebACL;
  readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: EdgeFirewallProps) {
    super(scope, id);
    const stack = Stack.of(this);
    if (stack.region !== EDGE_REGION) {
      throw new Error(`a CLOUDFRONT-scoped web ACL must be in ${EDGE_REGION}, not ${stack.region}`);
    }
    const name = `esip-${props.stage}`;
    const visibility = (metric: string): wafv2.CfnWebACL.VisibilityConfigProperty => ({
      cloudWatchMetricsEnabled: true,
      sampledRequestsEnabled: true,
      metricName: `${name}-${metric}`,
    });
    const managed = (
      priority: number,
      ruleGroup: string,
      metric: string,
      countOnly: string[] = [],
    ): wafv2.CfnWebACL.RuleProperty => ({
      name: `AWS-${ruleGroup}`,
      priority,
      overrideAction: { none: {} },
      statement: {
        managedRuleGroupStatement: {
          vendorName: 'AWS',
          name: ruleGroup,
          ...(countOnly.length
            ? { ruleActionOverrides: countOnly.map((rule) => ({ name: rule, actionToUse: { count: {} } })) }
            : {}),
        },
      },
      visibilityConfig: visibility(metric),
    });
    const rateRule = (
      priority: number,
      ruleName: string,
      limit: number,
      scopeDown?: wafv2.CfnWebACL.StatementProperty,
    ): wafv2.CfnWebACL.RuleProperty => ({
      name: ruleName,
      priority,
      // Count and label: the 429 rules below answer in the caller's language.
      action: { count: {} },
      ruleLabels: [{ name: RATE_LIMITED_LABEL }],
      statement: {
        rateBasedStatement: {
          limit,
          aggregateKeyType: 'IP',
          evaluationWindowSec: WAF_EVALUATION_WINDOW_SECONDS,
          ...(scopeDown ? { scopeDownStatement: scopeDown } : {}),
        },
      },
      visibilityConfig: visibility(ruleName),
    });
    const rateLimited: wafv2.CfnWebACL.StatementProperty = {
      labelMatchStatement: { scope: 'LABEL', key: RATE_LIMITED_LABEL },
    };
    const tooManyRequests = (lang: 'en' | 'zh'): wafv2.CfnWebACL.RuleActionProperty => ({
      block: {
        customResponse: {
          responseCode: 429,
          customResponseBodyKey: `too-many-requests-${lang}`,
          responseHeaders: [
            { name: 'retry-after', value: String(WAF_EVALUATION_WINDOW_SECONDS) },
            { name: 'content-language', value: lang },
          ],
        },
      },
    });
    const body = (lang: 'en' | 'zh'): wafv2.CfnWebACL.CustomResponseBodyProperty => ({
      contentType: 'APPLICATION_JSON',
      // The API's documented error shape (shared/api/common.ts ErrorSchema).
      content: JSON.stringify({
        error: { code: 'too_many_requests', message: errorCatalogue.too_many_requests[lang], details: [] },
      }),
    });

    this.webAcl = new wafv2.CfnWebACL(this, 'WebAcl', {
      name,
      description: `ESIP ${props.stage}: in front of the CloudFront distribution, web console and /v1 API`,
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      visibilityConfig: visibility('webacl'),
      customResponseBodies: { 'too-many-requests-en': body('en'), 'too-many-requests-zh': body('zh') },
      rules: [
        managed(0, 'AWSManagedRulesAmazonIpReputationList', 'ip-reputation'),
        rateRule(1, 'RateLimitPublic', props.limits.public, {
          byteMatchStatement: {
            fieldToMatch: { uriPath: {} },
            positionalConstraint: 'STARTS_WITH',
            searchString: PUBLIC_PATH_PREFIX,
            // `/v1//public/` and `/v1/%70ublic/` are the same route to API Gateway.
            textTransformations: [
              { priority: 0, type: 'URL_DECODE' },
              { priority: 1, type: 'NORMALIZE_PATH' },
            ],
          },
        }),
        rateRule(2, 'RateLimitAll', props.limits.all),
        {
          // negotiateLang (shared/http/i18n.ts) in short: a first language of zh or zh-* is Chinese.
          name: 'TooManyRequestsZh',
          priority: 3,
          action: tooManyRequests('zh'),
          statement: {
            andStatement: {
              statements: [
                rateLimited,
                {
                  byteMatchStatement: {
                    fieldToMatch: { singleHeader: { Name: 'accept-language' } },
                    positionalConstraint: 'STARTS_WITH',
                    searchString: 'zh',
                    textTransformations: [{ priority: 0, type: 'LOWERCASE' }],
                  },
                },
              ],
            },
          },
          visibilityConfig: visibility('too-many-requests-zh'),
        },
        {
          name: 'TooManyRequests',
          priority: 4,
          action: tooManyRequests('en'),
          statement: rateLimited,
          visibilityConfig: visibility('too-many-requests'),
        },
        // The API takes JSON bodies up to 256 KB (applications, plans); the common rule set's 8 KB
        // body limit would refuse them, so it only counts. The API enforces its own limits.
        managed(5, 'AWSManagedRulesCommonRuleSet', 'common', ['SizeRestrictions_BODY']),
        managed(6, 'AWSManagedRulesKnownBadInputsRuleSet', 'known-bad-inputs'),
      ],
    });

    // WAF writes to log groups named aws-waf-logs-*, in the web ACL's region. Blocked requests
    // only (what an operator investigates), without the bearer token.
    this.logGroup = new logs.LogGroup(this, 'Logs', {
      logGroupName: `aws-waf-logs-${name}`,
      retention: logs.RetentionDays.THREE_MONTHS,
      // Named, so not retained: a retained log group of that name would block a re-deployment.
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const logGroupArn = stack.formatArn({
      service: 'logs',
      resource: 'log-group',
      resourceName: this.logGroup.logGroupName,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });
    new wafv2.CfnLoggingConfiguration(this, 'Logging', {
      resourceArn: this.webAcl.attrArn,
      // The log group's ARN without the trailing `:*` that LogGroup.logGroupArn carries.
      logDestinationConfigs: [logGroupArn],
      redactedFields: [{ singleHeader: { Name: 'authorization' } }],
      loggingFilter: {
        DefaultBehavior: 'DROP',
        Filters: [
          {
            Behavior: 'KEEP',
            Requirement: 'MEETS_ANY',
            Conditions: [{ ActionCondition: { Action: 'BLOCK' } }],
          },
        ],
      },
    });
  }
}

// ---------------------------------------------------------------------------------------------
// The distribution (next to the API)

export interface FrontDoorProps {
  readonly stage: string;
  readonly api: apigw.IHttpApi;
  /** ARN of the CLOUDFRONT-scoped web ACL (Esip-Edge). */
  readonly webAclArn: string;
  /**
   * Origins the console POSTs presigned uploads to (the documents bucket's regional endpoint), for
   * the Content-Security-Policy of the console's files (local/web.ts consoleCsp).
   */
  readonly uploadOrigins?: readonly string[];
}

/**
 * The SPA fallback, on the web bucket's behaviour only (a viewer-request CloudFront Function): a
 * path whose last segment has no file extension (/rounds/r-1, /callback) is one of the console's own
 * routes and gets /index.html; files (/assets/x.js, /config.json) go to the bucket as they are.
 * Distribution-wide custom error responses would also turn the API's 403/404 into index.html.
 */
export const SPA_FALLBACK_CODE = `function handler(event) {
  var request = event.request;
  var last = request.uri.split('/').pop();
  if (last.indexOf('.') === -1) request.uri = '/index.html';
  return request;
}`;

export class FrontDoor extends Construct {
  readonly distribution: cloudfront.Distribution;
  /** The web console's files (issue #12 deploys them); private, read by CloudFront only. */
  readonly webBucket: s3.Bucket;
  /** CloudFront standard logs and the web bucket's server access logs. */
  readonly logsBucket: s3.Bucket;
  readonly originVerifySecret: secretsmanager.Secret;
  /** Rewrites the console's own routes to /index.html (SPA_FALLBACK_CODE). */
  readonly spaFallback: cloudfront.Function;

  constructor(scope: Construct, id: string, props: FrontDoorProps) {
    super(scope, id);

    // CloudFront standard logs are delivered with ACLs, so this bucket has them on (the owner
    // still owns every object: BucketOwnerPreferred); S3 server access logs come in by bucket policy.
    this.logsBucket = new s3.Bucket(this, 'LogsBucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      versioned: true,
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [
        { id: 'expire-logs', expiration: Duration.days(400), noncurrentVersionExpiration: Duration.days(30) },
      ],
    });

    this.webBucket = new s3.Bucket(this, 'WebBucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      versioned: true,
      serverAccessLogsBucket: this.logsBucket,
      serverAccessLogsPrefix: 'web/',
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [{ id: 'expire-old-versions', noncurrentVersionExpiration: Duration.days(30) }],
    });

    this.originVerifySecret = new secretsmanager.Secret(this, 'OriginVerifySecret', {
      description: `ESIP ${props.stage}: sent by CloudFront to the API as ${ORIGIN_VERIFY_HEADER}`,
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
      removalPolicy: RemovalPolicy.DESTROY,
    });
    acknowledge(this.originVerifySecret, 'AwsSolutions-SMG4', [
      'The origin-verify value is resolved by CloudFormation into the distribution and the API functions',
      'at deployment; a rotation would leave both on the old value until the next deployment. It proves',
      'that a request came through CloudFront (it guards no data); a redeployment after',
      '`aws secretsmanager put-secret-value` changes it.',
    ]);

    const securityHeaders = new cloudfront.ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'ESIP: HSTS, nosniff, Referrer-Policy, frame options (as the API sends them)',
      securityHeadersBehavior: {
        strictTransportSecurity: {
          accessControlMaxAge: EDGE_SECURITY_HEADERS.hstsMaxAge,
          includeSubdomains: true,
          override: true,
        },
        contentTypeOptions: { override: true },
        referrerPolicy: { referrerPolicy: EDGE_SECURITY_HEADERS.referrerPolicy, override: true },
        frameOptions: { frameOption: EDGE_SECURITY_HEADERS.frameOption, override: true },
      },
    });

    // The console's files: the same headers and the console's Content-Security-Policy (the one the
    // local stack sends, local/web.ts), set on every file of the bucket (CSP is harmless on JS/CSS).
    const consoleHeaders = new cloudfront.ResponseHeadersPolicy(this, 'ConsoleHeaders', {
      comment: 'ESIP console: CSP, HSTS, nosniff, Referrer-Policy, frame options',
      securityHeadersBehavior: {
        contentSecurityPolicy: {
          contentSecurityPolicy: consoleCsp(props.uploadOrigins ?? []),
          override: true,
        },
        strictTransportSecurity: {
          accessControlMaxAge: EDGE_SECURITY_HEADERS.hstsMaxAge,
          includeSubdomains: true,
          override: true,
        },
        contentTypeOptions: { override: true },
        referrerPolicy: { referrerPolicy: EDGE_SECURITY_HEADERS.referrerPolicy, override: true },
        frameOptions: { frameOption: EDGE_SECURITY_HEADERS.frameOption, override: true },
      },
    });
    this.spaFallback = new cloudfront.Function(this, 'SpaFallback', {
      comment: 'ESIP console: its own routes (no file extension) are /index.html',
      code: cloudfront.FunctionCode.fromInline(SPA_FALLBACK_CODE),
      runtime: cloudfront.FunctionRuntime.JS_2_0,
    });

    const apiDomain = `${props.api.apiId}.execute-api.${Aws.REGION}.${Aws.URL_SUFFIX}`;
    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: `ESIP ${props.stage}: web console and /v1 API`,
      defaultRootObject: 'index.html',
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(this.webBucket),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: consoleHeaders,
        functionAssociations: [
          { function: this.spaFallback, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST },
        ],
        compress: true,
      },
      additionalBehaviors: {
        [API_PATH_PATTERN]: {
          origin: new origins.HttpOrigin(apiDomain, {
            protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
            originSslProtocols: [cloudfront.OriginSslPolicy.TLS_V1_2],
            customHeaders: { [ORIGIN_VERIFY_HEADER]: this.originVerifyValue },
          }),
          // An API call over plain HTTP is refused, not redirected (a redirected POST loses its body).
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
          cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
          // Every viewer header (Authorization, Accept-Language, Content-Type, Idempotency-Key,
          // If-Match…) and the query string, and CloudFront's own headers (CloudFront-Viewer-Address);
          // not Host, which API Gateway must see as its own domain. With caching disabled, this
          // managed policy is the one way to forward Authorization.
          originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: securityHeaders,
          compress: true,
        },
      },
      webAclId: props.webAclArn,
      enableLogging: true,
      logBucket: this.logsBucket,
      logFilePrefix: 'cloudfront/',
      logIncludesCookies: false,
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
    });
    const cfnDistribution = this.distribution.node.defaultChild as cloudfront.CfnDistribution;
    acknowledge(cfnDistribution, 'AwsSolutions-CFR1', [
      'No geo restriction: the public notice and the objection route are open to anyone by the programme',
      'rules, and applicants and staff sign in from wherever they are; abuse is limited by the WAF instead.',
    ]);
    acknowledge(cfnDistribution, 'AwsSolutions-CFR4', [
      'The distribution uses the default *.cloudfront.net certificate until the association adds its own',
      'domain (an ACM certificate in us-east-1 and `domainNames`), with which the TLSv1.2_2021 minimum applies;',
      'the default certificate cannot set a minimum protocol version.',
    ]);
  }

  /** The origin-verify value as a CloudFormation dynamic reference (resolved at deployment). */
  get originVerifyValue(): string {
    return this.originVerifySecret.secretValue.unsafeUnwrap();
  }

  /** https://<id>.cloudfront.net */
  get url(): string {
    return `https://${this.distribution.distributionDomainName}`;
  }
}
