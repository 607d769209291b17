/**
 * The dedicated account (专账管理, §4.3) over HTTP on the local stack. Alliances, members and
 * receipts go through the API (so access control and receipt verification are real); the award
 * is seeded in DynamoDB Local as designation writes it (fixtures.ts `seedAward`).
 * The centrepiece: 50 simultaneous expenses that together exceed a line never overspend it.
 */
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { todayInChina } from '../../shared/usecases/ledger/index.ts';
import { api, apiUrl, ddb, eventually, tableName, tokenFor, uid } from './client.ts';
import {
  allianceContent,
  allianceOfTwo,
  applicantWithOrg,
  enterpriseBody,
  openRound,
  type Party,
  seedAward,
  societyBody,
  tinyPdf,
  uploadWithTicket,
} from './fixtures.ts';

const DAY = 86_400_000;
const dateOffset = (days: number) => todayInChina(new Date(Date.now() + days * DAY));

const LINES = [
  { lineId: 'equipment', category: '设备费', allocation: 100_000 },
  { lineId: 'experts', category: '专家咨询费', allocation: 200_000 },
];
const AWARD = 300_000;

let admin: string;
let inspector: string;
let roundId: string;

/** A designated alliance: built through the API, its status and AWARD item seeded as designation writes them. */
async function designatedAlliance() {
  const [lead, partner] = await Promise.all([
    applicantWithOrg(enterpriseBody()),
    applicantWithOrg(societyBody()),
  ]);
  const allianceId = await allianceOfTwo(lead, partner, {
    roundId,
    name: `专账测试联盟 ${uid('a')}`,
    ...allianceContent([partner.org.id]),
    period: { start: dateOffset(-365), end: dateOffset(365) },
  });

  await seedAward(allianceId, roundId, LINES);
  return { allianceId, lead, partner };
}

/** Uploads a receipt through the documents endpoint and a presigned POST; resolves when verified. */
async function verifiedReceipt(allianceId: string, token: string): Promise<string> {
  const ticket = await api('POST', `/v1/alliances/${allianceId}/documents`, {
    token,
    body: { kind: 'receipt', fileName: 'receipt.pdf' },
  });
  expect(ticket.status, ticket.text).toBe(201);
  const uploaded = await uploadWithTicket(ticket.body, tinyPdf());
  expect(uploaded.status).toBeLessThan(300);
  const id = ticket.body.document.id as string;
  await eventually(
    async () => {
      const { Item } = await ddb.send(
        new GetCommand({
          TableName: tableName,
          Key: { pk: `ALLIANCE#${allianceId}`, sk: `DOC#${id}` },
          ConsistentRead: true,
        }),
      );
      if (Item?.status === 'rejected') throw new Error(`receipt rejected: ${JSON.stringify(Item.rejection)}`);
      return Item?.status === 'verified' ? true : undefined;
    },
    `receipt ${id} verified`,
    30_000,
  );
  return id;
}

async function awardItem(allianceId: string) {
  const { Item } = await ddb.send(
    new GetCommand({
      TableName: tableName,
      Key: { pk: `ALLIANCE#${allianceId}`, sk: 'AWARD' },
      ConsistentRead: true,
    }),
  );
  return Item!;
}

async function entryItems(allianceId: string) {
  const out = await ddb.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
      ExpressionAttributeValues: { ':pk': `ALLIANCE#${allianceId}`, ':p': 'LEDGER#' },
      ConsistentRead: true,
    }),
  );
  return out.Items ?? [];
}

