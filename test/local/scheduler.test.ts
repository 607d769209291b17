/**
 * The local scheduler over the schedules of a synthesized template, delivering to the real
 * handler through the local invoker.
 */
import { describe, expect, it } from 'vitest';
import { createLocalInvoker } from '../../local/lambda.ts';
import { createLocalScheduler } from '../../local/scheduler.ts';
import { extractFunctions, extractSchedules } from '../../local/template.ts';
import { buildTestTemplate, projectRoot } from './fixtures/stack.ts';

describe('local scheduler', () => {
  const template = buildTestTemplate();
  const invoker = createLocalInvoker(extractFunctions(template), { root: projectRoot });
  const schedules = extractSchedules(template);
  const nightly = schedules.find((s) => s.logicalId.startsWith('NightlySweep'))!;
  const hourly = schedules.find((s) => s.logicalId.startsWith('HourlyTick'))!;

  it('reads the Scheduler schedule and the scheduled rule from the template', () => {
    expect(nightly).toMatchObject({
      source: 'scheduler',
      expression: 'cron(0 1 * * ? *)',
      timezone: 'Asia/Shanghai',
    });
    expect(hourly).toMatchObject({ source: 'events-rule', expression: 'rate(1 hour)' });
    expect(nightly.target.logicalId).toMatch(/^Echo/);
  });

  it('fires a Scheduler schedule with its input and context attributes', async () => {
    const logs: unknown[] = [];
    const scheduler = createLocalScheduler({ schedules, invoke: invoker.invoke, log: (e) => logs.push(e) });
    const result = (await scheduler.fire(nightly.name, { at: '2026-01-01T17:00:00Z' })) as Record<
      string,
      unknown
    >;
    expect(result).toMatchObject({
      job: 'sweep',
      at: '2026-01-01T17:00:00Z',
      run: expect.stringMatching(/^[0-9a-f-]{36}$/),
      seenBy: nightly.target.logicalId,
    });
    expect(logs).toEqual([expect.objectContaining({ schedule: nightly.name, ok: true, manual: true })]);
  });

  it('fires a scheduled rule with a Scheduled Event', async () => {
    const scheduler = createLocalScheduler({ schedules, invoke: invoker.invoke });
    const result = (await scheduler.fire(hourly.name)) as Record<string, unknown>;
    expect(result).toMatchObject({
      'detail-type': 'Scheduled Event',
      source: 'aws.events',
      resources: [hourly.arn],
    });
  });

  it('lists next run times in the schedule time zone', () => {
    const scheduler = createLocalScheduler({ schedules, invoke: invoker.invoke });
    scheduler.start();
    try {
      const listed = scheduler.list().find((s) => s.name === nightly.name)!;
      expect(listed.nextRun!.getUTCHours()).toBe(17); // 01:00 Asia/Shanghai
      expect(listed.nextRun!.getTime()).toBeGreaterThan(Date.now());
      const rate = scheduler.list().find((s) => s.name === hourly.name)!;
      expect(rate.nextRun!.getTime() - Date.now()).toBeGreaterThan(3_500_000);
    } finally {
      scheduler.stop();
    }
  });
});
