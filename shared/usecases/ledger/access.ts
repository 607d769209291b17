/**
 * Who may read and write an alliance's implementation records: its award, plan and dedicated
 * account (here, ../implementation.ts and ../alliances/index.ts `getAward`). Members and admins go
 * through the alliance's own rules (accessAlliance). Inspection staff read, never write, on a need
 * to know: an inspector only the alliances a draw has assigned them to (the assignment item, read
 * in the alliance's own BatchGet: shared/db/alliances.ts `loadAllianceForInspection`), the
 * inspection office every one — and both only from designation on (there is nothing to inspect
 * before). To anyone else the alliance does not exist (404), so an unassigned inspector cannot
 * even learn which alliances there are.
 */
import { loadAllianceForInspection } from '../../db/alliances.ts';
import { isAdmin, isInspectionOffice, type Principal } from '../../domain/actors.ts';
import { notFound, nouns } from '../../domain/errors.ts';
import type { AllianceRecord } from '../../domain/model/alliance.ts';
import { accessAlliance } from '../alliances/access.ts';

/** The statuses an alliance has implementation records in: designated, and after it ended. */
export const INSPECTABLE_STATUSES = ['designated', 'completed', 'terminated'] as const;

/**
 * Readers: member applicants (invited or confirmed) and admins; the inspection office, and the
 * inspectors assigned to the alliance, once it is designated (or among `inspectorStatuses`).
 * A caller who is both (an inspector who is also an applicant) is checked as a member when the
 * inspection staff rule does not let them in.
 */
export async function readAccess(
  principal: Principal,
  allianceId: string,
  inspectorStatuses: readonly string[] = INSPECTABLE_STATUSES,
): Promise<AllianceRecord> {
  const office = isInspectionOffice(principal);
  if (!isAdmin(principal) && (office || principal.roles.includes('inspector'))) {
    // One request: the alliance without its members (staff are not checked as members), with an
    // inspector's assignment in the same BatchGet.
    const { alliance, assigned } = await loadAllianceForInspection(
      allianceId,
      office ? undefined : principal.sub,
    );
    if (alliance && assigned && inspectorStatuses.includes(alliance.status)) return alliance;
    if (!principal.roles.includes('applicant')) throw notFound(nouns.alliance(allianceId));
  }
  return (await accessAlliance(principal, allianceId)).alliance;
}

/** Writers: confirmed member applicants and admins. */
export async function writeAccess(principal: Principal, allianceId: string): Promise<AllianceRecord> {
  return (await accessAlliance(principal, allianceId, { confirmedOnly: !isAdmin(principal) })).alliance;
}
