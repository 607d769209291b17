/**
 * The award of a designated alliance and its dedicated account (专账, §4.3), all in the alliance's
 * partition:
 *  - AWARD                          the award, its budget lines and the money left per line
 *                                   (`balances`) and in total (`balance`): DynamoDB conditions
 *                                   compare stored values but cannot add, so balances are kept
 *  - LEDGER#<recordedAt>#<entryId>  an expense or a reversal
 *  - RECEIPT#<documentId>           the claim of a receipt by the one entry it backs
 *  - REALLOC#<at>#<id>              a move of allocation between two lines
 * Every change of the account is one transaction whose Update of the AWARD item carries the balance
 * condition; the builders below return those transaction items.
 *
 * Flagged entries (their receipt failed reverification) keep counting as spent; the AWARD item
 * also counts them apart, per line (`lines[i].flagged`) and in total (`flaggedAmount`,
 * `flaggedEntries`), updated in the transaction that flags or resolves an entry. Awards written
 * before flags existed have none of these attributes: they read as 0 and are created on first use.
 */
import type { EntryFlag, LedgerEntry, Reallocation, ResolvedEntryFlag } from '../domain/model/ledger.ts';
import type { TxItem } from './commit.ts';
import { keys } from './keys.ts';
import { getItem, getRecord, queryPage, queryPrefix } from './query.ts';
import { stripKeys, table } from './table.ts';

/** A budget line of the award: its allocation and what was spent from it. */
export interface AwardLine {
  lineId: string;
  category: string;
  allocation: number;
  spent: number;
  /** Of `spent`, what flagged entries account for (absent: 0). */
  flagged?: number;
}

/** The AWARD item (written once, at designation: shared/db/designation.ts `awardPut`). */
export interface AwardItem {
  allianceId: string;
  roundId?: string;
  amount: number;
  requested?: number;
  rank?: number;
  designatedAt?: string;
  lines: AwardLine[];
  ledger: { status: string; spent: number; frozenAt?: string };
  /** Money left per line, by lineId. */
  balances: Record<string, number>;
  /** Money left in the award. */
  balance: number;
  /** Of the money spent, what flagged entries account for (absent: 0). */
  flaggedAmount?: number;
  /** Entries flagged and not resolved (absent: 0). */
  flaggedEntries?: number;
}

// --- reads --------------------------------------------------------------------------------------------

/** The award of an alliance (consistent read), or undefined before designation. */
export const loadAward = (allianceId: string) => getRecord<AwardItem>(keys.award(allianceId));

/** An alliance's award with every deadline designation wrote (GET /v1/alliances/{id}/award). */
export async function loadAwardWithDeadlines(allianceId: string) {
  const { pk, skPrefix } = keys.allianceDeadlines(allianceId);
  const [award, deadlines] = await Promise.all([loadAward(allianceId), queryPrefix(pk, skPrefix)]);
  return award && { ...award, deadlines: deadlines.map((d) => stripKeys(d)) };
}

/** The entry id a receipt is claimed by, if it is. */
export async function receiptClaimedBy(allianceId: string, documentId: string): Promise<string | undefined> {
  const claim = await getItem(keys.receiptClaim(allianceId, documentId));
  return claim?.entryId as string | undefined;
}

/** One ledger entry (its key is made of the instant it was recorded and its id). */
export const loadLedgerEntry = (allianceId: string, recordedAt: string, entryId: string) =>
  getRecord<LedgerEntry>(keys.ledgerEntry(allianceId, recordedAt, entryId));

/** One page of the ledger's entries, newest first, with a cursor for the next. */
export function ledgerEntriesPage(allianceId: string, page: { cursor: string | undefined; limit: number }) {
  const { pk, skPrefix } = keys.ledgerEntries(allianceId);
  return queryPage<LedgerEntry>(
    {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': pk, ':prefix': skPrefix },
      ScanIndexForward: false,
      ConsistentRead: true,
    },
    { ...page, partition: pk },
  );
}

