/**
 * Irregular inspections (不定期检查, §4.4): the inspectors' registry, risk-weighted seeded draws
 * (monthly by schedule, or by an admin), and the inspection workflow (findings, rating, follow-up).
 *
 * Data access only: the weights, the draw and the inspector assignment are the pure functions of
 * shared/domain/inspection-draw.ts. Items (single table):
 *   INSPECTOR#<id> / INSPECTOR    gsi1 INSPECTORS / <id>
 *   DRAW#<drawId> / DRAW           gsi1 INSPECTION_DRAWS / <at>#<drawId>   (the full re-run record)
 *   INSPECTION#<id> / INSPECTION   gsi1 INSPECTOR#<inspectorId>#INSPECTIONS / <drawnAt>#<id> (when assigned)
 *                                  gsi2 INSPECTIONS / <drawnAt>#<id>
 *   ALLIANCE#<id> / DEADLINE#<due>#follow-up   (a 'poor' rating; gsi1 DEADLINES like the others)
 * Audit records: draws under DRAW#, each inspection under INSPECTION#, inspectors under INSPECTOR#;
 * a completed inspection is also recorded in its alliance's trail (never a planned one: inspections
 * are unannounced, and members can read their alliance's trail).
 *
 * Designated alliances are found through the DEADLINES index (every designated alliance has its
 * report deadlines there), one Query; never a Scan.
 */
import { createHash, randomUUID } from 'node:crypto';
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Member } from '../api/alliances.ts';
import type { DrawRecord, InspectionRecord, InspectorRecord } from '../api/inspections.ts';
import { documentClient } from '../aws/clients.ts';
import { loadAllianceWithMembers } from '../db/alliances.ts';
import { type Actor, auditPut, systemActor, userActor } from '../db/audit.ts';
import { indexKeys, keys } from '../db/keys.ts';
import { queryAll } from '../db/query.ts';
import { conditionFailed, stripKeys, table } from '../db/table.ts';
import {
  assignInspectors,
  drawInspections,
  type RiskFeatures,
  riskWeight,
} from '../domain/inspection-draw.ts';
import type { Principal } from '../http/auth.ts';
import { conflict, notFound } from '../http/errors.ts';
import { accessAlliance } from './alliances.ts';

const DAY_MS = 86_400_000;
/** Share drawn when none is given: a tenth of the designated alliances each month. */
export const DEFAULT_SHARE = 0.1;
/** A 'poor' rating sets a follow-up deadline this many days after the findings. */
export const FOLLOW_UP_DAYS = 60;
export const ALGORITHM =
  'riskWeight v1 (1 + overdue + returned + pace + indicators + recency, ≤ 12); Efraimidis–Spirakis keys ln(u)/w, u from mulberry32(xmur3(seed)) in allianceId order, n = ceil(share·N)';

const isAdmin = (p: Principal) => p.roles.includes('admin');

// ---------------------------------------------------------------------------------------------
// Inspectors

export async function registerInspector(
  principal: Principal,
  inspectorId: string,
  input: { name: string; affiliations: string[]; conflicts: string[] },
  now = new Date(),
): Promise<InspectorRecord> {
  const at = now.toISOString();
  const { Item: existing } = await documentClient().send(
    new GetCommand({ TableName: table(), Key: keys.inspector(inspectorId), ConsistentRead: true }),
  );
  const record: InspectorRecord = {
    inspectorId,
    name: input.name,
    affiliations: [...new Set(input.affiliations)],
    conflicts: [...new Set(input.conflicts)],
    registeredAt: (existing?.registeredAt as string | undefined) ?? at,
    updatedAt: at,
  };
  await documentClient().send(
    new TransactWriteCommand({
      TransactItems: [
        {
          Put: {
            TableName: table(),
            Item: {
              ...keys.inspector(inspectorId),
              type: 'inspector',
              gsi1pk: indexKeys.inspectors(),
              gsi1sk: inspectorId,
              ...record,
            },
          },
        },
        auditPut(
          table(),
          keys.inspector(inspectorId).pk,
          {
            action: existing ? 'inspector.updated' : 'inspector.registered',
            actor: userActor(principal),
            reason: `${record.name}: affiliations ${record.affiliations.length}, declared conflicts ${record.conflicts.length}`,
            data: { affiliations: record.affiliations, conflicts: record.conflicts },
          },
          now,
        ),
      ],
    }),
  );
  return record;
}

