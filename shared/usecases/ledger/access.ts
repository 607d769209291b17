/**
 * Who may read and write an alliance's implementation records (the dedicated account here, the
 * plan in ../implementation.ts). Members and admins go through the alliance's own rules
 * (accessAlliance); inspectors read any alliance's records, read only. To anyone else the alliance
 * does not exist (404).
 */
import { loadAllianceWithMembers } from '../../db/alliances.ts';
import { isAdmin, type Principal } from '../../domain/actors.ts';
import { notFound, nouns } from '../../domain/errors.ts';
import type { AllianceRecord } from '../../domain/model/alliance.ts';
import { accessAlliance } from '../alliances/index.ts';

/**
 * Readers: member applicants (invited or confirmed) and admins; inspectors (not admins) for any
 * alliance, or only one whose status is among `inspectorStatuses` when given.
 */
export async function readAccess(
  principal: Principal,
  allianceId: string,
  inspectorStatuses?: readonly string[],
): Promise<AllianceRecord> {
  if (principal.roles.includes('inspector') && !isAdmin(principal)) {
    const loaded = await loadAllianceWithMembers(allianceId);
    if (!loaded || (inspectorStatuses && !inspectorStatuses.includes(loaded.alliance.status))) {
      throw notFound(nouns.alliance(allianceId));
    }
    return loaded.alliance;
  }
  return (await accessAlliance(principal, allianceId)).alliance;
}

/** Writers: confirmed member applicants and admins. */
export async function writeAccess(principal: Principal, allianceId: string): Promise<AllianceRecord> {
  return (await accessAlliance(principal, allianceId, { confirmedOnly: !isAdmin(principal) })).alliance;
}
