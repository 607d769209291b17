/**
 * Esip-App: the stateless part — functions, the HTTP API, the round pipeline, event wiring,
 * schedules and alarms. It references Esip-Data (table, buckets, user pool, schedule group);
 * Esip-Data references nothing here.
 *
 * Finding things in the synthesized template (for the local stack):
 * - functions: AWS::Lambda::Function with Metadata `esip:entry` = handler file, e.g.
 *   `functions/pipeline/handler.ts`; logical ids start with `functionConstructId(name)`
 *   (e.g. `PipelineStarterFnFunction…`); environment values from Esip-Data are Fn::ImportValue;
 * - the round pipeline: AWS::StepFunctions::StateMachine with Metadata `esip:statemachine` =
 *   'round-pipeline' (its DefinitionString is an Fn::Join over the pipeline function's ARN);
 * - schedules: AWS::Scheduler::Schedule with Metadata `esip:schedule` = the schedule's name
 *   (ScheduleExpression, Target.Arn → the function, Target.Input = the event).
 */
import { ArnFormat, CfnOutput, Duration, RemovalPolicy, Stack, type StackProps, TimeZone } from 'aws-cdk-lib';
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as events from 'aws-cdk-lib/aws-events';
import * as eventTargets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as lambdaEventSources from 'aws-cdk-lib/aws-lambda-event-sources';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as schedulerTargets from 'aws-cdk-lib/aws-scheduler-targets';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { type RouteGroup, routeGroups } from '../../shared/api/routes.ts';
import {
  envNames,
  oidcEnvNames,
  ROUND_PIPELINE_ID,
  ROUND_SCHEDULE_GROUP,
  roundEvents,
  schedulingEnvNames,
  userPoolEnvNames,
} from '../../shared/contract.ts';
import { keys } from '../../shared/db/keys.ts';
import { buildRoundPipeline } from '../../statemachines/round-pipeline.ts';
import type { IdentityConfig } from '../build.ts';
import { type AlarmRecipients, OperationalAlarms } from '../constructs/alarms.ts';
import { AppFunction, type AppFunctionProps } from '../constructs/app-function.ts';
import { type BucketGrant, bindBucket, bindTable } from '../constructs/bindings.ts';
import { type ConsoleHosting, hostConsole } from '../constructs/console.ts';
import { OperationsDashboard } from '../constructs/dashboard.ts';
import { FrontDoor, ORIGIN_VERIFY_ENV, VIEWER_ADDRESS_HEADER } from '../constructs/edge.ts';
import { RouteTableApi } from '../constructs/http-api.ts';
import { configureNotifier, type NotificationConfig } from '../constructs/notifier.ts';
import { acknowledge, defaultPolicyOf, wildcardResourceFinding } from '../nag.ts';
import type { DataStack } from './data-stack.ts';

/** The recurring schedules (EventBridge Scheduler, UTC). */
export const recurringSchedules = {
  deadlineSweep: {
    name: 'deadline-sweep',
    function: 'deadline-sweep',
    /** Daily 01:00 UTC = 09:00 Beijing. */
    expression: 'cron(0 1 * * ? *)',
    // EventBridge Scheduler fills in the scheduled time: the run's idempotency key is its day.
    input: { schedule: 'deadline-sweep', scheduledTime: '<aws.scheduler.scheduled-time>' },
  },
  inspectionDraw: {
    name: 'inspection-draw',
    function: 'inspection-draw',
    /** Monthly, on the 1st at 02:00 UTC = 10:00 Beijing. */
    expression: 'cron(0 2 1 * ? *)',
    input: { schedule: 'inspection-draw', scheduledTime: '<aws.scheduler.scheduled-time>' },
  },
} as const;

/** Function folders (functions/<name>/handler.ts) that are not API route groups. */
export const backgroundFunctions = [
  'pipeline',
  'pipeline-starter',
  'deadline-sweep',
  'inspection-draw',
  'document-verifier',
  'notifier',
] as const;
export type BackgroundFunction = (typeof backgroundFunctions)[number];
/** The HTTP API's Lambda authorizer (functions/authorizer/handler.ts); API Gateway invokes it. */
export const AUTHORIZER_FUNCTION = 'authorizer';
export type FunctionName = RouteGroup | BackgroundFunction;

/** Construct id of each function (the prefix of its logical id). */
export const functionConstructId = (name: FunctionName) =>
  `${name
    .split('-')
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('')}Fn`;

/**
 * The IAM5 finding of a key-prefix grant on a data-stack bucket (`…/<prefix>*`), as cdk-nag reports
 * it. Cross-stack ARNs become Fn::ImportValue only during synthesis, so the export names are
 * written out (copy the new one from the synth error if the data stack's construct ids change).
 */
