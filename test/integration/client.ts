/** Helpers for tests that talk to the local stack over HTTP, as a real client would. */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SFNClient } from '@aws-sdk/client-sfn';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { inject } from 'vitest';
import type { Role } from '../../shared/api/routes.ts';

export const apiUrl = inject('apiUrl');
export const handlerEnv = inject('handlerEnv');

/**
 * The stack api(), tokenFor() and skipWaits() talk to: the shared one, unless a test file drives a
 * stack of its own (test/integration/restart.test.ts kills and restarts one).
 */
let base = apiUrl;
export const useStack = (url: string) => {
  base = url;
};

/** A unique id per call, so tests sharing the stack never see each other's data. */
export const uid = (prefix = 't') =>
  `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

/**
 * A token as the local user pools mint it after sign-in: staff roles from the staff pool (MFA
 * required on AWS), `applicant` from the applicant pool. `pool` overrides the pool (e.g. an
 * applicant-pool token carrying a staff group); `expiresIn: null` mints one without `exp`.
 */
export async function tokenFor(
  roles: Role[],
  sub = uid('user'),
  options: { pool?: 'staff' | 'applicant'; expiresIn?: string | null } = {},
): Promise<string> {
  const res = await fetch(`${base}/local/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ sub, roles, ...options }),
  });
  if (!res.ok) throw new Error(`token: ${res.status}`);
  return ((await res.json()) as { token: string }).token;
}

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export async function api<T = any>(
  method: string,
  path: string,
  options: {
    token?: string;
    body?: unknown;
    rawBody?: string | Buffer;
    headers?: Record<string, string>;
  } = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | Buffer | undefined;
  if (options.rawBody !== undefined) body = options.rawBody;
  else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  const res = await fetch(`${base}${path}`, { method, headers, ...(body !== undefined ? { body } : {}) });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, headers: res.headers, body: parsed as T, text };
}

const credentials = {
  accessKeyId: handlerEnv.AWS_ACCESS_KEY_ID!,
  secretAccessKey: handlerEnv.AWS_SECRET_ACCESS_KEY!,
};

/** Direct table access, for seeding what no endpoint creates yet and for checking records. */
export const ddb = DynamoDBDocumentClient.from(
  new DynamoDBClient({ endpoint: handlerEnv.AWS_ENDPOINT_URL_DYNAMODB, region: 'us-east-1', credentials }),
);
export const tableName = handlerEnv.TABLE_NAME!;
export const sfn = new SFNClient({ endpoint: inject('sfnUrl'), region: 'us-east-1', credentials });
/** Direct bucket access (s3rver), for what a client does outside the API: uploads, tampering. */
export const s3 = new S3Client({
  region: 'us-east-1',
  endpoint: handlerEnv.AWS_ENDPOINT_URL_S3,
  forcePathStyle: true,
  credentials,
  requestChecksumCalculation: 'WHEN_REQUIRED',
});

export async function eventually<T>(
  fn: () => Promise<T | undefined>,
  what: string,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The local clock control: ends the Wait states of one round's pipeline execution now. */
export async function skipWaits(roundId: string, executionName = `round-${roundId}`) {
  const stateMachineArn = handlerEnv.ROUND_PIPELINE_ARN!;
  const executionArn = `${stateMachineArn.replace(':stateMachine:', ':execution:')}:${executionName}`;
  const res = await fetch(
    `${base}/local/executions/skip-waits?executionArn=${encodeURIComponent(executionArn)}`,
    { method: 'POST' },
  );
  return ((await res.json()) as { skipped: number }).skipped;
}
