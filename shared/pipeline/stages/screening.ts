import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../../aws/clients.ts';
import { loadAllianceWithMembers, roundAllianceIds } from '../../db/alliances.ts';
import { indexKeys, keys } from '../../db/keys.ts';
import { conditionFailed, table } from '../../db/table.ts';
import { listDocuments } from '../../documents/uploads.ts';
import { evaluateEligibility } from '../../domain/eligibility.ts';
import { TaskError } from '../../errors.ts';
import { loadProfiles } from '../../usecases/organisations.ts';
import { getRound } from '../../usecases/rounds.ts';

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
