import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { Match } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENTRY_METADATA_KEY } from '../../infra/constructs/app-function.ts';
import { DEFAULT_THROTTLE, PUBLIC_ROUTE_THROTTLE } from '../../infra/constructs/http-api.ts';
import { projectRoot } from '../../infra/paths.ts';
import {
  AUTHORIZER_FUNCTION,
  backgroundFunctions,
  functionConstructId,
  METADATA,
  recurringSchedules,
} from '../../infra/stacks/app-stack.ts';
import { routeGroups, routes } from '../../shared/api/routes.ts';
import { envNames, roundEvents, schedulingEnvNames } from '../../shared/contract.ts';
import { tableDesign } from '../../shared/db/table-design.ts';
import { LAMBDA_TRANSIENT_ERRORS, RoundPipelineStates } from '../../statemachines/round-pipeline.ts';
import {
  actionsOfRole,
  asArray,
  type CfnResource,
  flatten,
  identityStatements,
  type Json,
  resourcesOfType,
  type Synthesized,
  statementsOfRole,
  synthesize,
} from './helpers.ts';

// This file synthesizes WITH bundling (esbuild, a few seconds): the deployable artefact.
let s: Synthesized;
beforeAll(() => {
  s = synthesize({ bundle: true });
});
afterAll(() => s?.cleanup());

const allFunctionNames = [...routeGroups, ...backgroundFunctions];
const functions = () => resourcesOfType(s.appTemplate, 'AWS::Lambda::Function');
const functionByName = (name: (typeof allFunctionNames)[number]): [string, CfnResource] => {
  const found = Object.entries(functions()).filter(([id]) => id.startsWith(functionConstructId(name)));
  if (found.length !== 1) throw new Error(`expected one function ${name}, found ${found.length}`);
  return found[0]!;
};
const envOf = (name: (typeof allFunctionNames)[number]) =>
  functionByName(name)[1].Properties.Environment.Variables as Record<string, unknown>;

