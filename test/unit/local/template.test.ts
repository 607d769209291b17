// biome-ignore-all lint/suspicious/noTemplateCurlyInString: CloudFormation Fn::Sub and DefinitionSubstitutions use ${...}
import { describe, expect, it } from 'vitest';
import {
  type CfnTemplate,
  extractFunctions,
  extractSchedules,
  extractStateMachines,
  functionNameFromReference,
  resolveEnvironment,
  resolveIntrinsics,
  UnresolvedIntrinsicError,
} from '../../../local/template.ts';

// A hand-made template shaped like CDK's output (not a copy of the app's ASL: the tests of the
// app's own state machine read it from the synthesized template).
const template: CfnTemplate = {
  Parameters: {
    BootstrapVersion: { Type: 'AWS::SSM::Parameter::Value<String>', Default: '/cdk-bootstrap/version' },
  },
  Resources: {
    WorkerFnAB12CD34: {
      Type: 'AWS::Lambda::Function',
      Metadata: { 'esip:entry': 'functions/worker/handler.ts' },
      Properties: {
        Handler: 'index.main',
        Timeout: 30,
        MemorySize: 512,
        Environment: {
          Variables: {
            STAGE: 'dev',
            TABLE_NAME: { 'Fn::ImportValue': 'Esip-Data:ExportsOutputRefTable' },
            ROUND_PIPELINE_ARN: { Ref: 'PipelineEF56AB78' },
          },
        },
      },
    },
    ProviderFn00000000: { Type: 'AWS::Lambda::Function', Properties: { Handler: 'index.handler' } },
    PipelineRole12345678: { Type: 'AWS::IAM::Role' },
    PipelineEF56AB78: {
      Type: 'AWS::StepFunctions::StateMachine',
      Metadata: { 'esip:statemachine': 'pipeline' },
      Properties: {
        RoleArn: { 'Fn::GetAtt': ['PipelineRole12345678', 'Arn'] },
        DefinitionString: {
          'Fn::Join': [
            '',
            [
              '{"StartAt":"Work","States":{"Work":{"Type":"Task","Resource":"arn:',
              { Ref: 'AWS::Partition' },
              ':states:::lambda:invoke","Parameters":{"FunctionName":"',
              { 'Fn::GetAtt': ['WorkerFnAB12CD34', 'Arn'] },
              '","Payload.$":"$"},"Next":"Bare"},"Bare":{"Type":"Task","Resource":"${WorkerArn}","End":true}}}',
            ],
          ],
        },
        DefinitionSubstitutions: { WorkerArn: { 'Fn::GetAtt': ['WorkerFnAB12CD34', 'Arn'] } },
      },
    },
    NightlySchedule99: {
      Type: 'AWS::Scheduler::Schedule',
      Metadata: { 'esip:schedule': 'nightly' },
      Properties: {
        ScheduleExpression: 'cron(0 1 * * ? *)',
        ScheduleExpressionTimezone: 'Asia/Shanghai',
        FlexibleTimeWindow: { Mode: 'OFF' },
        Target: {
          Arn: { 'Fn::GetAtt': ['WorkerFnAB12CD34', 'Arn'] },
          RoleArn: { 'Fn::GetAtt': ['SomeRoleNotDefined', 'Arn'] },
          Input: '{"job":"nightly"}',
        },
      },
    },
    TickRule77: {
      Type: 'AWS::Events::Rule',
      Properties: {
        ScheduleExpression: 'rate(1 hour)',
        State: 'DISABLED',
        Targets: [
          { Arn: { 'Fn::GetAtt': ['WorkerFnAB12CD34', 'Arn'] }, Id: 'Worker' },
          { Arn: { Ref: 'PipelineEF56AB78' }, Id: 'Pipeline', Input: '{"x":1}' },
        ],
      },
    },
  },
};

describe('resolveIntrinsics', () => {
  it('resolves pseudo parameters, joins and function ARNs', () => {
    expect(
      resolveIntrinsics(
        {
          'Fn::Join': [
            ':',
            [
              { Ref: 'AWS::Partition' },
              { Ref: 'AWS::Region' },
              { Ref: 'AWS::AccountId' },
              { Ref: 'AWS::URLSuffix' },
            ],
          ],
        },
        template,
      ),
    ).toBe('aws:us-east-1:000000000000:amazonaws.com');
    expect(resolveIntrinsics({ 'Fn::GetAtt': ['WorkerFnAB12CD34', 'Arn'] }, template)).toBe(
      'arn:aws:lambda:us-east-1:000000000000:function:WorkerFnAB12CD34',
    );
    expect(resolveIntrinsics({ 'Fn::GetAtt': 'WorkerFnAB12CD34.Arn' }, template)).toBe(
      'arn:aws:lambda:us-east-1:000000000000:function:WorkerFnAB12CD34',
    );
    expect(resolveIntrinsics({ Ref: 'WorkerFnAB12CD34' }, template)).toBe('WorkerFnAB12CD34');
    expect(resolveIntrinsics({ Ref: 'PipelineEF56AB78' }, template)).toBe(
      'arn:aws:states:us-east-1:000000000000:stateMachine:PipelineEF56AB78',
    );
    expect(resolveIntrinsics({ Ref: 'BootstrapVersion' }, template)).toBe('/cdk-bootstrap/version');
  });

  it('resolves Fn::Sub, Fn::Select, Fn::Split and drops AWS::NoValue', () => {
    expect(
      resolveIntrinsics(
        { 'Fn::Sub': 'arn:${AWS::Partition}:x:${AWS::Region}:${WorkerFnAB12CD34.Arn}' },
        template,
      ),
    ).toBe('arn:aws:x:us-east-1:arn:aws:lambda:us-east-1:000000000000:function:WorkerFnAB12CD34');
    expect(() => resolveIntrinsics({ 'Fn::Sub': '${Unknown}' }, template)).toThrow(UnresolvedIntrinsicError);
    expect(
      resolveIntrinsics({ 'Fn::Sub': ['${A}-${!Literal}', { A: { Ref: 'AWS::Region' } }] }, template),
    ).toBe('us-east-1-${Literal}');
    expect(resolveIntrinsics({ 'Fn::Select': [1, { 'Fn::Split': ['/', 'a/b/c'] }] }, template)).toBe('b');
    expect(
      resolveIntrinsics({ a: 1, b: { Ref: 'AWS::NoValue' }, c: [1, { Ref: 'AWS::NoValue' }] }, template),
    ).toEqual({
      a: 1,
      c: [1],
    });
  });

  it('asks the resolver first, and throws on what nobody can resolve', () => {
    const resolver = (q: { kind: string; name?: string }) =>
      q.kind === 'ImportValue' && q.name === 'Esip-Data:ExportsOutputRefTable' ? 'esip-local' : undefined;
    expect(
      resolveIntrinsics({ 'Fn::ImportValue': 'Esip-Data:ExportsOutputRefTable' }, template, { resolver }),
    ).toBe('esip-local');
    expect(() => resolveIntrinsics({ 'Fn::ImportValue': 'Other' }, template)).toThrow(
      UnresolvedIntrinsicError,
    );
    expect(() => resolveIntrinsics({ Ref: 'Missing' }, template)).toThrow(UnresolvedIntrinsicError);
    expect(() => resolveIntrinsics({ 'Fn::If': ['C', 1, 2] }, template)).toThrow(
      /unsupported intrinsic Fn::If/,
    );
  });
});

