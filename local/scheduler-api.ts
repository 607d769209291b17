/**
 * A local EventBridge Scheduler endpoint for the schedules the application creates at runtime
 * (the per-round "application window closes" schedules), so that `@aws-sdk/client-scheduler`
 * pointed at it by AWS_ENDPOINT_URL_SCHEDULER works unchanged.
 *
 * The Scheduler API is REST-JSON (restJson1), as the SDK serializes it:
 *   POST   /schedules/{Name}                        CreateSchedule  body: every field but Name (GroupName too)
 *   PUT    /schedules/{Name}                        UpdateSchedule  body: as Create; replaces every field
 *   GET    /schedules/{Name}?groupName=             GetSchedule
 *   DELETE /schedules/{Name}?groupName=&clientToken= DeleteSchedule
 *   GET    /schedules?ScheduleGroup=&NamePrefix=&State=&MaxResults=&NextToken=  ListSchedules
 * Replies are 200 with a JSON body (timestamps in epoch seconds); errors carry their HTTP status
 * (400 ValidationException, 404 ResourceNotFoundException, 409 ConflictException), the
 * `x-amzn-errortype` header and `{"Message": …}`, which the SDK turns into its typed exceptions.
 * Signatures are not checked.
 *
 * Each schedule is armed with the local scheduler (local/scheduler.ts: same expressions, time
 * zones and payload placeholders as the template's schedules) and invokes its target function by
 * ARN → the template's function. A one-time `at()` schedule with ActionAfterCompletion DELETE is
 * deleted after it has fired (on AWS the Lambda target is invoked asynchronously, so this
 * happens whether or not the function then fails; a failure is logged). `fire(name)` delivers a
 * schedule now — for a one-time schedule that counts as its firing, so it is then completed too.
 * With `stateFile`, schedules survive a restart (as they do on AWS); a one-time schedule whose
 * time passed while the stack was down fires right after the restart.
 * Not emulated: flexible time windows (fires at the window start), retry policies, dead-letter
 * queues, KMS keys, StartDate/EndDate, targets other than the template's functions.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { dirname } from 'node:path';
import { listen } from './listen.ts';
import {
  createLocalScheduler,
  type LocalScheduler,
  type ParsedSchedule,
  parseScheduleExpression,
} from './scheduler.ts';
import { LOCAL_ACCOUNT, LOCAL_PARTITION, LOCAL_REGION, type TemplateSchedule } from './template.ts';

const MAX_BODY = 256 * 1024;
const NAME_PATTERN = /^[0-9a-zA-Z-_.]{1,64}$/;
const DEFAULT_GROUP = 'default';

const ERROR_STATUS = {
  ValidationException: 400,
  ResourceNotFoundException: 404,
  ConflictException: 409,
  InternalServerException: 500,
} as const;

/** An error the service answers with: its HTTP status and `x-amzn-errortype` follow from `type`. */
export class SchedulerServiceError extends Error {
  readonly status: number;
  constructor(
    readonly type: keyof typeof ERROR_STATUS,
    message: string,
  ) {
    super(message);
    this.name = type;
    this.status = ERROR_STATUS[type];
  }
}

const validation = (message: string) => new SchedulerServiceError('ValidationException', message);

export interface ScheduleTarget {
  Arn: string;
  RoleArn: string;
  Input?: string;
  RetryPolicy?: { MaximumEventAgeInSeconds?: number; MaximumRetryAttempts?: number };
  DeadLetterConfig?: { Arn?: string };
  [other: string]: unknown;
}

