/**
 * The ledger's handlers with a mocked DynamoDB: the exact transaction of an expense, what a
 * failed balance condition becomes (409 naming the line's remaining amount), reversal once only,
 * validation, roles, and the CSV (BOM, RFC 4180 quoting, formula-injection guard).
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { apiEvent, lambdaContext, setEnv } from '../functions/helpers.ts';

setEnv();
const { handler } = await import('../../../functions/ledger/handler.ts');
const { csvCell, ledgerCsv, newEntryId, recordedAtOf, todayInChina } = await import(
  '../../../shared/usecases/ledger/index.ts'
);
const ddb = mockClient(DynamoDBDocumentClient);

const A = 'a-1';
const PK = `ALLIANCE#${A}`;
const RECEIPT = 'rcpt-1';
const RECEIPT_SHA = 'c'.repeat(64);
const NOW = new Date('2026-11-26T04:00:00.000Z');

beforeAll(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});
afterAll(() => vi.useRealTimers());

const award = (overrides: Record<string, unknown> = {}) => ({
  pk: PK,
  sk: 'AWARD',
  type: 'award',
  allianceId: A,
  roundId: 'r-1',
  amount: 300_000,
  lines: [
    { lineId: 'experts', category: '专家咨询费', allocation: 200_000, spent: 0 },
    { lineId: 'equipment', category: '设备费', allocation: 100_000, spent: 88_000 },
  ],
  ledger: { status: 'open', spent: 88_000 },
  balances: { experts: 200_000, equipment: 12_000 },
  balance: 212_000,
  ...overrides,
});

/** The items the world's BatchGets find (by pk and sk). */
let stored: Record<string, unknown>[] = [];