/** Every entry through the paginated API, newest first. */
async function allEntries(allianceId: string, token: string) {
  const entries: any[] = [];
  let cursor: string | undefined;
  do {
    const page = await api(
      'GET',
      `/v1/alliances/${allianceId}/ledger?limit=7${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      { token },
    );
    expect(page.status, page.text).toBe(200);
    entries.push(...page.body.entries);
    cursor = page.body.nextCursor;
  } while (cursor);
  return entries;
}

/** RFC 4180 parser (quoted fields, doubled quotes, CRLF), enough to read the export back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

beforeAll(async () => {
  // The inspection office reads every designated alliance's ledger (an inspector only those it is
  // assigned to: test/integration/inspections.test.ts); it writes nothing.
  [admin, inspector] = await Promise.all([tokenFor(['admin']), tokenFor(['inspection-office'])]);
  roundId = await openRound(admin);
});

describe('the dedicated account of a designated alliance', () => {
  let allianceId: string;
  let lead: Party;
  let partner: Party;
  let receiptA: string;
  let firstEntryId: string;

  beforeAll(async () => {
    ({ allianceId, lead, partner } = await designatedAlliance());
    receiptA = await verifiedReceipt(allianceId, lead.token);
  });

  it('shows members, admins and the inspection office the award and its lines; outsiders get 404', async () => {
    const outsider = await applicantWithOrg(enterpriseBody());
    for (const token of [lead.token, partner.token, admin, inspector]) {
      const res = await api('GET', `/v1/alliances/${allianceId}/ledger`, { token });
      expect(res.status, res.text).toBe(200);
      expect(res.body).toMatchObject({
        allianceId,
        status: 'open',
        award: AWARD,
        totals: { allocation: AWARD, spent: 0, remaining: AWARD },
        lines: [
          { lineId: 'equipment', allocation: 100_000, spent: 0, remaining: 100_000 },
          { lineId: 'experts', allocation: 200_000, spent: 0, remaining: 200_000 },
        ],
        entries: [],
      });
    }
    const hidden = await api('GET', `/v1/alliances/${allianceId}/ledger`, { token: outsider.token });
    expect(hidden.status).toBe(404);
    expect(hidden.body.error.code).toBe('not_found');
    const write = await api('POST', `/v1/alliances/${allianceId}/ledger/expenses`, {
      token: outsider.token,
      body: {
        lineId: 'equipment',
        amount: 1,
        date: dateOffset(0),
        description: 'x',
        receiptDocumentId: receiptA,
      },
    });
    expect(write.status).toBe(404);
    const csv = await api('GET', `/v1/alliances/${allianceId}/ledger.csv`, { token: outsider.token });
    expect(csv.status).toBe(404);
    // Inspection staff read, never write.
    const inspectorWrite = await api('POST', `/v1/alliances/${allianceId}/ledger/expenses`, {
      token: inspector,
      body: {
        lineId: 'equipment',
        amount: 1,
        date: dateOffset(0),
        description: 'x',
        receiptDocumentId: receiptA,
      },
    });
    expect(inspectorWrite.status).toBe(403);
  });

  it('records an expense backed by a verified receipt, once per receipt', async () => {
    const body = {
      lineId: 'equipment',
      amount: 12_345,
      date: dateOffset(-3),
      description: '采购激光功率计, "型号 PM100"',
      receiptDocumentId: receiptA,
    };
    const res = await api('POST', `/v1/alliances/${allianceId}/ledger/expenses`, { token: lead.token, body });
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({
      kind: 'expense',
      amount: 12_345,
      category: '设备费',
      receiptDocumentId: receiptA,
      // The receipt as verified is pinned: its SHA-256 and its evidence copy.
      receiptSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      receiptEvidenceKey: `evidence/${allianceId}/receipt/${receiptA}.pdf`,
    });
    firstEntryId = res.body.id;

    const again = await api('POST', `/v1/alliances/${allianceId}/ledger/expenses`, {
      token: partner.token,
      body: { ...body, amount: 10 },
    });
    expect(again.status).toBe(409);
    expect(again.body.error.details[0]).toMatchObject({
      code: 'receipt_already_used',
      entryId: firstEntryId,
    });

    const ledger = await api('GET', `/v1/alliances/${allianceId}/ledger`, { token: inspector });
    expect(ledger.body.lines[0]).toMatchObject({
      lineId: 'equipment',
      spent: 12_345,
      remaining: 100_000 - 12_345,
    });
    expect(ledger.body.totals).toEqual({
      allocation: AWARD,
      spent: 12_345,
      remaining: AWARD - 12_345,
      flaggedAmount: 0,
      flaggedEntries: 0,
    });
    expect(ledger.body.entries.map((e: { id: string }) => e.id)).toEqual([firstEntryId]);

    const history = await api('GET', `/v1/alliances/${allianceId}/history`, { token: admin });
    expect(history.body.items.map((i: { action: string }) => i.action)).toContain('ledger.expense');
  });

  it('refuses what is not valid with 400 naming the field', async () => {
    const base = {
      lineId: 'equipment',
      amount: 100,
      date: dateOffset(-1),
      description: '差旅',
      receiptDocumentId: receiptA,
    };
    const cases: [Record<string, unknown>, string][] = [
      [{ amount: 0 }, 'body.amount'],
      [{ amount: 1.5 }, 'body.amount'],
      [{ date: dateOffset(2) }, 'body.date'],
      [{ date: dateOffset(-400) }, 'body.date'],
      [{ lineId: 'travel' }, 'body.lineId'],
      [{ receiptDocumentId: 'no-such-doc' }, 'body.receiptDocumentId'],
    ];
    for (const [patch, path] of cases) {
      const res = await api('POST', `/v1/alliances/${allianceId}/ledger/expenses`, {
        token: lead.token,
        body: { ...base, ...patch },
      });
      expect(res.status, `${JSON.stringify(patch)}: ${res.text}`).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
      expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
    }
    // A receipt that is still pending (requested, never uploaded) cannot back an entry.
    const pending = await api('POST', `/v1/alliances/${allianceId}/documents`, {
      token: lead.token,
      body: { kind: 'receipt' },
    });
    const res = await api('POST', `/v1/alliances/${allianceId}/ledger/expenses`, {
      token: lead.token,
      body: { ...base, receiptDocumentId: pending.body.document.id },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].code).toBe('receipt_not_verified');
  });

  it('says how much a line has left when an expense would overspend it', async () => {
    const receipt = await verifiedReceipt(allianceId, partner.token);
    const res = await api('POST', `/v1/alliances/${allianceId}/ledger/expenses`, {
      token: partner.token,
      headers: { 'accept-language': 'zh-CN' },
      body: {
        lineId: 'equipment',
        amount: 90_000,
        date: dateOffset(0),
        description: '大型设备',
        receiptDocumentId: receipt,
      },
    });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toBe(
      '预算科目 equipment（设备费）余额为 ¥87,655，本次支出为 ¥90,000，超出余额',
    );
    expect(res.body.error.details[0]).toMatchObject({ code: 'insufficient_line_balance', remaining: 87_655 });
  });

  it('reverses an entry once, restoring the balance', async () => {
    const reversed = await api('POST', `/v1/alliances/${allianceId}/ledger/entries/${firstEntryId}/reverse`, {
      token: lead.token,
      body: { reason: '金额录入错误' },
    });
    expect(reversed.status, reversed.text).toBe(201);
    expect(reversed.body).toMatchObject({ kind: 'reversal', amount: -12_345, reversalOf: firstEntryId });
    const award = await awardItem(allianceId);
    expect(award.balances.equipment).toBe(100_000);
    expect(award.balance).toBe(AWARD);
    expect(award.ledger.spent).toBe(0);
    expect(award.lines[0].spent).toBe(0);

    const twice = await api('POST', `/v1/alliances/${allianceId}/ledger/entries/${firstEntryId}/reverse`, {
      token: admin,
      body: { reason: '再次冲销' },
    });
    expect(twice.status).toBe(409);
    expect(twice.body.error.details[0]).toMatchObject({
      code: 'already_reversed',
      reversedBy: reversed.body.id,
    });
    const ofReversal = await api(
      'POST',
      `/v1/alliances/${allianceId}/ledger/entries/${reversed.body.id}/reverse`,
      {
        token: admin,
        body: { reason: 'x' },
      },
    );
    expect(ofReversal.status).toBe(409);

    // The reversed entry's receipt is free again for the corrected entry.
    const corrected = await api('POST', `/v1/alliances/${allianceId}/ledger/expenses`, {
      token: lead.token,
      body: {
        lineId: 'equipment',
        amount: 1_234,
        date: dateOffset(-3),
        description: '=SUM(A1:A9) 更正',
        receiptDocumentId: receiptA,
      },
    });
    expect(corrected.status, corrected.text).toBe(201);
    const entries = await allEntries(allianceId, inspector);
    expect(entries.map((e) => e.id)).toEqual([corrected.body.id, reversed.body.id, firstEntryId]);
    expect(entries[2]).toMatchObject({ reversedBy: reversed.body.id });
  });

  it('lets only admins reallocate, within the source line’s remaining amount', async () => {
    const body = {
      fromLineId: 'experts',
      toLineId: 'equipment',
      amount: 50_000,
      reason: '设备涨价，专家费结余调剂',
    };
    const byApplicant = await api('POST', `/v1/alliances/${allianceId}/ledger/reallocations`, {
      token: lead.token,
      body,
    });
    expect(byApplicant.status).toBe(403);
    const byAdmin = await api('POST', `/v1/alliances/${allianceId}/ledger/reallocations`, {
      token: admin,
      body,
    });
    expect(byAdmin.status, byAdmin.text).toBe(201);
    expect(byAdmin.body.lines).toEqual([
      {
        lineId: 'equipment',
        category: '设备费',
        allocation: 150_000,
        spent: 1_234,
        remaining: 150_000 - 1_234,
        flaggedAmount: 0,
      },
      {
        lineId: 'experts',
        category: '专家咨询费',
        allocation: 150_000,
        spent: 0,
        remaining: 150_000,
        flaggedAmount: 0,
      },
    ]);
    expect(byAdmin.body.totals).toEqual({
      allocation: AWARD,
      spent: 1_234,
      remaining: AWARD - 1_234,
      flaggedAmount: 0,
      flaggedEntries: 0,
    });
    const tooMuch = await api('POST', `/v1/alliances/${allianceId}/ledger/reallocations`, {
      token: admin,
      body: { ...body, amount: 150_001 },
    });
    expect(tooMuch.status).toBe(409);
    expect(tooMuch.body.error.details[0]).toMatchObject({
      code: 'insufficient_line_balance',
      remaining: 150_000,
    });
    const ledger = await api('GET', `/v1/alliances/${allianceId}/ledger`, { token: partner.token });
    expect(ledger.body.reallocations).toHaveLength(1);
  });

  it('exports CSV (BOM, header, RFC 4180, formula guard) that parses back to the entries', async () => {
    // Raw bytes: fetch's text() would drop the BOM.
    const res = await fetch(`${apiUrl}/v1/alliances/${allianceId}/ledger.csv`, {
      headers: { authorization: `Bearer ${inspector}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = parseCsv(bytes.subarray(3).toString('utf8'));
    expect(header).toEqual([
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
      'receipt SHA-256',
      'flagged',
    ]);
    const entries = (await allEntries(allianceId, lead.token)).reverse(); // oldest first, as exported
    expect(rows).toHaveLength(entries.length);
    rows.forEach((row, i) => {
      const e = entries[i];
      const description = /^[=+\-@]/.test(e.description) ? `'${e.description}` : e.description;
      expect(row).toEqual([
        e.id,
        e.date,
        e.lineId,
        e.category,
        description,
        String(e.amount),
        e.receiptDocumentId ?? '',
        e.recordedBy.username,
        e.recordedAt,
        e.reversalOf ?? '',
        e.receiptSha256 ?? '',
        e.flag?.reason.en ?? '',
      ]);
    });
    expect(rows.some((r) => r[4] === "'=SUM(A1:A9) 更正")).toBe(true);
    const zh = await api('GET', `/v1/alliances/${allianceId}/ledger.csv`, {
      token: admin,
      headers: { 'accept-language': 'zh-CN' },
    });
    expect(parseCsv(zh.text)[0]![1]).toBe('日期');
  });
});