describe('functions', () => {
  it('one per route group plus the pipeline and background functions and the API authorizer, nothing else', () => {
    const entries = Object.values(functions()).map((fn) => fn.Metadata?.[ENTRY_METADATA_KEY]);
    expect(entries.sort()).toEqual(
      [...allFunctionNames, AUTHORIZER_FUNCTION].map((name) => `functions/${name}/handler.ts`).sort(),
    );
  });

  it('every function: nodejs22.x on arm64, active tracing, its own log group, 512 MB or more', () => {
    for (const [id, fn] of Object.entries(functions())) {
      const p = fn.Properties;
      expect(p.Runtime, id).toBe('nodejs22.x');
      expect(p.Architectures, id).toEqual(['arm64']);
      expect(p.TracingConfig, id).toEqual({ Mode: 'Active' });
      expect(p.Handler, id).toBe('index.handler');
      expect(p.MemorySize, id).toBeGreaterThanOrEqual(512);
      expect(p.LoggingConfig.LogGroup, id).toEqual({ Ref: expect.stringMatching(/Logs/) });
    }
  });

  it('every function has Metadata esip:entry naming an existing handler file', () => {
    for (const [id, fn] of Object.entries(functions())) {
      const entry = fn.Metadata?.[ENTRY_METADATA_KEY];
      expect(entry, id).toMatch(/^functions\/[a-z-]+\/handler\.ts$/);
      expect(existsSync(path.join(projectRoot, entry)), `${id}: ${entry}`).toBe(true);
    }
  });

  it('the bundles are ESM with source maps', () => {
    const bundles = readdirSync(s.outdir).filter((name) => name.startsWith('asset.'));
    expect(bundles.length).toBe(allFunctionNames.length + 1); // and the API's authorizer
    for (const dir of bundles) {
      expect(readdirSync(path.join(s.outdir, dir)).sort()).toEqual(['index.mjs', 'index.mjs.map']);
    }
  });

  it('API functions time out within the API limit (29 s); others may take longer', () => {
    for (const name of routeGroups) expect(functionByName(name)[1].Properties.Timeout).toBe(29);
    expect(functionByName('pipeline')[1].Properties.Timeout).toBeGreaterThan(29);
  });

  it('every function has the common environment', () => {
    for (const name of allFunctionNames) {
      expect(envOf(name), name).toEqual(
        expect.objectContaining({
          POWERTOOLS_SERVICE_NAME: `esip-${name}`,
          [envNames.stage]: 'test',
          [envNames.tableName]: expect.anything(),
        }),
      );
    }
  });

  it('sets each function the resource names it needs, and no more', () => {
    const named = (name: (typeof allFunctionNames)[number]) =>
      Object.keys(envOf(name)).filter(
        (key) => Object.values<string>(envNames).includes(key) || key.endsWith('_ARN'),
      );
    expect(named('system').sort()).toEqual(
      [envNames.tableName, envNames.documentsBucket, envNames.roundPipelineArn, envNames.stage].sort(),
    );
    expect(named('rounds').sort()).toEqual(
      [
        envNames.tableName,
        envNames.noticesBucket, // an upheld objection or a 递补 re-renders the notice
        envNames.roundPipelineArn,
        envNames.stage,
        schedulingEnvNames.schedulerRoleArn,
        schedulingEnvNames.pipelineStarterArn,
        schedulingEnvNames.scheduleDlqArn,
      ].sort(),
    );
    expect(envOf('rounds')[schedulingEnvNames.scheduleGroup]).toBe('esip-rounds');
    // A withdrawal takes the alliance off the notice; uploads are signed (and reverified) here.
    expect(named('alliances').sort()).toEqual(
      [envNames.tableName, envNames.documentsBucket, envNames.noticesBucket, envNames.stage].sort(),
    );
    expect(named('ledger').sort()).toEqual([envNames.tableName, envNames.stage].sort());
    expect(named('pipeline').sort()).toEqual(
      [envNames.tableName, envNames.noticesBucket, envNames.stage].sort(),
    );
    expect(named('pipeline-starter').sort()).toEqual(
      [envNames.tableName, envNames.roundPipelineArn, envNames.stage].sort(),
    );
    expect(named('document-verifier').sort()).toEqual(
      [envNames.tableName, envNames.documentsBucket, envNames.stage].sort(),
    );
  });

  it('asynchronously invoked functions have a dead-letter queue and bounded async retries', () => {
    for (const name of [
      'pipeline-starter',
      'deadline-sweep',
      'inspection-draw',
      'document-verifier',
    ] as const) {
      const [id, fn] = functionByName(name);
      expect(fn.Properties.DeadLetterConfig?.TargetArn, name).toBeDefined();
      s.appTemplate.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
        FunctionName: { Ref: id },
        MaximumRetryAttempts: 2,
      });
    }
    for (const queue of Object.values(resourcesOfType(s.appTemplate, 'AWS::SQS::Queue'))) {
      expect(queue.Properties.SqsManagedSseEnabled).toBe(true);
    }
  });
});

