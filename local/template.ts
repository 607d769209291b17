/**
 * Reads the CloudFormation template that CDK synthesizes for the app stack and extracts what the
 * local stack needs to run the very same system without AWS:
 *  - the Lambda functions (logical id → handler entry file, raw environment, timeout, memory);
 *  - the state machines, with every intrinsic in the definition resolved, so the local runner
 *    executes exactly the ASL that is deployed (there is never a hand-written copy of it);
 *  - the schedules (EventBridge Scheduler schedules and scheduled EventBridge rules).
 *
 * Local naming: a function's name is its logical id, so `Fn::GetAtt [X, Arn]` becomes
 * `arn:aws:lambda:us-east-1:000000000000:function:X`; a state machine's ARN is
 * `arn:aws:states:us-east-1:000000000000:stateMachine:<LogicalId>`.
 */
import { resolve } from 'node:path';
import { cachedTemplate } from './template-cache.ts';

export const LOCAL_REGION = 'us-east-1';
export const LOCAL_ACCOUNT = '000000000000';
export const LOCAL_PARTITION = 'aws';

export const ENTRY_METADATA_KEY = 'esip:entry';
/** Metadata naming a state machine (e.g. `round-pipeline`) or a schedule (e.g. `deadline-sweep`). */
export const STATE_MACHINE_METADATA_KEY = 'esip:statemachine';
export const SCHEDULE_METADATA_KEY = 'esip:schedule';
/** Stack name of the app (stateless) stack built by `infra/build.ts`. */
export const APP_STACK_NAME = 'Esip-App';

export interface CfnResource {
  Type: string;
  Properties?: Record<string, unknown>;
  Metadata?: Record<string, unknown>;
  [key: string]: unknown;
}

export interface CfnTemplate {
  Resources?: Record<string, CfnResource>;
  Parameters?: Record<string, { Type?: string; Default?: unknown }>;
  Outputs?: Record<string, unknown>;
  [key: string]: unknown;
}

/** Amazon States Language document (kept loose on purpose: it is data read from the template). */
export type AslDefinition = {
  StartAt: string;
  States: Record<string, Record<string, unknown>>;
  [key: string]: unknown;
};

export function functionArn(name: string): string {
  return `arn:${LOCAL_PARTITION}:lambda:${LOCAL_REGION}:${LOCAL_ACCOUNT}:function:${name}`;
}

export function stateMachineArn(name: string): string {
  return `arn:${LOCAL_PARTITION}:states:${LOCAL_REGION}:${LOCAL_ACCOUNT}:stateMachine:${name}`;
}

export function roleArn(name: string): string {
  return `arn:${LOCAL_PARTITION}:iam::${LOCAL_ACCOUNT}:role/${name}`;
}

/**
 * The function name inside a Lambda function reference as Step Functions accepts it:
 * a name, a full ARN (optionally with a version/alias qualifier) or a partial ARN.
 */
export function functionNameFromReference(reference: string): string {
  const arn = /^arn:[^:]+:lambda:[^:]*:[^:]*:function:([^:]+)(?::[^:]+)?$/.exec(reference);
  if (arn) return arn[1]!;
  const partial = /^(?:\d{12}:)?function:([^:]+)(?::[^:]+)?$/.exec(reference);
  if (partial) return partial[1]!;
  return reference.split(':')[0]!;
}

// ---------------------------------------------------------------------------------------------
// Intrinsic functions

/** What the caller-supplied resolver is asked about. */
export type IntrinsicQuery =
  | { kind: 'Ref'; logicalId: string; resource?: CfnResource }
  | { kind: 'GetAtt'; logicalId: string; attribute: string; resource?: CfnResource }
  | { kind: 'ImportValue'; name: string };

/**
 * Resolves a `Ref`, `Fn::GetAtt` or `Fn::ImportValue` the built-in rules do not know (or
 * overrides them): return `undefined` to fall back to the built-in rules.
 */
export type IntrinsicResolver = (query: IntrinsicQuery) => unknown;

export interface ResolveOptions {
  resolver?: IntrinsicResolver;
  /** Stack name returned for `Ref: AWS::StackName` (default `local`). */
  stackName?: string;
}

