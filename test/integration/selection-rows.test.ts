/**
 * Issue #10, "no item grows with the round": a round's ranking and selection are a small header
 * plus one item per alliance. Rounds of 10 and 250 alliances are written through the same db
 * functions the ranking stage uses (a synthetic ranking from the pure domain; building 250
 * alliances over HTTP would take minutes), then: the items' sizes, the GET ranking route paged
 * (cursor round trip, validation in zh and en), and ApplySelection page by page, idempotent.
 */
import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { api, ddb, handlerEnv, tableName, tokenFor, uid } from './client.ts';

// Pages of 100, the handlers' default (the shared stack's Lambdas run with 2 to exercise the loops).
Object.assign(process.env, handlerEnv, { POWERTOOLS_LOG_LEVEL: 'SILENT', PIPELINE_PAGE_SIZE: '100' });
const { commit } = await import('../../shared/db/commit.ts');
const sel = await import('../../shared/db/selection.ts');
const { rankAlliances, asCandidates } = await import('../../shared/domain/scoring.ts');
const { selectWithinBudget } = await import('../../shared/domain/selection.ts');
const { applySelection } = await import('../../shared/usecases/pipeline/stages/selection.ts');

const rubric = [
  { id: 'innovation', weight: 40, max: 10 },
  { id: 'feasibility', weight: 35, max: 10 },
  { id: 'impact', weight: 25, max: 10 },
];

/** Writes a proposed selection of `n` alliances the way RankAndSelect does; returns the round id. */
async function proposedRound(n: number, options: { alliances?: boolean } = {}) {
  const roundId = uid('selrows');
  const ids = Array.from({ length: n }, (_, i) => `${roundId}-a${String(i).padStart(5, '0')}`);
  const reviews = ids.flatMap((allianceId, i) =>
    ['r1', 'r2', 'r3'].map((reviewerId, j) => ({
      reviewerId,
      allianceId,
      scores: { innovation: (i * 7 + j) % 11, feasibility: (i * 3 + j * 5) % 11, impact: (i + j) % 11 },
    })),
  );
  const ranking = rankAlliances({
    alliances: ids.map((id, i) => ({
      id,
      sectors: i % 3 === 0 ? ['optoelectronics'] : [],
      enterpriseCount: 1 + (i % 2),
      societyCount: 1 + (i % 3 === 1 ? 1 : 0),
      requested: 100_000 + (i % 5) * 50_000,
    })),
    reviews,
    round: {
      rubric,
      prioritySectors: [{ id: 'optoelectronics', bonus: 2 }],
      bonuses: { multipleEnterprisesAndSocieties: 1, crossSector: 1 },
    },
  });
  const budget = 30 * 150_000;
  const result = selectWithinBudget(asCandidates(ranking), {
    budget,
    perAllianceCap: 300_000,
    policy: 'rank-order',
  });
  const header = {
    roundId,
    status: 'computing' as const,
    proposalId: `test:${roundId}`,
    computedAt: new Date().toISOString(),
    policy: 'rank-order' as const,
    budget,
    result: sel.summarise(result),
  };
  await commit([sel.selectionClaimPut(header)]);
  for (const tx of sel.selectionRowTransactions(roundId, header.proposalId, ranking, result))
    await commit(tx);
  await commit([sel.selectionProposedUpdate(roundId, header.proposalId)]);
  if (options.alliances) {
    // The alliances ApplySelection moves on: in review, as the ranking stage leaves them.
    await Promise.all(
      ids.map((id) =>
        ddb.send(
          new PutCommand({
            TableName: tableName,
            Item: { pk: `ALLIANCE#${id}`, sk: 'ALLIANCE', id, roundId, status: 'in-review', version: 1 },
          }),
        ),
      ),
    );
  }
  return { roundId, ids, result };
}

/** Every item of the round's partition with its approximate stored size (JSON bytes). */
async function partitionSizes(roundId: string) {
  const sizes: { sk: string; bytes: number }[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await ddb.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': `ROUND#${roundId}` },
        ExclusiveStartKey: start,
      }),
    );
    for (const item of out.Items ?? [])
      sizes.push({ sk: String(item.sk), bytes: Buffer.byteLength(JSON.stringify(item)) });
    start = out.LastEvaluatedKey;
  } while (start);
  return sizes;
}