/** Every entry of the ledger, oldest first. */
export async function listLedgerEntries(allianceId: string): Promise<LedgerEntry[]> {
  const { pk, skPrefix } = keys.ledgerEntries(allianceId);
  return (await queryPrefix(pk, skPrefix)).map((i) => stripKeys<LedgerEntry>(i));
}

/** Every reallocation of the award, oldest first. */
export async function listReallocations(allianceId: string): Promise<Reallocation[]> {
  const { pk, skPrefix } = keys.reallocations(allianceId);
  return (await queryPrefix(pk, skPrefix)).map((i) => stripKeys<Reallocation>(i));
}

// --- transaction items --------------------------------------------------------------------------------

/**
 * The Update of the AWARD item that spends `amount` from line `lineId` (at position `index` of
 * `lines`): it holds only if the ledger is open and both the line and the award have the money.
 */
export function spendUpdate(allianceId: string, lineId: string, index: number, amount: number): TxItem {
  return {
    Update: {
      TableName: table(),
      Key: keys.award(allianceId),
      ConditionExpression: `ledger.#status = :open AND balances.#line >= :amount AND balance >= :amount AND #lines[${index}].lineId = :lineId`,
      UpdateExpression: `SET balances.#line = balances.#line - :amount, balance = balance - :amount, ledger.spent = ledger.spent + :amount, #lines[${index}].spent = #lines[${index}].spent + :amount`,
      ExpressionAttributeNames: { '#status': 'status', '#line': lineId, '#lines': 'lines' },
      ExpressionAttributeValues: { ':open': 'open', ':amount': amount, ':lineId': lineId },
    },
  };
}

/**
 * The Update of the AWARD item that gives `amount` back to line `lineId` (at `index`), ledger open.
 * `unflag`: the entry reversed was flagged, so its amount leaves the flagged figures too.
 */
export function refundUpdate(
  allianceId: string,
  lineId: string,
  index: number,
  amount: number,
  unflag = false,
): TxItem {
  const flagged = unflag ? `, ${flaggedSet(index)}` : '';
  return {
    Update: {
      TableName: table(),
      Key: keys.award(allianceId),
      ConditionExpression: `ledger.#status = :open AND #lines[${index}].lineId = :lineId AND attribute_exists(balances.#line)`,
      UpdateExpression: `SET balances.#line = balances.#line + :amount, balance = balance + :amount, ledger.spent = ledger.spent - :amount, #lines[${index}].spent = #lines[${index}].spent - :amount${flagged}`,
      ExpressionAttributeNames: { '#status': 'status', '#line': lineId, '#lines': 'lines' },
      ExpressionAttributeValues: {
        ':open': 'open',
        ':amount': amount,
        ':lineId': lineId,
        ...(unflag ? flaggedValues(-amount, -1) : {}),
      },
    },
  };
}

/** SET clauses adding :flagAmount to line `index`'s and the award's flagged amounts and :flagCount entries. */
const flaggedSet = (index: number) =>
  `#lines[${index}].flagged = if_not_exists(#lines[${index}].flagged, :zero) + :flagAmount, flaggedAmount = if_not_exists(flaggedAmount, :zero) + :flagAmount, flaggedEntries = if_not_exists(flaggedEntries, :zero) + :flagCount`;
const flaggedValues = (amount: number, count: number) => ({
  ':zero': 0,
  ':flagAmount': amount,
  ':flagCount': count,
});

/**
 * The Update of the AWARD item that counts an entry of `amount` on line `lineId` (at `index`) as
 * flagged (`count` 1) or no longer flagged (`count` -1, a negative amount). No condition on the
 * ledger's status: a flag moves no money, and an account frozen since still shows it.
 */