export class UnresolvedIntrinsicError extends Error {
  override name = 'UnresolvedIntrinsicError';
}

const NO_VALUE = Symbol('AWS::NoValue');

function builtInRef(template: CfnTemplate, logicalId: string, options: ResolveOptions): unknown {
  switch (logicalId) {
    case 'AWS::Partition':
      return LOCAL_PARTITION;
    case 'AWS::Region':
      return LOCAL_REGION;
    case 'AWS::AccountId':
      return LOCAL_ACCOUNT;
    case 'AWS::URLSuffix':
      return 'amazonaws.com';
    case 'AWS::StackName':
      return options.stackName ?? 'local';
    case 'AWS::StackId':
      return `arn:${LOCAL_PARTITION}:cloudformation:${LOCAL_REGION}:${LOCAL_ACCOUNT}:stack/${options.stackName ?? 'local'}/00000000-0000-0000-0000-000000000000`;
    case 'AWS::NoValue':
      return NO_VALUE;
  }
  const parameter = template.Parameters?.[logicalId];
  if (parameter && parameter.Default !== undefined) return parameter.Default;
  const resource = template.Resources?.[logicalId];
  switch (resource?.Type) {
    case 'AWS::Lambda::Function':
      return logicalId;
    case 'AWS::StepFunctions::StateMachine':
      return stateMachineArn(logicalId);
    case 'AWS::IAM::Role':
      return logicalId;
  }
  return undefined;
}

function builtInGetAtt(template: CfnTemplate, logicalId: string, attribute: string): unknown {
  const resource = template.Resources?.[logicalId];
  switch (resource?.Type) {
    case 'AWS::Lambda::Function':
      if (attribute === 'Arn') return functionArn(logicalId);
      break;
    case 'AWS::StepFunctions::StateMachine':
      if (attribute === 'Arn') return stateMachineArn(logicalId);
      if (attribute === 'Name') return logicalId;
      break;
    case 'AWS::IAM::Role':
      if (attribute === 'Arn') return roleArn(logicalId);
      break;
  }
  return undefined;
}

function describe(value: unknown): string {
  return JSON.stringify(value)?.slice(0, 200) ?? String(value);
}

/**
 * Resolves every CloudFormation intrinsic in `value` (Ref, Fn::GetAtt, Fn::Join, Fn::Sub,
 * Fn::Select, Fn::Split, Fn::ImportValue, Fn::Base64). Throws UnresolvedIntrinsicError on
 * anything it cannot resolve, so a local run never silently uses a wrong value.
 */
export function resolveIntrinsics(
  value: unknown,
  template: CfnTemplate,
  options: ResolveOptions = {},
): unknown {
  const resolved = resolveNode(value, template, options);
  return resolved === NO_VALUE ? undefined : resolved;
}

function resolveRef(template: CfnTemplate, logicalId: string, options: ResolveOptions): unknown {
  const custom = options.resolver?.({ kind: 'Ref', logicalId, resource: template.Resources?.[logicalId] });
  if (custom !== undefined) return custom;
  const builtIn = builtInRef(template, logicalId, options);
  if (builtIn !== undefined) return builtIn;
  throw new UnresolvedIntrinsicError(
    `cannot resolve Ref ${logicalId} (${template.Resources?.[logicalId]?.Type ?? 'unknown'}): pass a resolver`,
  );
}

function resolveGetAtt(template: CfnTemplate, logicalId: string, attribute: string, options: ResolveOptions) {
  const resource = template.Resources?.[logicalId];
  const custom = options.resolver?.({ kind: 'GetAtt', logicalId, attribute, resource });
  if (custom !== undefined) return custom;
  const builtIn = builtInGetAtt(template, logicalId, attribute);
  if (builtIn !== undefined) return builtIn;
  throw new UnresolvedIntrinsicError(
    `cannot resolve Fn::GetAtt ${logicalId}.${attribute} (${resource?.Type ?? 'unknown'}): pass a resolver`,
  );
}

function asString(value: unknown, where: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new UnresolvedIntrinsicError(`${where}: expected a string, got ${describe(value)}`);
}

