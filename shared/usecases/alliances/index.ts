/**
 * Alliances: a draft created by a member organisation in an open round, further enterprises and
 * societies invited and confirming, content edited with optimistic versions, the eligibility
 * dry run, submission (which runs the rules again) and withdrawal. Every change writes its audit
 * record in the same transaction. Only member applicants and admins can see or change an alliance;
 * to anyone else it does not exist (404).
 *
 * This module holds the reads and gathers the rest: access (./access.ts), drafts (./drafts.ts),
 * membership (./membership.ts), submission (./submission.ts) and documents (./documents.ts).
 */

import {
  loadAllianceHeads,
  pageOrgMemberships,
  pageRoundAlliances,
  type StoredAlliance,
} from '../../db/alliances.ts';
import { allianceAuditTrail } from '../../db/audit.ts';
import { loadAwardWithDeadlines } from '../../db/awards.ts';
import { isAdmin, type Principal } from '../../domain/actors.ts';
import { invalid, notFound } from '../../domain/errors.ts';
import { readAccess } from '../ledger/access.ts';
import { requireOwnOrganisation } from '../organisations.ts';
import { accessAlliance, present } from './access.ts';

export {
  type AllianceView,
  accessAlliance,
  present,
  requireDraft,
  requireVersion,
  type StoredAlliance,
} from './access.ts';
export { listAllianceDocuments, requestUpload, reverifyAllianceDocument } from './documents.ts';
export { createAlliance, updateAlliance } from './drafts.ts';
export { inviteMember, respondToInvitation } from './membership.ts';
export {
  assessEligibility,
  checkEligibility,
  submitAlliance,
  withdrawAlliance,
} from './submission.ts';

export async function getAlliance(principal: Principal, allianceId: string) {
  return present(await accessAlliance(principal, allianceId));
}

const summary = (a: StoredAlliance) => ({
  id: a.id,
  roundId: a.roundId,
  name: a.name,
  status: a.status,
  version: a.version,
  updatedAt: a.updatedAt,
});

/** Applicants: their organisation's alliances. Admins: the alliances of a round. */
export async function listAlliances(
  principal: Principal,
  query: { roundId?: string; cursor?: string; limit: number },
) {
  if (isAdmin(principal)) {
    if (!query.roundId) {
      throw invalid(
        'query.roundId',
        { en: 'required for admins: admins list the alliances of one round', zh: '管理员须指定申报批次' },
        'required',
      );
    }
    const page = await pageRoundAlliances(query.roundId, query.cursor, query.limit);
    return { ...page, items: page.items.map(summary) };
  }
  const orgId = await requireOwnOrganisation(principal);
  const page = await pageOrgMemberships(orgId, query.cursor, query.limit);
  // The page's alliances in one BatchGet (not one GetItem each).
  const memberships = page.items.filter((m) => m.state !== 'declined');
  const heads = await loadAllianceHeads(memberships.map((m) => m.allianceId));
  const items = memberships.map((m, i) => {
    const alliance = heads[i];
    return alliance ? { ...summary(alliance as StoredAlliance), membership: m.state } : undefined;
  });
  return { ...page, items: items.filter((x) => x !== undefined) };
}

export async function allianceHistory(
  principal: Principal,
  allianceId: string,
  cursor: string | undefined,
  limit: number,
) {
  await accessAlliance(principal, allianceId);
  return allianceAuditTrail(allianceId, cursor, limit);
}

/**
 * The award and dedicated account of a designated alliance (members, admins, the inspection office
 * and the inspectors assigned to it: ../ledger/access.ts).
 */
export async function getAward(principal: Principal, allianceId: string) {
  await readAccess(principal, allianceId);
  const award = await loadAwardWithDeadlines(allianceId);
  if (!award) throw notFound({ en: `an award of alliance ${allianceId}`, zh: `联盟 ${allianceId} 的资助` });
  return award;
}
