import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  awsCronToCroner,
  convertDayOfWeek,
  createLocalScheduler,
  cronFor,
  parseScheduleExpression,
  ScheduleExpressionError,
  schedulePayload,
} from '../../../local/scheduler.ts';
import type { TemplateSchedule } from '../../../local/template.ts';

const WEEKDAY = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

/** The next `n` run times of an AWS expression, from `from`, as `YYYY-MM-DDTHH:mm DOW` (UTC). */
function nextRuns(expression: string, from: string, n = 3, timezone = 'UTC') {
  const parsed = parseScheduleExpression(expression);
  if (parsed.kind === 'rate') throw new Error('rate');
  const job = cronFor(parsed, timezone);
  const runs = job.nextRuns(n, new Date(from));
  job.stop();
  return runs.map((d) => `${d.toISOString().slice(0, 16)} ${WEEKDAY[d.getUTCDay()]}`);
}

describe('AWS day-of-week (1=SUN … 7=SAT) → croner (0=SUN … 6=SAT)', () => {
  it.each([
    ['1', '0'],
    ['7', '6'],
    ['SUN', '0'],
    ['sat', '6'],
    ['MON-FRI', '1,2,3,4,5'],
    ['2-6', '1,2,3,4,5'],
    ['1,7', '0,6'],
    ['FRI-MON', '5,6,0,1'], // wraps around the week
    ['*/2', '0,2,4,6'], // AWS 1,3,5,7
    ['2/3', '1,4'], // from MON every 3 days: MON, THU
    ['L', '6'], // last day of the week: Saturday
    ['6L', '5#L'], // last Friday of the month
    ['FRIL', '5#L'],
    ['3#2', '2#2'], // second Tuesday
    ['MON#1', '1#1'],
    ['?', '*'],
    ['*', '*'],
  ])('%s → %s', (aws, croner) => {
    expect(convertDayOfWeek(aws)).toBe(croner);
  });

  it.each(['0', '8', 'FUNDAY', '1#6', ''])('rejects %j', (aws) => {
    expect(() => convertDayOfWeek(aws)).toThrow(ScheduleExpressionError);
  });
});

describe('awsCronToCroner', () => {
  it.each([
    ['0 1 * * ? *', '0 0 1 * * * *'],
    ['0/15 * * * ? *', '0 0-59/15 * * * * *'],
    ['5,35 8-17 ? * MON-FRI *', '0 5,35 8-17 * * 1,2,3,4,5 *'],
    ['0 18 L * ? *', '0 0 18 L * * *'],
    ['0 9 15W * ? *', '0 0 9 15W * * *'],
    ['0 8 1 JAN ? 2030', '0 0 8 1 JAN * 2030'],
    ['0 0 1/2 * ? 2026-2027', '0 0 0 1-31/2 * * 2026-2027'],
  ])('%s → %s', (aws, croner) => {
    expect(awsCronToCroner(aws)).toBe(croner);
  });

  it('requires exactly one of day-of-month and day-of-week to be ?', () => {
    expect(() => awsCronToCroner('0 1 * * * *')).toThrow(/exactly one/);
    expect(() => awsCronToCroner('0 1 ? * ? *')).toThrow(/exactly one/);
  });

  it('requires six fields', () => {
    expect(() => awsCronToCroner('0 1 * * ?')).toThrow(/6 fields/);
  });
});