const BUCKET_ARN_EXPORTS = {
  documents: 'Esip-Data:ExportsOutputFnGetAttDocumentsBucket9EC9DEB9ArnEA5095A7',
  notices: 'Esip-Data:ExportsOutputFnGetAttNoticesBucketD7262667Arn0E160513',
} as const;
const prefixFinding = (bucket: keyof typeof BUCKET_ARN_EXPORTS, prefix: string) =>
  `AwsSolutions-IAM5[Resource::${BUCKET_ARN_EXPORTS[bucket]}/${prefix}*]`;

/** Reads and rewrites the public notice and its revisions (all under rounds/<roundId>/). */
const NOTICE_WRITER: BucketGrant = { read: ['rounds/'], write: ['rounds/'], list: true };

export const METADATA = {
  stateMachine: 'esip:statemachine',
  schedule: 'esip:schedule',
} as const;

export interface AppStackProps extends StackProps {
  readonly stage: string;
  readonly data: DataStack;
  /** Who the alarms reach (context alarmEmail / alarmWebhook, infra/build.ts). */
  readonly alarmRecipients?: AlarmRecipients;
  /** CloudFront + WAF in front of the API (infra/build.ts: when a region is known). */
  readonly edge?: { readonly webAclArn: string };
  /** Who signs the API's tokens (default: the user pools of Esip-Data). */
  readonly identity?: IdentityConfig;
  /** X-Ray active tracing of the functions and the state machine (default true; off in China). */
  readonly tracing?: boolean;
  /** How notifications are sent (context notifyChannel, notifyFrom, …; infra/build.ts). */
  readonly notifications?: NotificationConfig;
  /** The built console to deploy behind the front door (infra/build.ts consoleConfig). */
  readonly console?: { readonly distDir: string };
}

export class AppStack extends Stack {
  readonly functions: Record<FunctionName, AppFunction>;
  /** Not in `functions` (no per-function alarms): see where it is created. */
  readonly authorizer: AppFunction;
  readonly roundPipeline: sfn.StateMachine;
  readonly api: RouteTableApi;
  readonly alarms: OperationalAlarms;
  readonly dashboard: cloudwatch.Dashboard;
  readonly frontDoor?: FrontDoor;
  /** The console in the web bucket and its sign-in clients (with `console`). */
  readonly consoleHosting?: ConsoleHosting;
  readonly roundCloseSchedulerRole: iam.Role;

  constructor(scope: Construct, id: string, props: AppStackProps) {
    super(scope, id, props);
    const { data, stage } = props;
    const tracing = props.tracing ?? true;
    const identity: IdentityConfig = props.identity ?? { kind: 'cognito' };

    const fn = (name: FunctionName, description: string, extra: Partial<AppFunctionProps> = {}) =>
      new AppFunction(this, functionConstructId(name), { name, description, stage, tracing, ...extra });
    const background = { timeout: Duration.minutes(5) };

    // --- the round pipeline (Step Functions, Standard) --------------------------------------------
    const pipeline = fn('pipeline', 'Round pipeline steps (Step Functions tasks)', background);
    // Least privilege, function by function (issue #11): the DynamoDB actions each one's code sends,
    // the GSIs it queries, the key prefixes it reads and writes. test/infra/least-privilege.test.ts
    // holds the same table; the local stack enforces these statements (local/iam.ts).
    // Steps read and write the round's items; BatchGetItem: the member profiles screening reads;
    // ConditionCheckItem: each selection-row transaction checks the header is still this run's.
    bindTable(pipeline, data.table, {
      actions: ['GetItem', 'BatchGetItem', 'Query', 'ConditionCheckItem', 'PutItem', 'UpdateItem'],
      indexes: ['gsi1'],
    });
    // Publishes the notice (JSON and page) and keeps each revision, all under rounds/.
    bindBucket(pipeline, data.noticesBucket, NOTICE_WRITER, envNames.noticesBucket);

    const pipelineLogs = new logs.LogGroup(this, 'RoundPipelineLogs', {
      // The vended-logs prefix keeps CloudWatch Logs' resource policy small.
      logGroupName: `/aws/vendedlogs/states/esip-round-pipeline-${stage}`,
      retention: logs.RetentionDays.ONE_YEAR,
      // Named, so not retained: a retained log group of that name would block a re-deployment.
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.roundPipeline = new sfn.StateMachine(this, ROUND_PIPELINE_ID, {
      comment: 'ESIP round pipeline: one execution per funding round',
      stateMachineType: sfn.StateMachineType.STANDARD,
      definitionBody: sfn.DefinitionBody.fromChainable(
        buildRoundPipeline(new Construct(this, 'RoundPipelineStates'), { pipelineFunction: pipeline.fn }),
      ),
      tracingEnabled: tracing,
      logs: { destination: pipelineLogs, level: sfn.LogLevel.ALL, includeExecutionData: true },
    });
    (this.roundPipeline.node.defaultChild as sfn.CfnStateMachine).addMetadata(
      METADATA.stateMachine,
      'round-pipeline',
    );
    const pipelineArn = this.roundPipeline.stateMachineArn;
    // A gate whose condition already holds (a retried or restarted run) completes itself: the
    // pipeline function sends its own task token back. A Policy of its own, not the role's default
    // policy, which the function depends on (that would be a cycle with the state machine).
    new iam.Policy(this, 'PipelineGateSelfCompletion', {
      roles: [pipeline.role],
      statements: [
        new iam.PolicyStatement({
          actions: ['states:SendTaskSuccess', 'states:SendTaskFailure', 'states:SendTaskHeartbeat'],
          resources: [pipelineArn],
        }),
      ],
    });

    // --- functions behind the API, one per route group -------------------------------------------
    const system = fn('system', 'API: health and OpenAPI document');
    // Health: one GetItem of the HEALTH item, nothing else of the table; HeadBucket (ListBucket).
    bindTable(system, data.table, { actions: ['GetItem'], partitions: [keys.health().pk] });
    bindBucket(system, data.documentsBucket, { list: true }, envNames.documentsBucket);
    system.role.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: ['states:DescribeStateMachine'], resources: [pipelineArn] }),
    );
    system.addEnvironment(envNames.roundPipelineArn, pipelineArn);