export function flaggedTotalsUpdate(
  allianceId: string,
  lineId: string,
  index: number,
  amount: number,
  count: 1 | -1,
): TxItem {
  return {
    Update: {
      TableName: table(),
      Key: keys.award(allianceId),
      ConditionExpression: `#lines[${index}].lineId = :lineId`,
      UpdateExpression: `SET ${flaggedSet(index)}`,
      ExpressionAttributeNames: { '#lines': 'lines' },
      ExpressionAttributeValues: { ':lineId': lineId, ...flaggedValues(amount, count) },
    },
  };
}

/**
 * The Update of the AWARD item that moves `amount` of allocation between two lines (at positions
 * `from` and `to`): it holds only if the ledger is open and the source line has the money left.
 */
export function reallocationUpdate(
  allianceId: string,
  move: { fromLineId: string; toLineId: string; amount: number },
  from: number,
  to: number,
): TxItem {
  return {
    Update: {
      TableName: table(),
      Key: keys.award(allianceId),
      ConditionExpression: `ledger.#status = :open AND balances.#from >= :amount AND #lines[${from}].lineId = :fromId AND #lines[${to}].lineId = :toId AND attribute_exists(balances.#to)`,
      UpdateExpression: `SET balances.#from = balances.#from - :amount, balances.#to = balances.#to + :amount, #lines[${from}].allocation = #lines[${from}].allocation - :amount, #lines[${to}].allocation = #lines[${to}].allocation + :amount`,
      ExpressionAttributeNames: {
        '#status': 'status',
        '#from': move.fromLineId,
        '#to': move.toLineId,
        '#lines': 'lines',
      },
      ExpressionAttributeValues: {
        ':open': 'open',
        ':amount': move.amount,
        ':fromId': move.fromLineId,
        ':toId': move.toLineId,
      },
    },
  };
}

/** The dedicated account freezes (the alliance ended): every ledger write requires ledger.status = open. */
export function freezeLedgerUpdate(allianceId: string, at: string): TxItem {
  return {
    Update: {
      TableName: table(),
      Key: keys.award(allianceId),
      UpdateExpression: 'SET ledger.#status = :frozen, ledger.frozenAt = :at',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':frozen': 'frozen', ':at': at },
    },
  };
}

