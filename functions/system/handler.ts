/** Public system routes: health (are DynamoDB, S3 and the workflow runner reachable?) and OpenAPI. */
import { HeadBucketCommand } from '@aws-sdk/client-s3';
import { DescribeStateMachineCommand } from '@aws-sdk/client-sfn';
import pkg from '../../package.json' with { type: 'json' };
import { buildOpenApi } from '../../shared/api/openapi.ts';
import { s3Client, sfnClient } from '../../shared/aws/clients.ts';
import { env } from '../../shared/config.ts';
import { probeTable } from '../../shared/db/health.ts';
import { httpHandler } from '../../shared/http/handler.ts';

const PROBE_TIMEOUT_MS = 2_000;

async function probe(check: (signal: AbortSignal) => Promise<unknown>) {
  const started = performance.now();
  try {
    await check(AbortSignal.timeout(PROBE_TIMEOUT_MS));
    return { status: 'ok' as const, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    const e = error as Error;
    return {
      status: 'down' as const,
      latencyMs: Math.round(performance.now() - started),
      detail: `${e.name}: ${e.message}`.slice(0, 200),
    };
  }
}

let openApiDocument: string | undefined;

export const handler = httpHandler('system', {
  async getHealth() {
    const [dynamodb, s3, workflow] = await Promise.all([
      probe(probeTable),
      probe((abortSignal) =>
        s3Client().send(new HeadBucketCommand({ Bucket: env('documentsBucket') }), { abortSignal }),
      ),
      probe((abortSignal) =>
        sfnClient().send(new DescribeStateMachineCommand({ stateMachineArn: env('roundPipelineArn') }), {
          abortSignal,
        }),
      ),
    ]);
    const healthy = [dynamodb, s3, workflow].every((c) => c.status === 'ok');
    return {
      status: healthy ? 200 : 503,
      headers: { 'cache-control': 'no-store' },
      body: {
        status: healthy ? 'ok' : 'degraded',
        time: new Date().toISOString(),
        version: pkg.version,
        components: { dynamodb, s3, workflow },
      },
    };
  },

  async getOpenApi() {
    openApiDocument ??= JSON.stringify(buildOpenApi());
    return { raw: openApiDocument, headers: { 'content-type': 'application/json; charset=utf-8' } };
  },
});
