import { loadAllianceWithMembers, pageRoundAllianceIds } from '../../../db/alliances.ts';
import { putItem } from '../../../db/commit.ts';
import { screeningFindingsPut } from '../../../db/screening.ts';
import { evaluateEligibility } from '../../../domain/eligibility.ts';
import { TaskError } from '../../../errors.ts';
import { listDocuments } from '../../documents/uploads.ts';
import { loadProfiles } from '../../organisations.ts';
import { getRound } from '../../rounds.ts';
import { type PageInput, runPage } from '../paging.ts';

/** Stage ScreenBatch: screens one page of the round's submitted alliances (see ../paging.ts). */
export const screenBatch = (input: PageInput) =>
  runPage(
    input,
    'screening',
    (cursor, limit) => pageRoundAllianceIds(input.roundId, 'submitted', cursor, limit),
    (allianceId) => screenAlliance(input.roundId, allianceId),
  );

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
  // Decided already (a failed condition): the findings stand as they were.
  await putItem(screeningFindingsPut(roundId, allianceId, loaded.alliance.name, findings).Put);
  return { allianceId, eligible: findings.eligible };
}
