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
import * as events from 'aws-cdk-lib/aws-events';
import * as eventTargets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as schedulerTargets from 'aws-cdk-lib/aws-scheduler-targets';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { type RouteGroup, routeGroups } from '../../shared/api/routes.ts';
import {
  envNames,
  ROUND_PIPELINE_ID,
  ROUND_SCHEDULE_GROUP,
  roundEvents,
  schedulingEnvNames,
} from '../../shared/contract.ts';
import { buildRoundPipeline } from '../../statemachines/round-pipeline.ts';
import { OperationalAlarms } from '../constructs/alarms.ts';
import { AppFunction, type AppFunctionProps } from '../constructs/app-function.ts';
import { bindBucket, bindTable } from '../constructs/bindings.ts';
import { RouteTableApi } from '../constructs/http-api.ts';
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
] as const;
export type BackgroundFunction = (typeof backgroundFunctions)[number];
export type FunctionName = RouteGroup | BackgroundFunction;

/** Construct id of each function (the prefix of its logical id). */
export const functionConstructId = (name: FunctionName) =>
  `${name
    .split('-')
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('')}Fn`;

/** IAM5 findings on cross-stack object ARNs, as cdk-nag reports them (see the acknowledgements). */
const NOTICES_OBJECTS_FINDING =
  'AwsSolutions-IAM5[Resource::Esip-Data:ExportsOutputFnGetAttNoticesBucketD7262667Arn0E160513/*]';
const DOCUMENTS_OBJECTS_FINDING =
  'AwsSolutions-IAM5[Resource::Esip-Data:ExportsOutputFnGetAttDocumentsBucket9EC9DEB9ArnEA5095A7/*]';

const DOCUMENTS_UPLOADS_FINDING =
  'AwsSolutions-IAM5[Resource::Esip-Data:ExportsOutputFnGetAttDocumentsBucket9EC9DEB9ArnEA5095A7/alliances/*]';

export const METADATA = {
  stateMachine: 'esip:statemachine',
  schedule: 'esip:schedule',
} as const;

export interface AppStackProps extends StackProps {
  readonly stage: string;
  readonly data: DataStack;
}

export class AppStack extends Stack {
  readonly functions: Record<FunctionName, AppFunction>;
  readonly roundPipeline: sfn.StateMachine;
  readonly api: RouteTableApi;
  readonly alarms: OperationalAlarms;
  readonly roundCloseSchedulerRole: iam.Role;

