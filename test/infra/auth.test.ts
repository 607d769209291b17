/**
 * Sign-in (issue #11): two user pools — staff with MFA required, applicants with MFA optional — and
 * the HTTP API's Lambda authorizer that accepts both, on every route that is not public.
 */
import { Validations } from 'aws-cdk-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENTRY_METADATA_KEY } from '../../infra/constructs/app-function.ts';
import { AUTHORIZER_CACHE_TTL } from '../../infra/constructs/http-api.ts';
import { type RouteDef, roles, routes } from '../../shared/api/routes.ts';
import { userPoolEnvNames } from '../../shared/contract.ts';
import { rolesOfPool } from '../../shared/http/auth.ts';
import {
  actionsOfRole,
  type CfnResource,
  type Json,
  resourcesOfType,
  type Synthesized,
  synthesize,
} from './helpers.ts';

let s: Synthesized;
beforeAll(() => {
  s = synthesize({ bundle: false });
});
afterAll(() => s?.cleanup());

const pools = () => resourcesOfType(s.dataTemplate, 'AWS::Cognito::UserPool');
/** The pool whose logical id starts with `prefix` (StaffUserPool…, UserPool… = the applicant pool). */
const pool = (prefix: string): [string, CfnResource] => {
  const found = Object.entries(pools()).filter(
    ([id]) => id.startsWith(prefix) && !id.startsWith(`Staff${prefix}`),
  );
  if (found.length !== 1) throw new Error(`expected one pool ${prefix}*, found ${found.length}`);
  return found[0]!;
};
const staffPool = () => pool('StaffUserPool');
const applicantPool = () => pool('UserPool');
const groupsOf = (poolId: string) =>
  Object.values(resourcesOfType(s.dataTemplate, 'AWS::Cognito::UserPoolGroup'))
    .filter((g) => JSON.stringify(g.Properties.UserPoolId) === JSON.stringify({ Ref: poolId }))
    .map((g) => g.Properties.GroupName as string)
    .sort();
const clientOf = (poolId: string) => {
  const clients = Object.values(resourcesOfType(s.dataTemplate, 'AWS::Cognito::UserPoolClient')).filter(
    (c) => JSON.stringify(c.Properties.UserPoolId) === JSON.stringify({ Ref: poolId }),
  );
  expect(clients).toHaveLength(1);
  return clients[0]!.Properties;
};

describe('Esip-Data: two user pools', () => {
  it('exactly two, both retained, with deletion protection and a strong password policy', () => {
    expect(Object.keys(pools())).toHaveLength(2);
    for (const [id, p] of Object.entries(pools())) {
      expect(p.DeletionPolicy, id).toBe('Retain');
      expect(p.Properties.DeletionProtection, id).toBe('ACTIVE');
      expect(p.Properties.Policies.PasswordPolicy, id).toMatchObject({
        RequireLowercase: true,
        RequireUppercase: true,
        RequireNumbers: true,
        RequireSymbols: true,
      });
      expect(p.Properties.Policies.PasswordPolicy.MinimumLength, id).toBeGreaterThanOrEqual(12);
    }
  });

  it('staff: MFA required (TOTP, no SMS), invitation only, Plus plan with threat protection enforced', () => {
    const [, p] = staffPool();
    expect(p.Properties.MfaConfiguration).toBe('ON');
    expect(p.Properties.EnabledMfas).toEqual(['SOFTWARE_TOKEN_MFA']);
    expect(p.Properties.SmsConfiguration).toBeUndefined();
    expect(p.Properties.AdminCreateUserConfig).toMatchObject({ AllowAdminCreateUserOnly: true });
    expect(p.Properties.UserPoolTier).toBe('PLUS');
    expect(p.Properties.UserPoolAddOns).toEqual({ AdvancedSecurityMode: 'ENFORCED' });
  });

  it('applicants: MFA optional (TOTP offered, no SMS), self sign-up with a verified e-mail', () => {
    const [, p] = applicantPool();
    expect(p.Properties.MfaConfiguration).toBe('OPTIONAL');
    expect(p.Properties.EnabledMfas).toEqual(['SOFTWARE_TOKEN_MFA']);
    expect(p.Properties.SmsConfiguration).toBeUndefined();
    expect(p.Properties.AdminCreateUserConfig).toMatchObject({ AllowAdminCreateUserOnly: false });
    expect(p.Properties.AutoVerifiedAttributes).toEqual(['email']);
  });

  it('the staff roles are groups of the staff pool, `applicant` of the applicant pool; every role in one', () => {
    expect(groupsOf(staffPool()[0])).toEqual(rolesOfPool('staff').sort());
    expect(groupsOf(applicantPool()[0])).toEqual(['applicant']);
    expect([...groupsOf(staffPool()[0]), ...groupsOf(applicantPool()[0])].sort()).toEqual([...roles].sort());
  });

  it('each pool has one app client: SRP, no secret, no OAuth flows or callbacks', () => {
    s.dataTemplate.resourceCountIs('AWS::Cognito::UserPoolClient', 2);
    for (const [id] of [staffPool(), applicantPool()]) {
      const client = clientOf(id);
      expect(client, id).toMatchObject({
        GenerateSecret: false,
        PreventUserExistenceErrors: 'ENABLED',
        ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      });
      expect(client.CallbackURLs, id).toBeUndefined();
      expect(client.AllowedOAuthFlows, id).toBeUndefined();
    }
  });

  it('outputs both pools’ ids and clients', () => {
    const outputs = s.dataTemplate.toJSON().Outputs as Record<string, { Value: Json }>;
    expect(outputs.StaffUserPoolId?.Value).toEqual({ Ref: staffPool()[0] });
    expect(outputs.ApplicantUserPoolId?.Value).toEqual({ Ref: applicantPool()[0] });
    expect(outputs.StaffUserPoolClientId?.Value).toBeDefined();
    expect(outputs.ApplicantUserPoolClientId?.Value).toBeDefined();
  });

  it('cdk-nag: MFA (COG2) and the Plus plan (COG8) are acknowledged on the applicant pool only', () => {
    const acknowledged = (id: string) =>
      s.dataStack.node
        .findChild(id)
        .node.findAll()
        .flatMap((c) => c.node.metadata)
        .filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
        .flatMap((m) =>
          Object.keys(m.data as Record<string, string>).map((k) => k.replace(/^annotation::/i, '')),
        );
    expect(acknowledged('UserPool')).toEqual(
      expect.arrayContaining(['AwsSolutions-COG2', 'AwsSolutions-COG8']),
    );
    expect(acknowledged('StaffUserPool').filter((id) => id.startsWith('AwsSolutions-COG'))).toEqual([]);
  });
});

