/**
 * Deploying in an AWS China region (issue #13): `-c region=cn-northwest-1 -c identity=oidc …`
 * synthesizes templates with nothing that is unavailable there — no Cognito (user pools are not
 * offered), no X-Ray tracing (Lambda has no X-Ray integration there), the `aws-cn` partition in
 * every ARN, no CloudFront edge — and an authorizer configured for the OpenID Connect provider.
 * Identity `cognito` in a China region, or a half OIDC configuration, fails the synth with a
 * one-line ConfigError.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, deploymentConfig } from '../../infra/build.ts';
import { oidcEnvNames, userPoolEnvNames } from '../../shared/contract.ts';
import { type Json, resourcesOfType, type Synthesized, synthesize } from './helpers.ts';

const ISSUER = 'https://sso.example.cn/realms/esip';
const oidcContext = {
  region: 'cn-northwest-1',
  identity: 'oidc',
  oidcIssuer: ISSUER,
  oidcAudience: 'esip-web,esip-cli',
  oidcGroupsClaim: 'realm_access.roles',
  oidcMfaClaim: 'amr',
  // SES is not offered in China: mail goes through an SMTP relay whose URL is a secret.
  notifySmtpSecretArn: 'arn:aws-cn:secretsmanager:cn-northwest-1:123456789012:secret:esip-smtp-AbCdEf',
};

let s: Synthesized;
beforeAll(() => {
  s = synthesize({ bundle: false, context: oidcContext });
});
afterAll(() => s?.cleanup());

const templates = () => ({
  'Esip-Data': s.dataTemplate.toJSON() as Json,
  'Esip-App': s.appTemplate.toJSON() as Json,
});

/** Every string in a JSON value, with its path. */
function* strings(value: Json, path = ''): Generator<[string, string]> {
  if (typeof value === 'string') yield [path, value];
  else if (Array.isArray(value)) for (const [i, v] of value.entries()) yield* strings(v, `${path}[${i}]`);
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) yield* strings(v, `${path}.${k}`);
}

/**
 * The ARNs of a template, written out as strings or as the pieces of an Fn::Join; not in Metadata
 * (cdk-nag's acknowledgements render intrinsics as `arn:<AWS::Partition>:…`: text, not deployed).
 */
function arnPieces(template: Json): Array<{ path: string; text: string }> {
  return [...strings(template)]
    .filter(([path, text]) => /(^|[^a-z])arn:/.test(text) && !/\.Metadata\./.test(path))
    .map(([path, text]) => ({ path, text }));
}

describe('AWS China region, identity=oidc', () => {
  it('builds no edge and region-specific stacks in cn-northwest-1', () => {
    expect(s.edgeStack).toBeUndefined();
    expect(s.dataStack.region).toBe('cn-northwest-1');
    expect(s.appStack.region).toBe('cn-northwest-1');
    expect(s.config.tracing).toBe(false);
  });

  it('has no Cognito resource in any template', () => {
    for (const [name, template] of Object.entries(templates())) {
      const cognito = Object.entries(template.Resources as Record<string, { Type: string }>).filter(([, r]) =>
        r.Type.startsWith('AWS::Cognito::'),
      );
      expect(cognito, name).toEqual([]);
    }
    // And no output or export naming a user pool.
    expect(JSON.stringify(s.dataTemplate.toJSON())).not.toMatch(/UserPool/);
  });

  it('turns X-Ray tracing off on every function and the state machine, with no X-Ray permissions', () => {
    const functions = resourcesOfType(s.appTemplate, 'AWS::Lambda::Function');
    expect(Object.keys(functions).length).toBeGreaterThan(10);
    for (const [id, fn] of Object.entries(functions)) {
      expect(fn.Properties.TracingConfig?.Mode, id).not.toBe('Active');
    }
    const machines = resourcesOfType(s.appTemplate, 'AWS::StepFunctions::StateMachine');
    expect(Object.keys(machines)).toHaveLength(1);
    for (const [id, machine] of Object.entries(machines)) {
      expect(machine.Properties.TracingConfiguration?.Enabled, id).not.toBe(true);
    }
    expect(JSON.stringify(s.appTemplate.toJSON())).not.toMatch(/xray:/);
  });

  it('writes every ARN in the aws-cn partition or with AWS::Partition, never arn:aws:', () => {
    // Esip-App has ARNs of its own (policies, the state machine's tasks, schedules' targets).
    expect(arnPieces(templates()['Esip-App']).length).toBeGreaterThan(20);
    for (const [name, template] of Object.entries(templates())) {
      const pieces = arnPieces(template);
      const hardCoded = pieces.filter(({ text }) => /(^|[^a-z])arn:aws:/.test(text));
      expect(hardCoded, name).toEqual([]);
      // Every piece that starts an ARN names the partition: aws-cn, or a Ref to AWS::Partition next to it.
      for (const { path, text } of pieces) {
        expect(text, `${name} ${path}`).toMatch(/(^|[^a-z])arn:(aws-cn:|\$\{AWS::Partition\}:|$)/);
      }
    }
  });

  it('gives the authorizer the OIDC configuration and no user pool settings', () => {
    const authorizers = Object.values(resourcesOfType(s.appTemplate, 'AWS::Lambda::Function')).filter(
      (fn) => fn.Metadata?.['esip:entry'] === 'functions/authorizer/handler.ts',
    );
    expect(authorizers).toHaveLength(1);
    const variables = authorizers[0]!.Properties.Environment.Variables as Record<string, Json>;
    expect(variables).toMatchObject({
      [oidcEnvNames.issuer]: ISSUER,
      [oidcEnvNames.audience]: 'esip-web,esip-cli',
      [oidcEnvNames.groupsClaim]: 'realm_access.roles',
      [oidcEnvNames.mfaClaim]: 'amr',
    });
    // No JWKS URL given: the authorizer reads it from the issuer's discovery document.
    expect(variables).not.toHaveProperty(oidcEnvNames.jwksUri);
    for (const names of Object.values(userPoolEnvNames))
      for (const name of Object.values(names)) expect(variables).not.toHaveProperty(name);
  });
});

