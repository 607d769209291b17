/**
 * The Idempotency-Key store (shared/http/idempotency.ts decides what the records mean). One item
 * per scoped key in the single table:
 *   pk = 'IDEMPOTENCY', sk = 'http#<base64 SHA-256 of the scope>',
 *   status = 'INPROGRESS' | 'COMPLETED',
 *   bodyHash = what a repeat must match,
 *   expiresAt = epoch seconds (the table's TTL attribute: DynamoDB deletes the record for us),
 *   inProgressExpiresAt = epoch milliseconds (the Lambda's deadline: a crashed attempt's record may
 *     be taken over after it),
 *   response = { statusCode, headers, body? } once COMPLETED.
 * This is the layout Powertools' DynamoDB persistence layer wrote with our attribute names, so
 * records written before this store replaced it (issue #14: −38 KiB in every HTTP function) are
 * read the same way.
 *
 * A claim is one conditional PutItem that returns the record in its way when the condition fails
 * (ReturnValuesOnConditionCheckFailure): no read before the write, no read after a refusal.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { documentClient } from '../aws/clients.ts';
import { table } from './table.ts';
import { tableDesign } from './table-design.ts';

export const IDEMPOTENCY_PK = 'IDEMPOTENCY';

export interface StoredResponse {
  statusCode: number;
  headers: Record<string, string>;
  body?: string;
}

export interface IdempotencyRecord {
  status: 'INPROGRESS' | 'COMPLETED';
  bodyHash?: string;
  /** Epoch seconds. */
  expiresAt?: number;
  /** Epoch milliseconds. */
  inProgressExpiresAt?: number;
  response?: unknown;
}

/** What claiming a key found: it is ours now, or another record holds it (as it was). */
export type Claim = { claimed: true } | { claimed: false; record: IdempotencyRecord };

/** The store's table could not be read or written (anything but a refused condition). */
export class IdempotencyStoreError extends Error {
  constructor(
    readonly operation: 'claim' | 'complete' | 'release',
    cause: unknown,
  ) {
    super(`idempotency store: ${operation} failed`, { cause });
    this.name = 'IdempotencyStoreError';
  }
}

const keyOf = (sk: string) => ({ [tableDesign.partitionKey]: IDEMPOTENCY_PK, [tableDesign.sortKey]: sk });
const TTL = tableDesign.timeToLiveAttribute;

/**
 * Records `sk` as in progress, unless a live record holds it: one that has not expired and is
 * either completed or still within its in-progress deadline. `nowMs` is the caller's clock.
 */
export async function claimIdempotencyKey(
  sk: string,
  claim: { bodyHash: string; expiresAt: number; inProgressExpiresAt: number; nowMs: number },
): Promise<Claim> {
  try {
    await documentClient().send(
      new PutCommand({
        TableName: table(),
        Item: {
          ...keyOf(sk),
          status: 'INPROGRESS',
          bodyHash: claim.bodyHash,
          [TTL]: claim.expiresAt,
          inProgressExpiresAt: claim.inProgressExpiresAt,
        },
        ConditionExpression:
          'attribute_not_exists(#pk) OR #ttl < :nowS OR (#status = :inProgress AND #ipe < :nowMs)',
        ExpressionAttributeNames: {
          '#pk': tableDesign.partitionKey,
          '#ttl': TTL,
          '#status': 'status',
          '#ipe': 'inProgressExpiresAt',
        },
        ExpressionAttributeValues: {
          ':nowS': Math.floor(claim.nowMs / 1000),
          ':nowMs': claim.nowMs,
          ':inProgress': 'INPROGRESS',
        },
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      }),
    );
    return { claimed: true };
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) {
      // The document client does not unmarshall the item an exception carries.
      const old = error.Item ? unmarshall(error.Item) : {};
      return { claimed: false, record: { ...old, expiresAt: old[TTL] } as IdempotencyRecord };
    }
    throw new IdempotencyStoreError('claim', error);
  }
}

/** Keeps `response` for replays until `expiresAt` (epoch seconds). */
export async function completeIdempotencyKey(
  sk: string,
  response: StoredResponse,
  expiresAt: number,
): Promise<void> {
  try {
    await documentClient().send(
      new UpdateCommand({
        TableName: table(),
        Key: keyOf(sk),
        UpdateExpression: 'SET #status = :completed, #response = :response, #ttl = :expiresAt',
        ExpressionAttributeNames: { '#status': 'status', '#response': 'response', '#ttl': TTL },
        ExpressionAttributeValues: {
          ':completed': 'COMPLETED',
          ':response': response,
          ':expiresAt': expiresAt,
        },
      }),
    );
  } catch (error) {
    throw new IdempotencyStoreError('complete', error);
  }
}

/** Removes the record, so that a retry runs the operation again. */
export async function releaseIdempotencyKey(sk: string): Promise<void> {
  try {
    await documentClient().send(new DeleteCommand({ TableName: table(), Key: keyOf(sk) }));
  } catch (error) {
    throw new IdempotencyStoreError('release', error);
  }
}