describe('extractFunctions', () => {
  it('lists the functions with esip:entry metadata, with their handler export and settings', () => {
    const fns = extractFunctions(template);
    expect(Object.keys(fns)).toEqual(['WorkerFnAB12CD34']);
    expect(fns['WorkerFnAB12CD34']).toMatchObject({
      entry: 'functions/worker/handler.ts',
      handlerExport: 'main',
      timeoutSeconds: 30,
      memorySize: 512,
      arn: 'arn:aws:lambda:us-east-1:000000000000:function:WorkerFnAB12CD34',
      environment: { STAGE: 'dev', ROUND_PIPELINE_ARN: { Ref: 'PipelineEF56AB78' } },
    });
  });

  it('resolves an environment, the state machine ARN included', () => {
    const fn = extractFunctions(template)['WorkerFnAB12CD34']!;
    expect(() => resolveEnvironment(fn, template)).toThrow(UnresolvedIntrinsicError);
    expect(resolveEnvironment(fn, template, { lenient: true })).toEqual({
      STAGE: 'dev',
      ROUND_PIPELINE_ARN: 'arn:aws:states:us-east-1:000000000000:stateMachine:PipelineEF56AB78',
    });
  });
});

describe('extractStateMachines', () => {
  it('resolves the definition (Fn::Join, GetAtt, DefinitionSubstitutions) and maps function ARNs', () => {
    const machines = extractStateMachines(template);
    const machine = machines['PipelineEF56AB78']!;
    const fnArn = 'arn:aws:lambda:us-east-1:000000000000:function:WorkerFnAB12CD34';
    expect(machine.arn).toBe('arn:aws:states:us-east-1:000000000000:stateMachine:PipelineEF56AB78');
    expect(machine.roleArn).toBe('arn:aws:iam::000000000000:role/PipelineRole12345678');
    expect(machine.definition.States['Work']).toMatchObject({
      Resource: 'arn:aws:states:::lambda:invoke',
      Parameters: { FunctionName: fnArn },
    });
    expect(machine.definition.States['Bare']!['Resource']).toBe(fnArn);
    expect(JSON.parse(machine.definitionString)).toEqual(machine.definition);
    expect(machine.functions).toEqual({ [fnArn]: 'WorkerFnAB12CD34' });
    expect(machine.metadata['esip:statemachine']).toBe('pipeline');
  });
});

describe('extractSchedules', () => {
  it('reads Scheduler schedules and scheduled rules (one entry per rule target)', () => {
    const schedules = extractSchedules(template);
    expect(schedules).toEqual([
      expect.objectContaining({
        name: 'nightly',
        source: 'scheduler',
        expression: 'cron(0 1 * * ? *)',
        timezone: 'Asia/Shanghai',
        enabled: true,
        input: '{"job":"nightly"}',
        target: expect.objectContaining({ logicalId: 'WorkerFnAB12CD34', type: 'function' }),
      }),
      expect.objectContaining({
        name: 'TickRule77/Worker',
        source: 'events-rule',
        timezone: 'UTC',
        enabled: false,
        target: expect.objectContaining({ logicalId: 'WorkerFnAB12CD34', type: 'function' }),
      }),
      expect.objectContaining({
        name: 'TickRule77/Pipeline',
        input: '{"x":1}',
        target: expect.objectContaining({ logicalId: 'PipelineEF56AB78', type: 'stateMachine' }),
      }),
    ]);
  });
});

describe('functionNameFromReference', () => {
  it.each([
    ['arn:aws:lambda:us-east-1:000000000000:function:Fn', 'Fn'],
    ['arn:aws:lambda:us-east-1:000000000000:function:Fn:$LATEST', 'Fn'],
    ['arn:aws:lambda:us-east-1:000000000000:function:Fn:live', 'Fn'],
    ['000000000000:function:Fn', 'Fn'],
    ['function:Fn', 'Fn'],
    ['Fn', 'Fn'],
    ['Fn:live', 'Fn'],
  ])('%s → %s', (reference, name) => {
    expect(functionNameFromReference(reference)).toBe(name);
  });
});
