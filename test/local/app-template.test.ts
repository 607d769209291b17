/**
 * The real app: the Esip-App template synthesized by infra/build.ts (bundling skipped) is what
 * the local stack runs. Checks that its state machine and schedules load into the local runner and
 * scheduler as they are — no hand-written copy of the ASL anywhere.
 */
import { DescribeStateMachineCommand, SFNClient } from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalInvoker } from '../../local/lambda.ts';
import { createLocalScheduler } from '../../local/scheduler.ts';
import { createLocalStepFunctions, type LocalStepFunctions } from '../../local/sfn/index.ts';
import {
  type CfnTemplate,
  extractFunctions,
  extractSchedules,
  extractStateMachines,
  loadAppTemplate,
  resolveEnvironment,
  synthesizeAppTemplate,
} from '../../local/template.ts';
import { projectRoot } from './fixtures/stack.ts';

let template: CfnTemplate;
let sfn: LocalStepFunctions;

beforeAll(async () => {
  template = await loadAppTemplate();
  const invoker = createLocalInvoker(extractFunctions(template), { root: projectRoot });
  sfn = createLocalStepFunctions({ template, invoke: invoker.invoke });
  await sfn.start();
});

afterAll(async () => {
  await sfn?.stop();
});

describe('the Esip-App template', () => {
  it('is cached per process', async () => {
    expect(await loadAppTemplate()).toBe(template);
  });

  it('read from the disk cache (local/template-cache.ts), it is the template a fresh synth gives', async () => {
    expect(template).toEqual(await synthesizeAppTemplate());
  });

  it('has handler entries for every function, and each entry exports its handler', async () => {
    const functions = extractFunctions(template);
    expect(Object.keys(functions).length).toBeGreaterThan(0);
    for (const fn of Object.values(functions)) {
      expect(fn.entry).toMatch(/^functions\/.+\.ts$/);
      const mod = (await import(`${projectRoot}/${fn.entry}`)) as Record<string, unknown>;
      expect(typeof mod[fn.handlerExport], fn.entry).toBe('function');
    }
  });

  it('registers the round pipeline; DescribeStateMachine returns the ASL resolved from the template', async () => {
    const arn = sfn.stateMachineArn('round-pipeline');
    const machine = Object.values(extractStateMachines(template)).find((m) => m.arn === arn)!;
    const client = new SFNClient({
      endpoint: sfn.url,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    const out = await client.send(new DescribeStateMachineCommand({ stateMachineArn: arn }));
    expect(out.definition).toBe(machine.definitionString);
    const functions = extractFunctions(template);
    // Every Lambda the pipeline calls is a function of the template with a local handler.
    for (const logicalId of Object.values(machine.functions)) expect(functions[logicalId]).toBeDefined();
    expect(Object.keys(machine.functions).length).toBeGreaterThan(0);
  });

  it('resolves ROUND_PIPELINE_ARN in function environments to the local state machine ARN', () => {
    const arn = sfn.stateMachineArn('round-pipeline');
    const withPipeline = Object.values(extractFunctions(template)).filter(
      (fn) => fn.environment['ROUND_PIPELINE_ARN'] !== undefined,
    );
    for (const fn of withPipeline) {
      expect(resolveEnvironment(fn, template, { lenient: true })['ROUND_PIPELINE_ARN']).toBe(arn);
    }
  });

  it('loads every schedule into the local scheduler', () => {
    const schedules = extractSchedules(template);
    const scheduler = createLocalScheduler({ schedules, invoke: async () => null });
    for (const listed of scheduler.list()) {
      expect(listed.target.type).toBe('function');
      if (listed.enabled) expect(listed.nextRun).toBeInstanceOf(Date);
    }
  });
});