  constructor(scope: Construct, id: string, props: AppStackProps) {
    super(scope, id, props);
    const { data, stage } = props;

    const fn = (name: FunctionName, description: string, extra: Partial<AppFunctionProps> = {}) =>
      new AppFunction(this, functionConstructId(name), { name, description, stage, ...extra });
    const background = { timeout: Duration.minutes(5) };

    // --- the round pipeline (Step Functions, Standard) --------------------------------------------
    const pipeline = fn('pipeline', 'Round pipeline steps (Step Functions tasks)', background);
    bindTable(pipeline, data.table, 'readwrite');
    bindBucket(pipeline, data.noticesBucket, 'readwrite', envNames.noticesBucket);

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
      tracingEnabled: true,
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
    bindTable(system, data.table, 'read');
    bindBucket(system, data.documentsBucket, 'list', envNames.documentsBucket);
    system.role.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: ['states:DescribeStateMachine'], resources: [pipelineArn] }),
    );
    system.addEnvironment(envNames.roundPipelineArn, pipelineArn);

    const rounds = fn('rounds', 'API: rounds and their pipeline');
    bindTable(rounds, data.table, 'readwrite');
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
    bindTable(organisations, data.table, 'readwrite');

    const alliances = fn('alliances', 'API: alliances, members, eligibility, submission, document uploads');
    bindTable(alliances, data.table, 'readwrite');
    // Signs presigned POSTs for uploads under alliances/ only; the verifier checks what arrives.
    bindBucket(alliances, data.documentsBucket, { upload: 'alliances/' }, envNames.documentsBucket);

    const reviews = fn('reviews', 'API: reviewers’ assignments, reviews and conflict declarations');
    bindTable(reviews, data.table, 'readwrite');
    this.roundPipeline.grantTaskResponse(reviews.fn); // the last review moves the pipeline on

    const publicFn = fn('public', 'API (public): the notice and objections');
    bindTable(publicFn, data.table, 'readwrite');
    bindBucket(publicFn, data.noticesBucket, 'read', envNames.noticesBucket);
    this.roundPipeline.grantTaskResponse(publicFn.fn);

    // After the award (issue #5): implementation plans and closure, the dedicated-account ledger,
    // reports and notifications, inspections. Uploads (receipts, reports) are presigned under alliances/.
    const implementation = fn('implementation', 'API: implementation plans, completion and closure');
    bindTable(implementation, data.table, 'readwrite');
    const ledger = fn('ledger', 'API: dedicated-account ledger (专账管理), receipts, CSV export');
    bindTable(ledger, data.table, 'readwrite');
    bindBucket(ledger, data.documentsBucket, { upload: 'alliances/' }, envNames.documentsBucket);
    const reports = fn('reports', 'API: annual and completion reports, notifications');
    bindTable(reports, data.table, 'readwrite');
    bindBucket(reports, data.documentsBucket, { upload: 'alliances/' }, envNames.documentsBucket);
    const inspections = fn('inspections', 'API: irregular inspections, findings and ratings');
    bindTable(inspections, data.table, 'readwrite');

    // --- background functions -----------------------------------------------------------------------
    const pipelineStarter = fn(
      'pipeline-starter',
      'Starts a round pipeline (close-round event or schedule)',
      {
        async: true,
        timeout: Duration.minutes(1),
      },
    );
    bindTable(pipelineStarter, data.table, 'readwrite');
    this.roundPipeline.grantStartExecution(pipelineStarter.fn);
    pipelineStarter.addEnvironment(envNames.roundPipelineArn, pipelineArn);

    const deadlineSweep = fn('deadline-sweep', 'Daily sweep: reports due/overdue, reminders, escalation', {
      ...background,
      async: true,
    });
    bindTable(deadlineSweep, data.table, 'readwrite');

    const inspectionDraw = fn('inspection-draw', 'Periodic risk-weighted random inspection draw', {
      ...background,
      async: true,
    });
    bindTable(inspectionDraw, data.table, 'readwrite');

    const documentVerifier = fn(
      'document-verifier',
      'Verifies each uploaded document (type, size, SHA-256)',
      {
        async: true,
        timeout: Duration.minutes(2),
        memorySize: 1024,
      },
    );
    bindTable(documentVerifier, data.table, 'readwrite');
    bindBucket(documentVerifier, data.documentsBucket, 'read', envNames.documentsBucket);

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
      pipeline,
      'pipeline-starter': pipelineStarter,
      'deadline-sweep': deadlineSweep,
      'inspection-draw': inspectionDraw,
      'document-verifier': documentVerifier,
    } satisfies Record<FunctionName, AppFunction>;

    // --- HTTP API from the route table ----------------------------------------------------------------
    this.api = new RouteTableApi(this, 'Api', {
      functions: Object.fromEntries(routeGroups.map((group) => [group, this.functions[group].fn])) as Record<
        RouteGroup,
        AppFunction['fn']
      >,
      userPool: data.userPool,
      userPoolClient: data.userPoolClient,
    });

    // --- events ----------------------------------------------------------------------------------------
    new events.Rule(this, 'DocumentUploadedRule', {
      description: 'Objects created in the documents bucket → document-verifier',
      eventPattern: {
        source: ['aws.s3'],
        detailType: ['Object Created'],
        detail: { bucket: { name: [data.documentsBucket.bucketName] } },
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
    this.alarms = new OperationalAlarms(this, 'Alarms');
    for (const [name, appFn] of Object.entries(this.functions)) this.alarms.watchFunction(name, appFn);
    this.alarms.watchStateMachine(ROUND_PIPELINE_ID, this.roundPipeline);
    this.alarms.watchStuckRounds('esip-deadline-sweep');
    this.alarms.watchHttpApi('Api', this.api.api);

    // --- acknowledgements (each on the one policy it concerns) ---------------------------------
    const pipelineRolePolicy = defaultPolicyOf(this.roundPipeline.role);
    acknowledge(pipelineRolePolicy, 'AwsSolutions-IAM5[Resource::*]', [
      'CloudWatch Logs delivery (logs:CreateLogDelivery & co.) and X-Ray (PutTraceSegments & co.) have no',
      'resource-level permissions; Step Functions needs them on `*` for execution logging and tracing.',
    ]);
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
    // Cross-stack object ARNs become Fn::ImportValue only during synthesis, so these two finding ids
    // are written out (copy the new id from the synth error if the data stack's construct ids change).
    acknowledge(defaultPolicyOf(pipeline.role), NOTICES_OBJECTS_FINDING, [
      'The pipeline publishes and reads public notices: GetObject/PutObject on the objects of the notices',
      'bucket (keys are per round, known at run time); no bucket-level or delete rights.',
    ]);
    for (const uploader of [ledger, reports]) {
      acknowledge(defaultPolicyOf(uploader.role), DOCUMENTS_UPLOADS_FINDING, [
        'Presigned POSTs for receipts and reports: PutObject under alliances/ only (key, type and size fixed',
        'by the server in the POST policy and re-checked by the verifier).',
      ]);
    }
    acknowledge(defaultPolicyOf(alliances.role), DOCUMENTS_UPLOADS_FINDING, [
      'Presigned POSTs for applicants’ uploads: PutObject under alliances/ only (the key, type and size of',
      'each upload are fixed by the server in the POST policy and re-checked by the verifier).',
    ]);
    acknowledge(defaultPolicyOf(publicFn.role), NOTICES_OBJECTS_FINDING, [
      'The public API serves published notices: GetObject on the notices bucket (keys per round);',
      'no write rights.',
    ]);
    acknowledge(defaultPolicyOf(documentVerifier.role), DOCUMENTS_OBJECTS_FINDING, [
      'The verifier reads each uploaded document (GetObject) to check type, size and SHA-256; keys are',
      'per alliance and upload, known at run time; no write rights.',
    ]);

    new CfnOutput(this, 'ApiUrl', { value: this.api.url, description: 'Base URL of the HTTP API' });
    new CfnOutput(this, 'RoundPipelineArn', { value: pipelineArn });
    new CfnOutput(this, 'AlarmTopicArn', { value: this.alarms.topic.topicArn });
  }
}

/** An EventBridge rule target for an async AppFunction: bounded retries, then its DLQ. */
function asyncTarget(appFn: AppFunction): eventTargets.LambdaFunction {
  return new eventTargets.LambdaFunction(appFn.fn, {
    deadLetterQueue: appFn.deadLetterQueue!,
    retryAttempts: 4,
    maxEventAge: Duration.hours(2),
  });
}