describe('least privilege', () => {
  const roleOf = (name: (typeof allFunctionNames)[number]) => `${functionConstructId(name)}Role`;

  it('no action wildcards; `*` resources only for X-Ray, Step Functions log delivery and ListStreams', () => {
    const statements = identityStatements(s.appTemplate);
    for (const statement of statements) {
      for (const action of asArray(statement.Action)) expect(action, statement.owner).not.toMatch(/\*/);
    }
    const starActions = statements
      .filter((st) => asArray(st.Resource).includes('*'))
      .flatMap((st) => asArray(st.Action));
    // dynamodb:ListStreams (the notifier's stream event source) has no resource-level permissions.
    for (const action of starActions) expect(action).toMatch(/^(xray:|logs:|dynamodb:ListStreams$)/);
  });

  it('no function can Scan the table or delete objects', () => {
    for (const name of allFunctionNames) {
      const actions = actionsOfRole(s.appTemplate, roleOf(name));
      expect(actions, name).not.toContain('dynamodb:Scan');
      expect(actions, name).not.toContain('s3:DeleteObject');
    }
  });

  // Each function's exact DynamoDB and S3 grants: least-privilege.test.ts.
  it('system: the health item, ListBucket on documents, DescribeStateMachine', () => {
    const actions = actionsOfRole(s.appTemplate, roleOf('system'));
    expect(actions).toEqual(expect.arrayContaining(['dynamodb:GetItem', 's3:ListBucket']));
    expect(actions).not.toContain('dynamodb:Query');
    expect(actions).toContain('states:DescribeStateMachine');
    expect(actions).not.toContain('dynamodb:PutItem');
    expect(actions).not.toContain('s3:GetObject');
    expect(actions.filter((a) => a.startsWith('states:'))).toEqual(['states:DescribeStateMachine']);
  });

  it('rounds: table read/write, start/describe executions, complete callback tasks, manage round schedules', () => {
    const actions = actionsOfRole(s.appTemplate, roleOf('rounds'));
    expect(actions).toEqual(
      expect.arrayContaining([
        'dynamodb:PutItem',
        'states:StartExecution',
        'states:DescribeExecution',
        'states:SendTaskSuccess',
        'states:SendTaskFailure',
        'scheduler:CreateSchedule',
        'iam:PassRole',
      ]),
    );
    const passRole = statementsOfRole(s.appTemplate, roleOf('rounds')).find((st) =>
      asArray(st.Action).includes('iam:PassRole'),
    );
    expect(passRole?.Condition).toEqual({
      StringEquals: { 'iam:PassedToService': 'scheduler.amazonaws.com' },
    });
  });

  it('table grants name the GSIs explicitly (no index/* wildcard)', () => {
    const names = tableDesign.globalSecondaryIndexes.map((gsi) => gsi.indexName);
    const named = new RegExp(`/index/(${names.join('|')})"`);
    let seen = 0;
    for (const name of allFunctionNames) {
      const indexResources = statementsOfRole(s.appTemplate, roleOf(name))
        .flatMap((st) => asArray(st.Resource))
        .map((r) => JSON.stringify(r))
        .filter((r) => r.includes('/index/'));
      for (const r of indexResources) expect(r, name).toMatch(named);
      seen += indexResources.length;
    }
    expect(seen).toBeGreaterThan(0);
  });

  it('only rounds, reviews and the pipeline itself may complete the pipeline’s callback tasks', () => {
    const completers = [...allFunctionNames].filter((name) =>
      actionsOfRole(s.appTemplate, roleOf(name)).includes('states:SendTaskSuccess'),
    );
    expect(completers.sort()).toEqual(['pipeline', 'reviews', 'rounds']);
  });

  it('pipeline: table read/write and notices read/write; verifier: writes only evidence/', () => {
    expect(actionsOfRole(s.appTemplate, roleOf('pipeline'))).toEqual(
      expect.arrayContaining(['dynamodb:UpdateItem', 's3:GetObject', 's3:PutObject']),
    );
    const verifier = statementsOfRole(s.appTemplate, roleOf('document-verifier'));
    expect(verifier.flatMap((st) => asArray(st.Action))).toContain('s3:GetObject');
    const puts = verifier.filter((st) => asArray(st.Action).includes('s3:PutObject'));
    expect(puts.flatMap((st) => asArray(st.Resource)).map((r) => JSON.stringify(r))).toEqual([
      expect.stringContaining('"/evidence/*"'),
    ]);
  });

  it('pipeline-starter, sweep and draw: table read/write; only the starter may start executions', () => {
    for (const name of ['pipeline-starter', 'deadline-sweep', 'inspection-draw'] as const) {
      const actions = actionsOfRole(s.appTemplate, roleOf(name));
      expect(actions, name).toContain('dynamodb:PutItem');
      expect(actions.includes('states:StartExecution'), name).toBe(name === 'pipeline-starter');
    }
  });

  it('the runtime scheduler role can only be assumed by Scheduler for the esip-rounds group and invoke pipeline-starter', () => {
    const [roleId, role] = Object.entries(resourcesOfType(s.appTemplate, 'AWS::IAM::Role')).find(([id]) =>
      id.startsWith('RoundCloseSchedulerRole'),
    )!;
    const trust = role.Properties.AssumeRolePolicyDocument.Statement[0];
    expect(trust.Principal).toEqual({ Service: 'scheduler.amazonaws.com' });
    expect(Object.keys(trust.Condition).sort()).toEqual(['ArnEquals', 'StringEquals']);
    const invoke = statementsOfRole(s.appTemplate, 'RoundCloseSchedulerRole').find((st) =>
      asArray(st.Action).includes('lambda:InvokeFunction'),
    );
    expect(invoke?.Resource).toEqual({ 'Fn::GetAtt': [functionByName('pipeline-starter')[0], 'Arn'] });
    expect(envOf('rounds')[schedulingEnvNames.schedulerRoleArn]).toEqual({ 'Fn::GetAtt': [roleId, 'Arn'] });
  });
});

