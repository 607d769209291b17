/**
 * The operator's dashboard: one per stage, graphing what the alarms watch (API, pipeline, the
 * daily sweep's round metrics, every function, every dead-letter queue) and showing every alarm.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resourcesOfType, type Synthesized, synthesize } from './helpers.ts';

let s: Synthesized;
beforeAll(() => {
  s = synthesize({ bundle: false });
});
afterAll(() => s?.cleanup());

/** The dashboard body with its tokens (Refs, GetAtts) rendered as their logical ids. */
function body(): string {
  const dashboards = Object.values(resourcesOfType(s.appTemplate, 'AWS::CloudWatch::Dashboard'));
  expect(dashboards).toHaveLength(1);
  const parts = (dashboards[0]!.Properties.DashboardBody as { 'Fn::Join': [string, unknown[]] })[
    'Fn::Join'
  ][1];
  return parts.map((p) => (typeof p === 'string' ? p : JSON.stringify(p))).join('');
}

describe('operations dashboard', () => {
  it('is named after the stage', () => {
    const dashboards = Object.values(resourcesOfType(s.appTemplate, 'AWS::CloudWatch::Dashboard'));
    expect(dashboards[0]!.Properties.DashboardName).toBe('esip-test'); // the stage test/infra/helpers.ts synthesizes;
  });

  it('graphs every function, every dead-letter queue, the API, the pipeline and the sweep metrics', () => {
    const text = body();
    const functions = Object.keys(resourcesOfType(s.appTemplate, 'AWS::Lambda::Function')).filter(
      (id) => !/Authorizer|LogRetention|CustomResource|AwsCustomResource|Provider/i.test(id),
    );
    expect(functions.length).toBeGreaterThan(10);
    for (const id of functions) expect(text, id).toContain(id);
    for (const id of Object.keys(resourcesOfType(s.appTemplate, 'AWS::SQS::Queue')))
      expect(text, id).toContain(id);
    for (const metric of [
      '5xx',
      'Latency',
      'ExecutionsFailed',
      'ExecutionsTimedOut',
      'StuckRounds',
      'RoundsHeldByObjections',
    ])
      expect(text).toContain(metric);
  });

  it('shows the state of every alarm', () => {
    const text = body();
    const alarms = Object.keys(resourcesOfType(s.appTemplate, 'AWS::CloudWatch::Alarm'));
    expect(alarms.length).toBeGreaterThan(30);
    for (const id of alarms) expect(text, id).toContain(id);
  });
});
