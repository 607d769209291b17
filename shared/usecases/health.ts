/**
 * Readiness: are DynamoDB, S3 and the workflow runner reachable? Each probe is timed and bounded.
 *
 * The answer is kept by the function instance for a few seconds, so a monitor, a load balancer or
 * a start-up script polling `/v1/health/ready` costs the dependencies one set of calls per
 * instance per TTL, however often it asks. A failure is kept for less (1 s): long enough that a
 * storm of polls during an outage does not pile probes (each up to 2 s) onto a struggling
 * dependency, short enough that its recovery is seen within a second. Concurrent callers while a
 * check runs share it. Liveness (`/v1/health`) asks nothing of anyone and does not come here.
 */
import { HeadBucketCommand } from '@aws-sdk/client-s3';
import { DescribeStateMachineCommand } from '@aws-sdk/client-sfn';
import { s3Client, sfnClient } from '../aws/clients.ts';
import { env } from '../config.ts';
import { probeTable } from '../db/health.ts';

const PROBE_TIMEOUT_MS = 2_000;
/** How long a ready result is reused by this instance. */
export const READY_TTL_MS = 5_000;
/** How long a not-ready result is reused (shorter: recovery should show quickly). */
export const NOT_READY_TTL_MS = 1_000;

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

/** Each dependency's status and latency; healthy when all are reachable. Always asks them. */
async function checkDependencies() {
  const checkedAt = new Date();
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
    checkedAt: checkedAt.toISOString(),
    components: { dynamodb, s3, workflow },
  };
}

export type Readiness = Awaited<ReturnType<typeof checkDependencies>>;

/** The last check of this instance (or the one under way: `until` is then Infinity). */
let last: { until: number; result: Promise<Readiness> } | undefined;

/**
 * The dependencies' readiness, from this instance's last check if it is younger than its TTL
 * (counted from when the check started), else from a new one.
 */
export function checkReadiness(): Promise<Readiness> {
  if (last && Date.now() < last.until) return last.result;
  const started = Date.now();
  const entry: { until: number; result: Promise<Readiness> } = {
    until: Number.POSITIVE_INFINITY,
    result: checkDependencies().then(
      (readiness) => {
        entry.until = started + (readiness.healthy ? READY_TTL_MS : NOT_READY_TTL_MS);
        return readiness;
      },
      (error: unknown) => {
        // Not expected (every probe catches), but never keep a rejection as the answer.
        if (last === entry) last = undefined;
        throw error;
      },
    ),
  };
  last = entry;
  return entry.result;
}