describe('Esip-App: the Lambda authorizer', () => {
  const authorizerFn = () => {
    const found = Object.entries(resourcesOfType(s.appTemplate, 'AWS::Lambda::Function')).filter(
      ([, f]) => f.Metadata?.[ENTRY_METADATA_KEY] === 'functions/authorizer/handler.ts',
    );
    expect(found).toHaveLength(1);
    return found[0]!;
  };
  const apiRoutes = () => Object.values(resourcesOfType(s.appTemplate, 'AWS::ApiGatewayV2::Route'));

  it('one REQUEST authorizer: simple responses, the Authorization header, results cached a few minutes', () => {
    s.appTemplate.resourceCountIs('AWS::ApiGatewayV2::Authorizer', 1);
    const [fnId] = authorizerFn();
    s.appTemplate.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'REQUEST',
      EnableSimpleResponses: true,
      AuthorizerPayloadFormatVersion: '2.0',
      IdentitySource: ['$request.header.Authorization'],
      AuthorizerResultTtlInSeconds: AUTHORIZER_CACHE_TTL.toSeconds(),
    });
    const [authorizer] = Object.values(resourcesOfType(s.appTemplate, 'AWS::ApiGatewayV2::Authorizer'));
    expect(JSON.stringify(authorizer!.Properties.AuthorizerUri)).toContain(`"Fn::GetAtt":["${fnId}","Arn"]`);
    expect(AUTHORIZER_CACHE_TTL.toSeconds()).toBeGreaterThan(0);
    expect(AUTHORIZER_CACHE_TTL.toSeconds()).toBeLessThanOrEqual(600);
  });

  it('every non-public route uses it; every public route and $default none', () => {
    const [authorizerId] = Object.keys(resourcesOfType(s.appTemplate, 'AWS::ApiGatewayV2::Authorizer'));
    const byKey = new Map(apiRoutes().map((r) => [r.Properties.RouteKey, r.Properties]));
    for (const route of routes as readonly RouteDef[]) {
      const cfn = byKey.get(`${route.method} ${route.path}`)!;
      if (route.auth === 'public') {
        expect(cfn.AuthorizationType ?? 'NONE', route.operationId).toBe('NONE');
        expect(cfn.AuthorizerId, route.operationId).toBeUndefined();
      } else {
        expect(cfn.AuthorizationType, route.operationId).toBe('CUSTOM');
        expect(cfn.AuthorizerId, route.operationId).toEqual({ Ref: authorizerId });
      }
    }
    expect(byKey.get('$default')?.AuthorizationType ?? 'NONE').toBe('NONE');
  });

  it('knows both pools by id and app client (imported from Esip-Data)', () => {
    const variables = authorizerFn()[1].Properties.Environment.Variables as Record<string, Json>;
    for (const pool of ['staff', 'applicant'] as const) {
      const names = userPoolEnvNames[pool];
      expect(variables[names.userPoolId], names.userPoolId).toEqual({
        'Fn::ImportValue': expect.any(String),
      });
      expect(variables[names.clientId], names.clientId).toEqual({ 'Fn::ImportValue': expect.any(String) });
      expect(variables[names.issuer], names.issuer).toBeUndefined();
    }
    expect(variables[userPoolEnvNames.staff.userPoolId]['Fn::ImportValue']).toMatch(/StaffUserPool/);
    expect(variables[userPoolEnvNames.applicant.userPoolId]['Fn::ImportValue']).not.toMatch(/StaffUserPool/);
  });

  it('may be invoked by this API only, and has no data access (logs and traces only)', () => {
    const [fnId, fn] = authorizerFn();
    const permissions = Object.values(resourcesOfType(s.appTemplate, 'AWS::Lambda::Permission')).filter(
      (p) => JSON.stringify(p.Properties.FunctionName) === JSON.stringify({ 'Fn::GetAtt': [fnId, 'Arn'] }),
    );
    expect(permissions).toHaveLength(1);
    expect(permissions[0]!.Properties.Principal).toBe('apigateway.amazonaws.com');
    expect(JSON.stringify(permissions[0]!.Properties.SourceArn)).toContain('/authorizers/');
    const roleId = fn.Properties.Role['Fn::GetAtt'][0] as string;
    const actions = actionsOfRole(s.appTemplate, roleId);
    expect(actions.filter((a) => !/^(logs|xray):/.test(a))).toEqual([]);
  });

  it('times out after 10 s at most (it checks a signature; a hung authorizer fails fast)', () => {
    expect(authorizerFn()[1].Properties.Timeout).toBeLessThanOrEqual(10);
  });
});