export async function listInspectors(): Promise<InspectorRecord[]> {
  const items = await queryAll({
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': indexKeys.inspectors() },
  });
  return items
    .map((i) => stripKeys<InspectorRecord>(i))
    .sort((a, b) => a.inspectorId.localeCompare(b.inspectorId));
}

// ---------------------------------------------------------------------------------------------
// Features of the designated alliances

interface DeadlineItem {
  allianceId: string;
  kind: string;
  due: string;
  status: string;
}

async function allInspections(): Promise<InspectionRecord[]> {
  const items = await queryAll({
    IndexName: 'gsi2',
    KeyConditionExpression: 'gsi2pk = :pk',
    ExpressionAttributeValues: { ':pk': indexKeys.inspections() },
  });
  return items.map((i) => stripKeys<InspectionRecord>(i));
}

interface Candidate {
  allianceId: string;
  name?: string;
  memberOrganisationIds: string[];
  features: RiskFeatures;
}

const round4 = (x: number) => Math.round(x * 1e4) / 1e4;

/** Risk features of every designated alliance as of `asOf` (only facts dated before it count). */
async function loadCandidates(asOf: Date, only?: string[]): Promise<Candidate[]> {
  const [deadlineItems, inspections] = await Promise.all([
    queryAll({
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': indexKeys.deadlines() },
    }),
    allInspections(),
  ]);
  const deadlines = new Map<string, DeadlineItem[]>();
  for (const d of deadlineItems as unknown as DeadlineItem[]) {
    if (typeof d.allianceId !== 'string') continue;
    if (only && !only.includes(d.allianceId)) continue;
    deadlines.set(d.allianceId, [...(deadlines.get(d.allianceId) ?? []), d]);
  }
  const asOfIso = asOf.toISOString();
  const asOfDay = asOfIso.slice(0, 10);
  const ids = [...deadlines.keys()].sort();
  const loaded = await mapLimit(ids, 16, async (allianceId) => {
    const [parts, award] = await Promise.all([
      loadAllianceWithMembers(allianceId),
      documentClient().send(new GetCommand({ TableName: table(), Key: keys.award(allianceId) })),
    ]);
    return { allianceId, parts, award: award.Item };
  });
  const out: Candidate[] = [];
  for (const { allianceId, parts, award } of loaded) {
    if (!parts || !award || parts.alliance.status !== 'designated') continue;
    const own = deadlines.get(allianceId) ?? [];
    const amount = Number(award.amount ?? 0);
    const spent = Number((award.ledger as { spent?: number } | undefined)?.spent ?? 0);
    const period = parts.alliance.period;
    let elapsedShare: number | null = null;
    if (period) {
      const start = Date.parse(`${period.start}T00:00:00Z`);
      const end = Date.parse(`${period.end}T00:00:00Z`);
      if (end > start)
        elapsedShare = round4(Math.min(1, Math.max(0, (asOf.getTime() - start) / (end - start))));
    }
    const previous = inspections
      .filter((i) => i.allianceId === allianceId && i.drawnAt < asOfIso)
      .map((i) => (i.completedAt && i.completedAt < asOfIso ? i.completedAt : i.drawnAt))
      .sort();
    const last = previous.at(-1);
    out.push({
      allianceId,
      name: parts.alliance.name,
      memberOrganisationIds: parts.members
        .filter((m: Member) => m.state !== 'declined')
        .map((m: Member) => m.organisationId),
      features: {
        overdueReports: own.filter((d) => d.status === 'overdue' || (d.status === 'due' && d.due < asOfDay))
          .length,
        returnedReports: own.filter((d) => d.status === 'returned').length,
        spentShare: amount > 0 ? round4(spent / amount) : null,
        elapsedShare,
        indicatorsBehind: 0,
        daysSinceLastInspection: last ? Math.floor((asOf.getTime() - Date.parse(last)) / DAY_MS) : null,
      },
    });
  }
  return out;
}

async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i] as T);
      }
    }),
  );
  return out;
}

// ---------------------------------------------------------------------------------------------
// Draws

export const inspectionIdOf = (drawId: string, allianceId: string) =>
  `insp-${createHash('sha256').update(`${drawId}#${allianceId}`).digest('hex').slice(0, 24)}`;

export const monthlyDrawId = (scheduledTime: Date) => `monthly-${scheduledTime.toISOString().slice(0, 7)}`;