describe('50 simultaneous expenses against one line', () => {
  it('never overspend the line, and every refusal says why', async () => {
    const { allianceId, lead, partner } = await designatedAlliance();
    const started = performance.now();
    const receipts = await Promise.all(
      Array.from({ length: 50 }, (_, i) => verifiedReceipt(allianceId, i % 2 ? lead.token : partner.token)),
    );
    const uploadMs = Math.round(performance.now() - started);
    // 50 amounts between ¥3,000 and ¥7,900: about ¥270,000 against a ¥100,000 line.
    const amounts = Array.from({ length: 50 }, (_, i) => 3_000 + ((i * 37) % 50) * 100);
    expect(amounts.reduce((s, a) => s + a, 0)).toBeGreaterThan(100_000);

    const burst = performance.now();
    const results = await Promise.all(
      amounts.map((amount, i) =>
        api('POST', `/v1/alliances/${allianceId}/ledger/expenses`, {
          token: i % 2 ? lead.token : partner.token,
          body: {
            lineId: 'equipment',
            amount,
            date: dateOffset(-1),
            description: `并发支出 ${i}`,
            receiptDocumentId: receipts[i],
          },
        }),
      ),
    );
    const burstMs = Math.round(performance.now() - burst);

    const accepted = results.flatMap((r, i) => (r.status === 201 ? [amounts[i]!] : []));
    const rejected = results.filter((r) => r.status !== 201);
    const acceptedSum = accepted.reduce((s, a) => s + a, 0);
    const refusals: Record<string, number> = {};
    for (const r of rejected) {
      const key = `${r.status} ${r.body?.error?.details?.[0]?.code ?? r.body?.error?.code}`;
      refusals[key] = (refusals[key] ?? 0) + 1;
    }
    console.log(
      `ledger concurrency: ${accepted.length}/50 accepted, ¥${acceptedSum} of ¥100,000; receipts uploaded ` +
        `and verified in ${uploadMs} ms, burst in ${burstMs} ms; refusals ${JSON.stringify(refusals)}`,
    );

    expect(accepted.length).toBeGreaterThan(0);
    expect(acceptedSum).toBeLessThanOrEqual(100_000);
    for (const r of rejected) {
      expect([409, 422], r.text).toContain(r.status);
      expect(r.body.error).toMatchObject({ code: expect.any(String), message: expect.any(String) });
      expect(Array.isArray(r.body.error.details)).toBe(true);
      if (r.body.error.details[0]?.code === 'insufficient_line_balance') {
        expect(r.body.error.message).toMatch(
          /^Line equipment \(设备费\) has ¥[\d,]+ left; the expense is ¥[\d,]+$/,
        );
      }
    }
    // What is left can no longer cover the smallest refused amount (the line was filled, not starved).
    const award = await awardItem(allianceId);
    expect(award.balances.equipment).toBe(100_000 - acceptedSum);
    expect(award.balance).toBe(AWARD - acceptedSum);
    expect(award.ledger.spent).toBe(acceptedSum);
    expect(award.lines[0].spent).toBe(acceptedSum);
    expect(award.balances.experts).toBe(200_000);
    const entries = await entryItems(allianceId);
    expect(entries).toHaveLength(accepted.length);
    expect(entries.reduce((s, e) => s + (e.amount as number), 0)).toBe(acceptedSum);
    const refusedForBalance = rejected.filter(
      (r) => r.body.error.details[0]?.code === 'insufficient_line_balance',
    );
    expect(refusedForBalance.length).toBeGreaterThan(0);

    // Five simultaneous reversals of one entry: exactly one wins, the money comes back once.
    const target = results.find((r) => r.status === 201)!.body;
    const reversals = await Promise.all(
      Array.from({ length: 5 }, () =>
        api('POST', `/v1/alliances/${allianceId}/ledger/entries/${target.id}/reverse`, {
          token: lead.token,
          body: { reason: '重复冲销测试' },
        }),
      ),
    );
    expect(reversals.filter((r) => r.status === 201)).toHaveLength(1);
    for (const r of reversals.filter((r) => r.status !== 201)) {
      expect(r.status).toBe(409);
      expect(r.body.error.details[0].code).toBe('already_reversed');
    }
    const after = await awardItem(allianceId);
    expect(after.balances.equipment).toBe(100_000 - acceptedSum + target.amount);
    expect(await entryItems(allianceId)).toHaveLength(accepted.length + 1);
  }, 120_000);
});
