/** Health: are DynamoDB, S3 and the workflow runner reachable? Each probe is timed and bounded. */
import { HeadBucketCommand } from '@aws-sdk/client-s3';
import { DescribeStateMachineCommand } from '@aws-sdk/client-sfn';
import { s3Client, sfnClient } from '../aws/clients.ts';
import { env } from '../config.ts';
import { probeTable } from '../db/health.ts';

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

/** Each dependency's status and latency; healthy when all are reachable. */
export async function checkHealth() {
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
  return {
    healthy: [dynamodb, s3, workflow].every((c) => c.status === 'ok'),
    components: { dynamodb, s3, workflow },
  };
}
