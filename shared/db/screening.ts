/** Screening records of a round (one per submitted alliance, in the alliance's partition; gsi1 by round). */
import type { EligibilityReport } from '../domain/eligibility-report.ts';
import type { ScreeningRecord } from '../domain/records.ts';
import { indexKeys, keys } from './keys.ts';
import { getRecord, queryIndex } from './query.ts';
import { table } from './table.ts';

export type { ScreeningRecord } from '../domain/records.ts';

export async function loadScreenings(roundId: string): Promise<ScreeningRecord[]> {
  return (await queryIndex<ScreeningRecord>('gsi1', indexKeys.roundScreening(roundId))).sort((a, b) =>
    a.allianceId.localeCompare(b.allianceId),
  );
}

export const loadScreening = (allianceId: string) => getRecord<ScreeningRecord>(keys.screening(allianceId));

/** The automatic findings on one alliance; written only while no decision is recorded (a decided record stands). */
export function screeningFindingsPut(
  roundId: string,
  allianceId: string,
  name: string,
  findings: EligibilityReport,
) {
  return {
    Put: {
      TableName: table(),
      Item: {
        ...keys.screening(allianceId),
        type: 'screening',
        gsi1pk: indexKeys.roundScreening(roundId),
        gsi1sk: allianceId,
        roundId,
        allianceId,
        name,
        findings,
      },
      ConditionExpression: 'attribute_not_exists(decision)',
    },
  };
}

/**
 * An admin's decision on an existing screening record, over the outcome that was read (`previous`,
 * null when undecided): the condition fails if another decision landed meanwhile, so the gate's
 * tally, moved in the same transaction, stays exact.
 */
export function screeningDecisionUpdate(
  allianceId: string,
  decision: NonNullable<ScreeningRecord['decision']>,
  previous: NonNullable<ScreeningRecord['decision']>['outcome'] | null,
) {
  return {
    Update: {
      TableName: table(),
      Key: keys.screening(allianceId),
      UpdateExpression: 'SET decision = :decision',
      ConditionExpression:
        previous === null
          ? 'attribute_exists(pk) AND attribute_not_exists(decision)'
          : 'attribute_exists(pk) AND decision.outcome = :previous',
      ExpressionAttributeValues: {
        ':decision': decision,
        ...(previous === null ? {} : { ':previous': previous }),
      },
    },
  };
}
