/**
 * Local DynamoDB Streams event source mappings: what Lambda's poller does on AWS, against DynamoDB
 * Local's stream (@aws-sdk/client-dynamodb-streams), for each AWS::Lambda::EventSourceMapping of the
 * template that reads the table's stream (the notifier's):
 * - its FilterCriteria (the same pattern language as EventBridge, local/events.ts) decide which
 *   records reach the function; BatchSize bounds a batch;
 * - ReportBatchItemFailures: the function answers { batchItemFailures }; the batch is retried from
 *   the first failed record, MaximumRetryAttempts times (backoff 0.2 s × 2^n, capped at 5 s), then
 *   that record goes to the "DLQ" (kept in `dlq`, logged) and the shard moves on; a thrown error
 *   retries the whole batch the same way;
 * - where each shard got to is checkpointed (with `stateFile`), so a restart resumes after the last
 *   processed record, as the mapping does on AWS, instead of replaying or skipping the stream.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  ExpiredIteratorException,
  GetRecordsCommand,
  type GetRecordsCommandOutput,
  GetShardIteratorCommand,
  type _Record as StreamRecord,
  TrimmedDataAccessException,
} from '@aws-sdk/client-dynamodb-streams';
import { matchesPattern } from './events.ts';
import { type CfnTemplate, LOCAL_ACCOUNT, LOCAL_REGION } from './template.ts';

export interface LocalStreamMapping {
  logicalId: string;
  functionLogicalId: string;
  batchSize: number;
  maxRetries: number;
  reportBatchItemFailures: boolean;
  filters: Record<string, unknown>[];
}

/** The template's event source mappings on a DynamoDB stream (their EventSourceArn names a StreamArn). */
export function extractStreamMappings(template: CfnTemplate): LocalStreamMapping[] {
  const out: LocalStreamMapping[] = [];
  for (const [logicalId, resource] of Object.entries(template.Resources ?? {})) {
    if (resource.Type !== 'AWS::Lambda::EventSourceMapping') continue;
    const props = resource.Properties ?? {};
    if (!/StreamArn/.test(JSON.stringify(props['EventSourceArn'] ?? ''))) continue;
    const fn = (props['FunctionName'] as { Ref?: string } | undefined)?.Ref;
    if (!fn) continue;
    const filters = (
      (props['FilterCriteria'] as { Filters?: { Pattern: string }[] } | undefined)?.Filters ?? []
    ).map((f) => JSON.parse(f.Pattern) as Record<string, unknown>);
    out.push({
      logicalId,
      functionLogicalId: fn,
      batchSize: Number(props['BatchSize'] ?? 100),
      maxRetries: Number(props['MaximumRetryAttempts'] ?? -1),
      reportBatchItemFailures: ((props['FunctionResponseTypes'] as string[] | undefined) ?? []).includes(
        'ReportBatchItemFailures',
      ),
      filters,
    });
  }
  return out;
}

/**
 * An attribute value as the wire carries it: the streams SDK client reads an empty map `{"M":{}}`
 * as `{}` (a union with no member set), which Lambda would hand over as `{"M":{}}`.
 */
function wireValue(value: unknown): unknown {
  if (!value || typeof value !== 'object') return value;
  const v = value as Record<string, unknown>;
  if (Object.keys(v).length === 0) return { M: {} };
  if (v.M && typeof v.M === 'object') return { M: wireImage(v.M as Record<string, unknown>) };
  if (Array.isArray(v.L)) return { L: v.L.map(wireValue) };
  return v;
}
const wireImage = (image: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(image).map(([k, v]) => [k, wireValue(v)]));

/** A stream record as Lambda hands it to the function (the SDK's shape, dates as epoch seconds). */
function lambdaRecord(record: StreamRecord, streamArn: string): Record<string, unknown> {
  const created = record.dynamodb?.ApproximateCreationDateTime;
  return {
    eventID: record.eventID,
    eventName: record.eventName,
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: LOCAL_REGION,
    dynamodb: {
      ...record.dynamodb,
      ...(record.dynamodb?.NewImage ? { NewImage: wireImage(record.dynamodb.NewImage) } : {}),
      ...(record.dynamodb?.OldImage ? { OldImage: wireImage(record.dynamodb.OldImage) } : {}),
      ...(created ? { ApproximateCreationDateTime: Math.floor(new Date(created).getTime() / 1000) } : {}),
    },
    eventSourceARN: streamArn,
  };
}

export interface DeadLetter {
  mapping: string;
  sequenceNumber: string;
  eventID: string;
  error: string;
  at: string;
}

export interface LocalStreams {
  mappings: LocalStreamMapping[];
  /** Records that still failed after the retries (the mapping's on-failure destination). */
  dlq: DeadLetter[];
  stop(): Promise<void>;
}