describe('run times (from Thursday 2026-01-01T00:00Z)', () => {
  const from = '2026-01-01T00:00:00Z';

  it('every day at 01:00', () => {
    expect(nextRuns('cron(0 1 * * ? *)', from)).toEqual([
      '2026-01-01T01:00 THU',
      '2026-01-02T01:00 FRI',
      '2026-01-03T01:00 SAT',
    ]);
  });

  it('day-of-week 1 is Sunday and 7 is Saturday', () => {
    expect(nextRuns('cron(0 10 ? * 1 *)', from, 2)).toEqual(['2026-01-04T10:00 SUN', '2026-01-11T10:00 SUN']);
    expect(nextRuns('cron(0 10 ? * 7 *)', from, 2)).toEqual(['2026-01-03T10:00 SAT', '2026-01-10T10:00 SAT']);
  });

  it('weekdays only', () => {
    expect(nextRuns('cron(0 12 ? * MON-FRI *)', from, 4)).toEqual([
      '2026-01-01T12:00 THU',
      '2026-01-02T12:00 FRI',
      '2026-01-05T12:00 MON',
      '2026-01-06T12:00 TUE',
    ]);
  });

  it('nth and last weekday of the month', () => {
    expect(nextRuns('cron(0 10 ? * 2#1 *)', from, 2)).toEqual([
      '2026-01-05T10:00 MON',
      '2026-02-02T10:00 MON',
    ]);
    expect(nextRuns('cron(0 9 ? * 6L *)', from, 2)).toEqual(['2026-01-30T09:00 FRI', '2026-02-27T09:00 FRI']);
  });

  it('last day of the month and nearest weekday', () => {
    expect(nextRuns('cron(0 18 L * ? *)', from, 2)).toEqual(['2026-01-31T18:00 SAT', '2026-02-28T18:00 SAT']);
    // 2026-02-15 is a Sunday: 15W is Monday the 16th.
    expect(nextRuns('cron(0 9 15W * ? *)', '2026-02-01T00:00:00Z', 1)).toEqual(['2026-02-16T09:00 MON']);
  });

  it('the first day of each month (the inspection draw)', () => {
    expect(nextRuns('cron(0 2 1 * ? *)', from, 3)).toEqual([
      '2026-01-01T02:00 THU',
      '2026-02-01T02:00 SUN',
      '2026-03-01T02:00 SUN',
    ]);
  });

  it('a year field limits the runs', () => {
    expect(nextRuns('cron(0 8 1 JAN ? 2030)', from, 2)).toEqual(['2030-01-01T08:00 TUE']);
  });

  it('honours the schedule time zone', () => {
    // 01:00 in Shanghai (UTC+8) is 17:00 UTC the day before.
    expect(nextRuns('cron(0 1 * * ? *)', from, 2, 'Asia/Shanghai')).toEqual([
      '2026-01-01T17:00 THU',
      '2026-01-02T17:00 FRI',
    ]);
  });
});

describe('parseScheduleExpression', () => {
  it('parses rates', () => {
    expect(parseScheduleExpression('rate(1 minute)')).toEqual({ kind: 'rate', ms: 60_000 });
    expect(parseScheduleExpression('rate(5 minutes)')).toEqual({ kind: 'rate', ms: 300_000 });
    expect(parseScheduleExpression('rate(2 hours)')).toEqual({ kind: 'rate', ms: 7_200_000 });
    expect(parseScheduleExpression('rate(1 day)')).toEqual({ kind: 'rate', ms: 86_400_000 });
  });

  it('parses one-time schedules', () => {
    expect(parseScheduleExpression('at(2030-05-01T09:30:00)')).toEqual({
      kind: 'at',
      at: '2030-05-01T09:30:00',
    });
  });

  it.each(['rate(0 minutes)', 'rate(5 weeks)', 'every(5 minutes)', 'cron(0 1 * * ?)', 'at(tomorrow)'])(
    'rejects %s',
    (expression) => {
      expect(() => parseScheduleExpression(expression)).toThrow(ScheduleExpressionError);
    },
  );
});

