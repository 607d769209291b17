/**
 * The whole system on one machine, no AWS account, no Docker: DynamoDB Local, s3rver, the
 * CDK-synthesized state machine run by aws-local-stepfunctions, the template's schedules and event
 * rules, an EventBridge Scheduler endpoint for the schedules the application creates at runtime
 * (per-round close schedules, local/scheduler-api.ts), JWT issuers standing in for the two Cognito
 * user pools (staff, applicant; the API's Lambda authorizer checks their tokens) with a Cognito
 * Identity Provider endpoint for their users and groups (local/cognito-api.ts, `npm run users`), and
 * the API server routing the shared route table to the same handlers. Used by `npm start` (local/start.ts) and by the tests' global setup.
 * Each handler runs under its role's policy from the template, as on AWS: a DynamoDB or S3 call
 * the role does not allow is refused with AccessDenied (local/iam.ts; ESIP_LOCAL_IAM=report|off).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Role } from '../shared/api/routes.ts';
import { resetClients } from '../shared/aws/clients.ts';
import { DIRECTORY_POOLS_ENV } from '../shared/aws/directory.ts';
import { channelEnvNames } from '../shared/channels/index.ts';
import { envNames, ROUND_PIPELINE_ID, ROUND_SCHEDULE_GROUP, schedulingEnvNames } from '../shared/contract.ts';
import type { UserPoolName } from '../shared/http/auth.ts';
import { logger } from '../shared/logger.ts';
import { createApiServer, httpAuthorizerFromTemplate } from './api-server.ts';
import { type LocalCognitoApi, startLocalCognitoApi } from './cognito-api.ts';
import { ensureTable, startDynamoDb } from './dynamodb.ts';
import { createLocalBus } from './events.ts';
import { enforceIam, extractFunctionPolicies, type IamMode, iamModeFromEnv } from './iam.ts';
import { createLocalIssuers, type LocalIssuers } from './jwt.ts';
import { createLocalInvoker } from './lambda.ts';
import { listen } from './listen.ts';
import { type LocalMail, startLocalMail } from './mail.ts';
import { createLocalOidc, DEMO_USERS } from './oidc.ts';
import { checkJava, claimPort } from './preflight.ts';
import { startS3 } from './s3.ts';
import { createLocalScheduler, type LocalScheduler } from './scheduler.ts';
import { type LocalSchedulerApi, startLocalSchedulerApi } from './scheduler-api.ts';
import { createLocalStepFunctions, type LocalStepFunctions } from './sfn/index.ts';
import { type LocalStreams, startLocalStreams } from './streams.ts';
import {
  type CfnTemplate,
  extractFunctions,
  extractSchedules,
  functionArn,
  LOCAL_ACCOUNT,
  LOCAL_REGION,
  loadAppTemplate,
  roleArn,
} from './template.ts';
import { createWebHandler } from './web.ts';

export const PROJECT_ROOT = resolve(import.meta.dirname, '..');

export const localNames = {
  table: 'esip-local',
  documentsBucket: 'esip-documents-local',
  noticesBucket: 'esip-notices-local',
  /** The schedule group of the per-round close schedules. */
  roundScheduleGroup: ROUND_SCHEDULE_GROUP,
  /** Stand-ins for what the CDK passes the rounds function (nothing checks them locally). */
  roundCloseSchedulerRole: 'esip-local-round-close-scheduler',
  pipelineStarterDlq: 'esip-local-pipeline-starter-dlq',
  /** The local user pools' ids (the Cognito API's UserPoolId; ESIP_STAFF_POOL_ID, ESIP_APPLICANT_POOL_ID). */
  userPoolIds: { staff: 'us-east-1_EsipLocalStaff', applicant: 'us-east-1_EsipLocalApplicant' },
};

/** The offices' mailboxes locally (NOTIFY_OFFICE_ADDRESSES, NOTIFY_INSPECTION_OFFICE_ADDRESSES). */
export const localMailboxes = {
  office: 'programme-office@esip.local',
  inspectionOffice: 'inspection-office@esip.local',
};