interface Checkpoints {
  [shardId: string]: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startLocalStreams(options: {
  template: CfnTemplate;
  endpoint: string;
  tableName: string;
  invoke: (functionLogicalId: string, event: unknown) => Promise<unknown>;
  stateFile?: string;
  pollMs?: number;
  log?: (line: string) => void;
}): Promise<LocalStreams> {
  const mappings = extractStreamMappings(options.template);
  const dlq: DeadLetter[] = [];
  const config = {
    endpoint: options.endpoint,
    region: LOCAL_REGION,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  };
  const ddb = new DynamoDBClient(config);
  const streams = new DynamoDBStreamsClient(config);
  const described = await ddb.send(new DescribeTableCommand({ TableName: options.tableName }));
  ddb.destroy();
  const streamArn = described.Table?.LatestStreamArn;
  let stopped = false;
  if (!streamArn || mappings.length === 0) {
    if (mappings.length) options.log?.(`streams: table ${options.tableName} has no stream; mappings idle`);
    return { mappings, dlq, stop: async () => streams.destroy() };
  }
  const awsStreamArn = streamArn.replace(
    /^arn:aws:dynamodb:[^:]*:[^:]*:/,
    `arn:aws:dynamodb:${LOCAL_REGION}:${LOCAL_ACCOUNT}:`,
  );

  const checkpoints: Checkpoints =
    options.stateFile && existsSync(options.stateFile)
      ? (JSON.parse(readFileSync(options.stateFile, 'utf8')) as Checkpoints)
      : {};
  const saveCheckpoints = () => {
    if (!options.stateFile) return;
    mkdirSync(dirname(options.stateFile), { recursive: true });
    writeFileSync(`${options.stateFile}.tmp`, JSON.stringify(checkpoints));
    renameSync(`${options.stateFile}.tmp`, options.stateFile);
  };

  const iterators = new Map<string, string | undefined>(); // shardId → iterator (undefined: closed, done)
  const iteratorFor = async (shardId: string): Promise<string | undefined> => {
    const after = checkpoints[shardId];
    try {
      const out = await streams.send(
        new GetShardIteratorCommand({
          StreamArn: streamArn,
          ShardId: shardId,
          ...(after
            ? { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: after }
            : { ShardIteratorType: 'TRIM_HORIZON' }),
        }),
      );
      return out.ShardIterator;
    } catch (error) {
      if (!(error instanceof TrimmedDataAccessException)) throw error;
      delete checkpoints[shardId]; // the checkpoint is older than the stream keeps: start at its oldest
      return iteratorFor(shardId);
    }
  };
  const refreshShards = async () => {
    const out = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }));
    for (const shard of out.StreamDescription?.Shards ?? []) {
      if (shard.ShardId && !iterators.has(shard.ShardId))
        iterators.set(shard.ShardId, await iteratorFor(shard.ShardId));
    }
  };

  /** Hands `records` (filtered, in order) to one mapping's function in batches, with its retry policy. */
  const deliver = async (mapping: LocalStreamMapping, records: Record<string, unknown>[]) => {
    let start = 0;
    let attempt = 0;
    while (start < records.length && !stopped) {
      const batch = records.slice(start, start + mapping.batchSize);
      let failedAt: number | undefined;
      let error = '';
      try {
        const result = (await options.invoke(mapping.functionLogicalId, { Records: batch })) as
          | { batchItemFailures?: { itemIdentifier: string }[] }
          | undefined;
        const failures = mapping.reportBatchItemFailures ? (result?.batchItemFailures ?? []) : [];
        if (failures.length) {
          const ids = new Set(failures.map((f) => f.itemIdentifier));
          const index = batch.findIndex((r) =>
            ids.has((r.dynamodb as { SequenceNumber?: string }).SequenceNumber ?? String(r.eventID)),
          );
          failedAt = Math.max(index, 0);
          error = 'reported in batchItemFailures';
        }
      } catch (e) {
        failedAt = 0;
        error = `${(e as Error).name}: ${(e as Error).message}`;
      }
      if (failedAt === undefined) {
        start += batch.length;
        attempt = 0;
        continue;
      }
      start += failedAt; // the records before the failed one are done
      attempt++;
      if (mapping.maxRetries >= 0 && attempt > mapping.maxRetries) {
        const record = records[start]!;
        dlq.push({
          mapping: mapping.logicalId,
          sequenceNumber: String((record.dynamodb as { SequenceNumber?: string }).SequenceNumber),
          eventID: String(record.eventID),
          error,
          at: new Date().toISOString(),
        });
        options.log?.(
          `⇶ ${mapping.functionLogicalId}: record ${String(record.eventID)} to the DLQ after ${mapping.maxRetries} retries (${error})`,
        );
        start++;
        attempt = 0;
        continue;
      }
      await sleep(Math.min(5000, 200 * 2 ** (attempt - 1)));
    }
  };

  const pollOnce = async () => {
    await refreshShards();
    for (const [shardId, iterator] of iterators) {
      if (!iterator || stopped) continue;
      let out: GetRecordsCommandOutput | undefined;
      try {
        out = await streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 1000 }));
      } catch (error) {
        if (!(error instanceof ExpiredIteratorException)) throw error;
        iterators.set(shardId, await iteratorFor(shardId));
        continue;
      }
      const records = out.Records ?? [];
      if (records.length) {
        const shaped = records.map((r) => lambdaRecord(r, awsStreamArn));
        for (const mapping of mappings) {
          const matching = shaped.filter(
            (r) => mapping.filters.length === 0 || mapping.filters.some((f) => matchesPattern(f, r)),
          );
          if (matching.length) await deliver(mapping, matching);
        }
        checkpoints[shardId] = records.at(-1)!.dynamodb!.SequenceNumber!;
        saveCheckpoints();
      }
      iterators.set(shardId, out.NextShardIterator);
    }
  };

  const loop = (async () => {
    while (!stopped) {
      try {
        await pollOnce();
      } catch (error) {
        if (!stopped) options.log?.(`⇶ stream poller: ${(error as Error).name}: ${(error as Error).message}`);
      }
      if (!stopped) await sleep(options.pollMs ?? 100);
    }
  })();

  return {
    mappings,
    dlq,
    async stop() {
      stopped = true;
      await loop;
      streams.destroy();
    },
  };
}
