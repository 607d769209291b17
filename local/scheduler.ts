/**
 * Local scheduler: fires the template's schedules (EventBridge Scheduler schedules and scheduled
 * EventBridge rules) in the local process, with the same expressions and time zones, and
 * delivers each target the payload AWS would:
 *  - Scheduler → the target's `Input` JSON, with the context attributes
 *    `<aws.scheduler.schedule-arn>`, `<aws.scheduler.scheduled-time>`,
 *    `<aws.scheduler.execution-id>` and `<aws.scheduler.attempt-number>` replaced;
 *  - EventBridge rule → the target's `Input`, or else a "Scheduled Event".
 * `fire(name)` fires a schedule on demand (`at` sets the scheduled time it reports).
 *
 * AWS cron is `cron(minutes hours day-of-month month day-of-week year)` with `?` in exactly one
 * of the day fields and day-of-week numbered 1=SUN … 7=SAT; it is converted into a 7-part croner
 * pattern (seconds first, day-of-week 0=SUN … 6=SAT). Not emulated: flexible time windows,
 * retry policies and dead-letter queues (a failed delivery is logged).
 */
import { randomUUID } from 'node:crypto';
import { Cron } from 'croner';
import { LOCAL_ACCOUNT, LOCAL_REGION, type TemplateSchedule } from './template.ts';

// ---------------------------------------------------------------------------------------------
// Expressions

export type ParsedSchedule =
  | { kind: 'cron'; pattern: string }
  | { kind: 'rate'; ms: number }
  | { kind: 'at'; at: string };

const DAY_NAMES = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];
const FIELD_RANGE = {
  minutes: [0, 59],
  hours: [0, 23],
  dayOfMonth: [1, 31],
  month: [1, 12],
  year: [1970, 2199],
} as const;

export class ScheduleExpressionError extends Error {
  override name = 'ScheduleExpressionError';
}