function resolveSub(template: CfnTemplate, args: unknown, options: ResolveOptions): string {
  let text: string;
  let variables: Record<string, unknown> = {};
  if (typeof args === 'string') {
    text = args;
  } else if (Array.isArray(args) && typeof args[0] === 'string') {
    text = args[0];
    const raw = (args[1] ?? {}) as Record<string, unknown>;
    variables = Object.fromEntries(
      Object.entries(raw).map(([k, v]) => [k, resolveNode(v, template, options)] as const),
    );
  } else {
    throw new UnresolvedIntrinsicError(`malformed Fn::Sub ${describe(args)}`);
  }
  return text.replace(/\$\{(!?)([^}]+)\}/g, (whole, bang: string, name: string) => {
    if (bang) return `\${${name}}`;
    if (name in variables) return asString(variables[name], `Fn::Sub \${${name}}`);
    const dot = name.indexOf('.');
    if (dot > 0 && !name.startsWith('AWS::')) {
      return asString(
        resolveGetAtt(template, name.slice(0, dot), name.slice(dot + 1), options),
        `Fn::Sub ${whole}`,
      );
    }
    return asString(resolveRef(template, name, options), `Fn::Sub ${whole}`);
  });
}

function resolveNode(value: unknown, template: CfnTemplate, options: ResolveOptions): unknown {
  if (Array.isArray(value)) {
    return value.map((v) => resolveNode(v, template, options)).filter((v) => v !== NO_VALUE);
  }
  if (value === null || typeof value !== 'object') return value;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj);
  if (keys.length === 1) {
    const key = keys[0]!;
    const arg = obj[key];
    switch (key) {
      case 'Ref':
        return resolveRef(template, asString(arg, 'Ref'), options);
      case 'Fn::GetAtt': {
        const [logicalId, attribute] = Array.isArray(arg)
          ? (arg as unknown[]).map((a) => resolveNode(a, template, options))
          : asString(arg, 'Fn::GetAtt').split(/\.(.*)/);
        return resolveGetAtt(
          template,
          asString(logicalId, 'Fn::GetAtt'),
          asString(attribute, 'Fn::GetAtt'),
          options,
        );
      }
      case 'Fn::Join': {
        const [separator, parts] = arg as [string, unknown];
        const list = resolveNode(parts, template, options);
        if (!Array.isArray(list)) throw new UnresolvedIntrinsicError(`malformed Fn::Join ${describe(arg)}`);
        return list.map((p) => asString(p, 'Fn::Join')).join(separator);
      }
      case 'Fn::Sub':
        return resolveSub(template, arg, options);
      case 'Fn::Select': {
        const [index, list] = arg as [unknown, unknown];
        const items = resolveNode(list, template, options);
        const i = Number(resolveNode(index, template, options));
        if (!Array.isArray(items) || !(i in items)) {
          throw new UnresolvedIntrinsicError(`malformed Fn::Select ${describe(arg)}`);
        }
        return items[i];
      }
      case 'Fn::Split': {
        const [separator, source] = arg as [string, unknown];
        return asString(resolveNode(source, template, options), 'Fn::Split').split(separator);
      }
      case 'Fn::Base64':
        return Buffer.from(asString(resolveNode(arg, template, options), 'Fn::Base64')).toString('base64');
      case 'Fn::ImportValue': {
        const name = asString(resolveNode(arg, template, options), 'Fn::ImportValue');
        const custom = options.resolver?.({ kind: 'ImportValue', name });
        if (custom !== undefined) return custom;
        throw new UnresolvedIntrinsicError(`cannot resolve Fn::ImportValue ${name}: pass a resolver`);
      }
      default:
        if (key.startsWith('Fn::') || key === 'Condition') {
          throw new UnresolvedIntrinsicError(`unsupported intrinsic ${key}`);
        }
    }
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) {
    const r = resolveNode(v, template, options);
    if (r !== NO_VALUE) out[k] = r;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Functions

export interface TemplateFunction {
  logicalId: string;
  /** Local function name (= logical id), as in the ARNs the local state machines use. */
  functionName: string;
  arn: string;
  /** Handler file relative to the project root (from the `esip:entry` metadata). */
  entry: string;
  /** Exported handler name, from the `Handler` property (`index.handler` → `handler`). */
  handlerExport: string;
  /** The `Environment.Variables` exactly as in the template (intrinsics unresolved). */
  environment: Record<string, unknown>;
  timeoutSeconds: number;
  memorySize: number;
  /** CDK construct path (`aws:cdk:path` metadata, present when the CLI synthesizes). */
  path?: string;
  metadata: Record<string, unknown>;
  /** Logical id of its execution role (`Role: Fn::GetAtt [<id>, Arn]`), whose policies local/iam.ts enforces. */
  roleLogicalId?: string;
}

function resources(template: CfnTemplate): [string, CfnResource][] {
  return Object.entries(template.Resources ?? {});
}

function cdkPath(resource: CfnResource): string | undefined {
  const path = resource.Metadata?.['aws:cdk:path'];
  return typeof path === 'string' ? path : undefined;
}

/** Every Lambda function of the template that carries `esip:entry` metadata, by logical id. */
export function extractFunctions(template: CfnTemplate): Record<string, TemplateFunction> {
  const out: Record<string, TemplateFunction> = {};
  for (const [logicalId, resource] of resources(template)) {
    if (resource.Type !== 'AWS::Lambda::Function') continue;
    const entry = resource.Metadata?.[ENTRY_METADATA_KEY];
    if (typeof entry !== 'string') continue; // e.g. CDK's own custom-resource providers
    const props = resource.Properties ?? {};
    const handler = typeof props['Handler'] === 'string' ? props['Handler'] : 'index.handler';
    const environment = (props['Environment'] as { Variables?: Record<string, unknown> } | undefined)
      ?.Variables;
    const role = (props['Role'] as { 'Fn::GetAtt'?: unknown[] } | undefined)?.['Fn::GetAtt']?.[0];
    out[logicalId] = {
      logicalId,
      functionName: logicalId,
      arn: functionArn(logicalId),
      entry,
      handlerExport: handler.slice(handler.lastIndexOf('.') + 1) || 'handler',
      environment: { ...(environment ?? {}) },
      timeoutSeconds: typeof props['Timeout'] === 'number' ? props['Timeout'] : 3,
      memorySize: typeof props['MemorySize'] === 'number' ? props['MemorySize'] : 128,
      path: cdkPath(resource),
      metadata: { ...resource.Metadata },
      ...(typeof role === 'string' ? { roleLogicalId: role } : {}),
    };
  }
  return out;
}

/**
 * A function's environment with intrinsics resolved (e.g. `Ref` of the state machine becomes its
 * local ARN). Values the resolver does not know throw, unless `lenient` (then they are skipped).
 */
export function resolveEnvironment(
  fn: TemplateFunction,
  template: CfnTemplate,
  options: ResolveOptions & { lenient?: boolean } = {},
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, raw] of Object.entries(fn.environment)) {
    try {
      const value = resolveIntrinsics(raw, template, options);
      if (value !== undefined) out[name] = typeof value === 'string' ? value : JSON.stringify(value);
    } catch (error) {
      if (!options.lenient) throw error;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// State machines

export interface TemplateStateMachine {
  logicalId: string;
  /** Local name (= logical id). */
  name: string;
  arn: string;
  /** The resolved ASL document. */
  definition: AslDefinition;
  /** The resolved definition string, exactly as the template would deploy it. */
  definitionString: string;
  roleArn: string;
  type: 'STANDARD' | 'EXPRESS';
  /** Lambda ARNs (and names) that appear in the definition → function logical id. */
  functions: Record<string, string>;
  path?: string;
  metadata: Record<string, unknown>;
}

/** ARN and name of every Lambda function of the template → its logical id. */
export function functionArnMap(template: CfnTemplate): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [logicalId, resource] of resources(template)) {
    if (resource.Type !== 'AWS::Lambda::Function') continue;
    out[functionArn(logicalId)] = logicalId;
    out[logicalId] = logicalId;
  }
  return out;
}

