/** Alliances and their members (one partition per alliance; gsi1 lists a round's alliances). */
import type { AllianceRecord, Member } from '../api/alliances.ts';
import { indexKeys, keys } from './keys.ts';
import { getItem, queryAll } from './query.ts';
import { stripKeys } from './table.ts';

/** The ids of a round's alliances (optionally only those in `status`), sorted. */
export async function roundAllianceIds(roundId: string, status?: string): Promise<string[]> {
  const items = await queryAll({
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: {
      ':pk': indexKeys.roundAlliances(roundId),
      ...(status ? { ':status': status } : {}),
    },
    ...(status
      ? { FilterExpression: '#status = :status', ExpressionAttributeNames: { '#status': 'status' } }
      : {}),
  });
  return items.map((i) => i.id as string).sort();
}

/** An alliance with its members (oldest invitation first), or undefined. */
export async function loadAllianceWithMembers(
  allianceId: string,
): Promise<{ alliance: AllianceRecord; members: Member[] } | undefined> {
  const [alliance, members] = await Promise.all([
    getItem(keys.alliance(allianceId)),
    queryAll({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :member)',
      ExpressionAttributeValues: { ':pk': keys.alliance(allianceId).pk, ':member': 'MEMBER#' },
      ConsistentRead: true,
    }),
  ]);
  if (!alliance) return undefined;
  return {
    alliance: stripKeys<AllianceRecord>(alliance),
    members: members.map((m) => stripKeys<Member>(m)).sort((a, b) => a.invitedAt.localeCompare(b.invitedAt)),
  };
}