describe('the identity context is validated at synth', () => {
  // What buildApp reads before it builds anything (as the CLI passes -c values: strings).
  const config = (context: Record<string, unknown>) => deploymentConfig((key) => context[key], {});
  const fails = (context: Record<string, unknown>) => () => config(context);

  it('refuses identity=cognito (the default) in a China region, saying why and what to use', () => {
    for (const context of [{ region: 'cn-northwest-1' }, { region: 'cn-north-1', identity: 'cognito' }]) {
      expect(fails(context)).toThrow(ConfigError);
      expect(fails(context)).toThrow(
        /Cognito user pools are not offered in the AWS China region.*identity=oidc/,
      );
    }
  });

  it('refuses a half or wrong OIDC configuration with a one-line message', () => {
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ identity: 'oidc', oidcAudience: 'web' }, /needs -c oidcIssuer/],
      [{ identity: 'oidc', oidcIssuer: ISSUER }, /needs -c oidcAudience/],
      [{ identity: 'oidc', oidcIssuer: 'http://sso.example.cn', oidcAudience: 'web' }, /oidcIssuer: .*https/],
      [{ identity: 'oidc', oidcIssuer: ISSUER, oidcAudience: 'web', oidcJwksUri: 'ftp://x' }, /oidcJwksUri/],
      [
        { identity: 'oidc', oidcIssuer: ISSUER, oidcAudience: 'web', oidcStaffGroups: 'admin,applicant' },
        /oidcStaffGroups: 'applicant' is not a staff role/,
      ],
      [{ identity: 'ldap' }, /identity 'ldap': cognito \(the default\) or oidc/],
      [{ oidcIssuer: ISSUER }, /oidcIssuer: only with -c identity=oidc/],
    ];
    for (const [context, message] of cases) {
      let error: unknown;
      try {
        config(context);
      } catch (e) {
        error = e;
      }
      expect(error, JSON.stringify(context)).toBeInstanceOf(ConfigError);
      expect((error as Error).message).toMatch(message);
      expect((error as Error).message).not.toMatch(/\n/);
    }
  });

  it('keeps Cognito and tracing outside China, and reads the OIDC settings as given', () => {
    expect(config({})).toMatchObject({ identity: { kind: 'cognito' }, tracing: true });
    expect(config({ region: 'eu-west-1' })).toMatchObject({ identity: { kind: 'cognito' }, tracing: true });
    expect(
      config({
        identity: 'oidc',
        oidcIssuer: ISSUER,
        oidcAudience: ' web , cli ',
        oidcJwksUri: `${ISSUER}/protocol/openid-connect/certs`,
        oidcStaffGroups: 'reviewer,inspector',
      }),
    ).toMatchObject({
      identity: {
        kind: 'oidc',
        issuer: ISSUER,
        audience: ['web', 'cli'],
        jwksUri: `${ISSUER}/protocol/openid-connect/certs`,
        groupsClaim: 'groups',
        staffGroups: ['reviewer', 'inspector'],
      },
      tracing: true,
    });
  });
});