function collectFunctionReferences(
  node: unknown,
  known: Record<string, string>,
  out: Record<string, string>,
) {
  if (typeof node === 'string') {
    const name = functionNameFromReference(node);
    if (node.includes(':function:') && known[name]) out[node] = known[name];
    return;
  }
  if (Array.isArray(node)) {
    for (const item of node) collectFunctionReferences(item, known, out);
    return;
  }
  if (node && typeof node === 'object') {
    for (const v of Object.values(node)) collectFunctionReferences(v, known, out);
  }
}

export function extractStateMachines(
  template: CfnTemplate,
  options: ResolveOptions = {},
): Record<string, TemplateStateMachine> {
  const out: Record<string, TemplateStateMachine> = {};
  const known = functionArnMap(template);
  for (const [logicalId, resource] of resources(template)) {
    if (resource.Type !== 'AWS::StepFunctions::StateMachine') continue;
    const props = resource.Properties ?? {};
    let definitionString: string;
    if (props['DefinitionString'] !== undefined) {
      definitionString = asString(
        resolveIntrinsics(props['DefinitionString'], template, options),
        `${logicalId}.DefinitionString`,
      );
    } else if (props['Definition'] !== undefined) {
      definitionString = JSON.stringify(resolveIntrinsics(props['Definition'], template, options));
    } else {
      throw new Error(
        `state machine ${logicalId}: only DefinitionString/Definition are supported locally (not DefinitionS3Location)`,
      );
    }
    const substitutions = props['DefinitionSubstitutions'];
    if (substitutions && typeof substitutions === 'object') {
      const values = resolveIntrinsics(substitutions, template, options) as Record<string, unknown>;
      definitionString = definitionString.replace(/\$\{([^}]+)\}/g, (whole, key: string) =>
        key in values ? asString(values[key], `DefinitionSubstitutions.${key}`) : whole,
      );
    }
    const definition = JSON.parse(definitionString) as AslDefinition;
    const functions: Record<string, string> = {};
    collectFunctionReferences(definition, known, functions);
    const role =
      props['RoleArn'] === undefined ? undefined : resolveIntrinsics(props['RoleArn'], template, options);
    out[logicalId] = {
      logicalId,
      name: logicalId,
      arn: stateMachineArn(logicalId),
      definition,
      definitionString,
      roleArn: typeof role === 'string' ? role : roleArn(`${logicalId}Role`),
      type: props['StateMachineType'] === 'EXPRESS' ? 'EXPRESS' : 'STANDARD',
      functions,
      path: cdkPath(resource),
      metadata: { ...resource.Metadata },
    };
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Schedules

export interface TemplateSchedule {
  /** Schedule name: the `Name` property, else the `esip:schedule` metadata, else the logical id. */
  name: string;
  logicalId: string;
  source: 'scheduler' | 'events-rule';
  /** `cron(...)`, `rate(...)` or `at(...)`, as written in the template. */
  expression: string;
  /** IANA time zone; EventBridge rules always run in UTC. */
  timezone: string;
  enabled: boolean;
  target: {
    /** Resolved target ARN. */
    arn: string;
    /** Logical id of the target resource when it is a function or state machine of the template. */
    logicalId?: string;
    type: 'function' | 'stateMachine' | 'other';
  };
  /** The target input JSON string (Scheduler `Target.Input` / rule target `Input`), resolved. */
  input?: string;
  /** Schedule ARN (Scheduler) or rule ARN (EventBridge rule), as seen by the target. */
  arn: string;
  path?: string;
}

function targetOf(arn: string, template: CfnTemplate): TemplateSchedule['target'] {
  const functionMatch = /:lambda:[^:]*:[^:]*:function:([^:]+)/.exec(arn);
  if (functionMatch && template.Resources?.[functionMatch[1]!]?.Type === 'AWS::Lambda::Function') {
    return { arn, logicalId: functionMatch[1]!, type: 'function' };
  }
  const smMatch = /:states:[^:]*:[^:]*:stateMachine:([^:]+)/.exec(arn);
  if (smMatch && template.Resources?.[smMatch[1]!]?.Type === 'AWS::StepFunctions::StateMachine') {
    return { arn, logicalId: smMatch[1]!, type: 'stateMachine' };
  }
  return { arn, type: 'other' };
}

export function extractSchedules(template: CfnTemplate, options: ResolveOptions = {}): TemplateSchedule[] {
  const out: TemplateSchedule[] = [];
  for (const [logicalId, resource] of resources(template)) {
    const props = resource.Properties ?? {};
    if (resource.Type === 'AWS::Scheduler::Schedule') {
      // Only the fields the local scheduler uses (RoleArn, DeadLetterConfig... are not needed).
      const rawTarget = (props['Target'] ?? {}) as Record<string, unknown>;
      const target = {
        Arn: asString(resolveIntrinsics(rawTarget['Arn'], template, options), `${logicalId}.Target.Arn`),
        Input: resolveIntrinsics(rawTarget['Input'], template, options) as string | undefined,
      };
      const name = resolveIntrinsics(props['Name'], template, options);
      const group = resolveIntrinsics(props['GroupName'], template, options);
      const tagged = resource.Metadata?.[SCHEDULE_METADATA_KEY];
      const scheduleName = typeof name === 'string' ? name : typeof tagged === 'string' ? tagged : logicalId;
      out.push({
        name: scheduleName,
        logicalId,
        source: 'scheduler',
        expression: asString(resolveIntrinsics(props['ScheduleExpression'], template, options), logicalId),
        timezone:
          (resolveIntrinsics(props['ScheduleExpressionTimezone'], template, options) as string | undefined) ??
          'UTC',
        enabled: props['State'] !== 'DISABLED',
        target: targetOf(target.Arn, template),
        input: target.Input,
        arn: `arn:${LOCAL_PARTITION}:scheduler:${LOCAL_REGION}:${LOCAL_ACCOUNT}:schedule/${typeof group === 'string' ? group : 'default'}/${scheduleName}`,
        path: cdkPath(resource),
      });
    } else if (resource.Type === 'AWS::Events::Rule' && props['ScheduleExpression'] !== undefined) {
      const name = resolveIntrinsics(props['Name'], template, options);
      const tagged = resource.Metadata?.[SCHEDULE_METADATA_KEY];
      const ruleName = typeof name === 'string' ? name : typeof tagged === 'string' ? tagged : logicalId;
      const targets = ((props['Targets'] ?? []) as Record<string, unknown>[]).map((t) => ({
        Arn: asString(resolveIntrinsics(t['Arn'], template, options), `${logicalId}.Targets.Arn`),
        Id: typeof t['Id'] === 'string' ? t['Id'] : undefined,
        Input: resolveIntrinsics(t['Input'], template, options) as string | undefined,
      }));
      targets.forEach((target, index) => {
        out.push({
          name: targets.length > 1 ? `${ruleName}/${target.Id ?? index}` : ruleName,
          logicalId,
          source: 'events-rule',
          expression: asString(resolveIntrinsics(props['ScheduleExpression'], template, options), logicalId),
          timezone: 'UTC',
          enabled: props['State'] !== 'DISABLED',
          target: targetOf(target.Arn, template),
          input: target.Input,
          arn: `arn:${LOCAL_PARTITION}:events:${LOCAL_REGION}:${LOCAL_ACCOUNT}:rule/${ruleName}`,
          path: cdkPath(resource),
        });
      });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The app's template

let appTemplate: Promise<CfnTemplate> | undefined;

/** Synthesizes the CDK app (without bundling, so it is fast): the `Esip-App` template. */
export async function synthesizeAppTemplate(): Promise<CfnTemplate> {
  // Loaded on demand: aws-cdk-lib is heavy and only needed when a template is synthesized.
  const { buildApp } = await import('../infra/build.ts');
  const { app, appStack } = buildApp({ bundle: false });
  if (appStack.stackName !== APP_STACK_NAME) {
    throw new Error(`expected the app stack to be named ${APP_STACK_NAME}, got ${appStack.stackName}`);
  }
  return app.synth().getStackArtifact(appStack.artifactId).template as CfnTemplate;
}

/**
 * The `Esip-App` template: synthesized once per content of its inputs (kept on disk by their
 * hash: template-cache.ts) and cached per process.
 */
export function loadAppTemplate(): Promise<CfnTemplate> {
  appTemplate ??= cachedTemplate(resolve(import.meta.dirname, '..'), synthesizeAppTemplate).then(
    (r) => r.template,
  );
  appTemplate.catch(() => {
    appTemplate = undefined;
  });
  return appTemplate;
}