    const rounds = fn('rounds', 'API: rounds and their pipeline');
    // BatchGetItem: objections dismissed by id, read in one request.
    bindTable(rounds, data.table, {
      actions: ['GetItem', 'BatchGetItem', 'Query', 'PutItem', 'UpdateItem'],
      indexes: ['gsi1'],
      idempotency: true,
    });
    // An upheld objection (syncNotice) and a 递补 (publishSupplement) re-render the notice.
    bindBucket(rounds, data.noticesBucket, NOTICE_WRITER, envNames.noticesBucket);
    this.roundPipeline.grantStartExecution(rounds.fn);
    const roundExecutionsArn = this.formatArn({
      service: 'states',
      resource: 'execution',
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
      resourceName: `${this.roundPipeline.stateMachineName}:*`,
    });
    rounds.role.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: ['states:DescribeExecution'], resources: [roundExecutionsArn] }),
    );
    this.roundPipeline.grantTaskResponse(rounds.fn);
    rounds.addEnvironment(envNames.roundPipelineArn, pipelineArn);

    const organisations = fn('organisations', 'API: organisation profiles');
    // DeleteItem: a changed USCC releases the old code's uniqueness claim (USCC#<code>).
    bindTable(organisations, data.table, {
      actions: ['GetItem', 'PutItem', 'DeleteItem'],
      idempotency: true,
    });

    const alliances = fn('alliances', 'API: alliances, members, eligibility, submission, document uploads');
    // BatchGetItem: member profiles (submission); ConditionCheckItem: a failed reverification flags
    // the ledger entry its receipt backs only while the receipt's claim is unchanged.
    bindTable(alliances, data.table, {
      actions: ['GetItem', 'BatchGetItem', 'Query', 'ConditionCheckItem', 'PutItem', 'UpdateItem'],
      indexes: ['gsi1', 'gsi2'],
      idempotency: true,
    });
    // Signs presigned POSTs for uploads under alliances/ only (the verifier checks what arrives);
    // reverification (admins) reads the evidence copy, or the original version it was verified as.
    bindBucket(
      alliances,
      data.documentsBucket,
      { write: ['alliances/'], read: ['alliances/', 'evidence/'], readVersions: true, list: true },
      envNames.documentsBucket,
    );
    // Withdrawing a selected alliance withdraws it from the notice at once (syncNotice).
    bindBucket(alliances, data.noticesBucket, NOTICE_WRITER, envNames.noticesBucket);

    const reviews = fn('reviews', 'API: reviewers’ assignments, reviews and conflict declarations');
    // ConditionCheckItem: a first review needs its assignment still active; a conflict declaration
    // needs the review's presence as read. BatchGetItem: an assignment's items in one read, and a
    // reviewer's list (reviews and alliance names) in one.
    bindTable(reviews, data.table, {
      actions: ['GetItem', 'BatchGetItem', 'Query', 'ConditionCheckItem', 'PutItem', 'UpdateItem'],
      indexes: ['gsi1'],
      idempotency: true,
    });
    this.roundPipeline.grantTaskResponse(reviews.fn); // the last review moves the pipeline on
    // Signs presigned GETs of the verified copies (evidence/) of assigned alliances' documents.
    bindBucket(
      reviews,
      data.documentsBucket,
      { read: ['evidence/'], readVersions: true },
      envNames.documentsBucket,
    );

    const publicFn = fn('public', 'API (public): the notice and objections');
    // Read-only but for the objection: PutItem (the objection, its audit record), UpdateItem (the
    // round's open-objections tally). No Query, no DeleteItem (but of its own idempotency records),
    // no pipeline callbacks (filing an objection completes no gate).
    bindTable(publicFn, data.table, { actions: ['GetItem', 'PutItem', 'UpdateItem'], idempotency: true });
    bindBucket(publicFn, data.noticesBucket, { read: ['rounds/'], list: true }, envNames.noticesBucket);
    // The key objectors' addresses and contacts are hashed with (HMAC, issue #11): one per
    // deployment, generated in Secrets Manager and resolved by CloudFormation, never in the template.
    const clientHashKey = new secretsmanager.Secret(this, 'ClientHashKey', {
      description: `ESIP ${stage}: the key objectors' client addresses and contacts are hashed with`,
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
      removalPolicy: RemovalPolicy.DESTROY,
    });
    publicFn.addEnvironment(envNames.clientHashKey, clientHashKey.secretValue.unsafeUnwrap());
    acknowledge(clientHashKey, 'AwsSolutions-SMG4', [
      'The hash key is resolved by CloudFormation into the public function at deployment; a rotation would',
      'leave it on the old key until the next deployment. Changing it (put-secret-value, then deploy) only',
      'restarts the per-client objection counts and makes new hashes differ from earlier ones.',
    ]);

    // After the award (issue #5): implementation plans and closure, the dedicated-account ledger,
    // reports and notifications, inspections. Uploads (receipts, reports) are presigned by the
    // alliances function (POST /v1/alliances/{id}/documents): none of these touches S3. BatchGetItem:
    // the access check reads the alliance with the caller's USER# link (or an inspector's
    // assignment) in one request (shared/db/alliances.ts).
    const implementation = fn('implementation', 'API: implementation plans, completion and closure');
    bindTable(implementation, data.table, {
      actions: ['GetItem', 'BatchGetItem', 'Query', 'PutItem', 'UpdateItem'],
      idempotency: true,
    });
    const ledger = fn('ledger', 'API: dedicated-account ledger (专账管理), receipts, CSV export');
    // ConditionCheckItem: an expense's receipt is verified (with the pinned SHA-256) and its claim
    // unchanged when the money moves; DeleteItem: a reversal releases its receipt's claim.
    bindTable(ledger, data.table, {
      actions: [
        'GetItem',
        'BatchGetItem',
        'Query',
        'ConditionCheckItem',
        'PutItem',
        'UpdateItem',
        'DeleteItem',
      ],
      idempotency: true,
    });
    const reports = fn('reports', 'API: annual and completion reports, notifications');
    bindTable(reports, data.table, {
      actions: ['GetItem', 'BatchGetItem', 'Query', 'PutItem', 'UpdateItem'],
      indexes: ['gsi1'],
      idempotency: true,
    });
    const inspections = fn('inspections', 'API: irregular inspections, findings and ratings');
    bindTable(inspections, data.table, {
      actions: ['GetItem', 'BatchGetItem', 'Query', 'PutItem', 'UpdateItem'],
      indexes: ['gsi1', 'gsi2'],
      idempotency: true,
    });

    // Free pairing (issue #15): needs, capability profiles, matches, interests; accepting an interest
    // creates the draft alliance (the alliances' own use cases: GetItem of the round, BatchGetItem +
    // Query of the access check). gsi1: open needs and capabilities; gsi2: memberships (the load factor).
    const pairing = fn('pairing', 'API: free pairing — needs, capabilities, matches, interests');
    bindTable(pairing, data.table, {
      actions: ['GetItem', 'BatchGetItem', 'Query', 'PutItem', 'UpdateItem'],
      indexes: ['gsi1', 'gsi2'],
      idempotency: true,
    });

    // --- background functions -----------------------------------------------------------------------
    const pipelineStarter = fn(
      'pipeline-starter',
      'Starts a round pipeline (close-round event or schedule)',
      {
        async: true,
        timeout: Duration.minutes(1),
      },
    );
    // One conditional PutItem: the pipeline's status item, if the round has none yet.
    bindTable(pipelineStarter, data.table, { actions: ['PutItem'] });
    this.roundPipeline.grantStartExecution(pipelineStarter.fn);
    pipelineStarter.addEnvironment(envNames.roundPipelineArn, pipelineArn);

    const deadlineSweep = fn('deadline-sweep', 'Daily sweep: reports due/overdue, reminders, escalation', {
      ...background,
      async: true,
    });
    bindTable(deadlineSweep, data.table, {
      actions: ['GetItem', 'Query', 'PutItem', 'UpdateItem'],
      indexes: ['gsi1'],
    });

    const inspectionDraw = fn('inspection-draw', 'Periodic risk-weighted random inspection draw', {
      ...background,
      async: true,
    });
    // Writes new items only (the draw, its inspections and assignments, the run's claim).
    bindTable(inspectionDraw, data.table, {
      actions: ['GetItem', 'Query', 'PutItem'],
      indexes: ['gsi1', 'gsi2'],
    });

    const documentVerifier = fn(
      'document-verifier',
      'Verifies each uploaded document (type, size, SHA-256)',
      {
        async: true,
        timeout: Duration.minutes(2),
        memorySize: 1024,
      },
    );
    bindTable(documentVerifier, data.table, { actions: ['GetItem', 'PutItem', 'UpdateItem'] });
    // Reads each upload (the version the event names) and keeps the verified bytes under evidence/,
    // which nothing else may write.
    bindBucket(
      documentVerifier,
      data.documentsBucket,
      { read: ['alliances/', 'evidence/'], readVersions: true, write: ['evidence/'], list: true },
      envNames.documentsBucket,
    );

    // --- the notifier: the table's stream → every inserted notification, mailed -------------------
    const notifier = fn('notifier', 'Sends each notification of the outbox (table stream → mail)', {
      async: true, // its DLQ takes the stream records that still fail after the mapping's retries
      timeout: Duration.minutes(1),
    });
    // Reads the recipient's people (gsi1: an organisation's users; their links and preferences in a
    // BatchGet), claims and records each delivery (UpdateItem, PutItem for a skipped one).
    bindTable(notifier, data.table, {
      actions: ['GetItem', 'BatchGetItem', 'Query', 'PutItem', 'UpdateItem'],
      indexes: ['gsi1'],
    });
    configureNotifier(
      this,
      notifier,
      props.notifications ?? { channel: 'ses', from: 'no-reply@esip.example.cn' },
      data,
    );
    notifier.fn.addEventSource(
      new lambdaEventSources.DynamoEventSource(data.table, {
        startingPosition: lambda.StartingPosition.TRIM_HORIZON,
        batchSize: 25,
        maxBatchingWindow: Duration.seconds(1),
        // Only inserted notifications (to send) and audit records (counted as business-event
        // metrics) reach the function; the stream carries every change.
        filters: ['notification', 'audit'].map((type) =>
          lambda.FilterCriteria.filter({
            eventName: lambda.FilterRule.isEqual('INSERT'),
            dynamodb: { NewImage: { type: { S: lambda.FilterRule.isEqual(type) } } },
          }),
        ),
        reportBatchItemFailures: true,
        bisectBatchOnError: true,
        retryAttempts: 8,
        maxRecordAge: Duration.hours(24),
        onFailure: new lambdaEventSources.SqsDlq(notifier.deadLetterQueue!),
      }),
    );
    acknowledge(defaultPolicyOf(notifier.role), 'AwsSolutions-IAM5[Resource::*]', [
      'The DynamoDB stream event source grants dynamodb:ListStreams, which has no resource-level',
      'permissions; reading the records (DescribeStream, GetRecords, GetShardIterator) is on the table stream only.',
    ]);

    // --- per-round one-time close schedules (created at runtime by `rounds`) ----------------------
    // EventBridge Scheduler assumes this role to invoke pipeline-starter; only schedules of the
    // esip-rounds group of this account can use it (confused-deputy conditions).
    this.roundCloseSchedulerRole = new iam.Role(this, 'RoundCloseSchedulerRole', {
      description: 'Assumed by EventBridge Scheduler for per-round close schedules (group esip-rounds)',
      assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com', {
        conditions: {
          StringEquals: { 'aws:SourceAccount': this.account },
          ArnEquals: { 'aws:SourceArn': data.roundScheduleGroup.scheduleGroupArn },
        },
      }),
    });
    this.roundCloseSchedulerRole.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['lambda:InvokeFunction'],
        resources: [pipelineStarter.fn.functionArn],
      }),
    );
    pipelineStarter.deadLetterQueue!.grantSendMessages(this.roundCloseSchedulerRole);

    const roundSchedulesArn = this.formatArn({
      service: 'scheduler',
      resource: 'schedule',
      resourceName: `${ROUND_SCHEDULE_GROUP}/*`,
    });
    rounds.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: [
          'scheduler:CreateSchedule',
          'scheduler:UpdateSchedule',
          'scheduler:GetSchedule',
          'scheduler:DeleteSchedule',
        ],
        resources: [roundSchedulesArn],
      }),
    );
    rounds.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['iam:PassRole'],
        resources: [this.roundCloseSchedulerRole.roleArn],
        conditions: { StringEquals: { 'iam:PassedToService': 'scheduler.amazonaws.com' } },
      }),
    );
    rounds.addEnvironment(schedulingEnvNames.scheduleGroup, ROUND_SCHEDULE_GROUP);
    rounds.addEnvironment(schedulingEnvNames.schedulerRoleArn, this.roundCloseSchedulerRole.roleArn);
    rounds.addEnvironment(schedulingEnvNames.pipelineStarterArn, pipelineStarter.fn.functionArn);
    rounds.addEnvironment(schedulingEnvNames.scheduleDlqArn, pipelineStarter.deadLetterQueue!.queueArn);

    this.functions = {
      system,
      rounds,
      organisations,
      alliances,
      reviews,
      public: publicFn,
      implementation,
      ledger,
      reports,
      inspections,
      pairing,
      pipeline,
      'pipeline-starter': pipelineStarter,
      'deadline-sweep': deadlineSweep,
      'inspection-draw': inspectionDraw,
      'document-verifier': documentVerifier,
      notifier,
    } satisfies Record<FunctionName, AppFunction>;

    // --- the API's Lambda authorizer: tokens of both user pools, no data access ---------------------
    // Not in `functions`, so it gets no Errors alarm: by API Gateway's contract every refused token is
    // a function error (the thrown `Unauthorized`), and that alarm would go off for every bad token.
    // Its real failures (the pools' keys unreachable, a crash, a timeout, throttling) reach callers as
    // 500s, which the API's 5xx alarm watches.
    this.authorizer = new AppFunction(this, 'AuthorizerFn', {
      name: AUTHORIZER_FUNCTION,
      description:
        identity.kind === 'cognito'
          ? 'API: Lambda authorizer (staff and applicant user pools)'
          : 'API: Lambda authorizer (the OpenID Connect provider)',
      stage,
      tracing,
      // A signature check, now and then a key fetch (3 s time-out): a hung authorizer fails fast.
      timeout: Duration.seconds(10),
      environment: authorizerEnvironment(identity, data),
    });

    // --- HTTP API from the route table ----------------------------------------------------------------
    this.api = new RouteTableApi(this, 'Api', {
      functions: Object.fromEntries(routeGroups.map((group) => [group, this.functions[group].fn])) as Record<
        RouteGroup,
        AppFunction['fn']
      >,
      authorizer: this.authorizer.fn,
    });

    // --- events ----------------------------------------------------------------------------------------
    new events.Rule(this, 'DocumentUploadedRule', {
      description: 'Uploads (alliances/…) to the documents bucket → document-verifier',
      eventPattern: {
        source: ['aws.s3'],
        detailType: ['Object Created'],
        // Only uploads: the verifier's own copies under evidence/ need no verdict.
        detail: {
          bucket: { name: [data.documentsBucket.bucketName] },
          object: { key: [{ prefix: 'alliances/' }] },
        },
      },
      targets: [asyncTarget(documentVerifier)],
    });
    new events.Rule(this, 'RoundCloseRequestedRule', {
      description: 'esip.rounds RoundCloseRequested → pipeline-starter',
      eventPattern: { source: [roundEvents.source], detailType: [roundEvents.roundCloseRequested] },
      targets: [asyncTarget(pipelineStarter)],
    });

    // --- recurring schedules -----------------------------------------------------------------------
    for (const spec of Object.values(recurringSchedules)) {
      const target = this.functions[spec.function];
      const id = functionConstructId(spec.function).replace(/Fn$/, '');
      // An explicit role per schedule (instead of the target's generated one) so that the
      // acknowledgement below can name it.
      const role = new iam.Role(this, `${id}ScheduleRole`, {
        description: `Assumed by EventBridge Scheduler for the ${spec.name} schedule`,
        assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com', {
          conditions: { StringEquals: { 'aws:SourceAccount': this.account } },
        }),
      });
      const schedule = new scheduler.Schedule(this, `${id}Schedule`, {
        description: `${spec.name}: ${spec.expression} (UTC)`,
        schedule: scheduler.ScheduleExpression.expression(spec.expression, TimeZone.ETC_UTC),
        timeWindow: scheduler.TimeWindow.off(),
        target: new schedulerTargets.LambdaInvoke(target.fn, {
          role,
          input: scheduler.ScheduleTargetInput.fromObject(spec.input),
          retryAttempts: 3,
          maxEventAge: Duration.hours(6),
          deadLetterQueue: target.deadLetterQueue!,
        }),
      });
      (schedule.node.defaultChild as scheduler.CfnSchedule).addMetadata(METADATA.schedule, spec.name);
      schedule.node.addDependency(role); // the role's policy exists before the first run
      acknowledge(defaultPolicyOf(role), wildcardResourceFinding(this, `${target.fn.functionArn}:*`), [
        `The Scheduler Lambda target grants lambda:InvokeFunction on ${spec.function}'s versions and aliases`,
        '(`<arn>:*`) besides the function itself; it is that one function, nothing else.',
      ]);
    }

    // --- alarms -----------------------------------------------------------------------------------------
    this.alarms = new OperationalAlarms(this, 'Alarms', props.alarmRecipients);
    for (const [name, appFn] of Object.entries(this.functions)) this.alarms.watchFunction(name, appFn);
    this.alarms.watchStateMachine(ROUND_PIPELINE_ID, this.roundPipeline);
    this.alarms.watchStuckRounds('esip-deadline-sweep');
    this.alarms.watchRoundsHeldByObjections('esip-deadline-sweep'); // the daily sweep counts them
    this.alarms.watchHttpApi('Api', this.api.api);
    this.dashboard = new OperationsDashboard(this, 'Operations', {
      stage,
      api: this.api.api,
      stateMachine: this.roundPipeline,
      functions: this.functions,
      alarms: this.alarms.alarms,
      sweepService: 'esip-deadline-sweep',
      notifierService: 'esip-notifier',
    }).dashboard;

    // --- acknowledgements (each on the one policy it concerns) ---------------------------------
    const pipelineRolePolicy = defaultPolicyOf(this.roundPipeline.role);
    acknowledge(pipelineRolePolicy, 'AwsSolutions-IAM5[Resource::*]', [
      'CloudWatch Logs delivery (logs:CreateLogDelivery & co.) and X-Ray (PutTraceSegments & co.) have no',
      'resource-level permissions; Step Functions needs them on `*` for execution logging and tracing.',
    ]);
    if (!tracing) {
      acknowledge(this.roundPipeline, 'AwsSolutions-SF2', [
        'X-Ray tracing is off in AWS China regions, where Lambda has no X-Ray integration: a trace of',
        'the state machine alone would end at every task. Execution history and ALL-level logs remain.',
      ]);
    }
    acknowledge(pipelineRolePolicy, wildcardResourceFinding(this, `${pipeline.fn.functionArn}:*`), [
      'LambdaInvoke tasks grant lambda:InvokeFunction on the pipeline function and its versions/aliases',
      '(`<arn>:*`); it is the one pipeline function.',
    ]);
    acknowledge(defaultPolicyOf(rounds.role), wildcardResourceFinding(this, roundExecutionsArn), [
      'states:DescribeExecution on the executions of the round pipeline: execution names are round ids,',
      'known only at run time; the state machine part of the ARN is fixed.',
    ]);
    acknowledge(defaultPolicyOf(rounds.role), wildcardResourceFinding(this, roundSchedulesArn), [
      'Per-round one-time close schedules are created at run time in the esip-rounds group, named from',
      'round ids; the grant is limited to that group.',
    ]);
    // Key-prefix grants on the buckets (keys are per round, alliance and document: known at run time).
    for (const writer of [pipeline, rounds, alliances]) {
      acknowledge(defaultPolicyOf(writer.role), prefixFinding('notices', 'rounds/'), [
        'The public notice of a round and its revisions: GetObject/PutObject under rounds/ of the notices',
        'bucket (the pipeline publishes it; an upheld objection, a 递补 or a withdrawal re-renders it); no delete.',
      ]);
    }
    acknowledge(defaultPolicyOf(publicFn.role), prefixFinding('notices', 'rounds/'), [
      'The public API serves published notices: GetObject under rounds/ of the notices bucket; no write rights.',
    ]);
    acknowledge(defaultPolicyOf(alliances.role), prefixFinding('documents', 'alliances/'), [
      'Presigned POSTs for applicants’ uploads: PutObject under alliances/ only (the key, type and size of',
      'each upload are fixed by the server in the POST policy and re-checked by the verifier); GetObject',
      'there for an admin’s reverification of a document verified before evidence copies existed.',
    ]);
    acknowledge(defaultPolicyOf(alliances.role), prefixFinding('documents', 'evidence/'), [
      'An admin’s reverification reads the evidence copy the verifier kept: GetObject under evidence/,',
      'no write rights there.',
    ]);
    acknowledge(defaultPolicyOf(reviews.role), prefixFinding('documents', 'evidence/'), [
      'Reviewers open the verified documents of alliances assigned to them: the function signs short-lived',
      'presigned GETs of evidence copies (GetObject under evidence/, after the assignment check); no write rights.',
    ]);
    acknowledge(defaultPolicyOf(documentVerifier.role), prefixFinding('documents', 'alliances/'), [
      'The verifier reads each uploaded document (GetObject) to check it is a real PDF and hash it; keys',
      'are per alliance and upload, known at run time; no write rights under alliances/.',
    ]);
    acknowledge(defaultPolicyOf(documentVerifier.role), prefixFinding('documents', 'evidence/'), [
      'The verifier keeps the verified bytes under evidence/ (PutObject, written once with If-None-Match,',
      'and read back when a retried verification finds them there); nothing else may write there.',
    ]);

    new CfnOutput(this, 'ApiUrl', { value: this.api.url, description: 'Base URL of the HTTP API' });
    new CfnOutput(this, 'RoundPipelineArn', { value: pipelineArn });
    new CfnOutput(this, 'AlarmTopicArn', { value: this.alarms.topic.topicArn });
    new CfnOutput(this, 'DashboardName', {
      value: this.dashboard.dashboardName,
      description:
        'CloudWatch dashboard: API, round pipeline, rounds waiting on people, functions, DLQs, alarms',
    });

    // --- the front door: CloudFront (web bucket + /v1/* → the API) with the WAF of Esip-Edge ---------
    if (props.edge) {
      this.frontDoor = new FrontDoor(this, 'FrontDoor', {
        stage,
        api: this.api.api,
        webAclArn: props.edge.webAclArn,
        uploadOrigins: [`https://${data.documentsBucket.bucketRegionalDomainName}`],
      });
      // The API functions can tell a request that came through CloudFront (infra/constructs/edge.ts),
      // and objections are counted by the viewer's address, not CloudFront's (sourceIp).
      for (const group of routeGroups) {
        this.functions[group].addEnvironment(ORIGIN_VERIFY_ENV, this.frontDoor.originVerifyValue);
      }
      this.functions.public.addEnvironment(envNames.clientAddressHeader, VIEWER_ADDRESS_HEADER);
      new CfnOutput(this, 'DistributionUrl', {
        value: this.frontDoor.url,
        description: 'The front door: the web console at /, the API at /v1/ (behind AWS WAF)',
      });
      new CfnOutput(this, 'WebBucketName', { value: this.frontDoor.webBucket.bucketName });
      if (props.console) {
        this.consoleHosting = hostConsole(this, {
          stage,
          distDir: props.console.distDir,
          data,
          frontDoor: this.frontDoor,
          authorizer: this.authorizer.fn,
        });
        new CfnOutput(this, 'ConsoleUrl', {
          value: `${this.frontDoor.url}/`,
          description: 'The web console (sign-in through the user pools’ managed login)',
        });
      }
    }
  }
}

