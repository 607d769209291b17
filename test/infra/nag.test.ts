/**
 * cdk-nag v3 (AwsSolutions) over both stacks. The app built by buildApp() registers the checks as a
 * CDK validation plugin, so an unacknowledged error already fails synthesis; these tests also
 * demand zero warnings, and keep the acknowledgements honest (narrow, reasoned, still needed).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type App, CfnResource, Stack, Validations } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../infra/build.ts';
import { type Synthesized, synthesize } from './helpers.ts';

let s: Synthesized;
beforeAll(() => {
  s = synthesize({ bundle: false });
});
afterAll(() => s?.cleanup());

interface Acknowledgement {
  path: string;
  id: string;
  reason: string;
  construct: IConstruct;
}

function acknowledgements(root: IConstruct): Acknowledgement[] {
  const found: Acknowledgement[] = [];
  for (const construct of root.node.findAll()) {
    for (const entry of construct.node.metadata) {
      if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY) continue;
      for (const [key, reason] of Object.entries(entry.data as Record<string, string>)) {
        found.push({ path: construct.node.path, id: key.replace(/^annotation::/i, ''), reason, construct });
      }
    }
  }
  return found.filter((ack) => ack.id.startsWith('AwsSolutions-'));
}

/** All AwsSolutions findings, acknowledged or not (the pack's acknowledgement lookup switched off). */
function allFindings(app: App) {
  const checks = new AwsSolutionsChecks();
  (checks as unknown as { isAcknowledged: () => boolean }).isAcknowledged = () => false;
  return checks.validateScope(app).violations;
}

describe('cdk-nag AwsSolutions', () => {
  it('reports no unacknowledged error or warning in either stack', () => {
    const report = new AwsSolutionsChecks().validateScope(s.app);
    const summary = report.violations.map(
      (v) => `${v.severity} ${v.ruleName}: ${v.violatingResources.map((r) => r.constructPath).join(', ')}`,
    );
    expect(summary).toEqual([]);
    expect(report.success).toBe(true);
  });

  it('the validation report written by synthesis lists no violation', () => {
    const report = JSON.parse(readFileSync(path.join(s.outdir, 'validation-report.json'), 'utf8'));
    expect(report.pluginReports).toEqual([]);
  });

  it('can fail: an unhardened resource makes synthesis throw, and warnings are reported', () => {
    const probe = synthesizeWithout();
    expect(() => probe.app.synth()).toThrow(/AwsSolutions-SQS4/);
    const violations = new AwsSolutionsChecks().validateScope(probe.app).violations;
    expect(violations.find((v) => v.ruleName === 'AwsSolutions-DDB3')?.severity).toBe('warning');
  });
});

describe('acknowledgements', () => {
  it('are made on single CloudFormation resources, never on a construct subtree, a stack or the app', () => {
    const acks = acknowledgements(s.app);
    expect(acks.length).toBeGreaterThan(0);
    for (const ack of acks) {
      expect(CfnResource.isCfnResource(ack.construct), `${ack.id} on ${ack.path}`).toBe(true);
      expect(Stack.isStack(ack.construct), `${ack.id} on ${ack.path}`).toBe(false);
    }
  });

  it('carry a specific written reason', () => {
    for (const ack of acknowledgements(s.app)) {
      expect(ack.reason.length, `${ack.id} on ${ack.path}`).toBeGreaterThanOrEqual(60);
    }
  });

  it('name the exact IAM5 finding (the resource or action), never the whole rule', () => {
    for (const ack of acknowledgements(s.app).filter((a) => a.id.startsWith('AwsSolutions-IAM5'))) {
      expect(ack.id, ack.path).toMatch(/^AwsSolutions-IAM5\[(Resource|Action)::.+\]$/);
    }
  });

  it('are each still needed: every one matches a finding on its construct', () => {
    const findings = allFindings(s.app);
    for (const ack of acknowledgements(s.app)) {
      const finding = findings.find(
        (v) =>
          v.ruleName === ack.id &&
          v.violatingResources.some(
            (r) => r.constructPath === ack.path || r.constructPath?.startsWith(`${ack.path}/`),
          ),
      );
      expect(finding, `${ack.id} on ${ack.path} acknowledges nothing`).toBeDefined();
    }
  });

  it('the list (for review)', () => {
    const list = acknowledgements(s.app).map((a) => `${a.path} ${a.id}`);
    expect(list.length).toBe(new Set(list).size);
  });
});

/** A fresh app with two deliberate findings: a queue without TLS enforcement, a table without PITR. */
function synthesizeWithout() {
  const built = buildApp({ bundle: false, outdir: path.join(s.outdir, 'probe'), stage: 'probe' });
  new sqs.Queue(built.appStack, 'ProbeQueueWithoutTls', { encryption: sqs.QueueEncryption.SQS_MANAGED });
  new dynamodb.Table(built.dataStack, 'ProbeTableWithoutPitr', {
    partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
    billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
  });
  return built;
}
