/**
 * The baseline of issue #14: a Lambda bundle holding only @aws-sdk/client-dynamodb and one client.
 * Bundled with the functions' own esbuild options by bench/bundles.ts; every function's size and
 * init time are compared with this one's, measured in the same run.
 */
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';

const client = new DynamoDBClient({});

export const handler = async (event: { id: string }) =>
  client.send(new GetItemCommand({ TableName: 'baseline', Key: { pk: { S: event.id } } }));
