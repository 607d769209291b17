/**
 * The web console on AWS (infra/constructs/console.ts, infra/constructs/edge.ts FrontDoor): the
 * private web bucket behind origin access control, the SPA fallback on the bucket's behaviour only,
 * /v1/* to the API uncached, the console's CSP, config.json deployed next to the console, and one
 * public PKCE app client per user pool. A tiny stand-in build (no Vite) is passed as consoleDist.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deploymentConfig } from '../../infra/build.ts';
import { SPA_FALLBACK_CODE } from '../../infra/constructs/edge.ts';
import { consoleCsp } from '../../local/web.ts';
import { userPoolEnvNames } from '../../shared/contract.ts';
import { type CfnResource, type Json, resourcesOfType, type Synthesized, synthesize } from './helpers.ts';

let dist: string;
let hosted: Synthesized;
let started = 0;
let ms = 0;
beforeAll(() => {
  dist = mkdtempSync(path.join(tmpdir(), 'esip-console-'));
  mkdirSync(path.join(dist, 'assets'));
  writeFileSync(path.join(dist, 'index.html'), '<!doctype html><script src="/assets/app-1.js"></script>');
  writeFileSync(path.join(dist, 'assets', 'app-1.js'), 'console.log(1)');
  started = performance.now();
  hosted = synthesize({ bundle: false, context: { region: 'eu-west-1', consoleDist: dist } });
  ms = Math.round(performance.now() - started);
});
afterAll(() => {
  hosted?.cleanup();
  if (dist) rmSync(dist, { recursive: true, force: true });
});

const only = (type: string): CfnResource => {
  const all = Object.values(resourcesOfType(hosted.appTemplate, type));
  expect(all, type).toHaveLength(1);
  return all[0]!;
};
const distribution = () => only('AWS::CloudFront::Distribution').Properties.DistributionConfig;
const logicalIdOf = (type: string, match: (r: CfnResource) => boolean) =>
  Object.entries(resourcesOfType(hosted.appTemplate, type)).find(([, r]) => match(r))?.[0];

describe('the console behind the front door', () => {
  it('synthesizes in reasonable time (figure in the report)', () => {
    console.log(`synth with the console: ${ms} ms`);
    expect(hosted.appStack.consoleHosting).toBeDefined();
  });

  it('the web bucket is private, TLS-only and versioned, read by CloudFront through OAC', () => {
    only('AWS::CloudFront::OriginAccessControl');
    const oac = only('AWS::CloudFront::OriginAccessControl').Properties.OriginAccessControlConfig;
    expect(oac).toMatchObject({ OriginAccessControlOriginType: 's3', SigningBehavior: 'always' });
    const webBucketId = logicalIdOf('AWS::S3::Bucket', (r) =>
      JSON.stringify(r.Properties.LoggingConfiguration ?? {}).includes('web/'),
    );
    expect(webBucketId).toBeDefined();
    const bucket = resourcesOfType(hosted.appTemplate, 'AWS::S3::Bucket')[webBucketId!]!.Properties;
    expect(bucket.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(bucket.VersioningConfiguration).toEqual({ Status: 'Enabled' });
    const policy = Object.values(resourcesOfType(hosted.appTemplate, 'AWS::S3::BucketPolicy')).find(
      (p) => p.Properties.Bucket?.Ref === webBucketId,
    )!;
    const statements = policy.Properties.PolicyDocument.Statement as Json[];
    expect(statements).toContainEqual(
      expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
    );
    const read = statements.find((s) => s.Action === 's3:GetObject');
    expect(read.Principal).toEqual({ Service: 'cloudfront.amazonaws.com' });
    expect(JSON.stringify(read.Condition)).toContain('AWS:SourceArn');
  });

  it('/v1/* goes to the API, uncached, all methods, every viewer header but Host', () => {
    const api = distribution().CacheBehaviors.find((b: Json) => b.PathPattern === '/v1/*');
    expect(api.AllowedMethods).toHaveLength(7);
    expect(api.CachePolicyId).toBe('4135ea2d-6df8-44a3-9df3-4b5a84be39ad'); // CachingDisabled
    expect(api.OriginRequestPolicyId).toBe('b689b0a8-53d0-40ab-baf2-68738e2966ac'); // AllViewerExceptHostHeader
    expect(api.FunctionAssociations).toBeUndefined();
    const origin = distribution().Origins.find((o: Json) => o.Id === api.TargetOriginId);
    expect(JSON.stringify(origin.DomainName)).toContain('execute-api');
    // No distribution-wide error pages: the API's own 403/404 reach the caller.
    expect(distribution().CustomErrorResponses).toBeUndefined();
  });

  it('the SPA fallback is a viewer-request function on the bucket behaviour only', () => {
    const fn = only('AWS::CloudFront::Function');
    expect(fn.Properties.FunctionCode).toBe(SPA_FALLBACK_CODE);
    const [association] = distribution().DefaultCacheBehavior.FunctionAssociations;
    expect(association.EventType).toBe('viewer-request');
    // What the function does, run here.
    const handler = new Function(`${SPA_FALLBACK_CODE}; return handler;`)() as (e: Json) => Json;
    const uri = (u: string) => handler({ request: { uri: u } }).uri;
    expect(uri('/rounds/r-1')).toBe('/index.html');
    expect(uri('/callback')).toBe('/index.html');
    expect(uri('/')).toBe('/index.html');
    expect(uri('/assets/app-1.js')).toBe('/assets/app-1.js');
    expect(uri('/config.json')).toBe('/config.json');
  });

  it("the console's files carry its CSP (with the documents bucket for uploads), HSTS and nosniff", () => {
    const policies = Object.values(
      resourcesOfType(hosted.appTemplate, 'AWS::CloudFront::ResponseHeadersPolicy'),
    );
    const web = policies.find((p) => JSON.stringify(p.Properties).includes('ContentSecurityPolicy'))!
      .Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig;
    const csp = hosted.appStack.resolve(web.ContentSecurityPolicy.ContentSecurityPolicy);
    expect(JSON.stringify(csp)).toContain("connect-src 'self' https://");
    expect(JSON.stringify(csp)).toContain("frame-ancestors 'none'");
    expect(consoleCsp()).toContain("script-src 'self'");
    expect(web.StrictTransportSecurity.AccessControlMaxAgeSec).toBe(365 * 24 * 3600);
    expect(web.ContentTypeOptions.Override).toBe(true);
  });

  it('deploys the build and a config.json (managed-login URLs, client id, redirect) to the web bucket', () => {
    const deployments = Object.values(resourcesOfType(hosted.appTemplate, 'Custom::CDKBucketDeployment'));
    expect(deployments).toHaveLength(2);
    for (const d of deployments) expect(d.Properties.Prune).toBe(false);
    const entry = deployments.find((d) => d.Properties.DistributionPaths)!;
    expect(entry.Properties.DistributionPaths).toEqual(['/index.html', '/config.json']);
    // config.json's CloudFormation values travel as markers, filled in at deployment.
    const markers = JSON.stringify(entry.Properties.SourceMarkers);
    const clientIds = Object.keys(resourcesOfType(hosted.appTemplate, 'AWS::Cognito::UserPoolClient'));
    for (const id of clientIds) expect(markers).toContain(`"Ref":"${id}"`);
    expect(markers).toContain('DomainName');
    const config = hosted.appStack.consoleHosting!.config;
    expect(Object.keys(config.signIn)).toEqual(['applicant', 'staff']);
    expect(config.oidc).toBe(config.signIn.applicant);
    const resolved = JSON.stringify(hosted.appStack.resolve(config));
    expect(resolved).toContain('.auth.');
    expect(resolved).toContain('/oauth2/authorize');
    expect(resolved).toContain('/oauth2/token');
    expect(resolved).toContain('/callback');
  });

  it('one public app client per pool: code grant (PKCE), no secret, callback on the distribution', () => {
    const clients = Object.values(resourcesOfType(hosted.appTemplate, 'AWS::Cognito::UserPoolClient'));
    expect(clients).toHaveLength(2);
    for (const c of clients) {
      expect(c.Properties.AllowedOAuthFlows).toEqual(['code']);
      expect(c.Properties.AllowedOAuthFlowsUserPoolClient).toBe(true);
      expect(c.Properties.GenerateSecret).toBe(false);
      expect(c.Properties.AllowedOAuthScopes).toEqual(['openid', 'email', 'profile']);
      expect(JSON.stringify(c.Properties.CallbackURLs)).toMatch(/DomainName.*\/callback/);
      expect(c.Properties.LogoutURLs).toHaveLength(1);
      expect(c.Properties.SupportedIdentityProviders).toEqual(['COGNITO']);
    }
    const domains = Object.values(resourcesOfType(hosted.appTemplate, 'AWS::Cognito::UserPoolDomain'));
    expect(domains).toHaveLength(2);
    for (const d of domains) expect(d.Properties.ManagedLoginVersion).toBe(2);
    expect(
      Object.values(resourcesOfType(hosted.appTemplate, 'AWS::Cognito::ManagedLoginBranding')),
    ).toHaveLength(2);
  });

  it("the authorizer accepts the console clients' tokens next to the SDK clients'", () => {
    const authorizer = Object.values(resourcesOfType(hosted.appTemplate, 'AWS::Lambda::Function')).find(
      (f) => f.Properties.Environment?.Variables?.[userPoolEnvNames.staff.clientId],
    )!;
    for (const pool of ['staff', 'applicant'] as const) {
      const value = authorizer.Properties.Environment.Variables[userPoolEnvNames[pool].clientId];
      expect(value['Fn::Join'][0]).toBe(',');
      expect(value['Fn::Join'][1]).toHaveLength(2);
    }
  });
});

describe('when the console is not deployed', () => {
  const at = (context: Record<string, unknown>, environment: Record<string, string> = {}) =>
    deploymentConfig((key) => context[key], environment);

  it('in-process without consoleDist, with console=false, or without a front door: skipped with the reason', () => {
    expect(at({ region: 'eu-west-1' }).consoleSkipped).toMatch(/in-process/);
    expect(at({ region: 'eu-west-1', console: 'false', consoleDist: dist }).consoleSkipped).toBe(
      'context console=false',
    );
    expect(at({ consoleDist: dist }).consoleSkipped).toMatch(/no front door/);
  });

  it('in an AWS China region: skipped, saying why (ICP-recorded domain, IAM certificate)', () => {
    const china = at({
      region: 'cn-north-1',
      identity: 'oidc',
      oidcIssuer: 'https://sso.example.cn/realms/esip',
      oidcAudience: 'esip',
      notifyChannel: 'smtp',
      notifySmtpSecretArn: 'arn:aws-cn:secretsmanager:cn-north-1:123456789012:secret:smtp-AbCdEf',
      consoleDist: dist,
    });
    expect(china.console).toBeUndefined();
    expect(china.consoleSkipped).toMatch(/ICP/);
  });

  it('under the CLI a missing build fails the synth with what to do', () => {
    expect(() =>
      at({ region: 'eu-west-1', consoleDist: path.join(dist, 'missing') }, { CDK_OUTDIR: 'cdk.out' }),
    ).toThrow(/npm run build:web|console=false/);
  });

  it('a synth without consoleDist warns that the console is not deployed', () => {
    // (edge.test.ts synthesizes eu-west-1 without consoleDist: the warning is there.)
    const plain = synthesize({ bundle: false, context: { region: 'eu-west-1' } });
    try {
      expect(plain.appStack.consoleHosting).toBeUndefined();
      expect(resourcesOfType(plain.appTemplate, 'Custom::CDKBucketDeployment')).toEqual({});
      expect(
        Annotations.fromStack(plain.appStack).findWarning(
          '*',
          Match.stringLikeRegexp('web console is not deployed'),
        ),
      ).toHaveLength(1);
    } finally {
      plain.cleanup();
    }
  });
});