/** What the authorizer reads (shared/contract.ts): the pools' ids and clients, or the provider. */
// (With the console, hostConsole in infra/constructs/console.ts adds its clients' ids.)
function authorizerEnvironment(identity: IdentityConfig, data: DataStack): Record<string, string> {
  if (identity.kind === 'oidc') {
    return {
      [oidcEnvNames.issuer]: identity.issuer,
      [oidcEnvNames.audience]: identity.audience.join(','),
      ...(identity.jwksUri ? { [oidcEnvNames.jwksUri]: identity.jwksUri } : {}),
      [oidcEnvNames.groupsClaim]: identity.groupsClaim,
      ...(identity.staffGroups ? { [oidcEnvNames.staffGroups]: identity.staffGroups.join(',') } : {}),
      ...(identity.mfaClaim ? { [oidcEnvNames.mfaClaim]: identity.mfaClaim } : {}),
    };
  }
  const { staffUserPool, staffUserPoolClient, applicantUserPool, applicantUserPoolClient } = data;
  if (!staffUserPool || !staffUserPoolClient || !applicantUserPool || !applicantUserPoolClient) {
    throw new Error('identity cognito: Esip-Data was built without its user pools');
  }
  return {
    [userPoolEnvNames.staff.userPoolId]: staffUserPool.userPoolId,
    [userPoolEnvNames.staff.clientId]: staffUserPoolClient.userPoolClientId,
    [userPoolEnvNames.applicant.userPoolId]: applicantUserPool.userPoolId,
    [userPoolEnvNames.applicant.clientId]: applicantUserPoolClient.userPoolClientId,
  };
}

/** An EventBridge rule target for an async AppFunction: bounded retries, then its DLQ. */
function asyncTarget(appFn: AppFunction): eventTargets.LambdaFunction {
  return new eventTargets.LambdaFunction(appFn.fn, {
    deadLetterQueue: appFn.deadLetterQueue!,
    retryAttempts: 4,
    maxEventAge: Duration.hours(2),
  });
}