export interface DrawInput {
  drawId: string;
  kind: 'monthly' | 'ad-hoc';
  share: number;
  seed: string;
  asOf: Date;
  dryRun: boolean;
  allianceIds?: string[];
  actor: Actor;
  by: string;
}

/** Computes a draw from the table; records it and its inspections unless it is a dry run. */
export async function runDraw(
  input: DrawInput,
  now = new Date(),
): Promise<DrawRecord & { reused?: boolean }> {
  if (!input.dryRun) {
    const existing = await getDrawRecord(input.drawId);
    if (existing) {
      await ensureInspections(existing, input.actor, now);
      return { ...existing, reused: true };
    }
  }
  const asOf = input.asOf.toISOString();
  const candidates = (await loadCandidates(input.asOf, input.allianceIds)).map((c) => ({
    ...c,
    ...riskWeight(c.features),
  }));
  const { picks, n } = drawInspections(candidates, { share: input.share, seed: input.seed });
  const byId = new Map(candidates.map((c) => [c.allianceId, c]));
  const loads: Record<string, number> = {};
  for (const i of await allInspections()) {
    if (i.status === 'planned' && i.inspectorId) loads[i.inspectorId] = (loads[i.inspectorId] ?? 0) + 1;
  }
  const inspectors = await listInspectors();
  const assignments = assignInspectors(
    picks.map((id) => ({ allianceId: id, memberOrganisationIds: byId.get(id)?.memberOrganisationIds ?? [] })),
    inspectors.map((i) => ({ id: i.inspectorId, affiliations: i.affiliations, conflicts: i.conflicts })),
    { seed: input.seed, loads },
  ).map((a) => ({ ...a, inspectionId: inspectionIdOf(input.drawId, a.allianceId) }));
  const record: DrawRecord = {
    drawId: input.drawId,
    kind: input.kind,
    dryRun: input.dryRun,
    seed: input.seed,
    share: input.share,
    n,
    asOf,
    algorithm: ALGORITHM,
    candidates: candidates.map((c) => ({
      allianceId: c.allianceId,
      weight: c.weight,
      parts: c.parts,
      features: c.features,
    })),
    picks,
    assignments,
    ...(input.allianceIds ? { restrictedTo: [...input.allianceIds].sort() } : {}),
    at: now.toISOString(),
    by: input.by,
  };
  if (input.dryRun) return record;
  try {
    await documentClient().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: table(),
              Item: {
                ...keys.inspectionDraw(input.drawId),
                type: 'inspection-draw',
                gsi1pk: indexKeys.inspectionDraws(),
                gsi1sk: `${record.at}#${input.drawId}`,
                ...record,
              },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          auditPut(
            table(),
            keys.inspectionDraw(input.drawId).pk,
            {
              action: 'inspection.drawn',
              actor: input.actor,
              reason: `${picks.length} of ${candidates.length} designated alliances drawn (share ${input.share}, seed ${JSON.stringify(input.seed)}), risk-weighted`,
              data: { picks, seed: input.seed, share: input.share, asOf },
            },
            now,
          ),
        ],
      }),
    );
  } catch (error) {
    if (!conditionFailed(error, 0)) throw error;
    // Drawn meanwhile (a doubled invocation): the first record stands.
    const first = await getDrawRecord(input.drawId);
    if (!first) throw error;
    await ensureInspections(first, input.actor, now);
    return { ...first, reused: true };
  }
  await ensureInspections(record, input.actor, now);
  return record;
}

