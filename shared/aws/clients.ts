/**
 * AWS SDK clients, built once per module (per Lambda container). Endpoints for the local stack
 * come from the SDK's standard AWS_ENDPOINT_URL_DYNAMODB / _S3 / _SFN / _SCHEDULER variables, so
 * this code is identical on AWS and locally.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SchedulerClient } from '@aws-sdk/client-scheduler';
import { SFNClient } from '@aws-sdk/client-sfn';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { envOptional } from '../config.ts';
import { capacity, countCapacity, countCapacityProcessWide } from './capacity.ts';

let ddb: DynamoDBDocumentClient | undefined;
let s3: S3Client | undefined;
let sfn: SFNClient | undefined;
let scheduler: SchedulerClient | undefined;

export function documentClient(): DynamoDBDocumentClient {
  if (!ddb) {
    const client = new DynamoDBClient({ maxAttempts: 3 });
    // Opt-in (ESIP_COUNT_CAPACITY=1, the scale benchmark): count the capacity consumed by this
    // client and every other DynamoDBClient of the process (shared/aws/capacity.ts). Off, nothing
    // is installed.
    if (capacity.enabled()) {
      countCapacityProcessWide(DynamoDBClient);
      countCapacity(client);
    }
    ddb = DynamoDBDocumentClient.from(client, {
      marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
    });
  }
  return ddb;
}

export function s3Client(): S3Client {
  s3 ??= new S3Client({
    forcePathStyle: envOptional('s3ForcePathStyle') === 'true',
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  return s3;
}

export function sfnClient(): SFNClient {
  sfn ??= new SFNClient({ maxAttempts: 3 });
  return sfn;
}

export function schedulerClient(): SchedulerClient {
  scheduler ??= new SchedulerClient({ maxAttempts: 3 });
  return scheduler;
}

/** Forgets the clients, so the next call builds them from the current environment (endpoints). */
export function resetClients(): void {
  ddb?.destroy();
  s3?.destroy();
  sfn?.destroy();
  scheduler?.destroy();
  ddb = undefined;
  s3 = undefined;
  sfn = undefined;
  scheduler = undefined;
}