describe('HTTP API', () => {
  const apiRoutes = () => resourcesOfType(s.appTemplate, 'AWS::ApiGatewayV2::Route');

  // The Lambda authorizer and which routes use it: auth.test.ts.
  it('has exactly one route per entry of the route table, plus $default for unmatched requests', () => {
    expect(Object.keys(apiRoutes())).toHaveLength(routes.length + 1);
    const keys = Object.values(apiRoutes()).map((r) => r.Properties.RouteKey);
    expect(keys.sort()).toEqual([...routes.map((r) => `${r.method} ${r.path}`), '$default'].sort());
  });

  it('$default goes to the system Lambda without an authorizer and is throttled', () => {
    const route = Object.values(apiRoutes()).find((r) => r.Properties.RouteKey === '$default')!;
    expect(route.Properties.AuthorizationType ?? 'NONE').toBe('NONE');
    s.appTemplate.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      RouteSettings: Match.objectLike({
        $default: Match.objectLike({ ThrottlingRateLimit: Match.anyValue() }),
      }),
    });
  });

  it('routes go to their group’s Lambda with payload format 2.0', () => {
    const integrations = resourcesOfType(s.appTemplate, 'AWS::ApiGatewayV2::Integration');
    const groupsInUse = new Set(routes.map((r) => r.fn));
    expect(Object.keys(integrations)).toHaveLength(groupsInUse.size);
    for (const integration of Object.values(integrations)) {
      expect(integration.Properties.IntegrationType).toBe('AWS_PROXY');
      expect(integration.Properties.PayloadFormatVersion).toBe('2.0');
    }
    const integrationOfRoute = (key: string) => {
      const route = Object.values(apiRoutes()).find((r) => r.Properties.RouteKey === key)!;
      const integrationId = flatten(route.Properties.Target)
        .replace('integrations/${Ref:', '')
        .replace('}', '');
      return integrations[integrationId]!.Properties.IntegrationUri;
    };
    for (const route of routes) {
      expect(integrationOfRoute(`${route.method} ${route.path}`)).toEqual({
        'Fn::GetAtt': [functionByName(route.fn)[0], 'Arn'],
      });
    }
  });

  it('the default stage auto-deploys, is throttled, tighter on public routes, and logs access in JSON', () => {
    const stages = Object.values(resourcesOfType(s.appTemplate, 'AWS::ApiGatewayV2::Stage'));
    expect(stages).toHaveLength(1);
    const stage = stages[0]!.Properties;
    expect(stage.StageName).toBe('$default');
    expect(stage.AutoDeploy).toBe(true);
    expect(stage.DefaultRouteSettings).toEqual({
      ThrottlingRateLimit: DEFAULT_THROTTLE.rateLimit,
      ThrottlingBurstLimit: DEFAULT_THROTTLE.burstLimit,
    });
    const publicKeys = [
      ...routes.filter((r) => r.auth === 'public').map((r) => `${r.method} ${r.path}`),
      '$default',
    ];
    expect(Object.keys(stage.RouteSettings).sort()).toEqual(publicKeys.sort());
    for (const key of publicKeys) {
      expect(stage.RouteSettings[key]).toEqual({
        ThrottlingRateLimit: PUBLIC_ROUTE_THROTTLE.rateLimit,
        ThrottlingBurstLimit: PUBLIC_ROUTE_THROTTLE.burstLimit,
      });
    }
    expect(PUBLIC_ROUTE_THROTTLE.rateLimit).toBeLessThan(DEFAULT_THROTTLE.rateLimit);
    const format = JSON.parse(stage.AccessLogSettings.Format);
    expect(format).toEqual(
      expect.objectContaining({ requestId: '$context.requestId', status: '$context.status' }),
    );
    expect(stage.AccessLogSettings.DestinationArn).toEqual({
      'Fn::GetAtt': [expect.stringMatching(/AccessLogs/), 'Arn'],
    });
  });

  it('the stage is created after the public routes its route settings name', () => {
    const [, stage] = Object.entries(resourcesOfType(s.appTemplate, 'AWS::ApiGatewayV2::Stage'))[0]!;
    const publicRouteIds = Object.entries(apiRoutes())
      .filter(([, r]) => r.Properties.AuthorizationType === 'NONE')
      .map(([id]) => id);
    expect(stage.DependsOn).toEqual(expect.arrayContaining(publicRouteIds));
  });

  it('answers CORS preflight and exports its URL', () => {
    s.appTemplate.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      ProtocolType: 'HTTP',
      CorsConfiguration: Match.objectLike({
        AllowMethods: Match.arrayWith(['GET', 'POST', 'OPTIONS']),
        AllowHeaders: Match.arrayWith(['authorization', 'content-type']),
      }),
    });
    s.appTemplate.hasOutput('ApiUrl', {});
  });
});