export interface LocalStackOptions {
  /** Keep data here across restarts; without it, DynamoDB is in memory and S3 in a temp folder. */
  dataDir?: string;
  /**
   * 0 picks a free port. `scheduler` (the local EventBridge Scheduler API) defaults to
   * SCHEDULER_PORT, else a free port.
   */
  ports?: {
    api?: number;
    dynamodb?: number;
    s3?: number;
    sfn?: number;
    scheduler?: number;
    cognito?: number;
    /** The SMTP mail catcher (MAIL_PORT, else a free port). */
    mail?: number;
  };
  /** Shortens Wait states, callback timeouts and retry intervals (e.g. 0.001). */
  timeScale?: number;
  /** Arm the template's cron schedules (they can always be fired by hand). Default true. */
  schedules?: boolean;
  /**
   * Arm the schedules the application creates at runtime through the Scheduler API (a round's
   * "window closes" schedule), so they fire at their time. Default true.
   */
  runtimeSchedules?: boolean;
  /** Alliances per page of the pipeline's paged steps (PIPELINE_PAGE_SIZE; default: the handlers' 100). */
  pipelinePageSize?: number;
  /** Serve the console (web/dist, built beforehand: local/web.ts buildWeb) at / with /config.json. */
  console?: boolean;
  /**
   * Enforce each function's IAM policy from the template on its DynamoDB and S3 calls
   * (local/iam.ts): `enforce` (default, else ESIP_LOCAL_IAM), `report` (log denials only), `off`.
   */
  iam?: IamMode;
  log?: (line: string) => void;
}

export interface LocalStack {
  urls: {
    api: string;
    dynamodb: string;
    s3: string;
    sfn: string;
    scheduler: string;
    cognito: string;
    /** smtp://127.0.0.1:<port> */
    mail: string;
  };
  /** The environment the handlers run with (also set on this process). */
  env: Record<string, string>;
  /** The stand-ins for the staff and applicant user pools. */
  issuers: LocalIssuers;
  sfn: LocalStepFunctions;
  scheduler: LocalScheduler;
  /** The local EventBridge Scheduler API and its runtime-created schedules. */
  schedulerApi: LocalSchedulerApi;
  /** The local Cognito Identity Provider API: the pools' users and groups. */
  cognito: LocalCognitoApi;
  /** The SMTP catcher every notification is mailed to (GET /local/mail). */
  mail: LocalMail;
  /** The table stream's event source mappings (the notifier's). */
  streams: LocalStreams;
  template: CfnTemplate;
  /**
   * Mints a token for a user with the given roles, as Cognito would after sign-in: from the staff
   * pool for staff roles, the applicant pool for `applicant` (or the pool named).
   */
  token(user: { sub: string; username?: string; roles: Role[]; pool?: UserPoolName }): Promise<string>;
  /**
   * Fires a schedule now: a template schedule by friendly name (e.g. deadline-sweep), or a
   * runtime-created one by name (e.g. round-close-<roundId>).
   */
  fireSchedule(name: string, at?: string): Promise<unknown>;
  stop(): Promise<void>;
}

/** DeadlineSweepSchedule7A5E1C63 → deadline-sweep */
export function friendlyScheduleName(logicalId: string): string {
  return logicalId
    .replace(/[0-9A-F]{8}$/, '')
    .replace(/Schedule$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase();
}

/** Values of the app stack's imports from the data stack, by export name (names and ARNs). */
export function importValue(name: string): string | undefined {
  // ARNs (Fn::GetAtt …Arn exports): what the functions' IAM policies name.
  if (/FnGetAtt(DocumentsBucket)[0-9A-F]{8}Arn/.test(name))
    return `arn:aws:s3:::${localNames.documentsBucket}`;
  if (/FnGetAtt(NoticesBucket)[0-9A-F]{8}Arn/.test(name)) return `arn:aws:s3:::${localNames.noticesBucket}`;
  if (/FnGetAtt(Table)[0-9A-F]{8}Arn/.test(name))
    return `arn:aws:dynamodb:${LOCAL_REGION}:${LOCAL_ACCOUNT}:table/${localNames.table}`;
  if (/Ref(DocumentsBucket)[0-9A-F]{8}/.test(name)) return localNames.documentsBucket;
  if (/Ref(NoticesBucket)[0-9A-F]{8}/.test(name)) return localNames.noticesBucket;
  if (/Ref(Table)[0-9A-F]{8}/.test(name)) return localNames.table;
  return undefined;
}

function json(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body, null, 2));
}

