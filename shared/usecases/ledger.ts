/**
 * The dedicated account (专账管理, §4.3) of a designated alliance.
 *
 * The AWARD item (written by designation, shared/pipeline/tasks.ts `designate`) keeps the money
 * left per line (`balances`) and in total (`balance`), because DynamoDB conditions compare stored
 * values but cannot add. Every write is ONE TransactWrite whose Update of the AWARD item carries
 * the balance condition, so no request, however many run at once, can spend beyond a line or the
 * award: reads before a write only shape error messages and find a line's position, they never
 * decide. Corrections are reversing entries (negative amounts), never edits or deletes.
 *
 * Items (partition ALLIANCE#<id>):
 *  - LEDGER#<recordedAt>#<entryId>  an expense or a reversal (newest first by a reverse Query)
 *  - RECEIPT#<documentId>           the claim of a receipt by the one entry it backs
 *  - REALLOC#<at>#<id>              a move of allocation between two lines (admin)
 *  - AUDIT#…                        the audit record, in the same transaction as each change
 */
import { randomUUID } from 'node:crypto';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  GetCommand,
  QueryCommand,
  type QueryCommandOutput,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type { ExpenseInput, LedgerEntry, Reallocation, ReallocationInput } from '../api/ledger.ts';
import { documentClient } from '../aws/clients.ts';
import { auditPut, userActor } from '../db/audit.ts';
import { keys } from '../db/keys.ts';
import { conditionFailed, decodeCursor, encodeCursor, stripKeys, table } from '../db/table.ts';
import type { Principal } from '../http/auth.ts';
import { ApiError, notFound } from '../http/errors.ts';
import type { Lang } from '../http/i18n.ts';
import { accessAlliance } from './alliances.ts';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** The AWARD item as the ledger reads it. */
export interface AwardItem {
  allianceId: string;
  roundId?: string;
  amount: number;
  lines: { lineId: string; category: string; allocation: number; spent: number }[];
  ledger: { status: string; spent: number };
  balances: Record<string, number>;
  balance: number;
}

interface AllianceFacts {
  id: string;
  status?: string;
  period?: { start: string; end: string };
}

const isAdmin = (p: Principal) => p.roles.includes('admin');
const recorder = (p: Principal) => ({ sub: p.sub, username: p.username });

// --- ids, dates, money ------------------------------------------------------------------------------

/** 2026-11-26T12:45:12.345Z → 20261126T124512345Z */
const compactInstant = (iso: string) => iso.replace(/[-:.]/g, '');

/** A new entry id: the instant it is recorded, then a UUID (so the id leads to its key). */
export const newEntryId = (at: string, uuid: string = randomUUID()) => `${compactInstant(at)}-${uuid}`;

