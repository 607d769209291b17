/**
 * The front door: CloudFront in front of the API (/v1/*) and the web bucket, with the AWS WAF web
 * ACL of Esip-Edge (us-east-1) attached. Built when a region is known (context here, the CLI's
 * CDK_DEFAULT_REGION in a deployment); without one the app stays environment-agnostic and warns.
 */
import { type App, CfnResource, Validations } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import { AwsSolutionsChecks } from 'cdk-nag';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, deploymentConfig } from '../../infra/build.ts';
import {
  API_PATH_PATTERN,
  DEFAULT_WAF_LIMITS,
  EDGE_REGION,
  ORIGIN_VERIFY_ENV,
  ORIGIN_VERIFY_HEADER,
  PUBLIC_PATH_PREFIX,
  VIEWER_ADDRESS_HEADER,
} from '../../infra/constructs/edge.ts';
import { SECURITY_HEADERS } from '../../shared/http/handler.ts';
import { type CfnResource as Resource, resourcesOfType, type Synthesized, synthesize } from './helpers.ts';

let edge: Synthesized; // eu-west-1: a cross-region reference to the web ACL
let sameRegion: Synthesized; // us-east-1: an ordinary export
let plain: Synthesized; // no region: no edge
beforeAll(() => {
  edge = synthesize({ bundle: false, context: { region: 'eu-west-1', wafPublicRateLimit: '50' } });
  sameRegion = synthesize({ bundle: false, context: { region: 'us-east-1', account: '123456789012' } });
  plain = synthesize({ bundle: false });
});
afterAll(() => {
  for (const s of [edge, sameRegion, plain]) s?.cleanup();
});

const one = (resources: Record<string, Resource>, what: string): [string, Resource] => {
  const entries = Object.entries(resources);
  expect(entries, what).toHaveLength(1);
  return entries[0]!;
};
const webAclOf = (s: Synthesized) => one(resourcesOfType(s.edgeTemplate!, 'AWS::WAFv2::WebACL'), 'web ACL');
const distributionOf = (s: Synthesized) =>
  one(resourcesOfType(s.appTemplate, 'AWS::CloudFront::Distribution'), 'distribution')[1].Properties
    .DistributionConfig;
const ruleOf = (s: Synthesized, name: string) => {
  const rule = webAclOf(s)[1].Properties.Rules.find((r: { Name: string }) => r.Name === name);
  expect(rule, name).toBeDefined();
  return rule;
};