describe('a round of 250 alliances, stored as rows', () => {
  it('keeps every selection item far under 50 KB, the header the same size whatever the round', async () => {
    const small = await proposedRound(10);
    const large = await proposedRound(250);
    const smallSizes = await partitionSizes(small.roundId);
    const largeSizes = await partitionSizes(large.roundId);
    const header = (sizes: { sk: string; bytes: number }[]) => sizes.find((s) => s.sk === 'SELECTION')!.bytes;
    const rows = largeSizes.filter((s) => s.sk.startsWith('SELROW#'));
    expect(rows).toHaveLength(250);
    const largest = Math.max(...largeSizes.map((s) => s.bytes));
    expect(largest).toBeLessThan(50_000);
    expect(Math.max(...rows.map((r) => r.bytes))).toBeLessThan(5_000);
    // The header differs only by digits (counts, the round id), not with the number of alliances.
    expect(Math.abs(header(largeSizes) - header(smallSizes))).toBeLessThan(40);
    expect(header(largeSizes)).toBeLessThan(2_000);
    console.info(
      `selection items: header ${header(smallSizes)} B (N=10) / ${header(largeSizes)} B (N=250), rows ${Math.min(...rows.map((r) => r.bytes))}–${Math.max(...rows.map((r) => r.bytes))} B`,
    );
  });

  it('GET ranking pages through the rows in rank order; limit and cursor are validated in zh and en', async () => {
    const { roundId, result } = await proposedRound(250);
    const admin = await tokenFor(['admin'], uid('admin'));
    const seen: { allianceId: string; rank: number }[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const res = await api(
        'GET',
        `/v1/rounds/${roundId}/ranking?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        { token: admin },
      );
      expect(res.status, res.text).toBe(200);
      expect(res.body).toMatchObject({
        roundId,
        status: 'proposed',
        policy: 'rank-order',
        result: { rows: 250, funded: result.rows.filter((r) => r.funded).length },
      });
      expect(res.body.proposalId).toBeUndefined();
      expect(res.body.items.length).toBeLessThanOrEqual(100);
      for (const item of res.body.items) {
        expect(item.ranking.allianceId).toBe(item.allianceId);
        expect(item.proposed).toMatchObject({ allianceId: item.allianceId, rank: item.rank });
        seen.push({ allianceId: item.allianceId, rank: item.rank });
      }
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen.map((s) => s.rank)).toEqual(Array.from({ length: 250 }, (_, i) => i + 1));
    expect(seen.map((s) => s.allianceId)).toEqual(result.rows.map((r) => r.allianceId));

    const en = await api('GET', `/v1/rounds/${roundId}/ranking?limit=0`, { token: admin });
    expect(en.status).toBe(400);
    expect(en.body.error.details[0]).toMatchObject({ path: 'query.limit' });
    const zh = await api('GET', `/v1/rounds/${roundId}/ranking?limit=101`, {
      token: admin,
      headers: { 'accept-language': 'zh' },
    });
    expect(zh.status).toBe(400);
    expect(zh.body.error.message).toContain('请求无效');
    // A cursor of another listing (here: another round's ranking) is refused, not followed.
    const other = await proposedRound(3);
    const first = await api('GET', `/v1/rounds/${other.roundId}/ranking?limit=1`, { token: admin });
    const foreign = await api(
      'GET',
      `/v1/rounds/${roundId}/ranking?cursor=${encodeURIComponent(first.body.nextCursor)}`,
      { token: admin, headers: { 'accept-language': 'zh' } },
    );
    expect(foreign.status).toBe(400);
    expect(JSON.stringify(foreign.body)).toContain('不是此列表的游标');
    expect((await api('GET', `/v1/rounds/${uid('none')}/ranking`, { token: admin })).status).toBe(404);
  });

  it('ApplySelection applies the approval one page of ≤100 rows at a time, and a re-run changes nothing', async () => {
    const { roundId, ids, result } = await proposedRound(250, { alliances: true });
    const left = result.rows.find((r) => !r.funded && r.finalScore !== null)!;
    const dropped = result.rows.find((r) => r.funded)!;
    const adjustments = [
      { allianceId: dropped.allianceId, action: 'exclude' as const, reason: '经核查不予支持' },
    ];
    await commit(
      sel.selectionApprovalItems(
        roundId,
        {
          by: 'admin (test)',
          at: new Date().toISOString(),
          adjustments: 1,
          result: sel.summarise(result),
        },
        adjustments,
      ),
    );
    const pages: { cursor?: string; processed: number }[] = [];
    let cursor: string | undefined;
    do {
      const page = await applySelection(roundId, 'exec-1', cursor);
      pages.push(page);
      if (pages.length === 1) {
        // The same page again: every row of it has its outcome, nothing is written twice.
        const again = await applySelection(roundId, 'exec-1', undefined);
        expect(again).toEqual(page);
      }
      cursor = page.cursor;
    } while (cursor);
    expect(pages.map((p) => p.processed)).toEqual([100, 100, 50]);
    const header = await sel.loadSelection(roundId);
    expect(header?.appliedAt).toBeDefined();

    const alliance = async (id: string) =>
      (
        await ddb.send(
          new GetCommand({ TableName: tableName, Key: { pk: `ALLIANCE#${id}`, sk: 'ALLIANCE' } }),
        )
      ).Item!;
    const excluded = await alliance(dropped.allianceId);
    expect(excluded.status).toBe('not-selected');
    expect(excluded.statusHistory).toHaveLength(1);
    expect(excluded.statusHistory[0].reason).toContain('经核查不予支持');
    expect((await sel.loadSelectionRow(roundId, dropped.allianceId))?.approved).toMatchObject({
      funded: false,
      adjustment: { action: 'exclude', previous: { funded: true } },
    });
    expect((await alliance(left.allianceId)).status).toBe('not-selected');
    const funded = result.rows.filter((r) => r.funded && r.allianceId !== dropped.allianceId);
    for (const r of funded.slice(0, 5)) {
      expect((await alliance(r.allianceId)).status).toBe('selected');
      expect(sel.isSelected(await sel.loadSelectionRow(roundId, r.allianceId))).toBe(true);
    }
    // Every alliance moved exactly once.
    const histories = await Promise.all(ids.map(async (id) => (await alliance(id)).statusHistory.length));
    expect(new Set(histories)).toEqual(new Set([1]));
    // Applying again from the start: nothing changes.
    await applySelection(roundId, 'exec-2', undefined);
    expect((await alliance(ids[0]!)).statusHistory).toHaveLength(1);
  });
});
