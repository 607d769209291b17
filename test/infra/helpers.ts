/** Shared helpers of the infra tests: synthesize the app once, read templates, resolve intrinsics. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import type { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { type BuiltApp, buildApp } from '../../infra/build.ts';

export interface Synthesized extends BuiltApp {
  readonly assembly: CloudAssembly;
  readonly outdir: string;
  readonly dataTemplate: Template;
  readonly appTemplate: Template;
  /** Esip-Edge's template, when the edge is built (a region in the context). */
  readonly edgeTemplate?: Template;
  /** Removes the temporary cloud assembly. */
  cleanup(): void;
}

/**
 * Builds and synthesizes the app (with the cdk-nag checks on, as always) into a temporary
 * directory. Synthesis throws if an unacknowledged nag error remains.
 */
export function synthesize(options: {
  bundle: boolean;
  stage?: string;
  /** Context, as `-c key=value` gives it (e.g. region, alarmEmail). */
  context?: Record<string, unknown>;
}): Synthesized {
  const outdir = mkdtempSync(path.join(tmpdir(), 'esip-infra-'));
  const built = buildApp({
    bundle: options.bundle,
    outdir,
    stage: options.stage ?? 'test',
    ...(options.context ? { context: options.context } : {}),
    // Not the shell's CDK_DEFAULT_REGION/ACCOUNT: what is synthesized depends on the test alone.
    environment: {},
  });
  const assembly = built.app.synth();
  return {
    ...built,
    assembly,
    outdir,
    dataTemplate: Template.fromStack(built.dataStack),
    appTemplate: Template.fromStack(built.appStack),
    ...(built.edgeStack ? { edgeTemplate: Template.fromStack(built.edgeStack) } : {}),
    cleanup: () => rmSync(outdir, { recursive: true, force: true }),
  };
}

/** A value read from a synthesized template: untyped JSON, checked by the assertions themselves. */
export type Json = any;

export interface CfnResource {
  Type: string;
  Properties: Record<string, Json>;
  Metadata?: Record<string, Json>;
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
  DependsOn?: string[];
}

export function resourcesOfType(template: Template, type: string): Record<string, CfnResource> {
  return template.findResources(type) as Record<string, CfnResource>;
}

/**
 * Turns an intrinsic (Fn::Join of strings, Ref, Fn::GetAtt) into a string, rendering references as
 * `${Ref:X}` / `${X.Arn}` — enough to read a state machine's DefinitionString.
 */
export function flatten(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') {
    const v = value as Record<string, Json>;
    if ('Fn::Join' in v) {
      const [separator, parts] = v['Fn::Join'] as [string, unknown[]];
      return parts.map(flatten).join(separator);
    }
    if ('Ref' in v) return `\${Ref:${v.Ref}}`;
    if ('Fn::GetAtt' in v) return `\${${(v['Fn::GetAtt'] as string[]).join('.')}}`;
  }
  throw new Error(`cannot flatten ${JSON.stringify(value)}`);
}

export interface IamStatement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Condition?: unknown;
}

/** Every Allow statement of every identity policy (AWS::IAM::Policy and roles' inline policies). */
export function identityStatements(template: Template): Array<IamStatement & { owner: string }> {
  const statements: Array<IamStatement & { owner: string }> = [];
  for (const [id, policy] of Object.entries(resourcesOfType(template, 'AWS::IAM::Policy'))) {
    for (const s of policy.Properties.PolicyDocument.Statement) statements.push({ ...s, owner: id });
  }
  for (const [id, role] of Object.entries(resourcesOfType(template, 'AWS::IAM::Role'))) {
    for (const inline of role.Properties.Policies ?? []) {
      for (const s of inline.PolicyDocument.Statement)
        statements.push({ ...s, owner: `${id}/${inline.PolicyName}` });
    }
  }
  return statements.filter((s) => s.Effect === 'Allow');
}

export const asArray = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);

/** Statements of the policies attached to the role whose logical id starts with `rolePrefix`. */
export function statementsOfRole(template: Template, rolePrefix: string): IamStatement[] {
  const roleIds = Object.keys(resourcesOfType(template, 'AWS::IAM::Role')).filter((id) =>
    id.startsWith(rolePrefix),
  );
  if (roleIds.length !== 1) throw new Error(`expected one role ${rolePrefix}*, found ${roleIds.join(', ')}`);
  const roleId = roleIds[0]!;
  const statements: IamStatement[] = [];
  for (const policy of Object.values(resourcesOfType(template, 'AWS::IAM::Policy'))) {
    if (
      (policy.Properties.Roles as unknown[]).some(
        (r) => JSON.stringify(r) === JSON.stringify({ Ref: roleId }),
      )
    ) {
      statements.push(...policy.Properties.PolicyDocument.Statement);
    }
  }
  const role = resourcesOfType(template, 'AWS::IAM::Role')[roleId]!;
  for (const inline of role.Properties.Policies ?? []) statements.push(...inline.PolicyDocument.Statement);
  return statements;
}

/** All actions a role is allowed. */
export function actionsOfRole(template: Template, rolePrefix: string): string[] {
  return statementsOfRole(template, rolePrefix)
    .filter((s) => s.Effect === 'Allow')
    .flatMap((s) => asArray(s.Action));
}