describe('stacks and regions', () => {
  it('puts the web ACL in Esip-Edge in us-east-1 and the rest in the deployment region', () => {
    expect(edge.edgeStack?.region).toBe(EDGE_REGION);
    expect(edge.appStack.region).toBe('eu-west-1');
    expect(edge.dataStack.region).toBe('eu-west-1');
    expect(webAclOf(edge)[1].Properties.Scope).toBe('CLOUDFRONT');
    expect(edge.appStack.dependencies).toContain(edge.edgeStack);
  });

  it('without a region builds no edge, stays environment-agnostic and warns', () => {
    expect(plain.edgeStack).toBeUndefined();
    expect(plain.assembly.stacks.map((st) => st.stackName).sort()).toEqual(['Esip-App', 'Esip-Data']);
    expect(plain.appStack.environment).toBe('aws://unknown-account/unknown-region');
    expect(resourcesOfType(plain.appTemplate, 'AWS::CloudFront::Distribution')).toEqual({});
    expect(
      Annotations.fromStack(plain.appStack).findWarning(
        '*',
        Match.stringLikeRegexp('No CloudFront distribution'),
      ),
    ).toHaveLength(1);
    // …and the API functions get no origin secret (nothing for the local stack to resolve).
    for (const fn of Object.values(resourcesOfType(plain.appTemplate, 'AWS::Lambda::Function'))) {
      expect(fn.Properties.Environment?.Variables?.[ORIGIN_VERIFY_ENV]).toBeUndefined();
    }
  });

  it('the CLI default region builds the edge; in-process, edge=false or an AWS China region it does not', () => {
    const underCli = {
      CDK_OUTDIR: 'cdk.out',
      CDK_DEFAULT_REGION: 'ap-east-1',
      CDK_DEFAULT_ACCOUNT: '111122223333',
    };
    const cli = deploymentConfig(() => undefined, underCli);
    expect(cli.edge?.limits).toEqual(DEFAULT_WAF_LIMITS);
    expect(cli.env).toEqual({ region: 'ap-east-1', account: '111122223333' });
    // In-process (no CDK_OUTDIR) the shell's CDK_DEFAULT_REGION is not taken: tests, the local stack.
    const inProcess = deploymentConfig(() => undefined, { CDK_DEFAULT_REGION: 'ap-east-1' });
    expect(inProcess.edge).toBeUndefined();
    expect(inProcess.env).toBeUndefined();
    const off = deploymentConfig((key) => ({ edge: 'false' })[key], underCli);
    expect(off.edge).toBeUndefined();
    expect(off.env).toBeUndefined(); // environment-agnostic as before, unless -c region is given
    // (An AWS China region has no Cognito user pools: identity=oidc there, test/infra/china.test.ts.)
    const chinaContext: Record<string, string> = {
      region: 'cn-north-1',
      identity: 'oidc',
      oidcIssuer: 'https://sso.example.cn/realms/esip',
      oidcAudience: 'esip-web',
      notifySmtpSecretArn: 'arn:aws-cn:secretsmanager:cn-north-1:123456789012:secret:esip-smtp-AbCdEf',
    };
    const china = deploymentConfig((key) => chinaContext[key], {});
    expect(china.edge).toBeUndefined();
    expect(china.edgeSkipped).toMatch(/China/);
    expect(() => deploymentConfig((key) => ({ region: 'Europe' })[key], {})).toThrow(/not an AWS region/);
    expect(() => deploymentConfig((key) => ({ wafPublicRateLimit: '5' })[key], {})).toThrow(
      /wafPublicRateLimit: '5' must be a whole number of requests from 10/,
    );
  });
});

