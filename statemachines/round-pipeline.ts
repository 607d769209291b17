/**
 * The round pipeline: one Standard-workflow execution per funding round, following the
 * programme's lifecycle. Every step is the pipeline Lambda (functions/pipeline/handler.ts) called
 * with an `action`; human decisions are callback steps (waitForTaskToken) completed by the API.
 *
 *   CloseApplications          close the application window (round → closed)
 *   ListSubmitted              the ids of the submitted alliances
 *   ScreenAlliances (Map)      ScreenAlliance: run the eligibility rules, record the findings
 *   AwaitScreeningDecisions    wait until an admin has passed or rejected each, with a reason (callback)
 *   AssignReviewers            k conflict-free reviewers per passed alliance, loads balanced
 *   AwaitReviews               wait for all reviews, or the review deadline (callback with timeout)
 *   ConcludeReviews            record missing reviews; proceed with what is in
 *   RankAndSelect              raw and calibrated scores, bonuses, selection within the budget
 *   AwaitSelectionApproval     an admin approves the selection, maybe adjusted (callback)
 *   PublishNotice              publish the approved list (JSON + Chinese HTML page)
 *   WaitNoticePeriod           the round's notice period
 *   CheckObjections ⟲          while objections are open: AwaitObjectionResolutions (callback)
 *   CheckSupplement ⟲          递补: freed money → AwaitSupplementDecision (callback); added alliances →
 *                              WaitSupplementaryNotice (their notice period), then CheckObjections again
 *   ListDesignated             the ids of the alliances still selected
 *   DesignateAlliances (Map)   Designate: award, dedicated account, implementation deadlines
 *   CompleteDesignation        round → funded
 *
 * Any step that still fails after its retries goes to RecordFailure (records the failure on the
 * round), then PipelineFailed.
 *
 * The execution carries ids only (`roundId`); documents stay in DynamoDB/S3.
 * State names, the action each task sends, and the gates come from the pipeline table
 * (shared/domain/pipeline.ts). The synthesized ASL is also what the local stack runs
 * (aws-local-stepfunctions): state names are part of that contract — keep them stable.
 */
import { Duration } from 'aws-cdk-lib';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';
import type { Construct } from 'constructs';
import {
  type GateName,
  type PipelineAction,
  type PipelineStateName,
  pipelineRow,
  pipelineTable,
} from '../shared/domain/pipeline.ts';

/**
 * State names (the contract with the local runner and the pipeline status endpoint), keyed by
 * their camel-case form (`closeApplications: 'CloseApplications'`): the rows of the pipeline table.
 */
export const RoundPipelineStates = Object.fromEntries(
  pipelineTable.map((row) => [row.state.charAt(0).toLowerCase() + row.state.slice(1), row.state]),
) as { readonly [R in (typeof pipelineTable)[number] as Uncapitalize<R['state']>]: R['state'] };

/** The `action` a state's Lambda task sends (from the pipeline table). */
function actionOf(state: PipelineStateName): PipelineAction {
  const row = pipelineRow(state);
  if (!('action' in row)) throw new Error(`state ${state} has no action in the pipeline table`);
  return row.action;
}

/** The gate a callback state opens (from the pipeline table). */
function gateOf(state: PipelineStateName): GateName {
  const row = pipelineRow(state);
  if (!('gate' in row)) throw new Error(`state ${state} is not a gate in the pipeline table`);
  return row.gate;
}

/** Transient Lambda-service errors every Lambda task retries. */
export const LAMBDA_TRANSIENT_ERRORS = [
  'Lambda.ServiceException',
  'Lambda.AWSLambdaException',
  'Lambda.SdkClientException',
  'Lambda.TooManyRequestsException',
] as const;