/** A schedule as GetSchedule describes it (dates as Date; epoch seconds on the wire). */
export interface StoredSchedule {
  Arn: string;
  Name: string;
  GroupName: string;
  ScheduleExpression: string;
  ScheduleExpressionTimezone: string;
  State: 'ENABLED' | 'DISABLED';
  ActionAfterCompletion: 'NONE' | 'DELETE';
  FlexibleTimeWindow: { Mode: 'OFF' | 'FLEXIBLE'; MaximumWindowInMinutes?: number };
  Target: ScheduleTarget;
  Description?: string;
  StartDate?: Date;
  EndDate?: Date;
  KmsKeyArn?: string;
  CreationDate: Date;
  LastModificationDate: Date;
}

export interface DynamicScheduleInfo {
  name: string;
  group: string;
  arn: string;
  expression: string;
  timezone: string;
  state: 'ENABLED' | 'DISABLED';
  actionAfterCompletion: 'NONE' | 'DELETE';
  target: { arn: string; functionLogicalId?: string; input?: string };
  nextRun: Date | null;
  lastRun?: Date;
  lastError?: string;
  createdAt: Date;
}

export type SchedulerApiLogEntry =
  | { kind: 'request'; operation: string; name?: string; status: number; error?: string }
  | {
      kind: 'firing';
      name: string;
      group: string;
      manual: boolean;
      ok: boolean;
      error?: string;
      completed?: 'deleted' | 'kept';
    };

export interface LocalSchedulerApiOptions {
  host?: string;
  /** 0 picks a free port. */
  port: number;
  /** Schedule groups that exist ("default" always does). */
  groups?: string[];
  /** The local function (logical id) a target ARN names; undefined when it names none. */
  functionFor: (arn: string) => string | undefined;
  /** Invokes a function by logical id. */
  invoke: (functionLogicalId: string, event: unknown) => Promise<unknown>;
  /**
   * Arm schedules to fire at their time once `start()` is called (default true); they can always
   * be fired by hand.
   */
  arm?: boolean;
  /** Keep the schedules in this JSON file across restarts (default: in memory only). */
  stateFile?: string;
  log?: (entry: SchedulerApiLogEntry) => void;
  /** Unexpected errors inside the server (bugs), for the stack's log. */
  onError?: (error: unknown) => void;
}

export interface LocalSchedulerApi {
  url: string;
  /** Every schedule, or those of one group. */
  list(group?: string): DynamicScheduleInfo[];
  /** A schedule by name (any group), or by `group/name`. */
  find(name: string): DynamicScheduleInfo | undefined;
  /** Delivers a schedule now (`at` = the scheduled time it reports); completes a one-time schedule. */
  fire(name: string, options?: { at?: Date | string }): Promise<unknown>;
  /**
   * Arms the schedules (unless `arm` is false) and fires one-time schedules missed while the
   * stack was down. Until then schedules are kept but do not fire: call it once the targets can run.
   */
  start(): void;
  close(): Promise<void>;
}

interface Entry {
  schedule: StoredSchedule;
  parsed: ParsedSchedule;
  clientToken?: string;
  /** The request CreateSchedule was made with (idempotent replays must match it). */
  requestKey: string;
  runner: LocalScheduler;
  functionLogicalId?: string;
  /** When a one-time schedule fired (it fires once). */
  firedAt?: Date;
}

/** An entry as the state file keeps it (dates as ISO strings). */
interface PersistedEntry {
  schedule: Omit<StoredSchedule, 'StartDate' | 'EndDate' | 'CreationDate' | 'LastModificationDate'> & {
    StartDate?: string;
    EndDate?: string;
    CreationDate: string;
    LastModificationDate: string;
  };
  clientToken?: string;
  requestKey: string;
  firedAt?: string;
}

export const scheduleArn = (group: string, name: string) =>
  `arn:${LOCAL_PARTITION}:scheduler:${LOCAL_REGION}:${LOCAL_ACCOUNT}:schedule/${group}/${name}`;

const epochSeconds = (date: Date | undefined) => (date ? date.getTime() / 1000 : undefined);