describe('the web ACL', () => {
  it('has the AWS managed rule groups, the body size rule counting only', () => {
    const groups = webAclOf(edge)[1].Properties.Rules.filter(
      (r: any) => r.Statement.ManagedRuleGroupStatement,
    );
    expect(groups.map((r: any) => r.Statement.ManagedRuleGroupStatement.Name).sort()).toEqual([
      'AWSManagedRulesAmazonIpReputationList',
      'AWSManagedRulesCommonRuleSet',
      'AWSManagedRulesKnownBadInputsRuleSet',
    ]);
    for (const r of groups) expect(r.OverrideAction).toEqual({ None: {} });
    expect(
      ruleOf(edge, 'AWS-AWSManagedRulesCommonRuleSet').Statement.ManagedRuleGroupStatement
        .RuleActionOverrides,
    ).toEqual([{ Name: 'SizeRestrictions_BODY', ActionToUse: { Count: {} } }]);
  });

  it('rate-limits the public routes per IP over 5 minutes, at the limit from context', () => {
    const rule = ruleOf(edge, 'RateLimitPublic');
    const rate = rule.Statement.RateBasedStatement;
    expect(rate).toMatchObject({ Limit: 50, AggregateKeyType: 'IP', EvaluationWindowSec: 300 });
    expect(rate.ScopeDownStatement.ByteMatchStatement).toMatchObject({
      FieldToMatch: { UriPath: {} },
      PositionalConstraint: 'STARTS_WITH',
      SearchString: PUBLIC_PATH_PREFIX,
    });
    expect(PUBLIC_PATH_PREFIX).toBe('/v1/public/');
    const all = ruleOf(edge, 'RateLimitAll').Statement.RateBasedStatement;
    expect(all).toMatchObject({ Limit: DEFAULT_WAF_LIMITS.all, AggregateKeyType: 'IP' });
    expect(all.ScopeDownStatement).toBeUndefined();
    expect(ruleOf(sameRegion, 'RateLimitPublic').Statement.RateBasedStatement.Limit).toBe(
      DEFAULT_WAF_LIMITS.public,
    );
  });

  it('answers a client over a limit 429 in the API error shape, in Chinese when it asks for it', () => {
    const acl = webAclOf(edge)[1].Properties;
    const labelled = ['RateLimitPublic', 'RateLimitAll'].map((n) => ruleOf(edge, n));
    for (const r of labelled) {
      expect(r.Action).toEqual({ Count: {} });
      expect(r.RuleLabels).toEqual([{ Name: 'esip:rate-limited' }]);
    }
    const zh = ruleOf(edge, 'TooManyRequestsZh');
    const en = ruleOf(edge, 'TooManyRequests');
    // Both after the counting rules, the Chinese one first.
    expect(Math.min(zh.Priority, en.Priority)).toBeGreaterThan(Math.max(...labelled.map((r) => r.Priority)));
    expect(zh.Priority).toBeLessThan(en.Priority);
    expect(en.Statement).toEqual({ LabelMatchStatement: { Scope: 'LABEL', Key: 'esip:rate-limited' } });
    for (const [rule, lang] of [
      [zh, 'zh'],
      [en, 'en'],
    ] as const) {
      const response = rule.Action.Block.CustomResponse;
      expect(response.ResponseCode).toBe(429);
      const body = JSON.parse(acl.CustomResponseBodies[response.CustomResponseBodyKey].Content);
      expect(body).toEqual({
        error: { code: 'too_many_requests', message: expect.any(String), details: [] },
      });
      expect(response.ResponseHeaders).toContainEqual({ Name: 'content-language', Value: lang });
    }
    expect(JSON.parse(acl.CustomResponseBodies['too-many-requests-zh'].Content).error.message).toMatch(
      /请求/,
    );
  });

  it('publishes metrics and logs blocked requests without the Authorization header', () => {
    const [aclId, acl] = webAclOf(edge);
    expect(acl.Properties.VisibilityConfig.CloudWatchMetricsEnabled).toBe(true);
    for (const r of acl.Properties.Rules)
      expect(r.VisibilityConfig.CloudWatchMetricsEnabled, r.Name).toBe(true);
    const [, logging] = one(
      resourcesOfType(edge.edgeTemplate!, 'AWS::WAFv2::LoggingConfiguration'),
      'logging',
    );
    expect(logging.Properties.ResourceArn).toEqual({ 'Fn::GetAtt': [aclId, 'Arn'] });
    expect(logging.Properties.RedactedFields).toEqual([{ SingleHeader: { Name: 'authorization' } }]);
    const [, group] = one(resourcesOfType(edge.edgeTemplate!, 'AWS::Logs::LogGroup'), 'log group');
    expect(group.Properties.LogGroupName).toBe('aws-waf-logs-esip-test');
    // The log group's ARN without the `:*` that LogGroup.logGroupArn ends with (WAF refuses it).
    const [groupId] = Object.keys(resourcesOfType(edge.edgeTemplate!, 'AWS::Logs::LogGroup'));
    const destination = logging.Properties.LogDestinationConfigs[0]['Fn::Join'][1];
    expect(destination.slice(-2)).toEqual([':log-group:', { Ref: groupId }]);
  });

  it('is attached to the distribution: across regions through the export reader, else an export', () => {
    const [aclId] = webAclOf(edge);
    const webAclId = distributionOf(edge).WebACLId;
    const [readerId, parameter] = webAclId['Fn::GetAtt'];
    const reader = resourcesOfType(edge.appTemplate, 'Custom::CrossRegionExportReader')[readerId]!;
    expect(Object.keys(reader.Properties.ReaderProps.imports)).toContain(parameter);
    const [, writer] = one(
      resourcesOfType(edge.edgeTemplate!, 'Custom::CrossRegionExportWriter'),
      'export writer',
    );
    expect(writer.Properties.WriterProps.region).toBe('eu-west-1');
    expect(writer.Properties.WriterProps.exports[parameter]).toEqual({ 'Fn::GetAtt': [aclId, 'Arn'] });

    const [sameAclId] = webAclOf(sameRegion);
    const exportName = distributionOf(sameRegion).WebACLId['Fn::ImportValue'];
    const output = Object.values(sameRegion.edgeTemplate!.toJSON().Outputs as Record<string, any>).find(
      (o) => o.Export?.Name === exportName,
    );
    expect(output?.Value).toEqual({ 'Fn::GetAtt': [sameAclId, 'Arn'] });
  });
});

