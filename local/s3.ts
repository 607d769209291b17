/** s3rver on localhost with the project's buckets; object-created events become EventBridge events. */
import { mkdirSync } from 'node:fs';
import S3rver from 's3rver';

const corsXml = `<CORSConfiguration>
  <CORSRule>
    <AllowedOrigin>*</AllowedOrigin>
    <AllowedMethod>GET</AllowedMethod>
    <AllowedMethod>PUT</AllowedMethod>
    <AllowedMethod>POST</AllowedMethod>
    <AllowedMethod>HEAD</AllowedMethod>
    <AllowedHeader>*</AllowedHeader>
    <ExposeHeader>ETag</ExposeHeader>
    <MaxAgeSeconds>3000</MaxAgeSeconds>
  </CORSRule>
</CORSConfiguration>`;

/** The shape EventBridge gives an S3 "Object Created" event (what the verifier's rule delivers). */
export interface ObjectCreatedEvent {
  version: '0';
  id: string;
  'detail-type': 'Object Created';
  source: 'aws.s3';
  account: string;
  time: string;
  region: string;
  resources: string[];
  detail: {
    version: '0';
    bucket: { name: string };
    object: { key: string; size?: number; etag?: string; sequencer?: string };
    'request-id': string;
    requester: string;
    reason: 'PutObject' | 'PostObject' | 'CopyObject';
  };
}

interface S3rverRecord {
  eventName: string;
  eventTime: string;
  s3: { bucket: { name: string }; object: { key: string; size?: number; eTag?: string; sequencer?: string } };
}

export function toEventBridge(record: S3rverRecord): ObjectCreatedEvent | undefined {
  const kind = record.eventName.split(':')[1];
  const reason = ({ Put: 'PutObject', Post: 'PostObject', Copy: 'CopyObject' } as const)[kind as 'Put'];
  if (!record.eventName.startsWith('ObjectCreated:') || !reason) return undefined;
  const { bucket, object } = record.s3;
  return {
    version: '0',
    id: crypto.randomUUID(),
    'detail-type': 'Object Created',
    source: 'aws.s3',
    account: '000000000000',
    time: record.eventTime,
    region: 'us-east-1',
    resources: [`arn:aws:s3:::${bucket.name}`],
    detail: {
      version: '0',
      bucket: { name: bucket.name },
      object: {
        key: object.key,
        ...(object.size !== undefined ? { size: object.size } : {}),
        ...(object.eTag ? { etag: object.eTag } : {}),
        ...(object.sequencer ? { sequencer: object.sequencer } : {}),
      },
      'request-id': crypto.randomUUID(),
      requester: '000000000000',
      reason,
    },
  };
}

export interface LocalS3 {
  endpoint: string;
  stop(): Promise<void>;
}

export async function startS3(options: {
  port: number;
  dataDir: string;
  buckets: string[];
  onObjectCreated: (event: ObjectCreatedEvent) => void;
}): Promise<LocalS3> {
  mkdirSync(options.dataDir, { recursive: true });
  const server = new S3rver({
    port: options.port,
    address: '127.0.0.1',
    directory: options.dataDir,
    silent: true,
    vhostBuckets: false,
    allowMismatchedSignatures: true,
    configureBuckets: options.buckets.map((name) => ({ name, configs: [corsXml] })),
  });
  server.on('event', (event: { Records: S3rverRecord[] }) => {
    for (const record of event.Records) {
      const converted = toEventBridge(record);
      if (converted) options.onObjectCreated(converted);
    }
  });
  await server.run();
  return {
    endpoint: `http://127.0.0.1:${options.port}`,
    async stop() {
      await server.close();
    },
  };
}
