/**
 * Seeds, through the HTTP API of a local stack, a round at its public notice for the oversight
 * browser test: three alliances asking 200,000 yuan each in a 500,000 budget (ranked 1–3 by their
 * reviews), so the first two are on the notice and the third can be added by 递补 when an objection
 * to one of them is upheld. Uses office-seed.ts (alliances, reviews) and review-seed.ts (client).
 */
import { seedAlliances, seedReviews } from './office-seed.ts';
import { client, type Mint } from './review-seed.ts';

async function until<T>(what: string, fn: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export interface PipelineStatus {
  stage?: string;
  status?: string;
  waitingOn?: unknown;
}

/** Waits until the round's pipeline passes `test` (a FAILED pipeline ends the wait with its failure). */
export function waitForPipeline(
  base: string,
  admin: string,
  roundId: string,
  what: string,
  test: (p: PipelineStatus) => boolean,
  timeoutMs = 60_000,
) {
  const call = client(base);
  return until(
    what,
    async () => {
      const p = await call<PipelineStatus>('GET', `/v1/rounds/${roundId}/pipeline`, { token: admin });
      if (p.status === 'FAILED') throw new Error(`pipeline failed: ${JSON.stringify(p)}`);
      return test(p) ? p : undefined;
    },
    timeoutMs,
  );
}

export const atGate = (stage: string) => (p: PipelineStatus) => p.stage === stage && Boolean(p.waitingOn);

/** Ends the local pipeline's Wait states now (the notice period passes); retried until one ended. */
export function skipWaits(base: string) {
  return until('a wait to skip', async () => {
    const res = await fetch(`${base}/local/executions/skip-waits`, { method: 'POST' });
    return ((await res.json()) as { skipped: number }).skipped > 0 ? true : undefined;
  });
}

export interface NoticeRound {
  roundId: string;
  admin: string;
  /** In rank order: the first two are announced, the third is next in line. */
  alliances: { id: string; name: string }[];
}

export async function seedNoticeRound(base: string, mint: Mint, names: readonly [string, string, string]) {
  const call = client(base);
  const admin = await mint({ sub: 'dev-admin', username: 'dev-admin', roles: ['admin'] });
  const now = Date.now();
  const year = new Date().getUTCFullYear();
  const round = await call<{ id: string }>('POST', '/v1/rounds', {
    token: admin,
    body: {
      name: `${year} 企会协作创新计划（监督测试 ${now.toString(36)}）`,
      year,
      budget: 500_000,
      perAllianceCap: 250_000,
      applicationWindow: {
        opensAt: new Date(now - 3_600_000).toISOString(),
        closesAt: new Date(now + 86_400_000).toISOString(),
      },
      reviewDeadline: new Date(now + 20 * 86_400_000).toISOString(),
      reviewersPerAlliance: 1,
      rubric: [
        { id: 'innovation', name: '创新性', weight: 40, max: 10 },
        { id: 'feasibility', name: '可行性', weight: 35, max: 10 },
        { id: 'impact', name: '预期成效', weight: 25, max: 10 },
      ],
      noticePeriodDays: 7,
      prioritySectors: [{ id: 'optoelectronics', name: '光电子', bonus: 2 }],
    },
  });
  const roundId = round.id;
  const ids = await seedAlliances(
    base,
    mint,
    roundId,
    names.map((name) => ({ name, funds: 200_000 })),
  );
  await call('PUT', `/v1/rounds/${roundId}/reviewers/dev-reviewer`, {
    token: admin,
    body: {
      reviewerId: 'dev-reviewer',
      name: '评审专家',
      expertise: ['optoelectronics'],
      affiliations: [],
      conflicts: [],
    },
  });
  await call('POST', `/v1/rounds/${roundId}/close`, { token: admin, body: { reason: '申报截止' } });
  await waitForPipeline(base, admin, roundId, 'the screening gate', atGate('screening'));
  for (const id of ids)
    await call('POST', `/v1/rounds/${roundId}/screening/${id}`, {
      token: admin,
      body: { outcome: 'pass', reason: '符合申报条件' },
    });
  await waitForPipeline(base, admin, roundId, 'the review gate', atGate('review'));
  const scores = new Map(ids.map((id, i) => [id, 9 - i]));
  await seedReviews(base, mint, roundId, ['dev-reviewer'], (id) => scores.get(id) ?? 5);
  const p = await waitForPipeline(
    base,
    admin,
    roundId,
    'the reviews',
    (s) => s.stage !== 'review' || !s.waitingOn,
    10_000,
  ).catch(() => undefined);
  if (!p)
    await call('POST', `/v1/rounds/${roundId}/reviews/close`, { token: admin, body: { reason: '评审完成' } });
  await waitForPipeline(base, admin, roundId, 'the selection gate', atGate('selection'));
  await call('POST', `/v1/rounds/${roundId}/selection/approve`, { token: admin, body: {} });
  await waitForPipeline(base, admin, roundId, 'the notice period', atGate('public-notice'));
  return { roundId, admin, alliances: ids.map((id, i) => ({ id, name: names[i]! })) } satisfies NoticeRound;
}