describe('the distribution', () => {
  it('sends /v1/* to the HTTP API: no caching, every method, viewer headers and query strings', () => {
    const config = distributionOf(edge);
    const behaviour = config.CacheBehaviors.find((b: any) => b.PathPattern === API_PATH_PATTERN);
    expect(API_PATH_PATTERN).toBe('/v1/*');
    expect(behaviour.CachePolicyId).toBe(cloudfront.CachePolicy.CACHING_DISABLED.cachePolicyId);
    expect(behaviour.OriginRequestPolicyId).toBe(
      cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER.originRequestPolicyId,
    );
    expect([...behaviour.AllowedMethods].sort()).toEqual([
      'DELETE',
      'GET',
      'HEAD',
      'OPTIONS',
      'PATCH',
      'POST',
      'PUT',
    ]);
    expect(behaviour.ViewerProtocolPolicy).toBe('https-only');
    const origin = config.Origins.find((o: any) => o.Id === behaviour.TargetOriginId);
    const [apiId] = Object.keys(resourcesOfType(edge.appTemplate, 'AWS::ApiGatewayV2::Api'));
    expect(origin.DomainName['Fn::Join'][1]).toEqual([
      { Ref: apiId },
      '.execute-api.',
      { Ref: 'AWS::Region' },
      '.',
      { Ref: 'AWS::URLSuffix' },
    ]);
    expect(origin.CustomOriginConfig).toMatchObject({
      OriginProtocolPolicy: 'https-only',
      OriginSSLProtocols: ['TLSv1.2'],
    });
  });

  it('serves the private web bucket by default, through origin access control', () => {
    const config = distributionOf(edge);
    expect(config.DefaultRootObject).toBe('index.html');
    const origin = config.Origins.find((o: any) => o.Id === config.DefaultCacheBehavior.TargetOriginId);
    const [bucketId, bucket] = Object.entries(resourcesOfType(edge.appTemplate, 'AWS::S3::Bucket')).find(
      ([id]) => id.startsWith('FrontDoorWebBucket'),
    )!;
    expect(origin.DomainName).toEqual({ 'Fn::GetAtt': [bucketId, 'RegionalDomainName'] });
    expect(origin.S3OriginConfig.OriginAccessIdentity).toBe('');
    const [oacId, oac] = one(
      resourcesOfType(edge.appTemplate, 'AWS::CloudFront::OriginAccessControl'),
      'OAC',
    );
    expect(origin.OriginAccessControlId).toEqual({ 'Fn::GetAtt': [oacId, 'Id'] });
    expect(oac.Properties.OriginAccessControlConfig).toMatchObject({
      OriginAccessControlOriginType: 's3',
      SigningBehavior: 'always',
      SigningProtocol: 'sigv4',
    });
    expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(bucket.Properties.OwnershipControls.Rules).toEqual([{ ObjectOwnership: 'BucketOwnerEnforced' }]);
    // The bucket policy lets CloudFront (this distribution) read; otherwise it only denies.
    const policy = Object.values(resourcesOfType(edge.appTemplate, 'AWS::S3::BucketPolicy')).find(
      (p) => JSON.stringify(p.Properties.Bucket) === JSON.stringify({ Ref: bucketId }),
    )!;
    const allows = policy.Properties.PolicyDocument.Statement.filter((s: any) => s.Effect === 'Allow');
    expect(allows).toHaveLength(1);
    expect(allows[0].Principal).toEqual({ Service: 'cloudfront.amazonaws.com' });
    expect(allows[0].Action).toBe('s3:GetObject');
    const [distributionId] = Object.keys(resourcesOfType(edge.appTemplate, 'AWS::CloudFront::Distribution'));
    expect(JSON.stringify(allows[0].Condition)).toContain(distributionId);
  });

  it("adds the security headers the API sends, on both behaviours (the console's with its CSP)", () => {
    const config = distributionOf(edge);
    const policies = resourcesOfType(edge.appTemplate, 'AWS::CloudFront::ResponseHeadersPolicy');
    expect(Object.keys(policies)).toHaveLength(2);
    for (const b of [config.DefaultCacheBehavior, ...config.CacheBehaviors]) {
      const policy = policies[b.ResponseHeadersPolicyId.Ref]!;
      const headers = policy.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig;
      expect(`max-age=${headers.StrictTransportSecurity.AccessControlMaxAgeSec}; includeSubDomains`).toBe(
        SECURITY_HEADERS['strict-transport-security'],
      );
      expect(headers.StrictTransportSecurity.IncludeSubdomains).toBe(true);
      expect(headers.ContentTypeOptions.Override).toBe(true);
      expect(SECURITY_HEADERS['x-content-type-options']).toBe('nosniff');
      expect(headers.ReferrerPolicy.ReferrerPolicy).toBe(SECURITY_HEADERS['referrer-policy']);
      expect(headers.FrameOptions.FrameOption).toBe(SECURITY_HEADERS['x-frame-options']);
      // The console's CSP on the bucket's files only; the API sets its own (e.g. the notice page).
      expect(Boolean(headers.ContentSecurityPolicy)).toBe(b === config.DefaultCacheBehavior);
    }
  });

  it('sends the API the origin secret that the API functions hold, and logs to a bucket', () => {
    const config = distributionOf(edge);
    const apiOrigin = config.Origins.find((o: any) => o.CustomOriginConfig);
    const header = apiOrigin.OriginCustomHeaders.find((h: any) => h.HeaderName === ORIGIN_VERIFY_HEADER);
    expect(JSON.stringify(header.HeaderValue)).toMatch(/resolve:secretsmanager/);
    const functions = resourcesOfType(edge.appTemplate, 'AWS::Lambda::Function');
    const env = (prefix: string) =>
      Object.entries(functions).find(([id]) => id.startsWith(prefix))![1].Properties.Environment.Variables;
    for (const prefix of ['PublicFnFunction', 'RoundsFnFunction', 'SystemFnFunction']) {
      expect(env(prefix)[ORIGIN_VERIFY_ENV], prefix).toEqual(header.HeaderValue);
    }
    expect(env('PipelineFnFunction')[ORIGIN_VERIFY_ENV]).toBeUndefined();
    expect(env('PublicFnFunction').CLIENT_ADDRESS_HEADER).toBe(VIEWER_ADDRESS_HEADER);
    expect(config.Logging.Bucket['Fn::GetAtt'][0]).toMatch(/^FrontDoorLogsBucket/);
    expect(edge.appTemplate.toJSON().Outputs.DistributionUrl.Value).toEqual({
      'Fn::Join': [
        '',
        [
          'https://',
          {
            'Fn::GetAtt': [
              Object.keys(resourcesOfType(edge.appTemplate, 'AWS::CloudFront::Distribution'))[0],
              'DomainName',
            ],
          },
        ],
      ],
    });
  });
});