describe('round pipeline state machine', () => {
  let definition: { StartAt: string; States: Record<string, Json> };
  let stateMachine: CfnResource;
  beforeAll(() => {
    const machines = Object.values(resourcesOfType(s.appTemplate, 'AWS::StepFunctions::StateMachine'));
    expect(machines).toHaveLength(1);
    stateMachine = machines[0]!;
    definition = JSON.parse(flatten(stateMachine.Properties.DefinitionString));
  });
  const tasks = () => Object.entries(definition.States).filter(([, state]) => state.Type === 'Task');

  it('is a Standard workflow with X-Ray tracing and ALL-level logging, marked for the local stack', () => {
    expect(stateMachine.Properties.StateMachineType).toBe('STANDARD');
    expect(stateMachine.Properties.StateMachineName).toBeUndefined();
    expect(stateMachine.Properties.TracingConfiguration).toEqual({ Enabled: true });
    expect(stateMachine.Properties.LoggingConfiguration).toEqual(
      expect.objectContaining({ Level: 'ALL', IncludeExecutionData: true }),
    );
    expect(stateMachine.Metadata?.[METADATA.stateMachine]).toBe('round-pipeline');
  });

  it('starts by closing applications, with the round and execution ids', () => {
    expect(definition.StartAt).toBe(RoundPipelineStates.closeApplications);
    const close = definition.States[RoundPipelineStates.closeApplications];
    expect(close.Resource).toMatch(/:states:::lambda:invoke$/);
    expect(close.Parameters.FunctionName).toMatch(/^\$\{PipelineFn.*\.Arn\}$/);
    expect(close.Parameters.Payload).toEqual({
      action: 'closeApplications',
      'roundId.$': '$.roundId',
      'executionId.$': '$$.Execution.Id',
    });
    expect(close.ResultSelector).toEqual({ 'result.$': '$.Payload' });
    expect(close.ResultPath).toBe('$.closeApplications');
    expect(close.Next).toBe(RoundPipelineStates.startScreening);
  });

  it('waits for the screening decisions with a task token, up to 120 days', () => {
    const gate = definition.States[RoundPipelineStates.awaitScreeningDecisions];
    expect(gate.Resource).toMatch(/:states:::lambda:invoke\.waitForTaskToken$/);
    expect(gate.Parameters.Payload).toEqual({
      action: 'openGate',
      gate: 'screening',
      'roundId.$': '$.roundId',
      'executionId.$': '$$.Execution.Id',
      'taskToken.$': '$$.Task.Token',
    });
    expect(gate.TimeoutSeconds).toBe(120 * 24 * 3600);
    expect(gate.ResultPath).toBe('$.screening');
    expect(gate.Next).toBe(RoundPipelineStates.assignReviewers);
  });

  /** A paged loop: Pass (cursor null) → task (one page, returns the next cursor) → Choice looping while non-null. */
  function expectPagedLoop(start: string, task: string, more: string, pagePath: string, then: string) {
    expect(definition.States[start]).toEqual({
      Type: 'Pass',
      Result: { cursor: null, processed: 0 },
      ResultPath: pagePath,
      Next: task,
    });
    const t = definition.States[task];
    expect(t.Parameters.Payload).toMatchObject({
      'cursor.$': `${pagePath}.cursor`,
      'processed.$': `${pagePath}.processed`,
      'roundId.$': '$.roundId',
    });
    expect(t.ResultSelector).toEqual({
      'cursor.$': '$.Payload.cursor',
      'processed.$': '$.Payload.processed',
    });
    expect(t.ResultPath).toBe(pagePath);
    expect(t.Next).toBe(more);
    expect(definition.States[more]).toEqual({
      Type: 'Choice',
      Choices: [{ Not: { Variable: `${pagePath}.cursor`, IsNull: true }, Next: task }],
      Default: then,
    });
  }

  it('has no Map and no list in the execution state: per-alliance stages are paged loops', () => {
    const types = Object.values<Json>(definition.States).map((s) => s.Type);
    expect(types).not.toContain('Map');
    expect(JSON.stringify(definition)).not.toMatch(/allianceIds/);
  });

  it('follows the lifecycle: paged screening → gates → ranking → approval applied page by page → notice → objections loop → 递补 → paged designation', () => {
    const S = RoundPipelineStates;
    const next = (name: string) => definition.States[name].Next;
    expectPagedLoop(
      S.startScreening,
      S.screenBatch,
      S.screeningMore,
      '$.screeningPage',
      S.awaitScreeningDecisions,
    );
    expect(next(S.assignReviewers)).toBe(S.awaitReviews);
    const reviews = definition.States[S.awaitReviews];
    expect(reviews.Resource).toMatch(/waitForTaskToken$/);
    expect(reviews.TimeoutSecondsPath).toBe('$.assignment.result.reviewTimeoutSeconds');
    expect(reviews.Catch[0]).toMatchObject({ ErrorEquals: ['States.Timeout'], Next: S.reviewDeadlinePassed });
    expect(reviews.Next).toBe(S.concludeReviews);
    expect(next(S.reviewDeadlinePassed)).toBe(S.concludeReviews);
    expect(next(S.concludeReviews)).toBe(S.rankAndSelect);
    expect(next(S.rankAndSelect)).toBe(S.awaitSelectionApproval);
    expect(next(S.awaitSelectionApproval)).toBe(S.startApplySelection);
    expectPagedLoop(
      S.startApplySelection,
      S.applySelection,
      S.applySelectionMore,
      '$.selectionPage',
      S.publishNotice,
    );
    expect(next(S.publishNotice)).toBe(S.waitNoticePeriod);
    expect(definition.States[S.waitNoticePeriod]).toMatchObject({
      Type: 'Wait',
      TimestampPath: '$.notice.result.endsAt',
    });
    expect(next(S.waitNoticePeriod)).toBe(S.checkObjections);
    const choice = definition.States[S.objectionsOpen];
    expect(choice.Choices[0]).toMatchObject({
      Variable: '$.objections.result.open',
      NumericGreaterThan: 0,
      Next: S.awaitObjectionResolutions,
    });
    expect(choice.Default).toBe(S.checkSupplement);
    expect(next(S.awaitObjectionResolutions)).toBe(S.checkObjections);
    // 递补: a decision on freed money, then the supplementary notice period, then objections again.
    expect(next(S.checkSupplement)).toBe(S.supplementNext);
    const supplement = definition.States[S.supplementNext];
    expect(supplement.Choices).toEqual([
      { Variable: '$.supplement.result.next', StringEquals: 'decide', Next: S.awaitSupplementDecision },
      { Variable: '$.supplement.result.next', StringEquals: 'notice', Next: S.waitSupplementaryNotice },
    ]);
    expect(supplement.Default).toBe(S.startDesignation);
    expect(next(S.awaitSupplementDecision)).toBe(S.checkSupplement);
    expect(definition.States[S.waitSupplementaryNotice]).toMatchObject({
      Type: 'Wait',
      TimestampPath: '$.supplement.result.endsAt',
      Next: S.endSupplementaryNotice,
    });
    expect(next(S.endSupplementaryNotice)).toBe(S.checkObjections);
    expectPagedLoop(
      S.startDesignation,
      S.designateBatch,
      S.designationMore,
      '$.designationPage',
      S.completeDesignation,
    );
    expect(definition.States[next(S.completeDesignation)].Type).toBe('Succeed');
  });

  it('has a callback gate for every human step', () => {
    const gates = Object.entries(definition.States)
      .filter(([, state]) => String(state.Resource).endsWith('waitForTaskToken'))
      .map(([, state]) => state.Parameters.Payload.gate);
    expect(gates.sort()).toEqual(['objections', 'review', 'screening', 'selection-approval', 'supplement']);
  });

  it('every Task retries transient Lambda errors (one explicit Retry) and catches States.ALL', () => {
    expect(tasks().length).toBeGreaterThanOrEqual(3);
    for (const [name, task] of tasks()) {
      expect(task.Retry, name).toEqual([
        { ErrorEquals: [...LAMBDA_TRANSIENT_ERRORS], IntervalSeconds: 2, MaxAttempts: 6, BackoffRate: 2 },
      ]);
      const catchAll = task.Catch.at(-1);
      expect(catchAll.ErrorEquals, name).toEqual(['States.ALL']);
      if (name === RoundPipelineStates.recordFailure) {
        expect(catchAll.Next).toBe(RoundPipelineStates.pipelineFailed);
      } else {
        expect(catchAll, name).toEqual({
          ErrorEquals: ['States.ALL'],
          ResultPath: '$.failure',
          Next: RoundPipelineStates.recordFailure,
        });
      }
    }
  });

  it('records a failure on the round, then fails', () => {
    const record = definition.States[RoundPipelineStates.recordFailure];
    expect(record.Parameters.Payload).toEqual({
      action: 'recordFailure',
      'roundId.$': '$.roundId',
      'executionId.$': '$$.Execution.Id',
      'error.$': '$.failure.Error',
      'cause.$': '$.failure.Cause',
    });
    expect(record.Next).toBe(RoundPipelineStates.pipelineFailed);
    expect(definition.States[RoundPipelineStates.pipelineFailed].Type).toBe('Fail');
  });

  it('its ARN reaches the functions that start, describe or check it', () => {
    const [smId] = Object.keys(resourcesOfType(s.appTemplate, 'AWS::StepFunctions::StateMachine'));
    for (const name of ['system', 'rounds', 'pipeline-starter'] as const) {
      expect(envOf(name)[envNames.roundPipelineArn], name).toEqual({ Ref: smId });
    }
  });
});

