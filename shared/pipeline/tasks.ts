/**
 * The round pipeline's steps after closing (statemachines/round-pipeline.ts). Each is idempotent:
 * a retried or replayed step finds its earlier result (conditional writes) and changes nothing.
 * Steps return ids and counts only; records live in DynamoDB and S3.
 */
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { GetCommand, PutCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { AllianceRecord, Member } from '../api/alliances.ts';
import type { Round } from '../api/rounds.ts';
import { documentClient, s3Client } from '../aws/clients.ts';
import { env } from '../config.ts';
import { allianceStatusUpdate } from '../db/alliance-status.ts';
import { loadAllianceWithMembers, roundAllianceIds } from '../db/alliances.ts';
import { auditPut, systemActor } from '../db/audit.ts';
import { indexKeys, keys } from '../db/keys.ts';
import { queryAll } from '../db/query.ts';
import { loadAssignments, loadReviewers, loadReviews } from '../db/reviews.ts';
import { loadScreenings } from '../db/screening.ts';
import { conditionFailed, stripKeys, table } from '../db/table.ts';
import { listDocuments } from '../documents/uploads.ts';
import { assignReviewers } from '../domain/assignment.ts';
import {
  allocateAward,
  implementationDeadlines,
  noticePeriodEnd,
  requestedFunding,
} from '../domain/award.ts';
import { evaluateEligibility } from '../domain/eligibility.ts';
import { buildNotice, renderNoticeHtml } from '../domain/notice.ts';
import { rankAlliances } from '../domain/scoring.ts';
import { selectWithinBudget } from '../domain/selection.ts';
import { TaskError } from '../errors.ts';
import { loadProfiles } from '../usecases/organisations.ts';
import { getRound } from '../usecases/rounds.ts';
import { enterStage } from './status.ts';

const COMPONENT = 'round-pipeline';

export const noticeKeys = (roundId: string) => ({
  json: `rounds/${roundId}/notice.json`,
  html: `rounds/${roundId}/notice.html`,
});

async function setAllianceStatus(
  allianceId: string,
  status: string,
  from: string[],
  reason: string,
  executionId: string,
) {
  const at = new Date().toISOString();
  try {
    await documentClient().send(
      new TransactWriteCommand({
        TransactItems: [
          allianceStatusUpdate({ allianceId, to: status, from, at, by: COMPONENT, reason }),
          auditPut(table(), keys.alliance(allianceId).pk, {
            action: `alliance.${status}`,
            actor: systemActor(COMPONENT, executionId),
            reason,
          }),
        ],
      }),
    );
    return true;
  } catch (error) {
    if (conditionFailed(error, 0)) return false; // already moved on (a retry): nothing to do
    throw error;
  }
}

export async function listSubmitted(roundId: string) {
  const allianceIds = await roundAllianceIds(roundId, 'submitted');
  return { allianceIds, count: allianceIds.length };
}

/** Runs the eligibility rules on one submitted alliance and records the findings (once). */
export async function screenAlliance(roundId: string, allianceId: string, now = new Date()) {
  const loaded = await loadAllianceWithMembers(allianceId);
  if (!loaded || loaded.alliance.roundId !== roundId)
    throw new TaskError('AllianceNotFound', `alliance ${allianceId} not in round ${roundId}`);
  const [round, profiles, documents] = await Promise.all([
    getRound(roundId),
    loadProfiles(loaded.members.map((m) => m.organisationId)),
    listDocuments(allianceId),
  ]);
  const findings = evaluateEligibility({
    alliance: loaded.alliance,
    members: loaded.members.map((member) => ({ member, profile: profiles.get(member.organisationId) })),
    round,
    documents,
    now,
  });
  try {
    await documentClient().send(
      new PutCommand({
        TableName: table(),
        Item: {
          ...keys.screening(allianceId),
          type: 'screening',
          gsi1pk: indexKeys.roundScreening(roundId),
          gsi1sk: allianceId,
          roundId,
          allianceId,
          name: loaded.alliance.name,
          findings,
        },
        ConditionExpression: 'attribute_not_exists(decision)',
      }),
    );
  } catch (error) {
    if (!conditionFailed(error)) throw error; // decided already: the findings stand as they were
  }
  return { allianceId, eligible: findings.eligible };
}

/** Reviewer assignment for the passed alliances: computed once, then kept. */
export async function assignRoundReviewers(roundId: string, executionId: string, now = new Date()) {
  const round = await getRound(roundId);
  const reviewTimeoutSeconds = Math.max(
    1,
    Math.floor((Date.parse(round.reviewDeadline) - now.getTime()) / 1000),
  );
  const existing = await loadAssignments(roundId);
  if (existing.length > 0)
    return {
      assigned: existing.filter((a) => a.status === 'assigned').length,
      shortfalls: 0,
      reviewTimeoutSeconds,
      reused: true,
    };

  const passed = (await loadScreenings(roundId)).filter((s) => s.decision?.outcome === 'pass');
  const reviewers = await loadReviewers(roundId);
  const alliances = await Promise.all(
    passed.map(async (s) => {
      const loaded = await loadAllianceWithMembers(s.allianceId);
      return {
        id: s.allianceId,
        memberOrganisationIds: (loaded?.members ?? [])
          .filter((m) => m.state === 'confirmed')
          .map((m) => m.organisationId),
        sectors: loaded?.alliance.sectors ?? [],
      };
    }),
  );
  const seed = roundId;
  const result = assignReviewers(
    reviewers.map((r) => ({
      id: r.reviewerId,
      expertise: r.expertise,
      conflicts: [...new Set([...r.affiliations, ...r.conflicts])],
    })),
    alliances,
    { perAlliance: round.reviewersPerAlliance, seed },
  );
  const at = now.toISOString();
  for (const a of result.assignments) {
    try {
      await documentClient().send(
        new PutCommand({
          TableName: table(),
          Item: {
            ...keys.assignment(roundId, a.allianceId, a.reviewerId),
            type: 'assignment',
            gsi1pk: indexKeys.reviewerAssignments(a.reviewerId),
            gsi1sk: `${roundId}#${a.allianceId}`,
            roundId,
            allianceId: a.allianceId,
            reviewerId: a.reviewerId,
            status: 'assigned',
            expertiseMatch: a.expertiseMatch,
            assignedAt: at,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    } catch (error) {
      if (!conditionFailed(error)) throw error;
    }
  }
  for (const alliance of alliances)
    await setAllianceStatus(
      alliance.id,
      'in-review',
      ['submitted'],
      'passed screening; sent to the expert committee',
      executionId,
    );
  await documentClient().send(
    new PutCommand(
      auditPut(table(), keys.round(roundId).pk, {
        action: 'pipeline.reviewers-assigned',
        actor: systemActor(COMPONENT, executionId),
        reason: `${result.assignments.length} assignments for ${alliances.length} alliances and ${reviewers.length} reviewers, seed ${seed}`,
        data: { seed, loads: result.loads, balanced: result.balanced, shortfalls: result.shortfalls },
      }).Put!,
    ),
  );
  await enterStage({
    roundId,
    stage: 'review',
    by: COMPONENT,
    waitingOn: 'reviewers: all assigned reviews, or the review deadline',
  });
  return {
    assigned: result.assignments.length,
    shortfalls: result.shortfalls.length,
    reviewTimeoutSeconds,
    reused: false,
  };
}

/** After the review gate: what is missing is recorded; the round proceeds with the reviews it has. */
export async function concludeReviews(roundId: string, executionId: string) {
  // If the deadline ended the wait, the gate is still open: close it, so no review arrives after ranking.
  try {
    await documentClient().send(
      new UpdateCommand({
        TableName: table(),
        Key: keys.gate(roundId, 'review'),
        UpdateExpression: 'SET #status = :closed, closedAt = :at, closedBy = :by',
        ConditionExpression: '#status = :open',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':closed': 'closed',
          ':open': 'open',
          ':at': new Date().toISOString(),
          ':by': 'review deadline',
        },
      }),
    );
  } catch (error) {
    if (!conditionFailed(error)) throw error;
  }
  const [assignments, reviews] = await Promise.all([loadAssignments(roundId), loadReviews(roundId)]);
  const done = new Set(reviews.map((r) => `${r.allianceId}#${r.reviewerId}`));
  const missing = assignments.filter(
    (a) => a.status === 'assigned' && !done.has(`${a.allianceId}#${a.reviewerId}`),
  );
  const item = auditPut(table(), keys.round(roundId).pk, {
    action: 'pipeline.reviews-concluded',
    actor: systemActor(COMPONENT, executionId),
    reason: missing.length
      ? `${missing.length} assigned reviews missing; ranking proceeds with the ${reviews.length} submitted (each alliance's count is shown)`
      : `all ${reviews.length} assigned reviews are in`,
    data: { missing: missing.map((m) => ({ allianceId: m.allianceId, reviewerId: m.reviewerId })) },
  });
  await documentClient().send(new PutCommand(item.Put!));
  return { reviews: reviews.length, missing: missing.length };
}

export interface SelectionRecord {
  roundId: string;
  status: 'proposed' | 'approved';
  computedAt: string;
  policy: Round['selectionPolicy'];
  budget: number;
  ranking: ReturnType<typeof rankAlliances>;
  result: ReturnType<typeof selectWithinBudget>;
  approved?: {
    by: string;
    at: string;
    note?: string;
    adjustments: unknown[];
    result: ReturnType<typeof selectWithinBudget>;
  };
  dropped?: { allianceId: string; objectionId: string; at: string; reason: string }[];
}

/** Ranking (raw and calibrated), bonuses and the budget-constrained selection: the proposal an admin approves. */
export async function rankAndSelect(roundId: string, executionId: string, now = new Date()) {
  const existing = await documentClient().send(
    new GetCommand({ TableName: table(), Key: keys.selection(roundId), ConsistentRead: true }),
  );
  if (existing.Item?.status === 'approved') return { funded: 0, reused: true };
  const round = await getRound(roundId);
  const inReview = await roundAllianceIds(roundId, 'in-review');
  const alliances = (await Promise.all(inReview.map((id) => loadAllianceWithMembers(id)))).filter(
    (a) => a !== undefined,
  );
  const reviews = await loadReviews(roundId);
  const confirmed = (members: Member[]) => members.filter((m) => m.state === 'confirmed');
  const ranking = rankAlliances({
    alliances: alliances.map(({ alliance, members }) => ({
      id: alliance.id,
      sectors: alliance.sectors ?? [],
      enterpriseCount: confirmed(members).filter((m) => m.kind === 'enterprise').length,
      societyCount: confirmed(members).filter((m) => m.kind === 'society').length,
      requested: requestedFunding(alliance),
    })),
    reviews: reviews.map((r) => ({ reviewerId: r.reviewerId, allianceId: r.allianceId, scores: r.scores })),
    round,
  });
  const result = selectWithinBudget(
    ranking.map((r) => ({
      allianceId: r.allianceId,
      rank: r.rank,
      finalScore: r.finalScore,
      requested: r.requested,
    })),
    { budget: round.budget, perAllianceCap: round.perAllianceCap, policy: round.selectionPolicy },
  );
  const record: SelectionRecord = {
    roundId,
    status: 'proposed',
    computedAt: now.toISOString(),
    policy: round.selectionPolicy,
    budget: round.budget,
    ranking,
    result,
  };
  await documentClient().send(
    new TransactWriteCommand({
      TransactItems: [
        {
          Put: {
            TableName: table(),
            Item: { ...keys.selection(roundId), type: 'selection', ...record },
            ConditionExpression: 'attribute_not_exists(pk) OR #status = :proposed',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':proposed': 'proposed' },
          },
        },
        auditPut(
          table(),
          keys.round(roundId).pk,
          {
            action: 'pipeline.selection-proposed',
            actor: systemActor(COMPONENT, executionId),
            reason: `${result.rows.filter((r) => r.funded).length} of ${result.rows.length} funded by ${round.selectionPolicy}, ¥${result.totalAwarded} of ¥${round.budget}`,
          },
          now,
        ),
      ],
    }),
  );
  await enterStage({
    roundId,
    stage: 'selection',
    by: COMPONENT,
    waitingOn: 'admin: approval of the selection',
  });
  return { funded: result.rows.filter((r) => r.funded).length, reused: false };
}

export async function loadSelection(roundId: string): Promise<SelectionRecord | undefined> {
  const { Item } = await documentClient().send(
    new GetCommand({ TableName: table(), Key: keys.selection(roundId), ConsistentRead: true }),
  );
  return Item ? stripKeys<SelectionRecord>(Item) : undefined;
}

/** The alliances the approved selection funds, minus those dropped after an upheld objection. */
export function fundedIds(selection: SelectionRecord): string[] {
  const dropped = new Set((selection.dropped ?? []).map((d) => d.allianceId));
  return (selection.approved?.result ?? selection.result).rows
    .filter((r) => r.funded && !dropped.has(r.allianceId))
    .map((r) => r.allianceId);
}

/** Publishes the approved list as JSON and as a Chinese HTML page; the notice period starts now (once). */
export async function publishNotice(roundId: string, executionId: string, now = new Date()) {
  const { Item: existing } = await documentClient().send(
    new GetCommand({ TableName: table(), Key: keys.notice(roundId), ConsistentRead: true }),
  );
  if (existing)
    return { endsAt: existing.endsAt as string, entries: existing.entries as number, reused: true };
  const [round, selection] = await Promise.all([getRound(roundId), loadSelection(roundId)]);
  if (selection?.status !== 'approved' || !selection.approved)
    throw new TaskError('SelectionNotApproved', `round ${roundId}: no approved selection`);
  const rows = selection.approved.result.rows.filter((r) => r.funded);
  const entries = await Promise.all(
    rows.map(async (row) => {
      const loaded = await loadAllianceWithMembers(row.allianceId);
      const alliance = loaded?.alliance as AllianceRecord;
      return {
        allianceId: row.allianceId,
        name: alliance.name,
        members: (loaded?.members ?? [])
          .filter((m) => m.state === 'confirmed')
          .map((m) => ({ name: m.name, kind: m.kind })),
        sectors: alliance.sectors ?? [],
        serviceTypes: alliance.serviceTypes ?? [],
        award: row.award,
        rank: row.rank,
        finalScore: row.finalScore,
      };
    }),
  );
  const publishedAt = now.toISOString();
  const endsAt = noticePeriodEnd(now, round.noticePeriodDays);
  const notice = buildNotice({
    round: { id: round.id, name: round.name, year: round.year, noticePeriodDays: round.noticePeriodDays },
    entries,
    publishedAt,
    endsAt,
    objectionUrl: `/v1/public/rounds/${roundId}/objections`,
    sectorNames: Object.fromEntries(round.prioritySectors.map((s) => [s.id, s.name])),
  });
  const bucket = env('noticesBucket');
  const objectKeys = noticeKeys(roundId);
  await s3Client().send(
    new PutObjectCommand({
      Bucket: bucket,
      Key: objectKeys.json,
      Body: JSON.stringify(notice),
      ContentType: 'application/json; charset=utf-8',
    }),
  );
  await s3Client().send(
    new PutObjectCommand({
      Bucket: bucket,
      Key: objectKeys.html,
      Body: renderNoticeHtml(notice),
      ContentType: 'text/html; charset=utf-8',
    }),
  );
  try {
    await documentClient().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: table(),
              Item: {
                ...keys.notice(roundId),
                type: 'notice',
                roundId,
                publishedAt,
                endsAt,
                entries: entries.length,
                ...objectKeys,
              },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          auditPut(
            table(),
            keys.round(roundId).pk,
            {
              action: 'pipeline.notice-published',
              actor: systemActor(COMPONENT, executionId),
              reason: `${entries.length} alliances announced for ${round.noticePeriodDays} days, until ${endsAt}`,
            },
            now,
          ),
        ],
      }),
    );
  } catch (error) {
    if (!conditionFailed(error, 0)) throw error;
    const { Item } = await documentClient().send(
      new GetCommand({ TableName: table(), Key: keys.notice(roundId), ConsistentRead: true }),
    );
    return { endsAt: Item!.endsAt as string, entries: Item!.entries as number, reused: true };
  }
  await enterStage({
    roundId,
    stage: 'public-notice',
    by: COMPONENT,
    waitingOn: `the notice period (until ${endsAt}); objections may be filed`,
  });
  return { endsAt, entries: entries.length, reused: false };
}

