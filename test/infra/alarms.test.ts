/**
 * Alarms reach people: the alarm topic is subscribed from context (alarmEmail, alarmWebhook),
 * a synth without an address warns, a malformed address fails the synth; every alarm's
 * description points at a RUNBOOK.md section that exists.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Annotations, Match, type Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../infra/build.ts';
import { NO_RECIPIENTS_WARNING, RUNBOOK_FILE, RUNBOOK_SECTIONS } from '../../infra/constructs/alarms.ts';
import { projectRoot } from '../../infra/paths.ts';
import { resourcesOfType, type Synthesized, synthesize } from './helpers.ts';

let plain: Synthesized;
let subscribed: Synthesized;
beforeAll(() => {
  plain = synthesize({ bundle: false });
  subscribed = synthesize({
    bundle: false,
    context: {
      alarmEmail: ' ops@example.org,programme-office@example.cn ',
      alarmWebhook: 'https://hooks.example.org/esip/alarms',
    },
  });
});
afterAll(() => {
  plain?.cleanup();
  subscribed?.cleanup();
});

const topicId = (template: Template) => {
  const ids = Object.keys(resourcesOfType(template, 'AWS::SNS::Topic'));
  expect(ids).toHaveLength(1);
  return ids[0]!;
};
const subscriptionsOf = (template: Template) =>
  Object.values(resourcesOfType(template, 'AWS::SNS::Subscription')).map((s) => s.Properties);

describe('alarm recipients', () => {
  it('with alarmEmail and alarmWebhook the topic has an e-mail subscription per address and an https one', () => {
    const topic = topicId(subscribed.appTemplate);
    const subs = subscriptionsOf(subscribed.appTemplate);
    expect(subs).toHaveLength(3);
    for (const sub of subs) expect(sub.TopicArn).toEqual({ Ref: topic });
    expect(
      subs.map((s) => [s.Protocol, s.Endpoint]).sort((a, b) => String(a[1]).localeCompare(String(b[1]))),
    ).toEqual([
      ['https', 'https://hooks.example.org/esip/alarms'],
      ['email', 'ops@example.org'],
      ['email', 'programme-office@example.cn'],
    ]);
    expect(
      Annotations.fromStack(subscribed.appStack).findWarning(
        '*',
        Match.stringLikeRegexp('Alarms reach no one'),
      ),
    ).toEqual([]);
  });

  it('without alarmEmail the topic has no subscription and the synth warns how to fix it', () => {
    topicId(plain.appTemplate);
    expect(subscriptionsOf(plain.appTemplate)).toEqual([]);
    const warnings = Annotations.fromStack(plain.appStack).findWarning(
      '/Esip-App/Alarms',
      Match.stringLikeRegexp('Alarms reach no one.*-c alarmEmail='),
    );
    expect(warnings).toHaveLength(1);
    expect(JSON.stringify(warnings[0]!.entry.data)).toContain(NO_RECIPIENTS_WARNING);
  });

  it('every alarm notifies the topic', () => {
    for (const s of [plain, subscribed]) {
      const topic = topicId(s.appTemplate);
      const alarms = Object.values(resourcesOfType(s.appTemplate, 'AWS::CloudWatch::Alarm'));
      expect(alarms.length).toBeGreaterThan(30);
      for (const alarm of alarms) expect(alarm.Properties.AlarmActions).toEqual([{ Ref: topic }]);
    }
  });

  it.each([
    ['alarmEmail', 'ops@example', /alarmEmail: 'ops@example' is not an e-mail address/],
    [
      'alarmEmail',
      'a@example.org;b@example.org',
      /alarmEmail: 'a@example.org;b@example.org' is not an e-mail/,
    ],
    ['alarmEmail', 'ops@example.org,,not an address', /alarmEmail: 'not an address'/],
    [
      'alarmWebhook',
      'http://hooks.example.org/x',
      /alarmWebhook: 'http:\/\/hooks.example.org\/x' is not an https URL/,
    ],
    ['alarmWebhook', 'https://user:pw@hooks.example.org/x', /alarmWebhook: .* without credentials/],
    ['alarmWebhook', 'hooks.example.org', /alarmWebhook: 'hooks.example.org' is not an https URL/],
  ])('a malformed %s (%s) fails the synth with what to fix', (key, value, message) => {
    expect(() => buildApp({ bundle: false, context: { [key]: value }, environment: {} })).toThrow(message);
  });
});

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  for (const line of markdown.split('\n')) {
    const heading = /^#{1,6}\s+(.+?)\s*#*\s*$/.exec(line);
    if (!heading) continue;
    anchors.add(
      heading[1]!
        .trim()
        .toLowerCase()
        .replace(/[^\p{L}\p{N}\s_-]/gu, '')
        .replace(/\s/g, '-'),
    );
  }
  return anchors;
}

describe('runbook', () => {
  const runbook = readFileSync(path.join(projectRoot, RUNBOOK_FILE), 'utf8');
  const anchors = anchorsOf(runbook);

  it('has a section for every kind of alarm (the objection hold included)', () => {
    for (const section of Object.values(RUNBOOK_SECTIONS)) expect(anchors, section).toContain(section);
    expect(anchors).not.toContain('no-such-section');
  });

  it('every alarm in the synthesized templates ends its description with a pointer to an existing section', () => {
    let count = 0;
    for (const s of [plain, subscribed]) {
      for (const stack of s.assembly.stacks) {
        const resources = (stack.template.Resources ?? {}) as Record<
          string,
          { Type: string; Properties: any }
        >;
        for (const [id, resource] of Object.entries(resources)) {
          if (resource.Type !== 'AWS::CloudWatch::Alarm') continue;
          count++;
          const description = String(resource.Properties.AlarmDescription ?? '');
          const pointer = /Runbook: RUNBOOK\.md#([a-z0-9-]+)$/.exec(description);
          expect(pointer, `${stack.stackName}/${id}: ${description}`).not.toBeNull();
          expect(anchors, `${stack.stackName}/${id}`).toContain(pointer![1]);
        }
      }
    }
    expect(count).toBeGreaterThan(60);
  });

  it('links inside the runbook go to sections that exist', () => {
    for (const [, anchor] of runbook.matchAll(/\]\(#([^)]+)\)/g)) expect(anchors, anchor).toContain(anchor);
  });
});
