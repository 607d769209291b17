/**
 * `npm run bench -- --overhead`: what the handler stack costs over the DynamoDB work it wraps
 * (issue #14, target ≤ 1.3×). On a local stack of its own (DynamoDB Local, free ports):
 *  - handler: GET /v1/alliances/{allianceId} through functions/alliances/handler.ts in this
 *    process — middy, the Powertools logger, origin check, route lookup, role check, zod
 *    validation of the path, the use case (the member's access check and the read), rendering —
 *    with the event API Gateway would send after the authorizer (its context in
 *    requestContext.authorizer.lambda); no HTTP server, no authorizer run;
 *  - same calls raw: the very DynamoDB commands one handler call sent (captured), sent again in
 *    the same order with the same DocumentClient, without the handler — the ratio;
 *  - raw GetItem: one GetItem of the alliance's head item, for reference;
 *  - the DynamoDB time inside each handler call (a timing middleware on the shared client), so
 *    the stack's own time is handler − DynamoDB, whatever number of requests the read makes.
 * Handler and raw calls alternate, after a warm-up, so load on the machine hits both.
 */
import { randomUUID } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { startLocalStack } from '../local/stack.ts';
import {
  allianceContent,
  apiClient,
  enterpriseBody,
  roundBody,
  sectors,
  seededRandom,
  societyBody,
} from '../scripts/round-kit.ts';
import { documentClient } from '../shared/aws/clients.ts';
import { env } from '../shared/config.ts';
import { keys } from '../shared/db/keys.ts';

export const OVERHEAD_TARGET = 1.3;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
};
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)]!;
const r3 = (x: number) => Math.round(x * 1000) / 1000;

export interface OverheadResult {
  date: string;
  requests: number;
  handlerMs: { median: number; p95: number };
  rawGetItemMs: { median: number; p95: number };
  /** The handler's own DynamoDB commands sent again without it. */
  rawSameCallsMs: { median: number; p95: number };
  /** The commands one handler call sends (names). */
  commands: string[];
  /** handler median / raw GetItem median. */
  ratioToGetItem: number;
  /** DynamoDB time inside the handler calls (median per call) and requests per call. */
  handlerDynamoMs: number;
  dynamoRequestsPerCall: number;
  /** handler median / the same commands sent raw: the ratio. */
  ratio: number;
  /** handler median / the median DynamoDB time inside it: the stack over its own DynamoDB work. */
  ratioToOwnDynamo: number;
  stackMs: number;
}

