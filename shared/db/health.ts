/** The table's health probe: one read of the HEALTH item (whether it exists does not matter). */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../aws/clients.ts';
import { keys } from './keys.ts';
import { table } from './table.ts';

/** Resolves when the table answers a read; rejects (or is aborted by `abortSignal`) otherwise. */
export async function probeTable(abortSignal: AbortSignal): Promise<void> {
  await documentClient().send(new GetCommand({ TableName: table(), Key: keys.health() }), { abortSignal });
}
