/**
 * Every service of the local stack (API, DynamoDB Local, s3rver, Step Functions, Scheduler, the
 * Cognito user-pool API) listens
 * on 127.0.0.1 only: reachable on the loopback address, refused on the machine's other addresses.
 */
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { describe, expect, it } from 'vitest';
import { apiUrl, handlerEnv } from './client.ts';

/** 'open' when a TCP connection is accepted, otherwise the error code (ECONNREFUSED, …). */
function probe(host: string, port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 3_000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve('open');
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve('ETIMEDOUT');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? String(error)));
  });
}

const services: Record<string, string | undefined> = {
  api: apiUrl,
  dynamodb: handlerEnv.AWS_ENDPOINT_URL_DYNAMODB,
  s3: handlerEnv.AWS_ENDPOINT_URL_S3,
  sfn: handlerEnv.AWS_ENDPOINT_URL_SFN,
  scheduler: handlerEnv.AWS_ENDPOINT_URL_SCHEDULER,
  cognito: handlerEnv.AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER,
};

/** The machine's own non-loopback IPv4 addresses (a machine with none cannot tell the difference). */
const external = Object.values(networkInterfaces())
  .flat()
  .filter((a) => a && a.family === 'IPv4' && !a.internal)
  .map((a) => a!.address);

describe('local services listen on 127.0.0.1 only', () => {
  for (const [name, url] of Object.entries(services)) {
    if (!url) continue;
    const port = Number(new URL(url).port);
    it(`${name} (port ${port}) answers on 127.0.0.1`, async () => {
      expect(await probe('127.0.0.1', port)).toBe('open');
    });
    it.skipIf(external.length === 0)(`${name} is refused on ${external.join(', ')}`, async () => {
      for (const address of external) expect(await probe(address, port), address).not.toBe('open');
    });
  }
});
