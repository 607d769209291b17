/**
 * Issue #11, objections that abuse cannot block a round — what the synthesized app must hold:
 * the public function hashes objectors' addresses with a per-deployment key that never appears in
 * the template (a Secrets Manager secret resolved by CloudFormation), and no other function gets
 * it; rounds held by objections raise an alarm on the metric the daily sweep publishes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envNames } from '../../shared/contract.ts';
import { resourcesOfType, type Synthesized, synthesize } from './helpers.ts';

let s: Synthesized;
beforeAll(() => {
  s = synthesize({ bundle: false });
});
afterAll(() => s?.cleanup());

const functions = () => Object.values(resourcesOfType(s.appTemplate, 'AWS::Lambda::Function'));
const serviceOf = (f: { Properties: Record<string, any> }) =>
  f.Properties.Environment?.Variables?.POWERTOOLS_SERVICE_NAME as string | undefined;

describe('the client-hash key', () => {
  it('is a generated secret, resolved into the public function only, never a literal in the template', () => {
    const secrets = resourcesOfType(s.appTemplate, 'AWS::SecretsManager::Secret');
    const [keyId, key] = Object.entries(secrets).find(([id]) => id.startsWith('ClientHashKey'))!;
    expect(key.Properties.GenerateSecretString).toMatchObject({ PasswordLength: 48 });
    const holders = functions().filter((f) => f.Properties.Environment?.Variables?.[envNames.clientHashKey]);
    expect(holders.map(serviceOf)).toEqual(['esip-public']);
    const value = JSON.stringify(holders[0]!.Properties.Environment.Variables[envNames.clientHashKey]);
    expect(value).toContain('{{resolve:secretsmanager:');
    expect(value).toContain(keyId);
  });
});

describe('rounds held by objections', () => {
  it('alarm on Esip/RoundsHeldByObjections of the daily sweep, any at all, with its runbook', () => {
    const alarms = Object.entries(resourcesOfType(s.appTemplate, 'AWS::CloudWatch::Alarm')).filter(
      ([, a]) => a.Properties.MetricName === 'RoundsHeldByObjections' && a.Properties.Namespace === 'Esip',
    );
    expect(alarms).toHaveLength(1);
    const [id, alarm] = alarms[0]!;
    expect(id).toContain('RoundsHeldByObjections');
    expect(alarm.Properties).toMatchObject({
      Dimensions: [{ Name: 'service', Value: 'esip-deadline-sweep' }],
      Statistic: 'Maximum',
      Period: 86_400,
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      TreatMissingData: 'notBreaching',
    });
    expect(alarm.Properties.AlarmDescription).toMatch(/Runbook: RUNBOOK\.md#rounds-held-by-objections$/);
    // The dimension is the sweep function's service name, which Powertools adds to its metrics.
    expect(functions().some((f) => serviceOf(f) === 'esip-deadline-sweep')).toBe(true);
  });
});