/** Writes the draw's inspections that are not there yet (conditional puts: re-running changes nothing). */
async function ensureInspections(draw: DrawRecord, actor: Actor, now: Date) {
  const weights = new Map(draw.candidates.map((c) => [c.allianceId, c.weight]));
  for (const a of draw.assignments) {
    const alliance = await loadAllianceWithMembers(a.allianceId);
    const item: InspectionRecord = {
      inspectionId: a.inspectionId,
      drawId: draw.drawId,
      allianceId: a.allianceId,
      ...(alliance?.alliance.name ? { allianceName: alliance.alliance.name } : {}),
      inspectorId: a.inspectorId,
      status: a.inspectorId ? 'planned' : 'unassigned',
      weight: weights.get(a.allianceId) ?? 0,
      assignmentReason: a.reason,
      drawnAt: draw.asOf,
      version: 1,
    };
    try {
      await documentClient().send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: table(),
                Item: {
                  ...keys.inspection(a.inspectionId),
                  type: 'inspection',
                  ...(a.inspectorId
                    ? {
                        gsi1pk: indexKeys.inspectorInspections(a.inspectorId),
                        gsi1sk: `${draw.asOf}#${a.inspectionId}`,
                      }
                    : {}),
                  gsi2pk: indexKeys.inspections(),
                  gsi2sk: `${draw.asOf}#${a.inspectionId}`,
                  createdAt: now.toISOString(),
                  ...item,
                },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            auditPut(
              table(),
              keys.inspection(a.inspectionId).pk,
              {
                action: a.inspectorId ? 'inspection.planned' : 'inspection.unassigned',
                actor,
                reason: `drawn in ${draw.drawId} (weight ${item.weight}); ${a.reason}`,
                data: { drawId: draw.drawId, allianceId: a.allianceId, inspectorId: a.inspectorId },
              },
              now,
            ),
          ],
        }),
      );
    } catch (error) {
      if (!conditionFailed(error, 0)) throw error;
    }
  }
}

async function getDrawRecord(drawId: string): Promise<DrawRecord | undefined> {
  const { Item } = await documentClient().send(
    new GetCommand({ TableName: table(), Key: keys.inspectionDraw(drawId), ConsistentRead: true }),
  );
  return Item ? stripKeys<DrawRecord>(Item) : undefined;
}

export async function getDraw(drawId: string): Promise<DrawRecord> {
  const draw = await getDrawRecord(drawId);
  if (!draw) throw notFound(`draw ${drawId}`);
  return draw;
}

/** The admin endpoint: an ad-hoc draw (or a dry run, e.g. re-running a recorded draw's seed). */
export function adminDraw(
  principal: Principal,
  input: { share?: number; seed?: string; dryRun: boolean; asOf?: string; allianceIds?: string[] },
  now = new Date(),
) {
  const asOf = input.asOf ? new Date(input.asOf) : now;
  const seed = input.seed ?? randomUUID();
  const drawId = `adhoc-${now
    .toISOString()
    .replace(/[-:.TZ]/g, '')
    .slice(0, 14)}-${randomUUID().slice(0, 8)}`;
  return runDraw(
    {
      drawId,
      kind: 'ad-hoc',
      share: input.share ?? DEFAULT_SHARE,
      seed,
      asOf,
      dryRun: input.dryRun,
      ...(input.allianceIds ? { allianceIds: [...new Set(input.allianceIds)] } : {}),
      actor: userActor(principal),
      by: principal.username,
    },
    now,
  );
}

/** The monthly schedule: one draw per calendar month (UTC), seeded with the scheduled time. */
export function scheduledDraw(scheduledTime: Date, executionId?: string, now = new Date()) {
  return runDraw(
    {
      drawId: monthlyDrawId(scheduledTime),
      kind: 'monthly',
      share: DEFAULT_SHARE,
      seed: scheduledTime.toISOString(),
      asOf: scheduledTime,
      dryRun: false,
      actor: systemActor('inspection-draw', executionId),
      by: 'schedule:inspection-draw',
    },
    now,
  );
}

// ---------------------------------------------------------------------------------------------
// Inspections

async function loadInspection(inspectionId: string): Promise<InspectionRecord | undefined> {
  const { Item } = await documentClient().send(
    new GetCommand({ TableName: table(), Key: keys.inspection(inspectionId), ConsistentRead: true }),
  );
  return Item ? stripKeys<InspectionRecord>(Item) : undefined;
}

/** Admins see every inspection; an inspector only those assigned to them (others: 404). */
export async function getInspection(principal: Principal, inspectionId: string): Promise<InspectionRecord> {
  const inspection = await loadInspection(inspectionId);
  if (!inspection || (!isAdmin(principal) && inspection.inspectorId !== principal.sub)) {
    throw notFound(`inspection ${inspectionId}`);
  }
  return inspection;
}

export async function listInspections(principal: Principal, status?: string) {
  const items = isAdmin(principal)
    ? await allInspections()
    : (
        await queryAll({
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :pk',
          ExpressionAttributeValues: { ':pk': indexKeys.inspectorInspections(principal.sub) },
        })
      ).map((i) => stripKeys<InspectionRecord>(i));
  return {
    items: items
      .filter((i) => !status || i.status === status)
      .sort((a, b) => b.drawnAt.localeCompare(a.drawnAt) || a.inspectionId.localeCompare(b.inspectionId)),
  };
}