/** `a/n` → `a-max/n` (croner only takes `*` or a range before `/`); `?` → `*`. */
function convertField(field: string, range: readonly [number, number], name: string): string {
  return field
    .split(',')
    .map((part) => {
      if (part === '?') return '*';
      const step = /^(\d+)\/(\d+)$/.exec(part);
      if (step) return `${step[1]}-${range[1]}/${step[2]}`;
      if (!/^[\dA-Za-z*\-/LW#]+$/.test(part))
        throw new ScheduleExpressionError(`invalid ${name} field '${part}'`);
      return part;
    })
    .join(',');
}

function awsDay(token: string): number {
  const upper = token.toUpperCase();
  const named = DAY_NAMES.indexOf(upper);
  if (named >= 0) return named + 1;
  const n = Number(token);
  if (!Number.isInteger(n) || n < 1 || n > 7) {
    throw new ScheduleExpressionError(`invalid day of week '${token}' (AWS: 1-7 or SUN-SAT)`);
  }
  return n;
}

/** AWS day of week (1=SUN..7=SAT) → standard cron (0=SUN..6=SAT). */
const standardDay = (awsDayNumber: number) => awsDayNumber - 1;

function expandDays(from: number, to: number, step: number): number[] {
  const days: number[] = [];
  // AWS ranges may wrap (FRI-MON): walk forward modulo 7.
  const span = (to - from + 7) % 7;
  for (let i = 0; i <= span; i += step) days.push(((from - 1 + i) % 7) + 1);
  return days;
}

/** Converts an AWS day-of-week field into croner's standard numbering. */
export function convertDayOfWeek(field: string): string {
  if (field === '?' || field === '*') return '*';
  const out: string[] = [];
  for (const part of field.split(',')) {
    const last = /^([A-Za-z]{3}|\d)L$/i.exec(part);
    const nth = /^([A-Za-z]{3}|\d)#([1-5])$/.exec(part);
    const range = /^(\*|[A-Za-z]{3}|\d)(?:-([A-Za-z]{3}|\d))?(?:\/(\d+))?$/.exec(part);
    if (part.toUpperCase() === 'L') {
      out.push(String(standardDay(7))); // "last day of the week" = Saturday
    } else if (last) {
      out.push(`${standardDay(awsDay(last[1]!))}#L`); // last <day> of the month
    } else if (nth) {
      out.push(`${standardDay(awsDay(nth[1]!))}#${nth[2]}`); // nth <day> of the month
    } else if (range) {
      const from = range[1] === '*' ? 1 : awsDay(range[1]!);
      const to =
        range[2] !== undefined ? awsDay(range[2]) : range[1] === '*' || range[3] !== undefined ? 7 : from;
      const step = range[3] !== undefined ? Number(range[3]) : 1;
      if (step < 1) throw new ScheduleExpressionError(`invalid step in day of week '${part}'`);
      for (const day of expandDays(from, to, step)) out.push(String(standardDay(day)));
    } else {
      throw new ScheduleExpressionError(`invalid day of week '${part}'`);
    }
  }
  return [...new Set(out)].join(',');
}

/**
 * `cron(min hour dom month dow year)` (the part inside the parentheses) → 7-part croner pattern
 * `sec min hour dom month dow year`.
 */
export function awsCronToCroner(cron: string): string {
  const fields = cron.trim().split(/\s+/);
  if (fields.length !== 6) {
    throw new ScheduleExpressionError(`AWS cron needs 6 fields (min hour dom month dow year), got '${cron}'`);
  }
  const [minutes, hours, dom, month, dow, year] = fields as [string, string, string, string, string, string];
  if ((dom === '?') === (dow === '?')) {
    throw new ScheduleExpressionError(
      `AWS cron '${cron}': exactly one of day-of-month and day-of-week must be '?'`,
    );
  }
  return [
    '0',
    convertField(minutes, FIELD_RANGE.minutes, 'minutes'),
    convertField(hours, FIELD_RANGE.hours, 'hours'),
    convertField(dom, FIELD_RANGE.dayOfMonth, 'day-of-month'),
    convertField(month, FIELD_RANGE.month, 'month'),
    convertDayOfWeek(dow),
    convertField(year, FIELD_RANGE.year, 'year'),
  ].join(' ');
}

const RATE_UNITS: Record<string, number> = {
  minute: 60_000,
  minutes: 60_000,
  hour: 3_600_000,
  hours: 3_600_000,
  day: 86_400_000,
  days: 86_400_000,
};

export function parseScheduleExpression(expression: string): ParsedSchedule {
  const m = /^(cron|rate|at)\((.*)\)$/.exec(expression.trim());
  if (!m) throw new ScheduleExpressionError(`unsupported schedule expression '${expression}'`);
  const body = m[2]!.trim();
  if (m[1] === 'cron') return { kind: 'cron', pattern: awsCronToCroner(body) };
  if (m[1] === 'at') {
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/.test(body)) {
      throw new ScheduleExpressionError(`at() needs yyyy-mm-ddThh:mm:ss, got '${body}'`);
    }
    return { kind: 'at', at: body };
  }
  const rate = /^(\d+)\s+([a-z]+)$/.exec(body);
  const unit = rate ? RATE_UNITS[rate[2]!] : undefined;
  if (!rate || unit === undefined || Number(rate[1]) < 1) {
    throw new ScheduleExpressionError(`invalid rate expression '${expression}'`);
  }
  return { kind: 'rate', ms: Number(rate[1]) * unit };
}

/** A croner job for a cron/at expression, paused (use it to compute run times). */
export function cronFor(parsed: ParsedSchedule & { kind: 'cron' | 'at' }, timezone: string): Cron {
  return parsed.kind === 'cron'
    ? new Cron(parsed.pattern, { timezone, mode: '7-part', domAndDow: true, paused: true })
    : new Cron(parsed.at, { timezone, paused: true });
}

// ---------------------------------------------------------------------------------------------
// Payloads

/** What EventBridge delivers to the target for one firing. */
export function schedulePayload(
  schedule: TemplateSchedule,
  firing: { scheduledTime: Date; executionId: string; attempt?: number },
): unknown {
  const time = firing.scheduledTime.toISOString().replace(/\.\d{3}Z$/, 'Z');
  if (schedule.source === 'scheduler') {
    if (schedule.input === undefined) return {};
    const text = schedule.input
      .replaceAll('<aws.scheduler.schedule-arn>', schedule.arn)
      .replaceAll('<aws.scheduler.scheduled-time>', time)
      .replaceAll('<aws.scheduler.execution-id>', firing.executionId)
      .replaceAll('<aws.scheduler.attempt-number>', String(firing.attempt ?? 1));
    return JSON.parse(text);
  }
  if (schedule.input !== undefined) return JSON.parse(schedule.input);
  return {
    version: '0',
    id: firing.executionId,
    'detail-type': 'Scheduled Event',
    source: 'aws.events',
    account: LOCAL_ACCOUNT,
    time,
    region: LOCAL_REGION,
    resources: [schedule.arn],
    detail: {},
  };
}

// ---------------------------------------------------------------------------------------------
// Scheduler

export interface ScheduleInfo {
  name: string;
  logicalId: string;
  expression: string;
  timezone: string;
  enabled: boolean;
  target: TemplateSchedule['target'];
  nextRun: Date | null;
  lastRun?: Date;
  lastError?: string;
}

export type SchedulerLogEntry = {
  schedule: string;
  scheduledTime: string;
  executionId: string;
  target: string;
  manual: boolean;
  ok: boolean;
  durationMs: number;
  error?: string;
};

export interface LocalSchedulerOptions {
  schedules: TemplateSchedule[];
  /** Invokes a function by logical id (function targets). */
  invoke: (functionLogicalId: string, event: unknown) => Promise<unknown>;
  /** Starts a state machine execution (state machine targets), e.g. LocalStepFunctions.startExecution. */
  startExecution?: (request: { stateMachineArn: string; input: string }) => Promise<unknown>;
  log?: (entry: SchedulerLogEntry) => void;
}

export interface LocalScheduler {
  /** Arms every enabled schedule. */
  start(): void;
  stop(): void;
  list(): ScheduleInfo[];
  /** Fires a schedule now (by name or logical id); `at` is the scheduled time reported to the target. */
  fire(name: string, options?: { at?: Date | string }): Promise<unknown>;
}

interface Armed {
  schedule: TemplateSchedule;
  parsed: ParsedSchedule;
  job?: Cron;
  rateTimer?: NodeJS.Timeout;
  rateNext?: Date;
  lastRun?: Date;
  lastError?: string;
}

export function createLocalScheduler(options: LocalSchedulerOptions): LocalScheduler {
  const entries: Armed[] = options.schedules.map((schedule) => ({
    schedule,
    parsed: parseScheduleExpression(schedule.expression),
  }));
  let started = false;

  async function deliver(entry: Armed, scheduledTime: Date, manual: boolean): Promise<unknown> {
    const { schedule } = entry;
    const executionId = randomUUID();
    const payload = schedulePayload(schedule, { scheduledTime, executionId });
    const startedAt = performance.now();
    entry.lastRun = new Date();
    const logEntry = {
      schedule: schedule.name,
      scheduledTime: scheduledTime.toISOString(),
      executionId,
      target: schedule.target.logicalId ?? schedule.target.arn,
      manual,
    };
    try {
      let result: unknown;
      if (schedule.target.type === 'function' && schedule.target.logicalId) {
        result = await options.invoke(schedule.target.logicalId, payload);
      } else if (schedule.target.type === 'stateMachine' && options.startExecution) {
        result = await options.startExecution({
          stateMachineArn: schedule.target.arn,
          input: JSON.stringify(payload),
        });
      } else {
        throw new Error(`schedule ${schedule.name}: target ${schedule.target.arn} is not emulated locally`);
      }
      entry.lastError = undefined;
      options.log?.({ ...logEntry, ok: true, durationMs: Math.round(performance.now() - startedAt) });
      return result;
    } catch (error) {
      entry.lastError = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      options.log?.({
        ...logEntry,
        ok: false,
        durationMs: Math.round(performance.now() - startedAt),
        error: entry.lastError,
      });
      throw error;
    }
  }

  const onTick = (entry: Armed, scheduledTime: Date) => {
    deliver(entry, scheduledTime, false).catch(() => {}); // logged in deliver
  };

  function arm(entry: Armed) {
    if (!entry.schedule.enabled) return;
    const { parsed, schedule } = entry;
    if (parsed.kind === 'rate') {
      const tick = () => {
        const now = entry.rateNext ?? new Date();
        entry.rateNext = new Date(Date.now() + parsed.ms);
        entry.rateTimer = setTimeout(tick, parsed.ms);
        entry.rateTimer.unref();
        onTick(entry, now);
      };
      // Like EventBridge, the first firing is one period after the schedule is created.
      entry.rateNext = new Date(Date.now() + parsed.ms);
      entry.rateTimer = setTimeout(tick, parsed.ms);
      entry.rateTimer.unref();
      return;
    }
    const base =
      parsed.kind === 'cron'
        ? { timezone: schedule.timezone, mode: '7-part' as const, domAndDow: true }
        : { timezone: schedule.timezone };
    entry.job = new Cron(
      parsed.kind === 'cron' ? parsed.pattern : parsed.at,
      { ...base, unref: true, protect: true, catch: true },
      (job: Cron) => onTick(entry, job.currentRun() ?? new Date()),
    );
  }

  function find(name: string): Armed {
    const entry = entries.find((e) => e.schedule.name === name || e.schedule.logicalId === name);
    if (!entry) {
      throw new Error(`no schedule named ${name} (have ${entries.map((e) => e.schedule.name).join(', ')})`);
    }
    return entry;
  }

  function nextRun(entry: Armed): Date | null {
    if (!entry.schedule.enabled) return null;
    const { parsed } = entry;
    if (parsed.kind === 'rate') return entry.rateNext ?? new Date(Date.now() + parsed.ms);
    if (entry.job) return entry.job.nextRun();
    const job = cronFor(parsed, entry.schedule.timezone);
    const next = job.nextRun();
    job.stop();
    return next;
  }

  return {
    start() {
      if (started) return;
      started = true;
      for (const entry of entries) arm(entry);
    },
    stop() {
      started = false;
      for (const entry of entries) {
        entry.job?.stop();
        entry.job = undefined;
        clearTimeout(entry.rateTimer);
        entry.rateTimer = undefined;
        entry.rateNext = undefined;
      }
    },
    list: () =>
      entries.map((entry) => ({
        name: entry.schedule.name,
        logicalId: entry.schedule.logicalId,
        expression: entry.schedule.expression,
        timezone: entry.schedule.timezone,
        enabled: entry.schedule.enabled,
        target: entry.schedule.target,
        nextRun: nextRun(entry),
        lastRun: entry.lastRun,
        lastError: entry.lastError,
      })),
    async fire(name, fireOptions = {}) {
      const entry = find(name);
      const at = fireOptions.at === undefined ? new Date() : new Date(fireOptions.at);
      if (Number.isNaN(at.getTime())) throw new Error(`invalid time ${String(fireOptions.at)}`);
      return deliver(entry, at, true);
    },
  };
}