function parseDate(value: unknown, field: string): Date | undefined {
  if (value === undefined || value === null) return undefined;
  const date =
    typeof value === 'number' ? new Date(value * 1000) : typeof value === 'string' ? new Date(value) : null;
  if (!date || Number.isNaN(date.getTime())) throw validation(`${field} is not a valid timestamp`);
  return date;
}

function checkTimezone(timezone: string): void {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: timezone });
  } catch {
    throw validation(`Invalid ScheduleExpressionTimezone ${timezone}`);
  }
}

/** Validates a Create/UpdateSchedule body as the service would (the parts that matter here). */
function scheduleFromRequest(
  name: string,
  body: Record<string, unknown>,
  now: Date,
  previous?: StoredSchedule,
): { schedule: StoredSchedule; parsed: ParsedSchedule } {
  if (!NAME_PATTERN.test(name)) {
    throw validation(`1 validation error detected: Value '${name}' at 'name' failed to satisfy constraint`);
  }
  const group = typeof body.GroupName === 'string' && body.GroupName ? body.GroupName : DEFAULT_GROUP;
  const expression = body.ScheduleExpression;
  if (typeof expression !== 'string' || expression === '') throw validation('ScheduleExpression is required');
  let parsed: ParsedSchedule;
  try {
    parsed = parseScheduleExpression(expression);
  } catch (error) {
    throw validation(`Invalid Schedule Expression ${expression}: ${(error as Error).message}`);
  }
  const timezone =
    typeof body.ScheduleExpressionTimezone === 'string' && body.ScheduleExpressionTimezone
      ? body.ScheduleExpressionTimezone
      : 'UTC';
  checkTimezone(timezone);
  const window = body.FlexibleTimeWindow as StoredSchedule['FlexibleTimeWindow'] | undefined;
  if (!window || (window.Mode !== 'OFF' && window.Mode !== 'FLEXIBLE')) {
    throw validation('FlexibleTimeWindow with Mode OFF or FLEXIBLE is required');
  }
  if (
    window.Mode === 'FLEXIBLE' &&
    !(Number.isInteger(window.MaximumWindowInMinutes) && window.MaximumWindowInMinutes! >= 1)
  ) {
    throw validation('FlexibleTimeWindow FLEXIBLE needs MaximumWindowInMinutes (1-1440)');
  }
  const target = body.Target as ScheduleTarget | undefined;
  if (!target || typeof target.Arn !== 'string' || !target.Arn || typeof target.RoleArn !== 'string') {
    throw validation('Target with Arn and RoleArn is required');
  }
  if (target.Input !== undefined && typeof target.Input !== 'string') {
    throw validation('Target.Input must be a string');
  }
  const state = body.State ?? 'ENABLED';
  if (state !== 'ENABLED' && state !== 'DISABLED') throw validation(`Invalid State ${String(state)}`);
  const action = body.ActionAfterCompletion ?? 'NONE';
  if (action !== 'NONE' && action !== 'DELETE') {
    throw validation(`Invalid ActionAfterCompletion ${String(action)}`);
  }
  const description = body.Description;
  if (description !== undefined && (typeof description !== 'string' || description.length > 512)) {
    throw validation('Description must be a string of at most 512 characters');
  }
  const startDate = parseDate(body.StartDate, 'StartDate');
  const endDate = parseDate(body.EndDate, 'EndDate');
  const schedule: StoredSchedule = {
    Arn: scheduleArn(group, name),
    Name: name,
    GroupName: group,
    ScheduleExpression: expression,
    ScheduleExpressionTimezone: timezone,
    State: state,
    ActionAfterCompletion: action,
    FlexibleTimeWindow: { ...window },
    Target: structuredClone(target),
    ...(typeof description === 'string' ? { Description: description } : {}),
    ...(startDate ? { StartDate: startDate } : {}),
    ...(endDate ? { EndDate: endDate } : {}),
    ...(typeof body.KmsKeyArn === 'string' ? { KmsKeyArn: body.KmsKeyArn } : {}),
    CreationDate: previous?.CreationDate ?? now,
    LastModificationDate: now,
  };
  return { schedule, parsed };
}