describe('cdk-nag with the edge', () => {
  it('reports no unacknowledged finding in any of the three stacks', () => {
    const report = new AwsSolutionsChecks().validateScope(edge.app);
    expect(
      report.violations.map((v) => `${v.ruleName}: ${v.violatingResources.map((r) => r.constructPath)}`),
    ).toEqual([]);
  });

  it('needs each acknowledgement made on the edge resources', () => {
    const checks = new AwsSolutionsChecks();
    (checks as unknown as { isAcknowledged: () => boolean }).isAcknowledged = () => false;
    const findings = checks.validateScope(edge.app as App).violations;
    const acks = edge.app.node
      .findAll()
      .filter((c) => c.node.path.includes('/FrontDoor/'))
      .flatMap((c) =>
        c.node.metadata
          .filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
          .flatMap((m) =>
            Object.keys(m.data as object).map((key) => ({
              id: key.replace(/^annotation::/i, ''),
              path: c.node.path,
              c,
            })),
          ),
      );
    expect(acks.map((a) => a.id).sort()).toEqual([
      'AwsSolutions-CFR1',
      'AwsSolutions-CFR4',
      'AwsSolutions-SMG4',
    ]);
    for (const ack of acks) {
      expect(CfnResource.isCfnResource(ack.c)).toBe(true);
      const found = findings.some(
        (v) => v.ruleName === ack.id && v.violatingResources.some((r) => r.constructPath === ack.path),
      );
      expect(found, `${ack.id} on ${ack.path}`).toBe(true);
    }
  });

  it('a malformed region fails the synth before anything is built', () => {
    expect(() => buildApp({ bundle: false, context: { region: 'eu-west' }, environment: {} })).toThrow(
      /region 'eu-west' is not an AWS region/,
    );
  });
});