export async function benchOverhead(requests = 300): Promise<OverheadResult> {
  const stack = await startLocalStack({
    ports: { api: 0, dynamodb: 0, s3: 0, sfn: 0, scheduler: 0, cognito: 0, mail: 0 },
    schedules: false,
  });
  try {
    // Seed over HTTP: a round, an enterprise and a society, an alliance of the enterprise.
    const api = apiClient(stack.urls.api);
    const { rand, pick } = seededRandom(14);
    const year = new Date().getFullYear();
    const admin = await api.token('overhead-admin', ['admin']);
    const round = await api.must<{ id: string }>(
      'POST',
      '/v1/rounds',
      admin,
      roundBody({
        name: `${year}年度 overhead bench`,
        year,
        budget: 1_000_000,
        now: Date.now(),
        closesInDays: 7,
        reviewersPerAlliance: 3,
      }),
    );
    const lead = await api.token('overhead-lead', ['applicant']);
    const leadName = '武汉开销测试科技有限公司';
    await api.must('POST', '/v1/organisations', lead, enterpriseBody(leadName, year, rand, pick));
    const society = await api.token('overhead-society', ['applicant']);
    const soc = await api.must<{ id: string }>(
      'POST',
      '/v1/organisations',
      society,
      societyBody('武汉市开销测试学会', year, pick),
    );
    const alliance = await api.must<{ id: string }>('POST', '/v1/alliances', lead, {
      roundId: round.id,
      name: '开销测试协同创新联盟',
      ...allianceContent({
        leadName,
        sector: sectors[0]!,
        societyIds: [soc.id],
        requested: 150_001,
        year,
        i: 0,
      }),
    });

    const { handler } = await import('../functions/alliances/handler.ts');
    const client = documentClient();
    let dynamoMs = 0;
    let dynamoCalls = 0;
    client.middlewareStack.add(
      (next) => async (args) => {
        const t = performance.now();
        try {
          return await next(args);
        } finally {
          dynamoMs += performance.now() - t;
          dynamoCalls++;
        }
      },
      { step: 'initialize', priority: 'high', name: 'benchOverheadTimer' },
    );
    const routeKey = 'GET /v1/alliances/{allianceId}';
    const path = `/v1/alliances/${alliance.id}`;
    const event = (): APIGatewayProxyEventV2 =>
      ({
        version: '2.0',
        routeKey,
        rawPath: path,
        rawQueryString: '',
        headers: { 'accept-language': 'zh-CN', host: 'localhost' },
        pathParameters: { allianceId: alliance.id },
        isBase64Encoded: false,
        requestContext: {
          accountId: '000000000000',
          apiId: 'local',
          domainName: 'localhost',
          domainPrefix: 'localhost',
          http: { method: 'GET', path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'bench' },
          requestId: randomUUID(),
          routeKey,
          stage: '$default',
          time: new Date().toUTCString(),
          timeEpoch: Date.now(),
          authorizer: {
            lambda: {
              sub: 'overhead-lead',
              username: 'overhead-lead',
              roles: 'applicant',
              pool: 'applicant',
            },
          },
        },
      }) as unknown as APIGatewayProxyEventV2;
    const context = {
      awsRequestId: randomUUID(),
      functionName: 'esip-alliances',
      functionVersion: '$LATEST',
      invokedFunctionArn: 'arn:aws:lambda:us-east-1:000000000000:function:esip-alliances',
      memoryLimitInMB: '512',
      logGroupName: '/aws/lambda/esip-alliances',
      logStreamName: 'bench',
      callbackWaitsForEmptyEventLoop: false,
      getRemainingTimeInMillis: () => 29_000,
      done() {},
      fail() {},
      succeed() {},
    } as Context;
    // The commands one handler call sends, captured, to be sent again without the handler.
    type Sendable = Parameters<typeof client.send>[0];
    let capture: Sendable[] | undefined;
    const send = client.send.bind(client) as (command: Sendable) => Promise<unknown>;
    (client as { send: unknown }).send = (command: Sendable, ...rest: unknown[]) => {
      capture?.push(command);
      return (send as (c: Sendable, ...r: unknown[]) => Promise<unknown>)(command, ...rest);
    };
    const key = keys.alliance(alliance.id);
    const table = env('tableName');
    const viaHandler = async () => {
      const t = performance.now();
      const res = (await handler(event(), context)) as { statusCode: number; body?: string };
      const ms = performance.now() - t;
      if (res.statusCode !== 200) throw new Error(`GET ${path}: ${res.statusCode} ${res.body}`);
      return ms;
    };
    const raw = async () => {
      const t = performance.now();
      const out = await client.send(new GetCommand({ TableName: table, Key: key }));
      if (!out.Item) throw new Error('raw GetItem found no alliance');
      return performance.now() - t;
    };
    // The logger writes a line per request; keep it out of the figures' I/O (level as on AWS: INFO).
    for (let i = 0; i < 30; i++) {
      await viaHandler();
      await raw();
    }
    capture = [];
    await viaHandler();
    const commands = capture;
    capture = undefined;
    if (!commands.length) throw new Error('the handler sent no DynamoDB command');
    const sameCalls = async () => {
      const t = performance.now();
      for (const command of commands) await send(command);
      return performance.now() - t;
    };
    for (let i = 0; i < 10; i++) await sameCalls();
    const h: number[] = [];
    const r: number[] = [];
    const same: number[] = [];
    const d: number[] = [];
    let calls = 0;
    for (let i = 0; i < requests; i++) {
      const first = i % 2 === 0;
      if (!first) {
        r.push(await raw());
        same.push(await sameCalls());
      }
      dynamoMs = 0;
      dynamoCalls = 0;
      h.push(await viaHandler());
      d.push(dynamoMs);
      calls += dynamoCalls;
      if (first) {
        same.push(await sameCalls());
        r.push(await raw());
      }
    }
    const handlerMedian = median(h);
    return {
      date: new Date().toISOString(),
      requests,
      handlerMs: { median: r3(handlerMedian), p95: r3(p95(h)) },
      rawGetItemMs: { median: r3(median(r)), p95: r3(p95(r)) },
      rawSameCallsMs: { median: r3(median(same)), p95: r3(p95(same)) },
      commands: commands.map((c) => c.constructor.name),
      ratioToGetItem: Math.round((handlerMedian / median(r)) * 100) / 100,
      handlerDynamoMs: r3(median(d)),
      dynamoRequestsPerCall: Math.round((calls / requests) * 100) / 100,
      ratio: Math.round((handlerMedian / median(same)) * 100) / 100,
      ratioToOwnDynamo: Math.round((handlerMedian / median(d)) * 100) / 100,
      stackMs: r3(median(h.map((x, i) => x - d[i]!))),
    };
  } finally {
    await stack.stop();
  }
}

export function overheadReport(o: OverheadResult): string {
  return [
    `GET /v1/alliances/{allianceId} through the alliances handler in process vs the same DynamoDB commands sent without it, DynamoDB Local, ${o.requests} alternating calls each after 30 of warm-up (${o.date.slice(0, 16).replace('T', ' ')} UTC):`,
    '',
    '| figure | median ms | p95 ms |',
    '|---|---:|---:|',
    `| handler (middy, logger, route, role, zod, use case, render) | ${o.handlerMs.median} | ${o.handlerMs.p95} |`,
    `| the same DynamoDB commands sent raw (${o.commands.join(', ')}) | ${o.rawSameCallsMs.median} | ${o.rawSameCallsMs.p95} |`,
    `| one raw GetItem of the alliance head (reference) | ${o.rawGetItemMs.median} | ${o.rawGetItemMs.p95} |`,
    `| DynamoDB time inside one handler call (${o.dynamoRequestsPerCall} requests) | ${o.handlerDynamoMs} | |`,
    `| the stack's own time (handler − its DynamoDB time) | ${o.stackMs} | |`,
    '',
    `Ratio handler / the same commands raw: **${o.ratio}×** (target ≤ ${OVERHEAD_TARGET}×). Handler / one GetItem: ${o.ratioToGetItem}×; handler / the DynamoDB time measured inside it: ${o.ratioToOwnDynamo}×.`,
  ].join('\n');
}
