/**
 * The round pipeline: one Standard-workflow execution per funding round, following the
 * programme's lifecycle. Every step is the pipeline Lambda (functions/pipeline/handler.ts) called
 * with an `action`; human decisions are callback steps (waitForTaskToken) completed by the API.
 *
 *   CloseApplications          close the application window (round → closed)
 *   ScreenBatch ⟲              one page of submitted alliances: run the eligibility rules, record the
 *                              findings; loops (ScreeningMore) while there is a next page
 *   AwaitScreeningDecisions    wait until an admin has passed or rejected each, with a reason (callback)
 *   AssignReviewers            k conflict-free reviewers per passed alliance, loads balanced
 *   AwaitReviews               wait for all reviews, or the review deadline (callback with timeout)
 *   ConcludeReviews            record missing reviews; proceed with what is in
 *   RankAndSelect              raw and calibrated scores, bonuses, selection within the budget
 *   AwaitSelectionApproval     an admin approves the selection, maybe adjusted (callback)
 *   ApplySelection ⟲           one page of the ranking: the approved outcome and each alliance's status
 *   PublishNotice              publish the approved list (JSON + Chinese HTML page)
 *   WaitNoticePeriod           the round's notice period
 *   CheckObjections ⟲          while objections are open: AwaitObjectionResolutions (callback)
 *   CheckSupplement ⟲          递补: freed money → AwaitSupplementDecision (callback); added alliances →
 *                              WaitSupplementaryNotice (their notice period), then CheckObjections again
 *   DesignateBatch ⟲           one page of the alliances still selected: award, dedicated account,
 *                              implementation deadlines
 *   CompleteDesignation        round → funded
 *
 * Any step that still fails after its retries goes to RecordFailure (records the failure on the
 * round), then PipelineFailed.
 *
 * The execution carries ids and one page cursor only (`roundId`); documents stay in DynamoDB/S3.
 * Per-alliance work is paged inside the tasks rather than fanned out by a Map: a Map needs the ids
 * in the execution state (256 KB) and spends ~5 history events per item (25,000 at ~3,300 items); a
 * Distributed Map reading from S3 would need the ids written there first and child executions the
 * local runner does not run. A paged loop costs 7 events per page of PAGE_SIZE at any N.
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

  /**
   * A paged loop over the round's alliances: `start` (a Pass) puts `{ cursor: null }` at `pagePath`;
   * `task` processes one page (≤ PAGE_SIZE alliances, inside one invocation) and returns the
   * cursor of the next page, null after the last; `more` loops back while there is a cursor. The
   * execution carries one opaque cursor, never a list, and uses 7 history events per page:
   * ⌈N / PAGE_SIZE⌉ × 7 per loop (700 at N = 10,000), whatever N.
   */
  const pagedLoop = (
    start: PipelineStateName,
    taskName: PipelineStateName,
    more: PipelineStateName,
    pagePath: string,
  ) => {
    const init = new sfn.Pass(scope, start, {
      stateName: start,
      result: sfn.Result.fromObject({ cursor: null, processed: 0 }),
      resultPath: pagePath,
    });
    const task = resilient(
      invoke(
        taskName,
        {
          roundId,
          executionId,
          cursor: sfn.JsonPath.stringAt(`${pagePath}.cursor`),
          processed: sfn.JsonPath.numberAt(`${pagePath}.processed`),
        },
        {
          resultSelector: {
            cursor: sfn.JsonPath.stringAt('$.Payload.cursor'),
            processed: sfn.JsonPath.numberAt('$.Payload.processed'),
          },
          resultPath: pagePath,
        },
      ),
    );
    const loop = new sfn.Choice(scope, more, { stateName: more });
    init.next(task).next(loop);
    // Not(IsNull: true) rather than IsNull: false: the same rule on AWS, and aws-local-stepfunctions
    // (3.x) never matches `IsNull: false`.
    loop.when(sfn.Condition.not(sfn.Condition.isNull(`${pagePath}.cursor`)), task);
    return { init, loop };
  };

  const screening = pagedLoop(
    RoundPipelineStates.startScreening,
    RoundPipelineStates.screenBatch,
    RoundPipelineStates.screeningMore,
    '$.screeningPage',
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
  const applySelection = pagedLoop(
    RoundPipelineStates.startApplySelection,
    RoundPipelineStates.applySelection,
    RoundPipelineStates.applySelectionMore,
    '$.selectionPage',
  );
  const designation = pagedLoop(
    RoundPipelineStates.startDesignation,
    RoundPipelineStates.designateBatch,
    RoundPipelineStates.designationMore,
    '$.designationPage',
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
    .otherwise(designation.init);
  designation.loop.otherwise(completeDesignation.next(pipelineComplete));

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
  concludeReviews.next(rankAndSelect).next(awaitSelectionApproval).next(applySelection.init);
  applySelection.loop.otherwise(publishNotice);
  publishNotice.next(waitNoticePeriod).next(checkObjections).next(objectionsOpen);

  closeApplications.next(screening.init);
  screening.loop.otherwise(awaitScreeningDecisions);
  awaitScreeningDecisions.next(assignReviewers).next(awaitReviews);
  return closeApplications;
}