describe('events and schedules', () => {
  it('object-created events of uploads (alliances/…, not the evidence copies) go to the verifier, with retries and a DLQ', () => {
    s.appTemplate.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: {
        source: ['aws.s3'],
        'detail-type': ['Object Created'],
        detail: {
          bucket: { name: [{ 'Fn::ImportValue': Match.stringLikeRegexp('DocumentsBucket') }] },
          object: { key: [{ prefix: 'alliances/' }] },
        },
      },
      Targets: [
        Match.objectLike({
          Arn: { 'Fn::GetAtt': [functionByName('document-verifier')[0], 'Arn'] },
          DeadLetterConfig: Match.anyValue(),
          RetryPolicy: Match.anyValue(),
        }),
      ],
    });
  });

  it('RoundCloseRequested events go to pipeline-starter', () => {
    s.appTemplate.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: { source: [roundEvents.source], 'detail-type': [roundEvents.roundCloseRequested] },
      Targets: [
        Match.objectLike({
          Arn: { 'Fn::GetAtt': [functionByName('pipeline-starter')[0], 'Arn'] },
          DeadLetterConfig: Match.anyValue(),
        }),
      ],
    });
  });

  it('the deadline sweep runs daily and the inspection draw monthly, in UTC, with retries and a DLQ', () => {
    const schedules = Object.values(resourcesOfType(s.appTemplate, 'AWS::Scheduler::Schedule'));
    expect(schedules).toHaveLength(2);
    for (const spec of Object.values(recurringSchedules)) {
      const schedule = schedules.find((candidate) => candidate.Metadata?.[METADATA.schedule] === spec.name);
      expect(schedule, spec.name).toBeDefined();
      const p = schedule!.Properties;
      expect(p.ScheduleExpression).toBe(spec.expression);
      expect(p.ScheduleExpressionTimezone).toBe('Etc/UTC');
      expect(p.State).toBe('ENABLED');
      expect(p.Target.Arn).toEqual({ 'Fn::GetAtt': [functionByName(spec.function)[0], 'Arn'] });
      expect(JSON.parse(p.Target.Input)).toEqual(spec.input);
      expect(p.Target.RetryPolicy).toEqual(expect.objectContaining({ MaximumRetryAttempts: 3 }));
      expect(p.Target.DeadLetterConfig.Arn).toBeDefined();
    }
    expect(recurringSchedules.deadlineSweep.expression).toBe('cron(0 1 * * ? *)');
    expect(recurringSchedules.inspectionDraw.expression).toBe('cron(0 2 1 * ? *)');
  });
});

