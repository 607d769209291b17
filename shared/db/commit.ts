/**
 * Writing: every change is one DynamoDB transaction of items built by the aggregate modules in this
 * folder (with its audit record, see audit.ts). A failed condition becomes the domain error the
 * caller names; a transaction cancelled only because it met another on the same item
 * (TransactionConflict: our conditions were not even evaluated, nothing was written) is retried with
 * jittered backoff.
 *
 * A "transaction" of one Put, Update or Delete is sent as that single conditional write: it is just
 * as atomic, and DynamoDB bills a transactional write twice (issue #10). Its failed condition is
 * thrown as the TransactionCanceledException the transaction would have thrown (item 0
 * ConditionalCheckFailed, with the item when it was asked for), so every caller sees the same error.
 */
import {
  ConditionalCheckFailedException,
  TransactionCanceledException,
  TransactionConflictException,
} from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  PutCommand,
  type PutCommandInput,
  TransactWriteCommand,
  type TransactWriteCommandInput,
  UpdateCommand,
  type UpdateCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../aws/clients.ts';
import { unavailable } from '../domain/errors.ts';
import { forgetReads } from './request-scope.ts';
import { conditionFailed } from './table.ts';

/**
 * Sends a write. What the request read before is forgotten before and after it (request-scope.ts):
 * a read after a write, or after a failed condition, reads the table again.
 */
async function sendWrite(command: PutCommand | UpdateCommand | DeleteCommand | TransactWriteCommand) {
  forgetReads();
  try {
    // biome-ignore lint/suspicious/noExplicitAny: the document commands share send's overloads
    return (await documentClient().send(command as any)) as { Attributes?: Record<string, unknown> };
  } finally {
    forgetReads();
  }
}

export type TxItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/**
 * What a failed condition means: one error for the whole transaction, or a function of the index of
 * the item whose condition failed (undefined when unknown) that returns the error, or undefined to
 * let the original exception through.
 */
export type OnConditionFailed =
  | Error
  | ((failedIndex: number | undefined) => Error | undefined | Promise<Error | undefined>);

export interface CommitOptions {
  onConditionFailed?: OnConditionFailed;
  /** The error when the transaction is still contended after every attempt (default: the original). */
  onContended?: () => Error;
  /** Attempts for a contended transaction (default 8). */
  attempts?: number;
}

const stillContended = () =>
  unavailable({
    en: 'the database (the records this request changes are busy with other requests; retry in a moment)',
    zh: '数据库（本请求要修改的记录正被其他请求占用，请稍后重试）',
  });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function failedIndex(error: unknown): number | undefined {
  if (!(error instanceof TransactionCanceledException)) return undefined;
  const i = (error.CancellationReasons ?? []).findIndex((r) => r.Code === 'ConditionalCheckFailed');
  return i < 0 ? undefined : i;
}

/** The error to throw for `error`: the one a failed condition stands for (which may take a read to explain), else `error`. */
async function mapped(error: unknown, onConditionFailed: OnConditionFailed | undefined): Promise<unknown> {
  if (!onConditionFailed || !conditionFailed(error)) return error;
  if (onConditionFailed instanceof Error) return onConditionFailed;
  return (await onConditionFailed(failedIndex(error))) ?? error;
}

/** A one-item transaction as the single write it stands for (undefined for a lone ConditionCheck). */
function singleWrite(item: TxItem): PutCommand | UpdateCommand | DeleteCommand | undefined {
  if (item.Put) return new PutCommand(item.Put);
  if (item.Update) return new UpdateCommand(item.Update);
  if (item.Delete) return new DeleteCommand(item.Delete);
  return undefined;
}

/** Sends one write; a failed condition is thrown as a cancelled transaction whose item 0 failed. */
async function sendSingle(command: PutCommand | UpdateCommand | DeleteCommand): Promise<void> {
  try {
    await sendWrite(command);
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
    throw new TransactionCanceledException({
      message: `Transaction cancelled, please refer cancellation reasons for specific reasons [ConditionalCheckFailed] (${error.message})`,
      $metadata: error.$metadata,
      CancellationReasons: [
        {
          Code: 'ConditionalCheckFailed',
          Message: error.message,
          ...(error.Item ? { Item: error.Item } : {}),
        },
      ],
    });
  }
}

/** Runs `items` as one transaction (falsy entries are left out; one write alone is sent as that write). */
export async function commit(
  items: readonly (TxItem | undefined | false | null)[],
  options: CommitOptions | OnConditionFailed = {},
): Promise<void> {
  const opts: CommitOptions =
    options instanceof Error || typeof options === 'function' ? { onConditionFailed: options } : options;
  const transactItems = items.filter((i): i is TxItem => Boolean(i));
  const attempts = opts.attempts ?? 8;
  const lone = transactItems.length === 1 ? transactItems[0] : undefined;
  for (let attempt = 1; ; attempt++) {
    try {
      const single = lone && singleWrite(lone); // a new command each attempt
      if (single) await sendSingle(single);
      else await sendWrite(new TransactWriteCommand({ TransactItems: transactItems }));
      return;
    } catch (error) {
      const reasons = error instanceof TransactionCanceledException ? (error.CancellationReasons ?? []) : [];
      // A single write that met a transaction on its item fails with TransactionConflictException.
      const contended =
        error instanceof TransactionConflictException ||
        (reasons.some((r) => r.Code === 'TransactionConflict') &&
          !reasons.some((r) => r.Code === 'ConditionalCheckFailed'));
      const inProgress = (error as { name?: string }).name === 'TransactionInProgressException';
      if ((contended || inProgress) && attempt < attempts) {
        await sleep(Math.random() * Math.min(1000, 25 * 2 ** attempt));
        continue;
      }
      // Still contended after every attempt (a burst on one item, e.g. a round's tally during an
      // objection flood): a 503 the caller can retry, never a 500.
      if (contended) throw opts.onContended ? opts.onContended() : stillContended();
      throw await mapped(error, opts.onConditionFailed);
    }
  }
}

/** One conditional Put on its own; a failed condition is mapped like commit's. Returns false when it failed and no error was named. */
export async function putItem(
  input: Omit<PutCommandInput, 'TableName'> & { TableName: string },
  onConditionFailed?: OnConditionFailed,
): Promise<boolean> {
  try {
    await sendWrite(new PutCommand(input));
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException && !onConditionFailed) return false;
    throw await mapped(error, onConditionFailed);
  }
}

/** One conditional Update on its own; returns the new attributes when asked (ReturnValues), false when its condition failed and no error was named. */
export async function updateItem(
  input: Omit<UpdateCommandInput, 'TableName'> & { TableName: string },
  onConditionFailed?: OnConditionFailed,
): Promise<Record<string, unknown> | false> {
  try {
    const out = await sendWrite(new UpdateCommand(input));
    return out.Attributes ?? {};
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException && !onConditionFailed) return false;
    throw await mapped(error, onConditionFailed);
  }
}

/**
 * Runs `items` as one transaction whose first item is the change itself: returns false, writing
 * nothing, when that item's condition fails because the change was already made (a retried step, a
 * doubled invocation, a run that got there first). Any other failure is thrown.
 */
export async function commitFirstTime(
  items: readonly (TxItem | undefined | false | null)[],
): Promise<boolean> {
  try {
    await commit(items);
    return true;
  } catch (error) {
    if (conditionFailed(error, 0)) return false;
    throw error;
  }
}
