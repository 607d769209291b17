/**
 * Builds the CDK app: Esip-Data (stateful) and Esip-App (stateless), environment-agnostic (no
 * account/region lookups), with the AwsSolutions cdk-nag checks on — an unacknowledged nag error
 * fails the synth.
 *
 * `bundle: false` skips esbuild bundling of the functions (for a local process that only needs
 * the template, e.g. the local stack); assets then point at the project sources.
 */
import { App, Tags } from 'aws-cdk-lib';
import { addNagChecks } from './nag.ts';
import { AppStack } from './stacks/app-stack.ts';
import { DataStack } from './stacks/data-stack.ts';

export interface BuildAppOptions {
  /** Bundle the functions with esbuild (default true). */
  readonly bundle?: boolean;
  /** Cloud assembly directory (default: the CLI's, or cdk.out). */
  readonly outdir?: string;
  /** Deployment stage, e.g. dev or prod (default: context `stage`, else 'dev'). */
  readonly stage?: string;
}

export interface BuiltApp {
  readonly app: App;
  readonly dataStack: DataStack;
  readonly appStack: AppStack;
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

export const STACK_NAMES = { data: 'Esip-Data', app: 'Esip-App' } as const;

export function buildApp(options: BuildAppOptions = {}): BuiltApp {
  const bundle = options.bundle ?? true;
  const app = new App({
    ...(options.outdir ? { outdir: options.outdir } : {}),
    context: { ...FEATURE_FLAGS },
    // After the CLI's context, so that `bundle: false` wins over the CLI's default ['**'].
    ...(bundle ? {} : { postCliContext: { 'aws:cdk:bundling-stacks': [] } }),
  });
  const stage: string = options.stage ?? app.node.tryGetContext('stage') ?? 'dev';
  if (!/^[a-z][a-z0-9-]{0,15}$/.test(stage))
    throw new Error(`stage '${stage}': lower-case letters, digits, '-'`);

  const dataStack = new DataStack(app, STACK_NAMES.data, {
    description: 'ESIP stateful resources: table, document and notice buckets, user pool',
  });
  const appStack = new AppStack(app, STACK_NAMES.app, {
    description: 'ESIP application: functions, HTTP API, round pipeline, events, schedules, alarms',
    stage,
    data: dataStack,
  });
  Tags.of(app).add('project', 'esip');
  Tags.of(app).add('stage', stage);

  addNagChecks(app);
  return { app, dataStack, appStack };
}
