/**
 * The inspection workflow: who sees which inspection, and the assigned inspector's findings and
 * rating. A completed inspection is also recorded in its alliance's trail (never a planned one:
 * inspections are unannounced, and members can read their alliance's trail); a 'poor' rating sets
 * a follow-up deadline (a DEADLINE item, listed in gsi1 DEADLINES like the report deadlines).
 */
import { loadAllianceWithMembers } from '../../db/alliances.ts';
import { commit } from '../../db/commit.ts';
import { deadlinePut } from '../../db/designation.ts';
import {
  type Findings,
  findingsUpdate,
  inspectionAudit,
  listAllInspections,
  listInspectorInspections,
  loadInspection,
  withFindings,
} from '../../db/inspections.ts';
import { allianceAudit } from '../../db/reports.ts';
import { isAdmin, isInspectionOffice, type Principal, userActor } from '../../domain/actors.ts';
import { addDays } from '../../domain/deadlines.ts';
import { conflict, notFound, nouns } from '../../domain/errors.ts';
import type { InspectionRecord } from '../../domain/model/inspection.ts';
import { inspectionFollowUpDraft } from '../../domain/notify-events.ts';
import { accessAlliance } from '../alliances/index.ts';
import { readAccess } from '../ledger/access.ts';
import { confirmedMembers, writeAll } from '../notify-events.ts';

/** A 'poor' rating sets a follow-up deadline this many days after the findings. */
export const FOLLOW_UP_DAYS = 60;

/** Admins and the inspection office oversee every inspection; an inspector sees its own. */
const seesAll = (principal: Principal) => isAdmin(principal) || isInspectionOffice(principal);

/** Admins and the inspection office see every inspection; an inspector only those assigned to them (others: 404). */
export async function getInspection(principal: Principal, inspectionId: string): Promise<InspectionRecord> {
  const inspection = await loadInspection(inspectionId);
  if (!inspection || (!seesAll(principal) && inspection.inspectorId !== principal.sub)) {
    throw notFound(nouns.inspection(inspectionId));
  }
  return inspection;
}

export async function listInspections(principal: Principal, status?: string) {
  const items = seesAll(principal)
    ? await listAllInspections()
    : await listInspectorInspections(principal.sub);
  return {
    items: items
      .filter((i) => !status || i.status === status)
      .sort((a, b) => b.drawnAt.localeCompare(a.drawnAt) || a.inspectionId.localeCompare(b.inspectionId)),
  };
}

/**
 * Inspections of one alliance. Applicants (members) see completed ones only — inspections are
 * unannounced, so a planned one is never shown to the inspected; admins and the inspection office
 * (for a designated alliance: ../ledger/access.ts) see all.
 */
export async function allianceInspections(principal: Principal, allianceId: string) {
  if (isInspectionOffice(principal) && !isAdmin(principal)) await readAccess(principal, allianceId);
  else await accessAlliance(principal, allianceId);
  const all = (await listAllInspections()).filter((i) => i.allianceId === allianceId);
  const staff = seesAll(principal);
  const visible = staff ? all : all.filter((i) => i.status === 'completed');
  return {
    items: visible
      .map((i) => (staff ? i : { ...i, inspectorId: null }))
      .sort((a, b) => b.drawnAt.localeCompare(a.drawnAt)),
  };
}

/** The assigned inspector records findings and a rating; a 'poor' rating sets a follow-up deadline. */
export async function recordFindings(
  principal: Principal,
  inspectionId: string,
  input: Findings,
  now = new Date(),
): Promise<InspectionRecord> {
  const inspection = await loadInspection(inspectionId);
  if (!inspection || inspection.inspectorId !== principal.sub) throw notFound(nouns.inspection(inspectionId));
  if (inspection.status !== 'planned')
    throw conflict({
      en: `inspection ${inspectionId} is ${inspection.status}`,
      zh: `检查 ${inspectionId} 当前状态为 ${inspection.status}`,
    });
  const at = now.toISOString();
  const followUpDue = input.rating === 'poor' ? addDays(at.slice(0, 10), FOLLOW_UP_DAYS) : undefined;
  const allianceId = inspection.allianceId;
  const why = `rated ${input.rating}${followUpDue ? `; follow-up due ${followUpDue}` : ''}`;
  const audit = (data: Record<string, unknown>) => ({
    action: 'inspection.completed',
    actor: userActor(principal),
    reason: why,
    data,
  });
  // The follow-up deadline: what to do by when, with the alliance's round like its report deadlines.
  // Its members (told below) come from the same read: one Query of the alliance's partition.
  const parts = followUpDue ? await loadAllianceWithMembers(allianceId) : undefined;
  const roundId = parts?.alliance.roundId;
  const followUp = followUpDue && {
    kind: 'follow-up',
    due: followUpDue,
    inspectionId,
    actions: input.followUpActions,
  };
  await commit(
    [
      findingsUpdate(inspectionId, principal.sub, input, at, followUpDue),
      inspectionAudit(
        inspectionId,
        audit({ allianceId, rating: input.rating, followUpActions: input.followUpActions.length }),
        now,
      ),
      allianceAudit(allianceId, audit({ inspectionId, rating: input.rating }), now),
      // A missing round is left out of the item (the marshaller drops undefined values).
      followUp && { Put: deadlinePut(roundId as string, allianceId, followUp, at) },
    ],
    (failed) => {
      if (failed === 0)
        return conflict({
          en: `inspection ${inspectionId} is no longer planned`,
          zh: `检查 ${inspectionId} 已不再处于计划状态`,
        });
      if (failed === 3)
        return conflict({
          en: `alliance ${allianceId} already has a follow-up deadline on ${followUpDue}`,
          zh: `联盟 ${allianceId} 在 ${followUpDue} 已有整改跟进期限`,
        });
      return undefined;
    },
  );
  if (followUpDue) {
    // Findings that require follow-up: the alliance's members are told what to do by when (once).
    const members = confirmedMembers(parts?.members ?? []);
    await writeAll(
      members.map((m) =>
        inspectionFollowUpDraft(m, inspection, input.rating, followUpDue, input.followUpActions),
      ),
      now,
    );
  }
  return withFindings(inspection, input, at, followUpDue); // what the update wrote: no second read
}
