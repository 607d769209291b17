import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { authorizerContext, parseGroups, poolOfRole } from '../../../shared/http/auth.ts';

export const lambdaContext = {
  awsRequestId: 'req-1',
  functionName: 'test',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:us-east-1:000000000000:function:test',
  memoryLimitInMB: '512',
  logGroupName: '/aws/lambda/test',
  logStreamName: 'stream',
  callbackWaitsForEmptyEventLoop: false,
  getRemainingTimeInMillis: () => 29_000,
  done: () => undefined,
  fail: () => undefined,
  succeed: () => undefined,
} as Context;

/**
 * What the API's Lambda authorizer hands the handlers for user-1 in these groups ("[admin]"): an
 * applicant-pool principal when every group is the applicant's, else a staff-pool one.
 */
export function signedIn(groups: string, sub = 'user-1') {
  const roles = parseGroups(groups);
  const pool = roles.length > 0 && roles.every((r) => poolOfRole(r) === 'applicant') ? 'applicant' : 'staff';
  return authorizerContext({ sub, username: 'u1', roles }, pool);
}

export function apiEvent(
  routeKey: string,
  options: {
    path?: string;
    pathParameters?: Record<string, string>;
    groups?: string;
    body?: string;
    headers?: Record<string, string>;
    query?: Record<string, string>;
  } = {},
): APIGatewayProxyEventV2 {
  const [method = 'GET', routePath = '/'] = routeKey.split(' ');
  const path = options.path ?? routePath;
  return {
    version: '2.0',
    routeKey,
    rawPath: path,
    rawQueryString: '',
    headers: { 'content-type': 'application/json', ...options.headers },
    ...(options.query ? { queryStringParameters: options.query } : {}),
    ...(options.pathParameters ? { pathParameters: options.pathParameters } : {}),
    requestContext: {
      accountId: '000000000000',
      apiId: 'test',
      domainName: 'localhost',
      domainPrefix: 'localhost',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'vitest' },
      requestId: 'r-1',
      routeKey,
      stage: '$default',
      time: new Date().toUTCString(),
      timeEpoch: Date.now(),
      ...(options.groups !== undefined ? { authorizer: { lambda: signedIn(options.groups) } } : {}),
    } as APIGatewayProxyEventV2['requestContext'],
    ...(options.body !== undefined ? { body: options.body } : {}),
    isBase64Encoded: false,
  };
}

export function setEnv() {
  process.env.TABLE_NAME = 'esip-test';
  process.env.DOCUMENTS_BUCKET = 'docs-test';
  process.env.NOTICES_BUCKET = 'notices-test';
  process.env.ROUND_PIPELINE_ARN = 'arn:aws:states:us-east-1:000000000000:stateMachine:RoundPipeline';
  process.env.AWS_REGION = 'us-east-1';
  process.env.AWS_ACCESS_KEY_ID = 'test';
  process.env.AWS_SECRET_ACCESS_KEY = 'test';
  process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
}
