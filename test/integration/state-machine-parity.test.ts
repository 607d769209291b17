/**
 * The state machine the local runner executes is exactly the one CDK synthesizes: synthesize the
 * app as `npx cdk synth` does (with bundling, to a fresh cloud assembly), resolve the template's
 * DefinitionString, and compare it with what the running local Step Functions endpoint says it
 * executes (DescribeStateMachine through the real SDK).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DescribeStateMachineCommand, ListStateMachinesCommand } from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../infra/build.ts';
import { type CfnTemplate, extractStateMachines } from '../../local/template.ts';
import { handlerEnv, sfn } from './client.ts';

describe('local state machine = synthesized state machine', () => {
  let outdir: string;
  let template: CfnTemplate;

  beforeAll(() => {
    outdir = mkdtempSync(join(tmpdir(), 'esip-parity-'));
    buildApp({ outdir }).app.synth();
    template = JSON.parse(readFileSync(join(outdir, 'Esip-App.template.json'), 'utf8')) as CfnTemplate;
  }, 180_000);
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  it('every state machine of the template is registered locally with the identical definition', async () => {
    const synthesized = extractStateMachines(template);
    expect(Object.keys(synthesized).length).toBeGreaterThan(0);
    for (const machine of Object.values(synthesized)) {
      const local = await sfn.send(new DescribeStateMachineCommand({ stateMachineArn: machine.arn }));
      expect(local.type).toBe(machine.type);
      expect(JSON.parse(local.definition!)).toEqual(machine.definition);
      expect(local.definition).toBe(machine.definitionString);
    }
    const listed = await sfn.send(new ListStateMachinesCommand({}));
    expect(listed.stateMachines?.map((m) => m.stateMachineArn).sort()).toEqual(
      Object.values(synthesized)
        .map((m) => m.arn)
        .sort(),
    );
  });

  it('the round pipeline the handlers are configured with is that state machine', async () => {
    const pipeline = Object.values(extractStateMachines(template)).find(
      (m) => m.metadata['esip:statemachine'] === 'round-pipeline',
    );
    expect(pipeline?.arn).toBe(handlerEnv.ROUND_PIPELINE_ARN);
    // Its Lambda tasks name the pipeline function of the same template.
    const states = JSON.stringify(pipeline!.definition);
    expect(states).toContain('arn:aws:states:::lambda:invoke.waitForTaskToken');
    expect(Object.values(pipeline!.functions)[0]).toMatch(/^PipelineFnFunction/);
  });
});