/** A member applicant (org-1) of alliance a-1, its award and a verified receipt. */
function world(
  options: { award?: Record<string, unknown>; member?: boolean; receipt?: Record<string, unknown> } = {},
) {
  const alliance = [
    { pk: PK, sk: 'ALLIANCE', id: A, status: 'designated' },
    { pk: PK, sk: 'ALLIANCE#CONTENT', period: { start: '2026-01-01', end: '2027-12-31' } },
  ];
  // An admin's access check queries the head and content; a member's reads them by key in one
  // BatchGet with its USER# link (shared/db/alliances.ts), as may an inspector's with its assignment.
  ddb.on(QueryCommand, { ExpressionAttributeValues: { ':pk': PK, ':alliance': 'ALLIANCE' } }).resolves({
    Items: alliance,
  });
  stored = [...alliance, { pk: 'USER#user-1', sk: 'USER', orgId: 'org-1' }];
  // Within a request the access check reads the alliance's whole partition in one Query
  // (shared/db/alliances.ts), which then answers the request's reads of its items (award,
  // receipt, entries) until its first write: the partition is what `stored` holds under PK.
  ddb
    .on(QueryCommand, { KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': PK } })
    .callsFake(() => ({ Items: stored.filter((i) => i.pk === PK) }));
  ddb.on(BatchGetCommand).callsFake((input) => ({
    Responses: Object.fromEntries(
      Object.entries(input.RequestItems as Record<string, { Keys: { pk: string; sk: string }[] }>).map(
        ([name, { Keys }]) => [name, stored.filter((i) => Keys.some((k) => k.pk === i.pk && k.sk === i.sk))],
      ),
    ),
  }));
  ddb.on(QueryCommand, { ExpressionAttributeValues: { ':member': 'MEMBER#' } }).resolves({
    Items:
      options.member === false
        ? []
        : [{ organisationId: 'org-1', state: 'confirmed', invitedAt: '2026-01-01T00:00:00.000Z' }],
  });
  ddb.on(GetCommand, { Key: { pk: PK, sk: 'AWARD' } }).resolves({ Item: award(options.award) });
  ddb.on(GetCommand, { Key: { pk: 'USER#user-1', sk: 'USER' } }).resolves({ Item: stored[2] });
  const receipt = {
    pk: PK,
    sk: `DOC#${RECEIPT}`,
    id: RECEIPT,
    kind: 'receipt',
    status: 'verified',
    sha256: RECEIPT_SHA,
    evidenceKey: `evidence/${A}/receipt/${RECEIPT}.pdf`,
    ...options.receipt,
  };
  ddb.on(GetCommand, { Key: { pk: PK, sk: `DOC#${RECEIPT}` } }).resolves({ Item: receipt });
  stored.push(award(options.award), receipt);
  if (options.member !== false)
    stored.push({
      pk: PK,
      sk: 'MEMBER#org-1',
      organisationId: 'org-1',
      state: 'confirmed',
      invitedAt: '2026-01-01T00:00:00.000Z',
    });
}

const cancelled = (...codes: string[]) =>
  new TransactionCanceledException({
    message: 'Transaction cancelled',
    $metadata: {},
    CancellationReasons: codes.map((Code) => ({ Code })),
  });

async function call(
  routeKey: string,
  path: string,
  pathParameters: Record<string, string>,
  options: { groups?: string; body?: unknown; headers?: Record<string, string> } = {},
) {
  const result = (await handler(
    apiEvent(routeKey, {
      path,
      pathParameters,
      groups: options.groups ?? '[applicant]',
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
      ...(options.headers ? { headers: options.headers } : {}),
    }),
    lambdaContext,
  )) as { statusCode: number; body: string; headers: Record<string, string> };
  let body: any = result.body;
  try {
    body = JSON.parse(result.body);
  } catch {
    // CSV
  }
  return { status: result.statusCode, body, headers: result.headers, text: result.body };
}

const expense = (
  body: Record<string, unknown>,
  options: { groups?: string; headers?: Record<string, string> } = {},
) =>
  call(
    'POST /v1/alliances/{allianceId}/ledger/expenses',
    `/v1/alliances/${A}/ledger/expenses`,
    { allianceId: A },
    {
      ...options,
      body,
    },
  );

const validExpense = {
  lineId: 'equipment',
  amount: 20_000,
  date: '2026-11-20',
  description: '采购激光功率计',
  receiptDocumentId: RECEIPT,
};

beforeEach(() => {
  ddb.reset();
});

describe('POST /v1/alliances/{allianceId}/ledger/expenses', () => {
  it('is one TransactWrite: the conditional balance update, the entry, the receipt claim, the receipt check and the audit', async () => {
    world();
    ddb.on(TransactWriteCommand).resolves({});
    const res = await expense({ ...validExpense, amount: 12_000 });
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({
      allianceId: A,
      kind: 'expense',
      lineId: 'equipment',
      category: '设备费',
      amount: 12_000,
      receiptDocumentId: RECEIPT,
      receiptSha256: RECEIPT_SHA,
      receiptEvidenceKey: `evidence/${A}/receipt/${RECEIPT}.pdf`,
      recordedBy: { sub: 'user-1', username: 'u1' },
      recordedAt: NOW.toISOString(),
    });
    const calls = ddb.commandCalls(TransactWriteCommand);
    expect(calls).toHaveLength(1);
    const items = calls[0]!.args[0].input.TransactItems!;
    expect(items).toHaveLength(5);
    expect(items[0]).toEqual({
      Update: {
        TableName: 'esip-test',
        Key: { pk: PK, sk: 'AWARD' },
        ConditionExpression:
          'ledger.#status = :open AND balances.#line >= :amount AND balance >= :amount AND #lines[1].lineId = :lineId',
        UpdateExpression:
          'SET balances.#line = balances.#line - :amount, balance = balance - :amount, ledger.spent = ledger.spent + :amount, #lines[1].spent = #lines[1].spent + :amount',
        ExpressionAttributeNames: { '#status': 'status', '#line': 'equipment', '#lines': 'lines' },
        ExpressionAttributeValues: { ':open': 'open', ':amount': 12_000, ':lineId': 'equipment' },
      },
    });
    const entryPut = items[1]!.Put!;
    expect(entryPut.ConditionExpression).toBe('attribute_not_exists(pk)');
    expect(entryPut.Item).toMatchObject({ pk: PK, type: 'ledger-entry', id: res.body.id, amount: 12_000 });
    expect(entryPut.Item!.sk).toBe(`LEDGER#${NOW.toISOString()}#${res.body.id}`);
    expect(items[2]!.Put).toMatchObject({
      Item: { pk: PK, sk: `RECEIPT#${RECEIPT}`, entryId: res.body.id },
      ConditionExpression: 'attribute_not_exists(pk)',
    });
    // The receipt is still verified, with the SHA-256 the entry pins, when the money moves.
    expect(items[3]!.ConditionCheck).toMatchObject({
      Key: { pk: PK, sk: `DOC#${RECEIPT}` },
      ConditionExpression: 'kind = :receipt AND #status = :verified AND sha256 = :sha256',
      ExpressionAttributeValues: { ':sha256': RECEIPT_SHA },
    });
    expect(entryPut.Item).toMatchObject({ receiptSha256: RECEIPT_SHA });
    expect(items[4]!.Put).toMatchObject({
      Item: {
        pk: PK,
        type: 'audit',
        action: 'ledger.expense',
        data: { entryId: res.body.id, amount: 12_000 },
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    });
  });

  it('never decides on a read: the transaction goes out even when the read balance looks short', async () => {
    world(); // equipment shows ¥12,000 left
    ddb.on(TransactWriteCommand).rejects(cancelled('ConditionalCheckFailed', 'None', 'None', 'None', 'None'));
    const res = await expense(validExpense);
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(1);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('conflict');
    expect(res.body.error.message).toBe('Line equipment (设备费) has ¥12,000 left; the expense is ¥20,000');
    expect(res.body.error.details[0]).toMatchObject({
      path: 'body.amount',
      code: 'insufficient_line_balance',
      lineId: 'equipment',
      remaining: 12_000,
      amount: 20_000,
    });
    const zh = await expense(validExpense, { headers: { 'accept-language': 'zh-CN' } });
    expect(zh.status).toBe(409);
    expect(zh.body.error.message).toBe(
      '预算科目 equipment（设备费）余额为 ¥12,000，本次支出为 ¥20,000，超出余额',
    );
  });

  it('names the award when the line has the money but the award does not', async () => {
    world({ award: { balances: { experts: 200_000, equipment: 50_000 }, balance: 10_000 } });
    ddb.on(TransactWriteCommand).rejects(cancelled('ConditionalCheckFailed', 'None', 'None', 'None', 'None'));
    const res = await expense(validExpense);
    expect(res.status).toBe(409);
    expect(res.body.error.details[0]).toMatchObject({
      code: 'insufficient_award_balance',
      remaining: 10_000,
    });
  });

  it('is 409 on a frozen ledger, before any write', async () => {
    world({ award: { ledger: { status: 'frozen', spent: 0 } } });
    const res = await expense(validExpense);
    expect(res.status).toBe(409);
    expect(res.body.error.details[0].code).toBe('ledger_frozen');
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });

  it('is 409 when the receipt already backs another entry', async () => {
    world();
    ddb
      .on(GetCommand, { Key: { pk: PK, sk: `RECEIPT#${RECEIPT}` } })
      .resolves({ Item: { entryId: 'e-other' } });
    ddb.on(TransactWriteCommand).rejects(cancelled('None', 'None', 'ConditionalCheckFailed', 'None', 'None'));
    const res = await expense({ ...validExpense, amount: 100 });
    expect(res.status).toBe(409);
    expect(res.body.error.details[0]).toMatchObject({ code: 'receipt_already_used', entryId: 'e-other' });
  });

  it('retries a transaction DynamoDB cancelled for contention (nothing was written)', async () => {
    world();
    ddb
      .on(TransactWriteCommand)
      .rejectsOnce(cancelled('TransactionConflict', 'None', 'None', 'None', 'None'))
      .resolves({});
    const res = await expense({ ...validExpense, amount: 100 });
    expect(res.status).toBe(201);
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(2);
  });

  it.each([
    [{ amount: 0 }, 'body.amount'],
    [{ amount: 12.5 }, 'body.amount'],
    [{ date: '2026-11-27' }, 'body.date'], // tomorrow in China
    [{ date: '2025-12-31' }, 'body.date'], // before the cooperation period
    [{ lineId: 'travel' }, 'body.lineId'],
    [{ description: '  ' }, 'body.description'],
  ])('is 400 for %j, naming %s', async (patch, path) => {
    world();
    const res = await expense({ ...validExpense, ...patch });
    expect(res.status, res.text).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });

  it('is 400 for a receipt that is not verified yet', async () => {
    world({ receipt: { status: 'pending' } });
    const res = await expense(validExpense);
    expect(res.status).toBe(400);
    expect(res.body.error.details[0]).toMatchObject({
      path: 'body.receiptDocumentId',
      code: 'receipt_not_verified',
    });
  });

  it('is 404 for an applicant whose organisation is not a member', async () => {
    world({ member: false });
    const res = await expense(validExpense);
    expect(res.status).toBe(404);
  });

  it('is 403 for an inspector (read only)', async () => {
    const res = await expense(validExpense, { groups: '[inspector]' });
    expect(res.status).toBe(403);
  });
});

describe('POST …/ledger/entries/{entryId}/reverse', () => {
  const entryAt = '2026-11-20T01:02:03.456Z';
  const entryId = newEntryId(entryAt, '0b6f4a52-6c1e-4a57-9a35-9f0c1a2b3c4d');
  const reverse = () =>
    call(
      'POST /v1/alliances/{allianceId}/ledger/entries/{entryId}/reverse',
      `/v1/alliances/${A}/ledger/entries/${entryId}/reverse`,
      { allianceId: A, entryId },
      { body: { reason: '金额录入错误' } },
    );
  const original = (extra: Record<string, unknown> = {}) => ({
    pk: PK,
    sk: `LEDGER#${entryAt}#${entryId}`,
    id: entryId,
    allianceId: A,
    kind: 'expense',
    lineId: 'equipment',
    category: '设备费',
    amount: 8_000,
    date: '2026-11-19',
    description: '采购',
    receiptDocumentId: RECEIPT,
    recordedBy: { sub: 'user-1', username: 'u1' },
    recordedAt: entryAt,
    ...extra,
  });

  it('ids lead back to their key', () => {
    expect(entryId).toBe('20261120T010203456Z-0b6f4a52-6c1e-4a57-9a35-9f0c1a2b3c4d');
    expect(recordedAtOf(entryId)).toBe(entryAt);
  });

  it('adds the money back in one transaction that marks the original reversed, once', async () => {
    world();
    stored.push(original()); // in the partition the access check reads
    ddb.on(TransactWriteCommand).resolves({});
    const res = await reverse();
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({
      kind: 'reversal',
      amount: -8_000,
      reversalOf: entryId,
      lineId: 'equipment',
    });
    const items = ddb.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!;
    expect(items[0]!.Update).toMatchObject({
      Key: { pk: PK, sk: `LEDGER#${entryAt}#${entryId}` },
      ConditionExpression:
        'attribute_exists(pk) AND kind = :expense AND attribute_not_exists(reversedBy) AND attribute_not_exists(flag)',
      UpdateExpression: 'SET reversedBy = :id, reversedAt = :at',
    });
    expect(items[1]!.Update!.UpdateExpression).not.toContain('flagged');
    expect(items[1]!.Update).toMatchObject({
      Key: { pk: PK, sk: 'AWARD' },
      UpdateExpression: expect.stringContaining('balances.#line = balances.#line + :amount'),
      ExpressionAttributeValues: { ':amount': 8_000 },
    });
    expect(items[2]!.Put!.Item).toMatchObject({ kind: 'reversal', amount: -8_000 });
    expect(items[3]!.Put!.Item).toMatchObject({ type: 'audit', action: 'ledger.reversal' });
    expect(items[4]!.Delete).toMatchObject({ Key: { pk: PK, sk: `RECEIPT#${RECEIPT}` } });
  });

  it('is 409 for an entry already reversed, without writing', async () => {
    world();
    stored.push(original({ reversedBy: 'x' })); // in the partition the access check reads
    const res = await reverse();
    expect(res.status).toBe(409);
    expect(res.body.error.details[0].code).toBe('already_reversed');
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });

  it('is 409 when a concurrent reversal won the race (the condition on reversedBy)', async () => {
    world();
    stored.push(original()); // read first from the partition; again after the failed write
    ddb
      .on(GetCommand, { Key: { pk: PK, sk: `LEDGER#${entryAt}#${entryId}` } })
      .resolves({ Item: original({ reversedBy: 'r-2' }) });
    ddb.on(TransactWriteCommand).rejects(cancelled('ConditionalCheckFailed', 'None', 'None', 'None', 'None'));
    const res = await reverse();
    expect(res.status).toBe(409);
    expect(res.body.error.details[0]).toMatchObject({ code: 'already_reversed', reversedBy: 'r-2' });
  });

  it('is 409 ledger_busy when the entry was flagged meanwhile (nothing written; retry)', async () => {
    world();
    stored.push(original()); // read first from the partition; again after the failed write
    ddb
      .on(GetCommand, { Key: { pk: PK, sk: `LEDGER#${entryAt}#${entryId}` } })
      .resolves({ Item: original({ flag: { flaggedAt: NOW.toISOString() } }) });
    ddb.on(TransactWriteCommand).rejects(cancelled('ConditionalCheckFailed', 'None', 'None', 'None', 'None'));
    const res = await reverse();
    expect(res.status).toBe(409);
    expect(res.body.error.details[0].code).toBe('ledger_busy');
  });

  it('resolves the flag of a flagged entry it reverses, moving its amount out of the flagged figures', async () => {
    world();
    const flag = {
      reason: { en: 'the PDF is encrypted', zh: 'PDF 文件已加密' },
      documentId: RECEIPT,
      flaggedAt: '2026-11-25T00:00:00.000Z',
      by: { sub: 'admin-1', username: 'admin' },
    };
    stored.push(original({ flag })); // in the partition the access check reads
    ddb.on(TransactWriteCommand).resolves({});
    const res = await reverse();
    expect(res.status, res.text).toBe(201);
    const items = ddb.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!;
    expect(items[0]!.Update).toMatchObject({
      ConditionExpression:
        'attribute_exists(pk) AND kind = :expense AND attribute_not_exists(reversedBy) AND flag.flaggedAt = :flaggedAt',
      UpdateExpression: 'SET reversedBy = :id, reversedAt = :at, resolvedFlag = :resolved REMOVE flag',
      ExpressionAttributeValues: {
        ':flaggedAt': flag.flaggedAt,
        ':resolved': {
          ...flag,
          resolvedAt: NOW.toISOString(),
          resolvedBy: { sub: 'user-1', username: 'u1' },
          resolution: 'reversed: 金额录入错误',
          reversedBy: res.body.id,
        },
      },
    });
    expect(items[1]!.Update).toMatchObject({
      Key: { pk: PK, sk: 'AWARD' },
      UpdateExpression: expect.stringContaining(
        'flaggedAmount = if_not_exists(flaggedAmount, :zero) + :flagAmount, flaggedEntries = if_not_exists(flaggedEntries, :zero) + :flagCount',
      ),
      ExpressionAttributeValues: { ':amount': 8_000, ':flagAmount': -8_000, ':flagCount': -1 },
    });
    expect(items[3]!.Put!.Item).toMatchObject({
      action: 'ledger.reversal',
      data: { resolvesFlag: { documentId: RECEIPT, flaggedAt: flag.flaggedAt } },
    });
  });

  it('is 409 for a reversal of a reversal', async () => {
    world();
    stored.push(original({ kind: 'reversal', amount: -8_000 })); // in the partition the access check reads
    const res = await reverse();
    expect(res.status).toBe(409);
    expect(res.body.error.details[0].code).toBe('not_reversible');
  });

  it('is 404 for an unknown entry', async () => {
    world();
    ddb.on(GetCommand, { Key: { pk: PK, sk: `LEDGER#${entryAt}#${entryId}` } }).resolves({});
    expect((await reverse()).status).toBe(404);
  });
});

describe('POST …/ledger/reallocations', () => {
  const body = { fromLineId: 'experts', toLineId: 'equipment', amount: 50_000, reason: '设备涨价' };
  const reallocate = (groups: string, b: unknown = body) =>
    call(
      'POST /v1/alliances/{allianceId}/ledger/reallocations',
      `/v1/alliances/${A}/ledger/reallocations`,
      { allianceId: A },
      { groups, body: b },
    );

  it('is admin only', async () => {
    expect((await reallocate('[applicant]')).status).toBe(403);
  });

  it('conditions the move on the source line’s remaining amount', async () => {
    world();
    ddb.on(TransactWriteCommand).resolves({});
    const res = await reallocate('[admin]');
    expect(res.status, res.text).toBe(201);
    const update = ddb.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems![0]!.Update!;
    expect(update.ConditionExpression).toContain('balances.#from >= :amount');
    expect(update.ExpressionAttributeNames).toMatchObject({ '#from': 'experts', '#to': 'equipment' });
  });

  it('refuses a move to the same line', async () => {
    const res = await reallocate('[admin]', { ...body, toLineId: 'experts' });
    expect(res.status).toBe(400);
  });
});

describe('ledger CSV', () => {
  it('quotes per RFC 4180 and guards against formula injection', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell(-5000)).toBe('-5000'); // our own numbers stay numbers
    expect(csvCell(undefined)).toBe('');
  });

  it('starts with a UTF-8 BOM and a header row, one CRLF row per entry', () => {
    const csv = ledgerCsv(
      [
        {
          id: newEntryId('2026-11-20T01:02:03.456Z', '0b6f4a52-6c1e-4a57-9a35-9f0c1a2b3c4d'),
          allianceId: A,
          kind: 'expense',
          lineId: 'equipment',
          category: '设备费',
          amount: 8000,
          date: '2026-11-19',
          description: '=1+1, "功率计"',
          receiptDocumentId: RECEIPT,
          receiptSha256: RECEIPT_SHA,
          recordedBy: { sub: 's', username: '张伟' },
          recordedAt: '2026-11-20T01:02:03.456Z',
          flag: {
            reason: { en: 'the PDF is encrypted', zh: 'PDF 文件已加密' },
            documentId: RECEIPT,
            flaggedAt: '2026-11-25T00:00:00.000Z',
            by: { sub: 'a', username: 'admin' },
          },
        },
      ],
      'zh',
    );
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe(
      '条目,日期,预算科目,类别,摘要,金额（元）,票据,记录人,记录时间,冲销条目,票据 SHA-256,存疑标记',
    );
    expect(lines[1]).toBe(
      '20261120T010203456Z-0b6f4a52-6c1e-4a57-9a35-9f0c1a2b3c4d,2026-11-19,equipment,设备费,"\'=1+1, ""功率计""",8000,rcpt-1,张伟,2026-11-20T01:02:03.456Z,,' +
        `${RECEIPT_SHA},PDF 文件已加密`,
    );
    expect(lines[2]).toBe('');
    expect(lines).toHaveLength(3);
  });

  it('is served as text/csv; charset=utf-8 to an inspector assigned to the alliance', async () => {
    world();
    ddb.on(QueryCommand, { ExpressionAttributeValues: { ':prefix': 'LEDGER#' } }).resolves({ Items: [] });
    // The draw's record of the assignment (keys.inspectorAssignment), read with the alliance
    stored.push({ pk: PK, sk: 'INSPECTOR#user-1', type: 'inspector-assignment' });
    const res = await call(
      'GET /v1/alliances/{allianceId}/ledger.csv',
      `/v1/alliances/${A}/ledger.csv`,
      { allianceId: A },
      { groups: '[inspector]' },
    );
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.text.startsWith('\uFEFFentry,date,line,')).toBe(true);
  });
});

describe('time', () => {
  it('counts today in China time', () => {
    expect(todayInChina(new Date('2026-11-26T15:59:59Z'))).toBe('2026-11-26');
    expect(todayInChina(new Date('2026-11-26T16:00:00Z'))).toBe('2026-11-27');
  });
});