const sweep: TemplateSchedule = {
  name: 'deadline-sweep',
  logicalId: 'DeadlineSweepSchedule',
  source: 'scheduler',
  expression: 'cron(0 1 * * ? *)',
  timezone: 'Etc/UTC',
  enabled: true,
  target: {
    arn: 'arn:aws:lambda:us-east-1:000000000000:function:SweepFn',
    logicalId: 'SweepFn',
    type: 'function',
  },
  input:
    '{"schedule":"deadline-sweep","at":"<aws.scheduler.scheduled-time>","run":"<aws.scheduler.execution-id>","arn":"<aws.scheduler.schedule-arn>","attempt":"<aws.scheduler.attempt-number>"}',
  arn: 'arn:aws:scheduler:us-east-1:000000000000:schedule/default/deadline-sweep',
};

describe('schedulePayload', () => {
  it('replaces the Scheduler context attributes in the input', () => {
    const payload = schedulePayload(sweep, {
      scheduledTime: new Date('2026-01-02T01:00:00.000Z'),
      executionId: 'run-1',
    });
    expect(payload).toEqual({
      schedule: 'deadline-sweep',
      at: '2026-01-02T01:00:00Z',
      run: 'run-1',
      arn: sweep.arn,
      attempt: '1',
    });
  });

  it('sends a Scheduled Event for an EventBridge rule without input', () => {
    const rule: TemplateSchedule = {
      ...sweep,
      source: 'events-rule',
      input: undefined,
      arn: 'arn:aws:events:us-east-1:000000000000:rule/tick',
    };
    expect(
      schedulePayload(rule, { scheduledTime: new Date('2026-01-02T01:00:00Z'), executionId: 'e1' }),
    ).toEqual({
      version: '0',
      id: 'e1',
      'detail-type': 'Scheduled Event',
      source: 'aws.events',
      account: '000000000000',
      time: '2026-01-02T01:00:00Z',
      region: 'us-east-1',
      resources: [rule.arn],
      detail: {},
    });
  });
});

describe('createLocalScheduler', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('fires a schedule on demand, delivering its input to the target function', async () => {
    const invoke = vi.fn(async (_id: string, event: unknown) => ({ got: event }));
    const scheduler = createLocalScheduler({ schedules: [sweep], invoke });
    const result = await scheduler.fire('deadline-sweep', { at: '2026-03-01T01:00:00Z' });
    expect(invoke).toHaveBeenCalledWith(
      'SweepFn',
      expect.objectContaining({ schedule: 'deadline-sweep', at: '2026-03-01T01:00:00Z' }),
    );
    expect(result).toEqual({ got: expect.objectContaining({ schedule: 'deadline-sweep' }) });
    await expect(scheduler.fire('nope')).rejects.toThrow(/no schedule named nope/);
  });

  it('lists schedules with their next run; disabled ones have none', () => {
    const scheduler = createLocalScheduler({
      schedules: [sweep, { ...sweep, name: 'off', enabled: false }],
      invoke: async () => null,
    });
    const [on, off] = scheduler.list();
    expect(on!.nextRun).toBeInstanceOf(Date);
    expect(on!.nextRun!.toISOString()).toMatch(/T01:00:00\.000Z$/);
    expect(off!.nextRun).toBeNull();
  });

  it('fires cron and rate schedules when their time comes', async () => {
    vi.useFakeTimers({ now: new Date('2026-01-01T00:59:30Z') });
    const invoke = vi.fn(async () => null);
    const scheduler = createLocalScheduler({
      schedules: [
        sweep,
        { ...sweep, name: 'every-5-min', expression: 'rate(5 minutes)', input: '{"tick":true}' },
      ],
      invoke,
    });
    scheduler.start();
    await vi.advanceTimersByTimeAsync(31_000);
    expect(invoke).toHaveBeenCalledTimes(1);
    expect(invoke).toHaveBeenLastCalledWith(
      'SweepFn',
      expect.objectContaining({ at: '2026-01-01T01:00:00Z' }),
    );
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    expect(invoke).toHaveBeenLastCalledWith('SweepFn', { tick: true });
    scheduler.stop();
    await vi.advanceTimersByTimeAsync(24 * 3_600_000);
    expect(invoke).toHaveBeenCalledTimes(2);
  });
});