export async function countOpenObjections(roundId: string) {
  const items = await queryAll({
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    FilterExpression: '#status = :open',
    ExpressionAttributeNames: { '#status': 'status' },
    ExpressionAttributeValues: { ':pk': keys.round(roundId).pk, ':prefix': 'OBJECTION#', ':open': 'open' },
    ConsistentRead: true,
  });
  return items.length;
}

export async function checkObjections(roundId: string) {
  const open = await countOpenObjections(roundId);
  if (open > 0) {
    await enterStage({
      roundId,
      stage: 'objections',
      by: COMPONENT,
      waitingOn: `admin: a resolution of ${open} open objection(s)`,
    });
  }
  return { open };
}

export async function listDesignated(roundId: string) {
  const selection = await loadSelection(roundId);
  if (!selection) throw new TaskError('SelectionNotApproved', `round ${roundId}: no selection`);
  const allianceIds = fundedIds(selection);
  await enterStage({ roundId, stage: 'designation', by: COMPONENT });
  return { allianceIds, count: allianceIds.length };
}

/** Designates one alliance: its award, its dedicated account (budget lines) and its deadlines (once). */
export async function designate(roundId: string, allianceId: string, executionId: string, now = new Date()) {
  const selection = await loadSelection(roundId);
  const row = selection?.approved?.result.rows.find((r) => r.allianceId === allianceId && r.funded);
  if (!selection || !row || !fundedIds(selection).includes(allianceId)) {
    throw new TaskError(
      'NotSelected',
      `alliance ${allianceId} is not in the approved selection of ${roundId}`,
    );
  }
  const loaded = await loadAllianceWithMembers(allianceId);
  if (!loaded) throw new TaskError('AllianceNotFound', `alliance ${allianceId}`);
  const { alliance } = loaded;
  const at = now.toISOString();
  const lines = allocateAward(alliance.budgetLines ?? [], row.award);
  const deadlines = alliance.period ? implementationDeadlines(alliance.period) : [];
  try {
    await documentClient().send(
      new PutCommand({
        TableName: table(),
        Item: {
          ...keys.award(allianceId),
          type: 'award',
          roundId,
          allianceId,
          amount: row.award,
          requested: row.requested,
          rank: row.rank,
          lines: lines.map((l) => ({ ...l, spent: 0 })),
          designatedAt: at,
          ledger: { status: 'open', spent: 0 },
          // Remaining money per line and in total: the ledger's conditional writes compare against these
          // (DynamoDB conditions cannot add, so balances are kept, not derived).
          balances: Object.fromEntries(lines.map((l) => [l.lineId, l.allocation])),
          balance: row.award,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  } catch (error) {
    if (conditionFailed(error)) return { allianceId, designated: true, reused: true };
    throw error;
  }
  for (const d of deadlines) {
    try {
      await documentClient().send(
        new PutCommand({
          TableName: table(),
          Item: {
            ...keys.deadline(allianceId, d.kind, d.due),
            type: 'deadline',
            gsi1pk: indexKeys.deadlines(),
            gsi1sk: `${d.due}#${allianceId}#${d.kind}`,
            roundId,
            allianceId,
            ...d,
            status: 'due',
            createdAt: at,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    } catch (error) {
      if (!conditionFailed(error)) throw error;
    }
  }
  await setAllianceStatus(
    allianceId,
    'designated',
    ['selected'],
    `designated with an award of ¥${row.award}`,
    executionId,
  );
  return { allianceId, designated: true, reused: false };
}

export async function completeDesignation(roundId: string, executionId: string, now = new Date()) {
  try {
    await documentClient().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: table(),
              Key: keys.round(roundId),
              UpdateExpression: 'SET #status = :funded, fundedAt = :at, version = version + :one',
              ConditionExpression: '#status <> :funded',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: { ':funded': 'funded', ':at': now.toISOString(), ':one': 1 },
            },
          },
          auditPut(
            table(),
            keys.round(roundId).pk,
            {
              action: 'round.funded',
              actor: systemActor(COMPONENT, executionId),
              reason: 'every remaining selected alliance is designated and funded',
            },
            now,
          ),
        ],
      }),
    );
  } catch (error) {
    if (!conditionFailed(error, 0)) throw error;
  }
  await enterStage({ roundId, stage: 'implementation', status: 'SUCCEEDED', by: COMPONENT });
  return { roundId, funded: true };
}

export { allocateAward, implementationDeadlines, noticePeriodEnd, setAllianceStatus };
