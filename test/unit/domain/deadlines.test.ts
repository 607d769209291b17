import { describe, expect, it } from 'vitest';
import {
  addDays,
  cstDate,
  DEFAULT_SWEEP_CONFIG,
  daysBetween,
  notificationId,
  parseReportId,
  planSweep,
  reminderDayFor,
  reportIdOf,
  type SweepAction,
  type SweepDeadline,
  sweepConfigFrom,
  sweepWindow,
} from '../../../shared/domain/deadlines.ts';

const DUE = '2040-06-30';
const config = DEFAULT_SWEEP_CONFIG;

function deadline(over: Partial<SweepDeadline> = {}): SweepDeadline {
  return {
    allianceId: 'a-1',
    kind: 'annual-report',
    due: DUE,
    year: 1,
    status: 'due',
    members: ['ent-1', 'soc-1'],
    ...over,
  };
}

const on = (daysBeforeDue: number, d = deadline()) => planSweep([d], addDays(d.due, -daysBeforeDue), config);
const notes = (actions: SweepAction[]) =>
  actions.flatMap((a) => (a.type === 'notify' ? [a.notification] : []));
const types = (actions: SweepAction[]) =>
  actions.map((a) => (a.type === 'notify' ? `notify:${a.notification.topic}` : a.type));

describe('dates', () => {
  it('today is the CST calendar date', () => {
    expect(cstDate(new Date('2040-06-29T15:59:59Z'))).toBe('2040-06-29');
    expect(cstDate(new Date('2040-06-29T16:00:00Z'))).toBe('2040-06-30');
    expect(cstDate(new Date('2040-06-30T01:00:00Z'))).toBe('2040-06-30');
  });

  it('counts whole days, across month and leap-year ends', () => {
    expect(daysBetween('2040-02-28', '2040-03-01')).toBe(2);
    expect(daysBetween('2040-03-01', '2040-02-28')).toBe(-2);
    expect(addDays('2040-12-31', 1)).toBe('2041-01-01');
  });

  it('the window reaches back the lookback and forward the largest reminder day', () => {
    expect(sweepWindow('2040-06-30', config)).toEqual({ from: '2039-06-30', to: '2040-07-30' });
  });
});

describe('reminders', () => {
  it.each([30, 7, 1])('exactly %i days before: the %i-day reminder to every member organisation', (n) => {
    const actions = on(n);
    expect(types(actions)).toEqual(['notify:report-reminder', 'notify:report-reminder']);
    expect(notes(actions).map((x) => x.recipient)).toEqual([
      { organisationId: 'ent-1' },
      { organisationId: 'soc-1' },
    ]);
    for (const x of notes(actions)) {
      expect(x.occasion).toBe(`remind#a-1#${DUE}#annual-report#${n}`);
      expect(x.data).toEqual({ reminderDay: n, daysLeft: n });
      expect(x.subject).toEqual({
        allianceId: 'a-1',
        reportId: `${DUE}_annual-report`,
        kind: 'annual-report',
        due: DUE,
      });
    }
  });

  it('31 days before: nothing yet', () => {
    expect(on(31)).toEqual([]);
  });

  it('a missed reminder day is caught up the next day under the same id (never a second one)', () => {
    const onTheDay = notes(on(30)).map((x) => x.id);
    const dayAfter = notes(on(29));
    expect(dayAfter.map((x) => x.id)).toEqual(onTheDay);
    expect(dayAfter[0]!.data).toEqual({ reminderDay: 30, daysLeft: 29 });
    expect(notes(on(8)).map((x) => x.id)).toEqual(onTheDay);
    // 7 days before is a new reminder with a new id.
    const seven = notes(on(7)).map((x) => x.id);
    expect(seven).not.toEqual(onTheDay);
    expect(notes(on(2)).map((x) => x.id)).toEqual(seven);
  });

  it('due today: no reminder, not overdue', () => {
    expect(on(0)).toEqual([]);
  });

  it('a returned report is reminded too; submitted and accepted ones are not', () => {
    expect(types(on(7, deadline({ status: 'returned' })))).toHaveLength(2);
    expect(on(7, deadline({ status: 'submitted' }))).toEqual([]);
    expect(on(7, deadline({ status: 'accepted' }))).toEqual([]);
  });

  it('picks the smallest configured reminder day at or above the days left', () => {
    expect(reminderDayFor(30, [30, 7, 1])).toBe(30);
    expect(reminderDayFor(8, [30, 7, 1])).toBe(30);
    expect(reminderDayFor(7, [30, 7, 1])).toBe(7);
    expect(reminderDayFor(1, [30, 7, 1])).toBe(1);
    expect(reminderDayFor(0, [30, 7, 1])).toBeUndefined();
    expect(reminderDayFor(31, [30, 7, 1])).toBeUndefined();
  });
});