/** A Put of a new item of the account (written once: its condition fails if the key exists). */
function putNew(key: { pk: string; sk: string }, type: string, record: object): TxItem {
  return {
    Put: {
      TableName: table(),
      Item: { ...key, type, ...record },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

/** A new ledger entry (expense or reversal). */
export const ledgerEntryPut = (entry: LedgerEntry): TxItem =>
  putNew(keys.ledgerEntry(entry.allianceId, entry.recordedAt, entry.id), 'ledger-entry', entry);

/**
 * Marks an expense reversed by `reversalId`, once (the entry exists, is an expense, not yet
 * reversed). The flag it had when read (`flag`) is resolved by the reversal, and the condition
 * holds only if the entry's flag is still what was read, so the AWARD's flagged figures move with it.
 */
export function markReversedUpdate(
  allianceId: string,
  original: { recordedAt: string; entryId: string; flag?: EntryFlag | undefined },
  reversalId: string,
  at: string,
  resolved?: ResolvedEntryFlag,
): TxItem {
  const base = 'attribute_exists(pk) AND kind = :expense AND attribute_not_exists(reversedBy)';
  const values: Record<string, unknown> = { ':expense': 'expense', ':id': reversalId, ':at': at };
  if (original.flag && resolved) {
    values[':flaggedAt'] = original.flag.flaggedAt;
    values[':resolved'] = resolved;
  }
  return {
    Update: {
      TableName: table(),
      Key: keys.ledgerEntry(allianceId, original.recordedAt, original.entryId),
      ConditionExpression:
        original.flag && resolved
          ? `${base} AND flag.flaggedAt = :flaggedAt`
          : `${base} AND attribute_not_exists(flag)`,
      UpdateExpression:
        original.flag && resolved
          ? 'SET reversedBy = :id, reversedAt = :at, resolvedFlag = :resolved REMOVE flag'
          : 'SET reversedBy = :id, reversedAt = :at',
      ExpressionAttributeValues: values,
    },
  };
}

/**
 * Flags an expense backed by receipt `documentId`: only an expense not reversed, not already
 * flagged, and still backed by that receipt.
 */
export function flagEntryUpdate(
  allianceId: string,
  entry: { recordedAt: string; entryId: string },
  flag: EntryFlag,
): TxItem {
  return {
    Update: {
      TableName: table(),
      Key: keys.ledgerEntry(allianceId, entry.recordedAt, entry.entryId),
      ConditionExpression:
        'attribute_exists(pk) AND kind = :expense AND attribute_not_exists(reversedBy) AND attribute_not_exists(flag) AND receiptDocumentId = :doc',
      UpdateExpression: 'SET flag = :flag',
      ExpressionAttributeValues: { ':expense': 'expense', ':doc': flag.documentId, ':flag': flag },
    },
  };
}

/** Resolves an entry's flag (the one flagged at `resolved.flaggedAt`) without reversing the entry. */
export function resolveFlagUpdate(
  allianceId: string,
  entry: { recordedAt: string; entryId: string },
  resolved: ResolvedEntryFlag,
): TxItem {
  return {
    Update: {
      TableName: table(),
      Key: keys.ledgerEntry(allianceId, entry.recordedAt, entry.entryId),
      ConditionExpression: 'attribute_not_exists(reversedBy) AND flag.flaggedAt = :flaggedAt',
      UpdateExpression: 'SET resolvedFlag = :resolved REMOVE flag',
      ExpressionAttributeValues: { ':flaggedAt': resolved.flaggedAt, ':resolved': resolved },
    },
  };
}

/** The receipt is still claimed by `entryId` (or, with none, by no entry) when the transaction commits. */
export function receiptClaimCheck(
  allianceId: string,
  documentId: string,
  entryId: string | undefined,
): TxItem {
  return {
    ConditionCheck: {
      TableName: table(),
      Key: keys.receiptClaim(allianceId, documentId),
      ...(entryId
        ? { ConditionExpression: 'entryId = :entry', ExpressionAttributeValues: { ':entry': entryId } }
        : { ConditionExpression: 'attribute_not_exists(pk)' }),
    },
  };
}

/** The claim of a receipt by the one entry it backs (no receipt backs two entries). */
export const receiptClaimPut = (
  allianceId: string,
  documentId: string,
  entryId: string,
  at: string,
): TxItem =>
  putNew(keys.receiptClaim(allianceId, documentId), 'receipt-claim', { documentId, entryId, claimedAt: at });

/** Releases a receipt claimed by `entryId` (so a corrected entry can use it). */
export function receiptReleaseDelete(allianceId: string, documentId: string, entryId: string): TxItem {
  return {
    Delete: {
      TableName: table(),
      Key: keys.receiptClaim(allianceId, documentId),
      ConditionExpression: 'attribute_not_exists(pk) OR entryId = :entry',
      ExpressionAttributeValues: { ':entry': entryId },
    },
  };
}

/**
 * The document is still this alliance's verified receipt when the money moves, with the SHA-256
 * the entry pins (documents do not change once judged; this makes the pin exact regardless).
 */
export function verifiedReceiptCheck(allianceId: string, documentId: string, sha256: string): TxItem {
  return {
    ConditionCheck: {
      TableName: table(),
      Key: keys.allianceDocument(allianceId, documentId),
      ConditionExpression: 'kind = :receipt AND #status = :verified AND sha256 = :sha256',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':receipt': 'receipt', ':verified': 'verified', ':sha256': sha256 },
    },
  };
}

/** The record of a reallocation. */
export const reallocationPut = (record: Reallocation): TxItem =>
  putNew(keys.reallocation(record.allianceId, record.at, record.id), 'reallocation', record);