function describe(schedule: StoredSchedule): Record<string, unknown> {
  return {
    ...schedule,
    CreationDate: epochSeconds(schedule.CreationDate),
    LastModificationDate: epochSeconds(schedule.LastModificationDate),
    StartDate: epochSeconds(schedule.StartDate),
    EndDate: epochSeconds(schedule.EndDate),
  };
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = JSON.stringify(body ?? {});
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    'x-amzn-requestid': randomUUID(),
    ...headers,
  });
  res.end(text);
}

async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw validation('request body too large');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (text === '') return {};
  try {
    const parsed = JSON.parse(text) as unknown;
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
    return parsed as Record<string, unknown>;
  } catch {
    throw validation('request body is not a JSON object');
  }
}

export async function startLocalSchedulerApi(options: LocalSchedulerApiOptions): Promise<LocalSchedulerApi> {
  const host = options.host ?? '127.0.0.1';
  const groups = new Set([DEFAULT_GROUP, ...(options.groups ?? [])]);
  const arm = options.arm !== false;
  let armed = false;
  const entries = new Map<string, Entry>();
  const keyOf = (group: string, name: string) => `${group}/${name}`;

  function checkGroup(group: string) {
    if (!groups.has(group)) {
      throw new SchedulerServiceError('ResourceNotFoundException', `Schedule group ${group} does not exist.`);
    }
  }

  function lookup(group: string, name: string): Entry {
    checkGroup(group);
    const entry = entries.get(keyOf(group, name));
    if (!entry) {
      throw new SchedulerServiceError('ResourceNotFoundException', `Schedule ${name} does not exist.`);
    }
    return entry;
  }

  function save() {
    if (!options.stateFile) return;
    const state: PersistedEntry[] = [...entries.values()].map((entry) => ({
      schedule: {
        ...entry.schedule,
        StartDate: entry.schedule.StartDate?.toISOString(),
        EndDate: entry.schedule.EndDate?.toISOString(),
        CreationDate: entry.schedule.CreationDate.toISOString(),
        LastModificationDate: entry.schedule.LastModificationDate.toISOString(),
      },
      ...(entry.clientToken ? { clientToken: entry.clientToken } : {}),
      requestKey: entry.requestKey,
      ...(entry.firedAt ? { firedAt: entry.firedAt.toISOString() } : {}),
    }));
    mkdirSync(dirname(options.stateFile), { recursive: true });
    const temp = `${options.stateFile}.tmp`;
    writeFileSync(temp, JSON.stringify(state, null, 1));
    renameSync(temp, options.stateFile);
  }

  function remove(entry: Entry) {
    const key = keyOf(entry.schedule.GroupName, entry.schedule.Name);
    if (entries.get(key) === entry) entries.delete(key);
    entry.runner.stop();
  }

  /** After a one-time schedule has fired: ActionAfterCompletion DELETE removes it. */
  function complete(entry: Entry): 'deleted' | 'kept' | undefined {
    if (entry.parsed.kind !== 'at') return undefined;
    entry.firedAt = new Date();
    let outcome: 'deleted' | 'kept' = 'kept';
    if (entry.schedule.ActionAfterCompletion === 'DELETE') {
      remove(entry);
      outcome = 'deleted';
    }
    try {
      save();
    } catch (error) {
      options.onError?.(error);
    }
    return outcome;
  }

  /** Completes a fired schedule (see complete) and logs the firing with its outcome. */
  function completeAndLog(entry: Entry, manual: boolean, outcome: { ok: boolean; error?: string }) {
    const completed = complete(entry);
    options.log?.({
      kind: 'firing',
      name: entry.schedule.Name,
      group: entry.schedule.GroupName,
      manual,
      ...outcome,
      ...(completed ? { completed } : {}),
    });
  }

  function install(
    schedule: StoredSchedule,
    parsed: ParsedSchedule,
    extra: Pick<Entry, 'clientToken' | 'requestKey' | 'firedAt'>,
  ) {
    const functionLogicalId = options.functionFor(schedule.Target.Arn);
    const template: TemplateSchedule = {
      name: schedule.Name,
      logicalId: keyOf(schedule.GroupName, schedule.Name),
      source: 'scheduler',
      expression: schedule.ScheduleExpression,
      timezone: schedule.ScheduleExpressionTimezone,
      enabled: schedule.State === 'ENABLED',
      target: functionLogicalId
        ? { arn: schedule.Target.Arn, logicalId: functionLogicalId, type: 'function' }
        : { arn: schedule.Target.Arn, type: 'other' },
      ...(schedule.Target.Input !== undefined ? { input: schedule.Target.Input } : {}),
      arn: schedule.Arn,
    };
    const entry: Entry = {
      schedule,
      parsed,
      ...extra,
      ...(functionLogicalId ? { functionLogicalId } : {}),
      runner: createLocalScheduler({
        schedules: [template],
        invoke: options.invoke,
        log: (firing) => {
          if (firing.manual) return; // fire() reports and completes its own deliveries
          completeAndLog(entry, false, { ok: firing.ok, ...(firing.error ? { error: firing.error } : {}) });
        },
      }),
    };
    const key = keyOf(schedule.GroupName, schedule.Name);
    const previous = entries.get(key);
    if (previous) previous.runner.stop();
    entries.set(key, entry);
    if (armed) entry.runner.start();
    return entry;
  }

  const requestKeyOf = (name: string, body: Record<string, unknown>) => {
    const { ClientToken: _token, ...rest } = body;
    return JSON.stringify([name, rest]);
  };

  const operations = {
    CreateSchedule(name: string, body: Record<string, unknown>) {
      const now = new Date();
      const { schedule, parsed } = scheduleFromRequest(name, body, now);
      checkGroup(schedule.GroupName);
      const token = typeof body.ClientToken === 'string' ? body.ClientToken : undefined;
      const existing = entries.get(keyOf(schedule.GroupName, name));
      if (existing) {
        // A retry of the same request (same client token and content) succeeds again.
        if (token && existing.clientToken === token && existing.requestKey === requestKeyOf(name, body)) {
          return { ScheduleArn: existing.schedule.Arn };
        }
        throw new SchedulerServiceError('ConflictException', `Schedule ${name} already exists.`);
      }
      install(schedule, parsed, {
        ...(token ? { clientToken: token } : {}),
        requestKey: requestKeyOf(name, body),
      });
      save();
      return { ScheduleArn: schedule.Arn };
    },
    UpdateSchedule(name: string, body: Record<string, unknown>) {
      const group = typeof body.GroupName === 'string' && body.GroupName ? body.GroupName : DEFAULT_GROUP;
      const current = lookup(group, name);
      const { schedule, parsed } = scheduleFromRequest(name, body, new Date(), current.schedule);
      install(schedule, parsed, {
        ...(current.clientToken ? { clientToken: current.clientToken } : {}),
        requestKey: current.requestKey,
      });
      save();
      return { ScheduleArn: schedule.Arn };
    },
    GetSchedule(name: string, query: URLSearchParams) {
      return describe(lookup(query.get('groupName') || DEFAULT_GROUP, name).schedule);
    },
    DeleteSchedule(name: string, query: URLSearchParams) {
      remove(lookup(query.get('groupName') || DEFAULT_GROUP, name));
      save();
      return {};
    },
    ListSchedules(query: URLSearchParams) {
      const group = query.get('ScheduleGroup') || undefined;
      if (group) checkGroup(group);
      const prefix = query.get('NamePrefix') ?? '';
      const state = query.get('State') || undefined;
      const max = Math.min(Math.max(Number(query.get('MaxResults') ?? 100) || 100, 1), 100);
      const start = Number(query.get('NextToken') ?? 0) || 0;
      const matching = [...entries.values()]
        .map((e) => e.schedule)
        .filter(
          (s) =>
            (!group || s.GroupName === group) && s.Name.startsWith(prefix) && (!state || s.State === state),
        )
        .sort((a, b) => keyOf(a.GroupName, a.Name).localeCompare(keyOf(b.GroupName, b.Name)));
      const page = matching.slice(start, start + max);
      return {
        Schedules: page.map((s) => ({
          Arn: s.Arn,
          Name: s.Name,
          GroupName: s.GroupName,
          State: s.State,
          CreationDate: epochSeconds(s.CreationDate),
          LastModificationDate: epochSeconds(s.LastModificationDate),
          Target: { Arn: s.Target.Arn },
        })),
        ...(start + max < matching.length ? { NextToken: String(start + max) } : {}),
      };
    },
  };

  async function route(
    req: IncomingMessage,
    url: URL,
  ): Promise<{ operation: string; name?: string; result: unknown }> {
    const method = req.method ?? 'GET';
    if (url.pathname === '/schedules' && method === 'GET') {
      return { operation: 'ListSchedules', result: operations.ListSchedules(url.searchParams) };
    }
    const match = /^\/schedules\/([^/]+)$/.exec(url.pathname);
    if (!match) {
      throw new SchedulerServiceError('ValidationException', `unsupported request ${method} ${url.pathname}`);
    }
    const name = decodeURIComponent(match[1]!);
    switch (method) {
      case 'POST':
        return {
          operation: 'CreateSchedule',
          name,
          result: operations.CreateSchedule(name, await readBody(req)),
        };
      case 'PUT':
        return {
          operation: 'UpdateSchedule',
          name,
          result: operations.UpdateSchedule(name, await readBody(req)),
        };
      case 'GET':
        return { operation: 'GetSchedule', name, result: operations.GetSchedule(name, url.searchParams) };
      case 'DELETE':
        return {
          operation: 'DeleteSchedule',
          name,
          result: operations.DeleteSchedule(name, url.searchParams),
        };
      default:
        throw new SchedulerServiceError('ValidationException', `unsupported method ${method}`);
    }
  }

  // Schedules kept from an earlier run; one-time schedules whose time passed meanwhile catch up.
  const missed: Entry[] = [];
  if (options.stateFile && existsSync(options.stateFile)) {
    const state = JSON.parse(readFileSync(options.stateFile, 'utf8')) as PersistedEntry[];
    for (const kept of state) {
      try {
        const schedule: StoredSchedule = {
          ...kept.schedule,
          StartDate: kept.schedule.StartDate ? new Date(kept.schedule.StartDate) : undefined,
          EndDate: kept.schedule.EndDate ? new Date(kept.schedule.EndDate) : undefined,
          CreationDate: new Date(kept.schedule.CreationDate),
          LastModificationDate: new Date(kept.schedule.LastModificationDate),
        };
        if (!schedule.StartDate) delete schedule.StartDate;
        if (!schedule.EndDate) delete schedule.EndDate;
        groups.add(schedule.GroupName);
        const entry = install(schedule, parseScheduleExpression(schedule.ScheduleExpression), {
          ...(kept.clientToken ? { clientToken: kept.clientToken } : {}),
          requestKey: kept.requestKey,
          ...(kept.firedAt ? { firedAt: new Date(kept.firedAt) } : {}),
        });
        const next = entry.runner.list()[0]?.nextRun ?? null;
        if (entry.parsed.kind === 'at' && schedule.State === 'ENABLED' && !entry.firedAt && next === null) {
          missed.push(entry);
        }
      } catch (error) {
        options.onError?.(error);
      }
    }
  }

  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method === 'GET' && (url.pathname === '/' || url.pathname === '/health')) {
      send(res, 200, { service: 'local-scheduler', status: 'ok', schedules: entries.size });
      return;
    }
    try {
      const { operation, name, result } = await route(req, url);
      send(res, 200, result);
      options.log?.({ kind: 'request', operation, ...(name ? { name } : {}), status: 200 });
    } catch (caught) {
      let error: SchedulerServiceError;
      if (caught instanceof SchedulerServiceError) error = caught;
      else {
        options.onError?.(caught);
        error = new SchedulerServiceError(
          'InternalServerException',
          caught instanceof Error ? caught.message : String(caught),
        );
      }
      send(res, error.status, { Message: error.message }, { 'x-amzn-errortype': error.type });
      options.log?.({
        kind: 'request',
        operation: `${req.method} ${url.pathname}`,
        status: error.status,
        error: `${error.type}: ${error.message}`,
      });
    }
  });
  const port = await listen(server, options.port, host);

  function info(entry: Entry): DynamicScheduleInfo {
    const { schedule } = entry;
    // Armed or not, the runner says when the schedule (would) run next.
    const listed = entry.runner.list()[0];
    return {
      name: schedule.Name,
      group: schedule.GroupName,
      arn: schedule.Arn,
      expression: schedule.ScheduleExpression,
      timezone: schedule.ScheduleExpressionTimezone,
      state: schedule.State,
      actionAfterCompletion: schedule.ActionAfterCompletion,
      target: {
        arn: schedule.Target.Arn,
        ...(entry.functionLogicalId ? { functionLogicalId: entry.functionLogicalId } : {}),
        ...(schedule.Target.Input !== undefined ? { input: schedule.Target.Input } : {}),
      },
      nextRun: listed?.nextRun ?? null,
      ...(listed?.lastRun ? { lastRun: listed.lastRun } : {}),
      ...(listed?.lastError ? { lastError: listed.lastError } : {}),
      createdAt: schedule.CreationDate,
    };
  }

  function findEntry(name: string): Entry | undefined {
    const direct = entries.get(name);
    if (direct) return direct;
    return [...entries.values()].find((e) => e.schedule.Name === name);
  }

  return {
    url: `http://${host}:${port}`,
    list: (group) =>
      [...entries.values()].filter((e) => !group || e.schedule.GroupName === group).map((e) => info(e)),
    find(name) {
      const entry = findEntry(name);
      return entry ? info(entry) : undefined;
    },
    async fire(name, fireOptions = {}) {
      const entry = findEntry(name);
      if (!entry)
        throw new SchedulerServiceError('ResourceNotFoundException', `Schedule ${name} does not exist.`);
      try {
        const result = await entry.runner.fire(entry.schedule.Name, fireOptions);
        completeAndLog(entry, true, { ok: true });
        return result;
      } catch (error) {
        options.log?.({
          kind: 'firing',
          name: entry.schedule.Name,
          group: entry.schedule.GroupName,
          manual: true,
          ok: false,
          error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
        });
        throw error;
      }
    },
    start() {
      if (!arm || armed) return;
      armed = true;
      for (const entry of entries.values()) entry.runner.start();
      for (const entry of missed.splice(0)) {
        const { parsed, schedule } = entry;
        if (entries.get(keyOf(schedule.GroupName, schedule.Name)) !== entry || entry.firedAt) continue;
        const scheduledTime =
          parsed.kind === 'at' && schedule.ScheduleExpressionTimezone === 'UTC' ? `${parsed.at}Z` : undefined;
        setImmediate(() => {
          entry.runner
            .fire(schedule.Name, scheduledTime ? { at: scheduledTime } : {})
            .then(
              () => ({ ok: true as const }),
              (error: unknown) => ({ ok: false as const, error: String(error) }),
            )
            .then((outcome) => completeAndLog(entry, false, outcome));
        });
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const entry of entries.values()) entry.runner.stop();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