/**
 * Inspections of one alliance. Applicants (members) see completed ones only — inspections are
 * unannounced, so a planned one is never shown to the inspected; admins see all.
 */
export async function allianceInspections(principal: Principal, allianceId: string) {
  await accessAlliance(principal, allianceId);
  const all = (await allInspections()).filter((i) => i.allianceId === allianceId);
  const visible = isAdmin(principal) ? all : all.filter((i) => i.status === 'completed');
  return {
    items: visible
      .map((i) => (isAdmin(principal) ? i : { ...i, inspectorId: null }))
      .sort((a, b) => b.drawnAt.localeCompare(a.drawnAt)),
  };
}

const addDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** The assigned inspector records findings and a rating; a 'poor' rating sets a follow-up deadline. */
export async function recordFindings(
  principal: Principal,
  inspectionId: string,
  input: {
    findings: string;
    rating: 'excellent' | 'good' | 'fair' | 'poor';
    followUpActions: { action: string; due?: string }[];
  },
  now = new Date(),
): Promise<InspectionRecord> {
  const inspection = await loadInspection(inspectionId);
  if (!inspection || inspection.inspectorId !== principal.sub) throw notFound(`inspection ${inspectionId}`);
  if (inspection.status !== 'planned') throw conflict(`inspection ${inspectionId} is ${inspection.status}`);
  const at = now.toISOString();
  const followUpDue = input.rating === 'poor' ? addDays(at.slice(0, 10), FOLLOW_UP_DAYS) : undefined;
  const allianceId = inspection.allianceId;
  const why = `rated ${input.rating}${followUpDue ? `; follow-up due ${followUpDue}` : ''}`;
  const transact: NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']> = [
    {
      Update: {
        TableName: table(),
        Key: keys.inspection(inspectionId),
        UpdateExpression:
          'SET #status = :completed, findings = :findings, rating = :rating, followUpActions = :actions, completedAt = :at, version = version + :one' +
          (followUpDue ? ', followUpDeadline = :followUp' : ''),
        ConditionExpression: '#status = :planned AND inspectorId = :me',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':completed': 'completed',
          ':planned': 'planned',
          ':me': principal.sub,
          ':findings': input.findings,
          ':rating': input.rating,
          ':actions': input.followUpActions,
          ':at': at,
          ':one': 1,
          ...(followUpDue ? { ':followUp': { kind: 'follow-up', due: followUpDue } } : {}),
        },
      },
    },
    auditPut(
      table(),
      keys.inspection(inspectionId).pk,
      {
        action: 'inspection.completed',
        actor: userActor(principal),
        reason: why,
        data: { allianceId, rating: input.rating, followUpActions: input.followUpActions.length },
      },
      now,
    ),
    auditPut(
      table(),
      keys.alliance(allianceId).pk,
      {
        action: 'inspection.completed',
        actor: userActor(principal),
        reason: why,
        data: { inspectionId, rating: input.rating },
      },
      now,
    ),
  ];
  if (followUpDue) {
    const { Item: alliance } = await documentClient().send(
      new GetCommand({ TableName: table(), Key: keys.alliance(allianceId) }),
    );
    transact.push({
      Put: {
        TableName: table(),
        Item: {
          ...keys.deadline(allianceId, 'follow-up', followUpDue),
          type: 'deadline',
          gsi1pk: indexKeys.deadlines(),
          gsi1sk: `${followUpDue}#${allianceId}#follow-up`,
          ...(alliance?.roundId ? { roundId: alliance.roundId } : {}),
          allianceId,
          kind: 'follow-up',
          due: followUpDue,
          status: 'due',
          inspectionId,
          actions: input.followUpActions,
          createdAt: at,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    });
  }
  try {
    await documentClient().send(new TransactWriteCommand({ TransactItems: transact }));
  } catch (error) {
    if (conditionFailed(error, 0)) throw conflict(`inspection ${inspectionId} is no longer planned`);
    if (followUpDue && conditionFailed(error, 3)) {
      throw conflict(`alliance ${allianceId} already has a follow-up deadline on ${followUpDue}`);
    }
    throw error;
  }
  return (await loadInspection(inspectionId)) as InspectionRecord;
}