/** The instant an entry was recorded, from its id (inverse of newEntryId). */
export function recordedAtOf(entryId: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z-/.exec(entryId);
  if (!m) throw notFound(`ledger entry ${entryId}`);
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${m[7]}Z`;
}

/** Today's date in China Standard Time (UTC+8), YYYY-MM-DD. */
export function todayInChina(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

export const yuan = (n: number) => `¥${n.toLocaleString('en-US')}`;

// --- errors -------------------------------------------------------------------------------------------

function invalid(path: string, code: string, en: string, zh: string): ApiError {
  return new ApiError(
    400,
    'validation_failed',
    { summary: `${path}: ${en}` },
    (lang) => [{ path, code, message: lang === 'zh' ? zh : en }],
    { en: `The request is not valid: ${path}: ${en}`, zh: `请求无效：${path}：${zh}` },
  );
}

function conflictText(
  en: string,
  zh: string,
  code: string,
  extra: Record<string, unknown> = {},
  path?: string,
) {
  return new ApiError(
    409,
    'conflict',
    { reason: en },
    (lang) => [{ ...(path ? { path } : {}), code, message: lang === 'zh' ? zh : en, ...extra }],
    { en, zh },
  );
}

/** 409: the line does not have the money left. */
export function lineOverspent(line: { lineId: string; category: string }, remaining: number, amount: number) {
  const en = `Line ${line.lineId} (${line.category}) has ${yuan(remaining)} left; the expense is ${yuan(amount)}`;
  const zh = `预算科目 ${line.lineId}（${line.category}）余额为 ${yuan(remaining)}，本次支出为 ${yuan(amount)}，超出余额`;
  return conflictText(
    en,
    zh,
    'insufficient_line_balance',
    { lineId: line.lineId, remaining, amount },
    'body.amount',
  );
}

/** 409: the award as a whole does not have the money left. */
export function awardOverspent(remaining: number, amount: number) {
  const en = `The award has ${yuan(remaining)} left; the expense is ${yuan(amount)}`;
  const zh = `资助经费余额为 ${yuan(remaining)}，本次支出为 ${yuan(amount)}，超出余额`;
  return conflictText(en, zh, 'insufficient_award_balance', { remaining, amount }, 'body.amount');
}

export function ledgerFrozen(allianceId: string, status: string) {
  return conflictText(
    `The dedicated account of alliance ${allianceId} is ${status}; nothing can be recorded in it`,
    `联盟 ${allianceId} 的专账状态为 ${status === 'frozen' ? '已冻结' : status}，不能记账`,
    'ledger_frozen',
    { status },
  );
}

const busy = () =>
  conflictText(
    'The dedicated account is being changed by other requests; retry',
    '专账正在被其他请求修改，请重试',
    'ledger_busy',
  );

// --- reads --------------------------------------------------------------------------------------------

async function loadAward(allianceId: string): Promise<AwardItem> {
  const { Item } = await documentClient().send(
    new GetCommand({ TableName: table(), Key: keys.award(allianceId), ConsistentRead: true }),
  );
  if (!Item) throw notFound(`the dedicated account of alliance ${allianceId} (no award)`);
  return stripKeys<AwardItem>(Item);
}

/**
 * Members (applicants whose organisation belongs to the alliance) and admins read through
 * accessAlliance; inspectors read any designated alliance's ledger. Anyone else: 404.
 */
async function readAccess(principal: Principal, allianceId: string): Promise<AllianceFacts> {
  if (principal.roles.includes('inspector') && !isAdmin(principal)) {
    const { Item } = await documentClient().send(
      new GetCommand({ TableName: table(), Key: keys.alliance(allianceId) }),
    );
    if (Item) return stripKeys<AllianceFacts>(Item);
    throw notFound(`alliance ${allianceId}`);
  }
  return (await accessAlliance(principal, allianceId)).alliance;
}

/** Writers: confirmed member applicants and admins. */
async function writeAccess(principal: Principal, allianceId: string): Promise<AllianceFacts> {
  return (await accessAlliance(principal, allianceId, { confirmedOnly: !isAdmin(principal) })).alliance;
}

function summary(award: AwardItem) {
  const lines = award.lines.map((l) => ({
    lineId: l.lineId,
    category: l.category,
    allocation: l.allocation,
    spent: l.spent,
    remaining: award.balances[l.lineId] ?? l.allocation - l.spent,
  }));
  return {
    allianceId: award.allianceId,
    ...(award.roundId ? { roundId: award.roundId } : {}),
    status: award.ledger.status,
    award: award.amount,
    lines,
    totals: { allocation: award.amount, spent: award.ledger.spent, remaining: award.balance },
  };
}

const toEntry = (item: Record<string, unknown>) => stripKeys<LedgerEntry>(item);

async function queryEntries(
  allianceId: string,
  options: { newestFirst: boolean; limit?: number; cursor?: string | undefined },
) {
  const { pk, skPrefix } = keys.ledgerEntries(allianceId);
  return documentClient().send(
    new QueryCommand({
      TableName: table(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': pk, ':prefix': skPrefix },
      ScanIndexForward: !options.newestFirst,
      ConsistentRead: true,
      ...(options.limit ? { Limit: options.limit } : {}),
      ...(options.cursor ? { ExclusiveStartKey: decodeCursor(options.cursor, pk) } : {}),
    }),
  );
}

async function allItems(allianceId: string, prefix: 'LEDGER#' | 'REALLOC#') {
  const pk = keys.alliance(allianceId).pk;
  const items: Record<string, unknown>[] = [];
  let startKey: QueryCommandOutput['LastEvaluatedKey'];
  do {
    const page = await documentClient().send(
      new QueryCommand({
        TableName: table(),
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': pk, ':prefix': prefix },
        ConsistentRead: true,
        ...(startKey ? { ExclusiveStartKey: startKey } : {}),
      }),
    );
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
}

/** The award, each line's allocation, spent and remaining, totals, reallocations and a page of entries. */
export async function getLedger(
  principal: Principal,
  allianceId: string,
  query: { cursor?: string | undefined; limit: number },
) {
  await readAccess(principal, allianceId);
  const [award, page, reallocations] = await Promise.all([
    loadAward(allianceId),
    queryEntries(allianceId, { newestFirst: true, limit: query.limit, cursor: query.cursor }),
    allItems(allianceId, 'REALLOC#'),
  ]);
  const nextCursor = encodeCursor(page.LastEvaluatedKey);
  return {
    ...summary(award),
    reallocations: reallocations.map((r) => stripKeys<Reallocation>(r)),
    entries: (page.Items ?? []).map(toEntry),
    ...(nextCursor ? { nextCursor } : {}),
  };
}

// --- transactions -------------------------------------------------------------------------------------

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Sends one transaction. DynamoDB cancels a transaction that meets another on the same item
 * (TransactionConflict) without evaluating our conditions: that one is retried with jittered
 * backoff (nothing was written); a failed condition is never retried, it is the answer.
 */
export async function transact(items: TransactItem[], attempts = 8): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await documentClient().send(new TransactWriteCommand({ TransactItems: items }));
      return;
    } catch (error) {
      const reasons = error instanceof TransactionCanceledException ? (error.CancellationReasons ?? []) : [];
      const contended =
        reasons.some((r) => r.Code === 'TransactionConflict') &&
        !reasons.some((r) => r.Code === 'ConditionalCheckFailed');
      const inProgress = (error as { name?: string }).name === 'TransactionInProgressException';
      if ((contended || inProgress) && attempt < attempts) {
        await sleep(Math.random() * Math.min(1000, 25 * 2 ** attempt));
        continue;
      }
      if (contended) throw busy();
      throw error;
    }
  }
}

function lineIndex(award: AwardItem, lineId: string, path: string): number {
  const index = award.lines.findIndex((l) => l.lineId === lineId);
  if (index < 0) {
    const known = award.lines.map((l) => l.lineId).join(', ');
    throw invalid(
      path,
      'unknown_line',
      `no budget line ${lineId} in this award (lines: ${known})`,
      `本项资助没有预算科目 ${lineId}（现有科目：${known}）`,
    );
  }
  return index;
}

/**
 * The Update of the AWARD item that spends `amount` from line `lineId` (at position `index` of
 * `lines`): it holds only if the ledger is open and both the line and the award have the money.
 */
export function spendUpdate(allianceId: string, lineId: string, index: number, amount: number): TransactItem {
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

/** Records an expense: one transaction of the balance update, the entry, the receipt claim and the audit. */
export async function recordExpense(
  principal: Principal,
  allianceId: string,
  input: ExpenseInput,
  now = new Date(),
): Promise<LedgerEntry> {
  const alliance = await writeAccess(principal, allianceId);
  const [award, receipt] = await Promise.all([
    loadAward(allianceId),
    documentClient().send(
      new GetCommand({
        TableName: table(),
        Key: keys.allianceDocument(allianceId, input.receiptDocumentId),
        ConsistentRead: true,
      }),
    ),
  ]);
  if (award.ledger.status !== 'open') throw ledgerFrozen(allianceId, award.ledger.status);
  const index = lineIndex(award, input.lineId, 'body.lineId');
  const line = award.lines[index]!;

  const today = todayInChina(now);
  if (input.date > today) {
    throw invalid(
      'body.date',
      'date_in_future',
      `${input.date} is in the future (today is ${today}, China time)`,
      `${input.date} 晚于今天（北京时间 ${today}）`,
    );
  }
  const period = alliance.period;
  if (period && (input.date < period.start || input.date > period.end)) {
    throw invalid(
      'body.date',
      'outside_period',
      `${input.date} is outside the cooperation period ${period.start} – ${period.end}`,
      `${input.date} 不在合作期限 ${period.start} 至 ${period.end} 内`,
    );
  }
  const doc = receipt.Item;
  if (doc?.kind !== 'receipt') {
    throw invalid(
      'body.receiptDocumentId',
      'receipt_not_found',
      `no receipt ${input.receiptDocumentId} among this alliance's documents (upload it with kind "receipt")`,
      `本联盟没有票据文件 ${input.receiptDocumentId}（请以 kind "receipt" 上传）`,
    );
  }
  if (doc.status !== 'verified') {
    throw invalid(
      'body.receiptDocumentId',
      'receipt_not_verified',
      `receipt ${input.receiptDocumentId} is ${doc.status}, not verified`,
      `票据 ${input.receiptDocumentId} 状态为 ${doc.status === 'pending' ? '待核验' : '未通过核验'}，尚未核验通过`,
    );
  }

  const at = now.toISOString();
  const id = newEntryId(at);
  const entry: LedgerEntry = {
    id,
    allianceId,
    kind: 'expense',
    lineId: line.lineId,
    category: line.category,
    amount: input.amount,
    date: input.date,
    description: input.description,
    receiptDocumentId: input.receiptDocumentId,
    recordedBy: recorder(principal),
    recordedAt: at,
  };
  const items: TransactItem[] = [
    spendUpdate(allianceId, line.lineId, index, input.amount),
    {
      Put: {
        TableName: table(),
        Item: { ...keys.ledgerEntry(allianceId, at, id), type: 'ledger-entry', ...entry },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    {
      Put: {
        TableName: table(),
        Item: {
          ...keys.receiptClaim(allianceId, input.receiptDocumentId),
          type: 'receipt-claim',
          documentId: input.receiptDocumentId,
          entryId: id,
          claimedAt: at,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    {
      // The receipt is still this alliance's verified receipt when the money moves.
      ConditionCheck: {
        TableName: table(),
        Key: keys.allianceDocument(allianceId, input.receiptDocumentId),
        ConditionExpression: 'kind = :receipt AND #status = :verified',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':receipt': 'receipt', ':verified': 'verified' },
      },
    },
    auditPut(
      table(),
      keys.alliance(allianceId).pk,
      {
        action: 'ledger.expense',
        actor: userActor(principal),
        reason: input.description,
        data: {
          entryId: id,
          lineId: line.lineId,
          amount: input.amount,
          date: input.date,
          receiptDocumentId: input.receiptDocumentId,
        },
      },
      now,
    ),
  ];
  try {
    await transact(items);
  } catch (error) {
    if (conditionFailed(error, 0)) throw await explainSpendFailure(allianceId, line, input.amount);
    if (conditionFailed(error, 2)) throw await receiptTaken(allianceId, input.receiptDocumentId);
    if (conditionFailed(error, 3)) {
      throw invalid(
        'body.receiptDocumentId',
        'receipt_not_verified',
        `receipt ${input.receiptDocumentId} is not a verified receipt`,
        `票据 ${input.receiptDocumentId} 不是已核验的票据`,
      );
    }
    if (conditionFailed(error)) throw busy();
    throw error;
  }
  return entry;
}

/** Why the AWARD condition failed, read after the fact (the decision was the condition's). */
async function explainSpendFailure(
  allianceId: string,
  line: { lineId: string; category: string },
  amount: number,
): Promise<ApiError> {
  const award = await loadAward(allianceId);
  if (award.ledger.status !== 'open') return ledgerFrozen(allianceId, award.ledger.status);
  const remaining = award.balances[line.lineId] ?? 0;
  if (remaining < amount) return lineOverspent(line, remaining, amount);
  if (award.balance < amount) return awardOverspent(award.balance, amount);
  return busy(); // the balances changed in between (e.g. a reversal): the client may retry
}

async function receiptTaken(allianceId: string, documentId: string): Promise<ApiError> {
  const { Item } = await documentClient().send(
    new GetCommand({
      TableName: table(),
      Key: keys.receiptClaim(allianceId, documentId),
      ConsistentRead: true,
    }),
  );
  const by = (Item?.entryId as string | undefined) ?? '?';
  return conflictText(
    `Receipt ${documentId} already backs ledger entry ${by}; one receipt backs one entry`,
    `票据 ${documentId} 已用于记账条目 ${by}；一张票据只能对应一笔支出`,
    'receipt_already_used',
    { entryId: by },
    'body.receiptDocumentId',
  );
}

/**
 * Reverses an expense: a reversing entry (the negative amount) that gives the money back to its
 * line, in one transaction with marking the original reversed (once: attribute_not_exists), the
 * release of its receipt (so a corrected entry can use it) and the audit record.
 */
export async function reverseEntry(
  principal: Principal,
  allianceId: string,
  entryId: string,
  reason: string,
  now = new Date(),
): Promise<LedgerEntry> {
  await writeAccess(principal, allianceId);
  const originalKey = keys.ledgerEntry(allianceId, recordedAtOf(entryId), entryId);
  const [award, found] = await Promise.all([
    loadAward(allianceId),
    documentClient().send(new GetCommand({ TableName: table(), Key: originalKey, ConsistentRead: true })),
  ]);
  if (!found.Item) throw notFound(`ledger entry ${entryId}`);
  const original = toEntry(found.Item);
  if (original.kind !== 'expense') {
    throw conflictText(
      `Entry ${entryId} is itself a reversal; record a new expense instead`,
      `条目 ${entryId} 本身是冲销条目；请改为新记一笔支出`,
      'not_reversible',
    );
  }
  if (original.reversedBy) throw alreadyReversed(entryId, original.reversedBy);
  if (award.ledger.status !== 'open') throw ledgerFrozen(allianceId, award.ledger.status);
  const index = lineIndex(award, original.lineId, 'path.entryId');

  const at = now.toISOString();
  const id = newEntryId(at);
  const reversal: LedgerEntry = {
    id,
    allianceId,
    kind: 'reversal',
    lineId: original.lineId,
    category: original.category,
    amount: -original.amount,
    date: todayInChina(now),
    description: `冲销 Reversal of ${entryId}: ${reason}`,
    recordedBy: recorder(principal),
    recordedAt: at,
    reason,
    reversalOf: entryId,
  };
  const items: TransactItem[] = [
    {
      Update: {
        TableName: table(),
        Key: originalKey,
        ConditionExpression: 'attribute_exists(pk) AND kind = :expense AND attribute_not_exists(reversedBy)',
        UpdateExpression: 'SET reversedBy = :id, reversedAt = :at',
        ExpressionAttributeValues: { ':expense': 'expense', ':id': id, ':at': at },
      },
    },
    {
      Update: {
        TableName: table(),
        Key: keys.award(allianceId),
        ConditionExpression: `ledger.#status = :open AND #lines[${index}].lineId = :lineId AND attribute_exists(balances.#line)`,
        UpdateExpression: `SET balances.#line = balances.#line + :amount, balance = balance + :amount, ledger.spent = ledger.spent - :amount, #lines[${index}].spent = #lines[${index}].spent - :amount`,
        ExpressionAttributeNames: { '#status': 'status', '#line': original.lineId, '#lines': 'lines' },
        ExpressionAttributeValues: {
          ':open': 'open',
          ':amount': original.amount,
          ':lineId': original.lineId,
        },
      },
    },
    {
      Put: {
        TableName: table(),
        Item: { ...keys.ledgerEntry(allianceId, at, id), type: 'ledger-entry', ...reversal },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    auditPut(
      table(),
      keys.alliance(allianceId).pk,
      {
        action: 'ledger.reversal',
        actor: userActor(principal),
        reason,
        data: { entryId: id, reversalOf: entryId, lineId: original.lineId, amount: -original.amount },
      },
      now,
    ),
  ];
  if (original.receiptDocumentId) {
    items.push({
      Delete: {
        TableName: table(),
        Key: keys.receiptClaim(allianceId, original.receiptDocumentId),
        ConditionExpression: 'attribute_not_exists(pk) OR entryId = :entry',
        ExpressionAttributeValues: { ':entry': entryId },
      },
    });
  }
  try {
    await transact(items);
  } catch (error) {
    if (conditionFailed(error, 0)) {
      const again = await documentClient().send(
        new GetCommand({ TableName: table(), Key: originalKey, ConsistentRead: true }),
      );
      throw alreadyReversed(entryId, (again.Item?.reversedBy as string | undefined) ?? '?');
    }
    if (conditionFailed(error, 1)) {
      const latest = await loadAward(allianceId);
      if (latest.ledger.status !== 'open') throw ledgerFrozen(allianceId, latest.ledger.status);
      throw busy();
    }
    if (conditionFailed(error)) throw busy();
    throw error;
  }
  return reversal;
}

function alreadyReversed(entryId: string, by: string) {
  return conflictText(
    `Entry ${entryId} was already reversed by ${by}; an entry can be reversed once`,
    `条目 ${entryId} 已被 ${by} 冲销；每笔条目只能冲销一次`,
    'already_reversed',
    { reversedBy: by },
  );
}

/**
 * Moves allocation from one line to another (admin). The award's total is unchanged; the source
 * line's remaining amount must cover the move (condition on balances.#from).
 */
export async function reallocate(
  principal: Principal,
  allianceId: string,
  input: ReallocationInput,
  now = new Date(),
) {
  await writeAccess(principal, allianceId);
  const award = await loadAward(allianceId);
  if (award.ledger.status !== 'open') throw ledgerFrozen(allianceId, award.ledger.status);
  const from = lineIndex(award, input.fromLineId, 'body.fromLineId');
  const to = lineIndex(award, input.toLineId, 'body.toLineId');
  const at = now.toISOString();
  const id = `r-${randomUUID()}`;
  const record: Reallocation = {
    id,
    allianceId,
    fromLineId: input.fromLineId,
    toLineId: input.toLineId,
    amount: input.amount,
    reason: input.reason,
    by: recorder(principal),
    at,
  };
  const items: TransactItem[] = [
    {
      Update: {
        TableName: table(),
        Key: keys.award(allianceId),
        ConditionExpression: `ledger.#status = :open AND balances.#from >= :amount AND #lines[${from}].lineId = :fromId AND #lines[${to}].lineId = :toId AND attribute_exists(balances.#to)`,
        UpdateExpression: `SET balances.#from = balances.#from - :amount, balances.#to = balances.#to + :amount, #lines[${from}].allocation = #lines[${from}].allocation - :amount, #lines[${to}].allocation = #lines[${to}].allocation + :amount`,
        ExpressionAttributeNames: {
          '#status': 'status',
          '#from': input.fromLineId,
          '#to': input.toLineId,
          '#lines': 'lines',
        },
        ExpressionAttributeValues: {
          ':open': 'open',
          ':amount': input.amount,
          ':fromId': input.fromLineId,
          ':toId': input.toLineId,
        },
      },
    },
    {
      Put: {
        TableName: table(),
        Item: { ...keys.reallocation(allianceId, at, id), type: 'reallocation', ...record },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    auditPut(
      table(),
      keys.alliance(allianceId).pk,
      {
        action: 'ledger.reallocation',
        actor: userActor(principal),
        reason: input.reason,
        data: {
          reallocationId: id,
          fromLineId: input.fromLineId,
          toLineId: input.toLineId,
          amount: input.amount,
        },
      },
      now,
    ),
  ];
  try {
    await transact(items);
  } catch (error) {
    if (conditionFailed(error, 0)) {
      const latest = await loadAward(allianceId);
      if (latest.ledger.status !== 'open') throw ledgerFrozen(allianceId, latest.ledger.status);
      const remaining = latest.balances[input.fromLineId] ?? 0;
      if (remaining < input.amount) {
        const line = latest.lines[from]!;
        const en = `Line ${line.lineId} (${line.category}) has ${yuan(remaining)} left; cannot move ${yuan(input.amount)}`;
        const zh = `预算科目 ${line.lineId}（${line.category}）余额为 ${yuan(remaining)}，不能调出 ${yuan(input.amount)}`;
        throw conflictText(
          en,
          zh,
          'insufficient_line_balance',
          { lineId: line.lineId, remaining, amount: input.amount },
          'body.amount',
        );
      }
      throw busy();
    }
    if (conditionFailed(error)) throw busy();
    throw error;
  }
  return { ...summary(await loadAward(allianceId)), reallocation: record };
}

// --- CSV ----------------------------------------------------------------------------------------------

const csvHeaders: Record<Lang, string[]> = {
  en: [
    'entry',
    'date',
    'line',
    'category',
    'description',
    'amount (yuan)',
    'receipt',
    'recorded by',
    'recorded at',
    'reversal of',
  ],
  zh: ['条目', '日期', '预算科目', '类别', '摘要', '金额（元）', '票据', '记录人', '记录时间', '冲销条目'],
};

/**
 * One CSV cell (RFC 4180): text that a spreadsheet would read as a formula (= + - @, or a leading
 * tab or carriage return) is prefixed with an apostrophe; cells with a comma, quote or line
 * break are quoted, quotes doubled. Numbers we computed are written as they are.
 */
export function csvCell(value: string | number | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const guarded = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

/** The ledger as CSV: UTF-8 BOM (Excel reads Chinese right), a header row, CRLF line ends. */
export function ledgerCsv(entries: LedgerEntry[], lang: Lang): string {
  const rows = [
    csvHeaders[lang].map(csvCell),
    ...entries.map((e) =>
      [
        e.id,
        e.date,
        e.lineId,
        e.category,
        e.description,
        e.amount,
        e.receiptDocumentId,
        e.recordedBy.username,
        e.recordedAt,
        e.reversalOf,
      ].map(csvCell),
    ),
  ];
  return `\uFEFF${rows.map((r) => r.join(',')).join('\r\n')}\r\n`;
}

/** Every entry, oldest first, as CSV. */
export async function exportLedgerCsv(principal: Principal, allianceId: string, lang: Lang) {
  await readAccess(principal, allianceId);
  await loadAward(allianceId);
  const entries = (await allItems(allianceId, 'LEDGER#')).map(toEntry);
  return ledgerCsv(entries, lang);
}
