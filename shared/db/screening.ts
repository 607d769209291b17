/** Screening records of a round (one per submitted alliance, in the alliance's partition; gsi1 by round). */
import type { ScreeningRecord } from '../domain/records.ts';
import { indexKeys, keys } from './keys.ts';
import { getRecord, queryAll } from './query.ts';
import { stripKeys } from './table.ts';

export type { ScreeningRecord } from '../domain/records.ts';

export async function loadScreenings(roundId: string): Promise<ScreeningRecord[]> {
  const items = await queryAll({
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': indexKeys.roundScreening(roundId) },
  });
  return items
    .map((i) => stripKeys<ScreeningRecord>(i))
    .sort((a, b) => a.allianceId.localeCompare(b.allianceId));
}

export const loadScreening = (allianceId: string) => getRecord<ScreeningRecord>(keys.screening(allianceId));