describe('overdue and escalation', () => {
  it('one day overdue: due → overdue, the members told; no escalation yet', () => {
    const actions = on(-1);
    expect(types(actions)).toEqual(['mark-overdue', 'notify:report-overdue', 'notify:report-overdue']);
    expect(actions[0]).toEqual({
      type: 'mark-overdue',
      deadline: { allianceId: 'a-1', kind: 'annual-report', due: DUE },
      from: 'due',
      daysOverdue: 1,
    });
  });

  it('returned past the due date becomes overdue too', () => {
    expect(on(-3, deadline({ status: 'returned' }))[0]).toMatchObject({
      type: 'mark-overdue',
      from: 'returned',
    });
  });

  it('grace exactly reached (14 days overdue): not escalated yet', () => {
    const actions = on(-14, deadline({ status: 'overdue' }));
    expect(types(actions)).toEqual(['notify:report-overdue', 'notify:report-overdue']);
  });

  it('overdue for more than the grace (15 days): escalated to the admins, and marked', () => {
    const actions = on(-15, deadline({ status: 'overdue' }));
    expect(types(actions)).toEqual([
      'notify:report-overdue',
      'notify:report-overdue',
      'notify:report-escalated',
      'mark-escalated',
    ]);
    const escalation = notes(actions).find((x) => x.topic === 'report-escalated')!;
    expect(escalation.recipient).toEqual({ role: 'admin' });
    expect(escalation.occasion).toBe(`escalate#a-1#${DUE}#annual-report`);
    expect(escalation.data).toMatchObject({ daysOverdue: 15, graceDays: 14 });
  });

  it('a missed sweep still marks, tells and escalates in one run', () => {
    expect(types(on(-40))).toEqual([
      'mark-overdue',
      'notify:report-overdue',
      'notify:report-overdue',
      'notify:report-escalated',
      'mark-escalated',
    ]);
  });

  it('escalated once: nothing more for an escalated overdue report', () => {
    expect(on(-20, deadline({ status: 'overdue', escalatedAt: '2040-07-15T01:00:00Z' }))).toEqual([]);
  });

  it('submitted late or accepted: nothing to chase', () => {
    expect(on(-20, deadline({ status: 'submitted' }))).toEqual([]);
    expect(on(-20, deadline({ status: 'accepted' }))).toEqual([]);
  });

  it('the grace is configurable', () => {
    const actions = planSweep([deadline({ status: 'overdue' })], addDays(DUE, 3), {
      ...config,
      escalationGraceDays: 2,
    });
    expect(types(actions)).toContain('mark-escalated');
  });
});

describe('idempotency of ids', () => {
  it('the same recipient and occasion give the same id; anything else a different one', () => {
    const a = notificationId({ organisationId: 'ent-1' }, 'remind#a-1#2040-06-30#annual-report#30');
    expect(notificationId({ organisationId: 'ent-1' }, 'remind#a-1#2040-06-30#annual-report#30')).toBe(a);
    expect(notificationId({ organisationId: 'soc-1' }, 'remind#a-1#2040-06-30#annual-report#30')).not.toBe(a);
    expect(notificationId({ organisationId: 'ent-1' }, 'remind#a-1#2040-06-30#annual-report#7')).not.toBe(a);
    expect(notificationId({ role: 'admin' }, 'remind#a-1#2040-06-30#annual-report#30')).not.toBe(a);
    expect(a).toMatch(/^n-[0-9a-f]{32}$/);
  });

  it('planning the same day twice gives the same actions (same ids)', () => {
    const ds = [deadline(), deadline({ allianceId: 'a-2', due: '2040-06-01', status: 'overdue' })];
    expect(planSweep(ds, '2040-06-23', config)).toEqual(planSweep([...ds].reverse(), '2040-06-23', config));
  });

  it('every id differs across deadlines, recipients and occasions of a day', () => {
    const ds = [
      deadline(),
      deadline({ kind: 'completion-report', year: undefined }),
      deadline({ allianceId: 'a-2', due: '2040-06-01', status: 'due' }),
    ];
    const ids = notes(planSweep(ds, '2040-06-23', config)).map((x) => x.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThan(4);
  });
});

describe('report ids and configuration', () => {
  it('report ids are URL-safe and round-trip', () => {
    const id = reportIdOf({ due: '2040-06-30', kind: 'completion-report' });
    expect(id).toBe('2040-06-30_completion-report');
    expect(id).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(parseReportId(id)).toEqual({ due: '2040-06-30', kind: 'completion-report' });
    expect(parseReportId('2040-06-30_other')).toBeUndefined();
    expect(parseReportId('x_annual-report')).toBeUndefined();
  });

  it('reads REMINDER_DAYS and ESCALATION_GRACE_DAYS, with defaults', () => {
    expect(sweepConfigFrom({})).toEqual(DEFAULT_SWEEP_CONFIG);
    expect(sweepConfigFrom({ REMINDER_DAYS: '1, 14,60', ESCALATION_GRACE_DAYS: '7' })).toEqual({
      reminderDays: [60, 14, 1],
      escalationGraceDays: 7,
      lookbackDays: 366,
      stuckGateDays: 14,
    });
    expect(() => sweepConfigFrom({ REMINDER_DAYS: '30,x' })).toThrow(/REMINDER_DAYS/);
    expect(() => sweepConfigFrom({ ESCALATION_GRACE_DAYS: '-1' })).toThrow(/ESCALATION_GRACE_DAYS/);
  });

  it('reads STUCK_GATE_DAYS (at least 1 day; 14 by default)', () => {
    expect(sweepConfigFrom({}).stuckGateDays).toBe(14);
    expect(sweepConfigFrom({ STUCK_GATE_DAYS: '1' }).stuckGateDays).toBe(1);
    expect(() => sweepConfigFrom({ STUCK_GATE_DAYS: '0' })).toThrow(/STUCK_GATE_DAYS/);
    expect(() => sweepConfigFrom({ STUCK_GATE_DAYS: '2.5' })).toThrow(/STUCK_GATE_DAYS/);
  });
});