/** Longest wait for an admin decision (screening, selection approval, objections). */
export const SCREENING_DECISIONS_TIMEOUT = Duration.days(120);
export const ADMIN_DECISION_TIMEOUT = SCREENING_DECISIONS_TIMEOUT;
/** Parallel Lambda tasks in the Maps (screening, designation). */
export const MAP_CONCURRENCY = 5;

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
  // The payload's `action` is the state's, from the pipeline table.
  const invoke = (
    state: PipelineStateName,
    payload: Record<string, unknown>,
    options: Partial<tasks.LambdaInvokeProps> = {},
  ) =>
    new tasks.LambdaInvoke(scope, state, {
      stateName: state,
      lambdaFunction: pipelineFunction,
      payload: sfn.TaskInput.fromObject({ action: actionOf(state), ...payload }),
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
  /** A Lambda task whose Payload lands at `resultPath` (use ids only: executions pass no documents). */
  const step = (state: PipelineStateName, resultPath: string | undefined) =>
    resilient(
      invoke(
        state,
        { roundId, executionId },
        resultPath
          ? { resultSelector: { result: sfn.JsonPath.objectAt('$.Payload') }, resultPath }
          : { resultPath: sfn.JsonPath.DISCARD },
      ),
    );

  /** A callback gate: the task stores its token; the API completes it when the humans are done. */
  const gate = (state: PipelineStateName, resultPath: string, timeout: sfn.Timeout) =>
    invoke(
      state,
      {
        gate: gateOf(state),
        roundId,
        executionId,
        taskToken: sfn.JsonPath.taskToken,
      },
      { integrationPattern: sfn.IntegrationPattern.WAIT_FOR_TASK_TOKEN, taskTimeout: timeout, resultPath },
    );

  const closeApplications = step(RoundPipelineStates.closeApplications, '$.closeApplications');
  const listSubmitted = step(RoundPipelineStates.listSubmitted, '$.submitted');

  /** A Map over alliance ids (at `itemsPath`) running one pipeline action per alliance; results discarded. */
  const perAlliance = (mapName: PipelineStateName, taskName: PipelineStateName, itemsPath: string) => {
    const task = invoke(
      taskName,
      {
        roundId: sfn.JsonPath.stringAt('$.roundId'),
        allianceId: sfn.JsonPath.stringAt('$.allianceId'),
        executionId: sfn.JsonPath.stringAt('$.executionId'),
      },
      { resultPath: sfn.JsonPath.DISCARD },
    );
    retryTransient(task);
    const map = new sfn.Map(scope, mapName, {
      stateName: mapName,
      itemsPath,
      itemSelector: { roundId, allianceId: sfn.JsonPath.stringAt('$$.Map.Item.Value'), executionId },
      maxConcurrency: MAP_CONCURRENCY,
      resultPath: sfn.JsonPath.DISCARD,
    });
    map.itemProcessor(task);
    map.addCatch(recordFailure, { errors: [sfn.Errors.ALL], resultPath: '$.failure' });
    return map;
  };

  const screenAlliances = perAlliance(
    RoundPipelineStates.screenAlliances,
    RoundPipelineStates.screenAlliance,
    '$.submitted.result.allianceIds',
  );

  const awaitScreeningDecisions = resilient(
    gate(
      RoundPipelineStates.awaitScreeningDecisions,
      '$.screening',
      sfn.Timeout.duration(SCREENING_DECISIONS_TIMEOUT),
    ),
  );

  const assignReviewers = step(RoundPipelineStates.assignReviewers, '$.assignment');

  // Waits for every review, or until the round's review deadline (seconds computed by AssignReviewers).
  const awaitReviews = gate(
    RoundPipelineStates.awaitReviews,
    '$.reviews',
    sfn.Timeout.at('$.assignment.result.reviewTimeoutSeconds'),
  );
  retryTransient(awaitReviews);
  const reviewDeadlinePassed = new sfn.Pass(scope, RoundPipelineStates.reviewDeadlinePassed, {
    stateName: RoundPipelineStates.reviewDeadlinePassed,
    comment:
      'The review deadline passed before every review was in; ConcludeReviews records what is missing.',
  });
  awaitReviews.addCatch(reviewDeadlinePassed, {
    errors: [sfn.Errors.TIMEOUT],
    resultPath: '$.reviewTimeout',
  });
  awaitReviews.addCatch(recordFailure, { errors: [sfn.Errors.ALL], resultPath: '$.failure' });

  const concludeReviews = step(RoundPipelineStates.concludeReviews, '$.reviewSummary');
  const rankAndSelect = step(RoundPipelineStates.rankAndSelect, '$.selection');
  const awaitSelectionApproval = resilient(
    gate(
      RoundPipelineStates.awaitSelectionApproval,
      '$.approval',
      sfn.Timeout.duration(ADMIN_DECISION_TIMEOUT),
    ),
  );
  const publishNotice = step(RoundPipelineStates.publishNotice, '$.notice');
  const waitNoticePeriod = new sfn.Wait(scope, RoundPipelineStates.waitNoticePeriod, {
    stateName: RoundPipelineStates.waitNoticePeriod,
    time: sfn.WaitTime.timestampPath('$.notice.result.endsAt'),
  });
  const checkObjections = step(RoundPipelineStates.checkObjections, '$.objections');
  const awaitObjectionResolutions = resilient(
    gate(
      RoundPipelineStates.awaitObjectionResolutions,
      '$.objectionResolutions',
      sfn.Timeout.duration(ADMIN_DECISION_TIMEOUT),
    ),
  );
  const listDesignated = step(RoundPipelineStates.listDesignated, '$.designated');

  const designateAlliances = perAlliance(
    RoundPipelineStates.designateAlliances,
    RoundPipelineStates.designate,
    '$.designated.result.allianceIds',
  );

  const completeDesignation = step(RoundPipelineStates.completeDesignation, undefined);
  const pipelineComplete = new sfn.Succeed(scope, RoundPipelineStates.pipelineComplete, {
    stateName: RoundPipelineStates.pipelineComplete,
  });

  // 递补: after the objections, freed money may await the office's decision, and the alliances it
  // adds have a supplementary notice period of their own (objections again) before designation.
  const checkSupplement = step(RoundPipelineStates.checkSupplement, '$.supplement');
  const awaitSupplementDecision = resilient(
    gate(
      RoundPipelineStates.awaitSupplementDecision,
      '$.supplementDecision',
      sfn.Timeout.duration(ADMIN_DECISION_TIMEOUT),
    ),
  );
  const waitSupplementaryNotice = new sfn.Wait(scope, RoundPipelineStates.waitSupplementaryNotice, {
    stateName: RoundPipelineStates.waitSupplementaryNotice,
    time: sfn.WaitTime.timestampPath('$.supplement.result.endsAt'),
  });
  const endSupplementaryNotice = step(RoundPipelineStates.endSupplementaryNotice, undefined);
  const supplementNext = new sfn.Choice(scope, RoundPipelineStates.supplementNext, {
    stateName: RoundPipelineStates.supplementNext,
  })
    .when(
      sfn.Condition.stringEquals('$.supplement.result.next', 'decide'),
      awaitSupplementDecision.next(checkSupplement),
    )
    .when(
      sfn.Condition.stringEquals('$.supplement.result.next', 'notice'),
      waitSupplementaryNotice.next(endSupplementaryNotice).next(checkObjections),
    )
    .otherwise(listDesignated.next(designateAlliances).next(completeDesignation).next(pipelineComplete));

  const objectionsOpen = new sfn.Choice(scope, RoundPipelineStates.objectionsOpen, {
    stateName: RoundPipelineStates.objectionsOpen,
  })
    .when(
      sfn.Condition.numberGreaterThan('$.objections.result.open', 0),
      awaitObjectionResolutions.next(checkObjections),
    )
    .otherwise(checkSupplement.next(supplementNext));

  reviewDeadlinePassed.next(concludeReviews);
  awaitReviews.next(concludeReviews);
  concludeReviews
    .next(rankAndSelect)
    .next(awaitSelectionApproval)
    .next(publishNotice)
    .next(waitNoticePeriod)
    .next(checkObjections)
    .next(objectionsOpen);

  closeApplications
    .next(listSubmitted)
    .next(screenAlliances)
    .next(awaitScreeningDecisions)
    .next(assignReviewers)
    .next(awaitReviews);
  return closeApplications;
}
