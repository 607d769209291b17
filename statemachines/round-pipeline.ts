/**
 * The round pipeline: one Standard-workflow execution per funding round, following the
 * programme's lifecycle. Every step is the pipeline Lambda (functions/pipeline/handler.ts) called
 * with an `action`; human decisions are callback steps (waitForTaskToken) completed by the API.
 *
 *   CloseApplications          close the application window, freeze submitted alliances
 *   AwaitScreeningDecisions    open the screening gate; wait for the admin's decisions (callback)
 *   ScreeningComplete          (issue #4 continues: reviewer assignment, reviews, ranking and
 *                               selection, approval, notice, objections, funding, deadlines)
 *
 * Any step that still fails after its retries goes to RecordFailure (records the failure on the
 * round), then PipelineFailed.
 *
 * The execution carries ids only (`roundId`); documents stay in DynamoDB/S3.
 * The synthesized ASL is also what the local stack runs (aws-local-stepfunctions): state names
 * here are part of that contract — keep them stable.
 */
import { Duration } from 'aws-cdk-lib';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';
import type { Construct } from 'constructs';

/** State names (the contract with the local runner and the pipeline status endpoint). */
export const RoundPipelineStates = {
  closeApplications: 'CloseApplications',
  awaitScreeningDecisions: 'AwaitScreeningDecisions',
  screeningComplete: 'ScreeningComplete',
  recordFailure: 'RecordFailure',
  pipelineFailed: 'PipelineFailed',
} as const;

/** `action` values the pipeline Lambda receives. */
export const PipelineActions = {
  closeApplications: 'closeApplications',
  openGate: 'openGate',
  recordFailure: 'recordFailure',
} as const;

/** Transient Lambda-service errors every Lambda task retries. */
export const LAMBDA_TRANSIENT_ERRORS = [
  'Lambda.ServiceException',
  'Lambda.AWSLambdaException',
  'Lambda.SdkClientException',
  'Lambda.TooManyRequestsException',
] as const;

/** Longest wait for the admins' screening decisions. */
export const SCREENING_DECISIONS_TIMEOUT = Duration.days(120);

export interface RoundPipelineProps {
  /** functions/pipeline/handler.ts */
  readonly pipelineFunction: lambda.IFunction;
}

const roundId = sfn.JsonPath.stringAt('$.roundId');
const executionId = sfn.JsonPath.executionId;

/**
 * Builds the definition; use as `DefinitionBody.fromChainable(buildRoundPipeline(scope, props))`.
 * `scope` should be a construct of its own: the states are created under it.
 */
export function buildRoundPipeline(scope: Construct, props: RoundPipelineProps): sfn.IChainable {
  const { pipelineFunction } = props;

  // `retryOnServiceExceptions: false` on every task: LambdaInvoke would otherwise add its own
  // default Retry; the one Retry we want is added explicitly by `resilient()` below.
  const invoke = (
    id: string,
    payload: Record<string, unknown>,
    options: Partial<tasks.LambdaInvokeProps> = {},
  ) =>
    new tasks.LambdaInvoke(scope, id, {
      stateName: id,
      lambdaFunction: pipelineFunction,
      payload: sfn.TaskInput.fromObject(payload),
      retryOnServiceExceptions: false,
      ...options,
    });

  const retryTransient = (task: tasks.LambdaInvoke) =>
    task.addRetry({
      errors: [...LAMBDA_TRANSIENT_ERRORS],
      interval: Duration.seconds(2),
      backoffRate: 2,
      maxAttempts: 6,
    });

  // --- failure path ------------------------------------------------------------------------------
  const pipelineFailed = new sfn.Fail(scope, RoundPipelineStates.pipelineFailed, {
    stateName: RoundPipelineStates.pipelineFailed,
    error: 'RoundPipelineFailed',
    cause: 'A pipeline step failed after its retries; the failure is recorded on the round.',
  });

  const recordFailure = invoke(
    RoundPipelineStates.recordFailure,
    {
      action: PipelineActions.recordFailure,
      roundId,
      executionId,
      error: sfn.JsonPath.stringAt('$.failure.Error'),
      cause: sfn.JsonPath.stringAt('$.failure.Cause'),
    },
    { resultPath: sfn.JsonPath.DISCARD },
  );
  retryTransient(recordFailure);
  // Recording is best effort: if it fails too, the execution still ends in PipelineFailed.
  recordFailure.addCatch(pipelineFailed, { errors: [sfn.Errors.ALL], resultPath: '$.recordFailureError' });
  recordFailure.next(pipelineFailed);

  /** Retry on transient Lambda errors, then Catch everything into RecordFailure. */
  const resilient = (task: tasks.LambdaInvoke) => {
    retryTransient(task);
    task.addCatch(recordFailure, { errors: [sfn.Errors.ALL], resultPath: '$.failure' });
    return task;
  };

  // --- the lifecycle -----------------------------------------------------------------------------
  const closeApplications = resilient(
    invoke(
      RoundPipelineStates.closeApplications,
      { action: PipelineActions.closeApplications, roundId, executionId },
      {
        resultSelector: { result: sfn.JsonPath.objectAt('$.Payload') },
        resultPath: '$.closeApplications',
      },
    ),
  );

  const awaitScreeningDecisions = resilient(
    invoke(
      RoundPipelineStates.awaitScreeningDecisions,
      {
        action: PipelineActions.openGate,
        gate: 'screening',
        roundId,
        executionId,
        taskToken: sfn.JsonPath.taskToken,
      },
      {
        integrationPattern: sfn.IntegrationPattern.WAIT_FOR_TASK_TOKEN,
        taskTimeout: sfn.Timeout.duration(SCREENING_DECISIONS_TIMEOUT),
        resultPath: '$.screening',
      },
    ),
  );

  const screeningComplete = new sfn.Succeed(scope, RoundPipelineStates.screeningComplete, {
    stateName: RoundPipelineStates.screeningComplete,
  });

  return closeApplications.next(awaitScreeningDecisions).next(screeningComplete);
}