describe('alarms', () => {
  const alarms = () => Object.values(resourcesOfType(s.appTemplate, 'AWS::CloudWatch::Alarm'));
  const alarmOn = (metricName: string, namespace: string) =>
    alarms().filter((a) => a.Properties.MetricName === metricName && a.Properties.Namespace === namespace);

  it('errors and throttles of every function', () => {
    expect(alarmOn('Errors', 'AWS/Lambda')).toHaveLength(allFunctionNames.length);
    expect(alarmOn('Throttles', 'AWS/Lambda')).toHaveLength(allFunctionNames.length);
  });

  it('failed and timed-out pipeline executions, API 5xx, and every dead-letter queue', () => {
    expect(alarmOn('ExecutionsFailed', 'AWS/States')).toHaveLength(1);
    expect(alarmOn('ExecutionsTimedOut', 'AWS/States')).toHaveLength(1);
    expect(alarmOn('5xx', 'AWS/ApiGateway')).toHaveLength(1);
    const queues = Object.keys(resourcesOfType(s.appTemplate, 'AWS::SQS::Queue'));
    expect(alarmOn('ApproximateNumberOfMessagesVisible', 'AWS/SQS')).toHaveLength(queues.length);
  });

  it('a round stuck at one gate: the metric the daily sweep publishes, with its service dimension', () => {
    const [stuck] = alarmOn('StuckRounds', 'Esip');
    expect(stuck?.Properties).toMatchObject({
      Dimensions: [{ Name: 'service', Value: 'esip-deadline-sweep' }],
      Statistic: 'Maximum',
      Period: 86_400,
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      TreatMissingData: 'notBreaching',
    });
    // The dimension is the sweep function's own service name (Powertools adds it to every metric).
    const sweep = Object.values(resourcesOfType(s.appTemplate, 'AWS::Lambda::Function')).find(
      (f) => f.Properties.Environment?.Variables?.POWERTOOLS_SERVICE_NAME === 'esip-deadline-sweep',
    );
    expect(sweep?.Properties.Environment.Variables.POWERTOOLS_METRICS_NAMESPACE).toBe('Esip');
  });

  it('all notify the alarm topic', () => {
    const [topicId] = Object.keys(resourcesOfType(s.appTemplate, 'AWS::SNS::Topic'));
    for (const alarm of alarms()) expect(alarm.Properties.AlarmActions).toEqual([{ Ref: topicId }]);
  });
});
