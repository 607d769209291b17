/**
 * Draws: risk-weighted, seeded choices of designated alliances to inspect (monthly by schedule, or
 * by an admin), each recorded with everything needed to re-run it, and the inspections they plan.
 * The weights, the draw and the inspector assignment are the pure functions of
 * shared/domain/inspection-draw.ts.
 */
import { createHash, randomUUID } from 'node:crypto';
import { loadAllianceWithMembers } from '../../db/alliances.ts';
import { commitFirstTime } from '../../db/commit.ts';
import {
  drawAudit,
  drawPut,
  inspectionAudit,
  inspectionPut,
  inspectorAssignmentPut,
  listAllInspections,
  loadDraw,
} from '../../db/inspections.ts';
import { type Actor, type Principal, systemActor, userActor } from '../../domain/actors.ts';
import { notFound } from '../../domain/errors.ts';
import { assignInspectors, drawInspections, riskWeight } from '../../domain/inspection-draw.ts';
import type { DrawRecord, InspectionRecord } from '../../domain/model/inspection.ts';
import { inspectionOffice, inspectionPlannedDraft, programmeOffice } from '../../domain/notify-events.ts';
import { writeAll } from '../notify-events.ts';
import { loadCandidates } from './candidates.ts';
import { listInspectors } from './registry.ts';

/** Share drawn when none is given: a tenth of the designated alliances each month. */
export const DEFAULT_SHARE = 0.1;
export const ALGORITHM =
  'riskWeight v1 (1 + overdue + returned + pace + indicators + recency, ≤ 12); Efraimidis–Spirakis keys ln(u)/w, u from mulberry32(xmur3(seed)) in allianceId order, n = ceil(share·N)';

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

/** The draw's record: candidates with their weights, the picks and the inspectors assigned. */
async function computeDraw(input: DrawInput, now: Date): Promise<DrawRecord> {
  const asOf = input.asOf.toISOString();
  const candidates = (await loadCandidates(input.asOf, input.allianceIds)).map((c) => ({
    ...c,
    ...riskWeight(c.features),
  }));
  const { picks, n } = drawInspections(candidates, { share: input.share, seed: input.seed });
  const byId = new Map(candidates.map((c) => [c.allianceId, c]));
  const loads: Record<string, number> = {};
  for (const i of await listAllInspections()) {
    if (i.status === 'planned' && i.inspectorId) loads[i.inspectorId] = (loads[i.inspectorId] ?? 0) + 1;
  }
  const inspectors = await listInspectors();
  const assignments = assignInspectors(
    picks.map((id) => ({ allianceId: id, memberOrganisationIds: byId.get(id)?.memberOrganisationIds ?? [] })),
    inspectors.map((i) => ({ id: i.inspectorId, affiliations: i.affiliations, conflicts: i.conflicts })),
    { seed: input.seed, loads },
  ).map((a) => ({ ...a, inspectionId: inspectionIdOf(input.drawId, a.allianceId) }));
  return {
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
}

/** Computes a draw from the table; records it and its inspections unless it is a dry run. */
export async function runDraw(
  input: DrawInput,
  now = new Date(),
): Promise<DrawRecord & { reused?: boolean }> {
  if (!input.dryRun) {
    const existing = await loadDraw(input.drawId);
    if (existing) {
      await ensureInspections(existing, input.actor, now);
      return { ...existing, reused: true };
    }
  }
  const record = await computeDraw(input, now);
  if (input.dryRun) return record;
  const drawn = await commitFirstTime([
    drawPut(record),
    drawAudit(
      input.drawId,
      {
        action: 'inspection.drawn',
        actor: input.actor,
        reason: `${record.picks.length} of ${record.candidates.length} designated alliances drawn (share ${input.share}, seed ${JSON.stringify(input.seed)}), risk-weighted`,
        data: { picks: record.picks, seed: input.seed, share: input.share, asOf: record.asOf },
      },
      now,
    ),
  ]);
  if (!drawn) {
    // Drawn meanwhile (a doubled invocation): the first record stands.
    const first = await loadDraw(input.drawId);
    if (!first) throw new Error(`draw ${input.drawId}: its condition failed but no draw is stored`);
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
    // The inspection, its audit record and (when assigned) the inspector's right to read the
    // alliance's records, together: an inspector is never assigned without it, nor given it unassigned.
    await commitFirstTime([
      inspectionPut(item, now.toISOString()),
      ...(item.inspectorId
        ? [inspectorAssignmentPut({ ...item, inspectorId: item.inspectorId }, now.toISOString())]
        : []),
      inspectionAudit(
        a.inspectionId,
        {
          action: a.inspectorId ? 'inspection.planned' : 'inspection.unassigned',
          actor,
          reason: `drawn in ${draw.drawId} (weight ${item.weight}); ${a.reason}`,
          data: { drawId: draw.drawId, allianceId: a.allianceId, inspectorId: a.inspectorId },
        },
        now,
      ),
    ]);
    // The offices only — never the alliance: inspections are unannounced. Once per inspection.
    await writeAll(
      [programmeOffice, inspectionOffice].map((r) => inspectionPlannedDraft(r, item, draw.asOf)),
      now,
    );
  }
}

export async function getDraw(drawId: string): Promise<DrawRecord> {
  const draw = await loadDraw(drawId);
  if (!draw) throw notFound({ en: `draw ${drawId}`, zh: `抽查记录 ${drawId}` });
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