export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const log = options.log ?? (() => undefined);
  checkJava();
  const [apiPort, dynamoPort, s3Port, sfnPort, schedulerPort] = await Promise.all([
    claimPort(options.ports?.api ?? 3000, 'API', 'PORT'),
    claimPort(options.ports?.dynamodb ?? 8000, 'DynamoDB Local', 'DYNAMODB_PORT'),
    claimPort(options.ports?.s3 ?? 4569, 's3rver', 'S3_PORT'),
    claimPort(options.ports?.sfn ?? 8083, 'Step Functions', 'SFN_PORT'),
    claimPort(
      options.ports?.scheduler ?? (process.env.SCHEDULER_PORT ? Number(process.env.SCHEDULER_PORT) : 0),
      'EventBridge Scheduler',
      'SCHEDULER_PORT',
    ),
  ]);
  const tempDir = options.dataDir ? undefined : mkdtempSync(join(tmpdir(), 'esip-local-'));
  const dataDir = options.dataDir ?? tempDir!;
  const stops: (() => Promise<void> | void)[] = [];
  const stop = async () => {
    for (const fn of stops.reverse()) {
      try {
        await fn();
      } catch (error) {
        log(`shutdown: ${(error as Error).message}`);
      }
    }
    if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  };

  try {
    const sfnUrl = `http://127.0.0.1:${sfnPort}`;
    const env: Record<string, string> = {
      AWS_REGION: 'us-east-1',
      // s3rver accepts only its own key pair; DynamoDB Local and the local runner accept any.
      AWS_ACCESS_KEY_ID: 'S3RVER',
      AWS_SECRET_ACCESS_KEY: 'S3RVER',
      AWS_ENDPOINT_URL_DYNAMODB: `http://127.0.0.1:${dynamoPort}`,
      AWS_ENDPOINT_URL_S3: `http://127.0.0.1:${s3Port}`,
      AWS_ENDPOINT_URL_SFN: sfnUrl,
      [envNames.s3ForcePathStyle]: 'true',
      [envNames.tableName]: localNames.table,
      [envNames.documentsBucket]: localNames.documentsBucket,
      [envNames.noticesBucket]: localNames.noticesBucket,
      [envNames.stage]: 'local',
      // A fixed development key for hashing objectors' addresses (AWS: a secret per deployment).
      [envNames.clientHashKey]: 'esip-local-development-client-hash-key',
      POWERTOOLS_SERVICE_NAME: 'esip-local',
      POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'WARN',
      // Metrics are CloudWatch's (EMF lines in the logs on AWS); locally they would only be noise.
      POWERTOOLS_METRICS_DISABLED: 'true',
      POWERTOOLS_METRICS_NAMESPACE: 'Esip',
      ...(options.pipelinePageSize ? { [envNames.pipelinePageSize]: String(options.pipelinePageSize) } : {}),
    };

    const [template, dynamo] = await Promise.all([
      loadAppTemplate(),
      startDynamoDb({ port: dynamoPort, ...(options.dataDir ? { dataDir: join(dataDir, 'dynamodb') } : {}) }),
    ]);
    stops.push(() => dynamo.stop());
    const ddb = new DynamoDBClient({
      endpoint: dynamo.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    const created = await ensureTable(ddb, localNames.table);
    ddb.destroy();
    log(`DynamoDB Local on ${dynamo.endpoint} (table ${localNames.table} ${created})`);

    const functions = extractFunctions(template);
    // Each handler may use only what its role allows, as on AWS: the same policies, enforced.
    const iam = enforceIam({
      policies: extractFunctionPolicies(template, {
        resolver: (q) => (q.kind === 'ImportValue' ? importValue(q.name) : undefined),
      }),
      mode: options.iam ?? iamModeFromEnv(),
      ...(process.env.ESIP_IAM_LOG ? { logFile: process.env.ESIP_IAM_LOG } : {}),
    });
    stops.push(() => iam.stop());
    const invoker = createLocalInvoker(functions, {
      root: PROJECT_ROOT,
      log: (entry) => {
        if (!entry.ok) log(`λ ${entry.entry} failed: ${entry.errorName}: ${entry.errorMessage}`);
      },
    });
    // The pipeline-starter function is the target of the per-round close schedules.
    const pipelineStarter = Object.keys(functions).find((id) => id.startsWith('PipelineStarterFn'));
    if (!pipelineStarter) throw new Error('the app template has no PipelineStarterFn… function');
    const schedulerApi = await startLocalSchedulerApi({
      port: schedulerPort,
      host: '127.0.0.1',
      groups: [localNames.roundScheduleGroup],
      functionFor: (arn) => invoker.find(arn)?.logicalId,
      invoke: (id, event) => invoker.invoke(id, event),
      arm: options.runtimeSchedules !== false,
      ...(options.dataDir ? { stateFile: join(dataDir, 'scheduler', 'schedules.json') } : {}),
      log: (entry) => {
        if (entry.kind === 'firing') {
          log(
            `⏰ ${entry.name}${entry.manual ? ' (fired by hand)' : ''} → ${entry.ok ? 'ok' : `failed: ${entry.error}`}${entry.completed === 'deleted' ? ' (completed: deleted)' : ''}`,
          );
        } else if (entry.status !== 200 || entry.operation !== 'GetSchedule') {
          log(
            `⏰ ${entry.operation}${entry.name ? ` ${entry.name}` : ''}${entry.error ? ` → ${entry.error}` : ''}`,
          );
        }
      },
      onError: (error) => log(`⏰ scheduler API: ${(error as Error).message}`),
    });
    stops.push(() => schedulerApi.close());
    env.AWS_ENDPOINT_URL_SCHEDULER = schedulerApi.url;
    env[schedulingEnvNames.scheduleGroup] = localNames.roundScheduleGroup;
    env[schedulingEnvNames.schedulerRoleArn] = roleArn(localNames.roundCloseSchedulerRole);
    env[schedulingEnvNames.pipelineStarterArn] = functionArn(pipelineStarter);
    env[schedulingEnvNames.scheduleDlqArn] =
      `arn:aws:sqs:${LOCAL_REGION}:${LOCAL_ACCOUNT}:${localNames.pipelineStarterDlq}`;
    log(
      `EventBridge Scheduler API on ${schedulerApi.url} (group ${localNames.roundScheduleGroup} → ${pipelineStarter})`,
    );

    const bus = createLocalBus({
      template,
      imports: importValue,
      invoke: (id, event) => invoker.invoke(id, event),
      log,
    });

    const s3 = await startS3({
      port: s3Port,
      dataDir: join(dataDir, 's3'),
      buckets: [localNames.documentsBucket, localNames.noticesBucket],
      onObjectCreated: (event) => {
        void bus.put(event as unknown as Record<string, unknown>);
      },
    });
    stops.push(() => s3.stop());
    log(`s3rver on ${s3.endpoint} (buckets ${localNames.documentsBucket}, ${localNames.noticesBucket})`);

    const sfn = createLocalStepFunctions({
      template,
      invoke: (name, event) => invoker.invoke(name, event),
      dataDir,
      port: sfnPort,
      host: '127.0.0.1',
      ...(options.timeScale !== undefined ? { timeScale: options.timeScale } : {}),
      log: (entry) => {
        if (entry.kind === 'execution')
          log(`⛓ ${entry.name}: ${entry.event}${entry.error ? ` (${entry.error})` : ''}`);
        else if (entry.kind === 'error') log(`⛓ ${entry.message}`);
      },
    });
    env[envNames.roundPipelineArn] = sfn.stateMachineArn(ROUND_PIPELINE_ID);
    // Handlers run in this process: give them the same variables the CDK sets on each function.
    Object.assign(process.env, env);
    resetClients(); // a process that ran an earlier stack (benchmarks) must not keep its endpoints
    // The handlers' logger may have been built before these variables were set (this process
    // imported a use case first): give it the level a Lambda would read at its start.
    logger.setLogLevel(env.POWERTOOLS_LOG_LEVEL as 'WARN');
    await sfn.start();
    stops.push(() => sfn.stop());
    log(`Step Functions (aws-local-stepfunctions) on ${sfn.url}`);

    const schedules = extractSchedules(template);
    const scheduler = createLocalScheduler({
      schedules,
      invoke: (id, event) => invoker.invoke(id, event),
      startExecution: (request) => sfn.startExecution(request),
      log: (entry) =>
        log(`⏰ ${friendlyScheduleName(entry.schedule)} → ${entry.ok ? 'ok' : `failed: ${entry.error}`}`),
    });
    if (options.schedules !== false) scheduler.start();
    stops.push(() => scheduler.stop());
    schedulerApi.start(); // the targets can run now (unless runtimeSchedules is false)
    const scheduleByName = (name: string) =>
      schedules.find(
        (s) => s.name === name || s.logicalId === name || friendlyScheduleName(s.logicalId) === name,
      );
    const fireSchedule = (name: string, at?: string) => {
      const schedule = scheduleByName(name);
      if (schedule) return scheduler.fire(schedule.name, at ? { at } : {});
      if (schedulerApi.find(name)) return schedulerApi.fire(name, at ? { at } : {});
      throw new Error(
        `no schedule ${name}; known: ${[
          ...schedules.map((s) => friendlyScheduleName(s.logicalId)),
          ...schedulerApi.list().map((s) => s.name),
        ].join(', ')}`,
      );
    };

    // The pools' users and groups, for `npm run users` (local/cognito-api.ts); COGNITO_PORT or a free port.
    const cognito = await startLocalCognitoApi({
      port: await claimPort(
        options.ports?.cognito ?? (process.env.COGNITO_PORT ? Number(process.env.COGNITO_PORT) : 0),
        'Cognito',
        'COGNITO_PORT',
      ),
      poolIds: localNames.userPoolIds,
      ...(options.dataDir ? { stateFile: join(dataDir, 'cognito', 'users.json') } : {}),
      log,
    });
    stops.push(() => cognito.close());
    // Not the authorizer's STAFF_USER_POOL_ID (it checks the local issuers): what scripts/users.ts reads.
    const cognitoEnv = {
      AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: cognito.url,
      ESIP_STAFF_POOL_ID: localNames.userPoolIds.staff,
      ESIP_APPLICANT_POOL_ID: localNames.userPoolIds.applicant,
    };
    Object.assign(env, cognitoEnv);
    Object.assign(process.env, cognitoEnv);
    log(`Cognito user pools API on ${cognito.url} (${Object.values(localNames.userPoolIds).join(', ')})`);

    // Notifications: the notifier mails through SMTP to the local catcher (GET /local/mail); the
    // table's stream reaches it through the template's event source mapping (local/streams.ts).
    const mail = await startLocalMail({
      port: await claimPort(
        options.ports?.mail ?? (process.env.MAIL_PORT ? Number(process.env.MAIL_PORT) : 0),
        'mail catcher (SMTP)',
        'MAIL_PORT',
      ),
      ...(options.dataDir ? { stateFile: join(dataDir, 'mail', 'messages.json') } : {}),
      log,
    });
    stops.push(() => mail.close());
    const notifyEnv = {
      [channelEnvNames.channel]: 'smtp',
      [channelEnvNames.smtpUrl]: mail.url,
      [channelEnvNames.from]: 'no-reply@esip.local',
      [channelEnvNames.officeAddresses]: localMailboxes.office,
      [channelEnvNames.inspectionOfficeAddresses]: localMailboxes.inspectionOffice,
      // People's addresses from the local pools' directory (shared/aws/directory.ts).
      [DIRECTORY_POOLS_ENV]: Object.values(localNames.userPoolIds).join(','),
    };
    Object.assign(env, notifyEnv);
    Object.assign(process.env, notifyEnv);
    log(`mail catcher (SMTP) on ${mail.url}: GET /local/mail`);
    const streams = await startLocalStreams({
      template,
      endpoint: dynamo.endpoint,
      tableName: localNames.table,
      invoke: (id, event) => invoker.invoke(id, event),
      ...(options.dataDir ? { stateFile: join(dataDir, 'streams', 'checkpoints.json') } : {}),
      log,
    });
    stops.push(() => streams.stop());
    log(`table stream → ${streams.mappings.map((m) => m.functionLogicalId).join(', ') || 'no mappings'}`);

    const apiUrl = `http://127.0.0.1:${apiPort}`;
    const issuers = await createLocalIssuers({
      baseUrl: apiUrl,
      ...(options.dataDir ? { keyDir: dataDir } : {}),
    });
    // The authorizer (run in this process, like every handler) accepts the local issuers' tokens.
    Object.assign(env, issuers.env);
    Object.assign(process.env, issuers.env);

    const signIn = async (res: ServerResponse, body: Buffer): Promise<boolean> => {
      let request: { username?: unknown; sub?: unknown; pool?: unknown };
      try {
        request = JSON.parse(body.toString('utf8') || '{}') as typeof request;
      } catch {
        return false; // local/jwt.ts answers it
      }
      if (request.sub !== undefined || typeof request.username !== 'string') return false;
      const pool = request.pool === 'staff' || request.pool === 'applicant' ? request.pool : undefined;
      const found = cognito.findUsers(request.username, pool);
      const error = (status: number, code: string, message: string) =>
        json(res, status, { error: { code, message, details: [] } });
      if (found.length === 0) error(404, 'not_found', `no user ${request.username} in the local user pools`);
      else if (found.length > 1)
        error(400, 'validation_failed', 'the user is in both pools: name the "pool"');
      else {
        const [{ pool: userPool, user }] = found as [(typeof found)[number]];
        cognito.signedIn(userPool, user.username);
        const token = await issuers.sign({
          sub: user.attributes.sub!,
          username: user.username,
          roles: user.groups,
          pool: userPool,
        });
        json(res, 200, { token, sub: user.attributes.sub, pool: userPool, roles: user.groups });
      }
      return true;
    };

    // The console's sign-in: authorization code + PKCE against the local issuers (local/oidc.ts).
    const oidc = createLocalOidc({ baseUrl: apiUrl, users: DEMO_USERS, sign: (user) => issuers.sign(user) });
    const localRoutes = {
      async handle(req: IncomingMessage, res: ServerResponse, url: URL, body: Buffer): Promise<boolean> {
        const path = url.pathname;
        if (await oidc.handle(req, res, url, body)) return true;
        // Local sign-in: POST /local/token {"username": <e-mail>, "pool"?} mints a token for a user of
        // the directory (local/cognito-api.ts) with its groups; with "sub" it is local/jwt.ts's.
        if (req.method === 'POST' && path === '/local/token' && (await signIn(res, body))) return true;
        // The stand-in pools: discovery, JWKS and POST /local/token (local/jwt.ts).
        if (await issuers.handle(req, res, url, body)) return true;
        if (req.method === 'GET' && path === '/local/schedules') {
          // The template's schedules, then those the application created at runtime.
          json(res, 200, [
            ...scheduler.list().map((s) => ({
              ...s,
              friendlyName: friendlyScheduleName(s.logicalId),
              source: 'template',
            })),
            ...schedulerApi.list().map((s) => ({
              name: s.name,
              logicalId: `${s.group}/${s.name}`,
              group: s.group,
              arn: s.arn,
              expression: s.expression,
              timezone: s.timezone,
              enabled: s.state === 'ENABLED',
              actionAfterCompletion: s.actionAfterCompletion,
              target: {
                arn: s.target.arn,
                ...(s.target.functionLogicalId ? { logicalId: s.target.functionLogicalId } : {}),
                type: s.target.functionLogicalId ? 'function' : 'other',
              },
              input: s.target.input,
              nextRun: s.nextRun,
              lastRun: s.lastRun,
              lastError: s.lastError,
              friendlyName: s.name,
              source: 'scheduler-api',
            })),
          ]);
        } else if (req.method === 'POST' && /^\/local\/schedules\/[^/]+\/fire$/.test(path)) {
          const name = decodeURIComponent(path.split('/')[3]!);
          if (!scheduleByName(name) && !schedulerApi.find(name))
            json(res, 404, { error: { code: 'not_found', message: `no schedule ${name}`, details: [] } });
          else
            json(res, 200, {
              fired: name,
              result: await fireSchedule(name, url.searchParams.get('at') ?? undefined),
            });
        } else if (req.method === 'POST' && path === '/local/events') {
          // Like `aws events put-events` on the default bus: delivered to the template's matching rules.
          const event = JSON.parse(body.toString('utf8') || '{}') as Record<string, unknown>;
          json(res, 200, {
            deliveries: await bus.put({
              version: '0',
              id: crypto.randomUUID(),
              account: '000000000000',
              region: 'us-east-1',
              time: new Date().toISOString(),
              resources: [],
              ...event,
            }),
          });
        } else if (req.method === 'GET' && path === '/local/mail') {
          // Every message the notifier sent (?to=<address>, ?notificationId=<id>), oldest first.
          const to = url.searchParams.get('to') ?? undefined;
          const notificationId = url.searchParams.get('notificationId') ?? undefined;
          json(res, 200, {
            items: mail.list({ ...(to ? { to } : {}), ...(notificationId ? { notificationId } : {}) }),
            deadLetters: streams.dlq,
          });
        } else if (req.method === 'DELETE' && path === '/local/mail') {
          mail.clear();
          json(res, 200, { cleared: true });
        } else if (req.method === 'GET' && path === '/local/executions') {
          json(res, 200, sfn.listExecutions());
        } else if (req.method === 'POST' && path === '/local/executions/skip-waits') {
          // ?executionArn= ends one execution's waits (tests run in parallel); without it, every execution's.
          json(res, 200, { skipped: sfn.skipWaits(url.searchParams.get('executionArn') ?? undefined) });
        } else return false;
        return true;
      },
    };

    const server: Server = createApiServer({
      authorizer: httpAuthorizerFromTemplate(template),
      invoke: (entry, event) => invoker.invoke(entry, event),
      entryFor: (route) =>
        route === '$default' ? 'functions/system/handler.ts' : `functions/${route.fn}/handler.ts`,
      local: localRoutes,
      ...(options.console
        ? {
            web: createWebHandler({
              config: { oidc: oidc.consoleConfig },
              uploadOrigins: [new URL(s3.endpoint).origin],
            }),
          }
        : {}),
      ...(process.env.ESIP_LOG_REQUESTS ? { log } : {}),
    });
    await listen(server, apiPort, '127.0.0.1');
    stops.push(
      () =>
        new Promise<void>((r) => {
          server.close(() => r());
          server.closeAllConnections();
        }),
    );

    return {
      urls: {
        api: apiUrl,
        dynamodb: dynamo.endpoint,
        s3: s3.endpoint,
        sfn: sfn.url,
        scheduler: schedulerApi.url,
        cognito: cognito.url,
        mail: mail.url,
      },
      env,
      issuers,
      sfn,
      scheduler,
      schedulerApi,
      cognito,
      mail,
      streams,
      template,
      token: (user) => issuers.sign(user),
      fireSchedule,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
