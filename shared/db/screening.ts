/**
 * Screening records of a round: one per submitted alliance, in the round's partition
 * (`ROUND#<id>` / `SCREENING#<allianceId>`), so the round's records are one Query that can be read
 * consistently. They used to sit in the alliance's partition and be listed through gsi1, which on
 * AWS is only eventually consistent: the screening gate's recount could miss a record the
 * ScreenAlliances step had just written, or a decision just made, and under-count (issue #10).
 *
 * The findings (every rule with its values and bilingual message: 7–15 KB of JSON) are stored
 * compressed, as one binary attribute `findingsZ` (Brotli, ~1.2 KB): DynamoDB bills a write by the
 * whole item, so the findings Put and every decision Update on the record (twice, in its
 * transaction) cost KBs of write units each (issue #10). Readers get the report back unchanged; a
 * record written before (plain `findings`) is read as it is.
 */
import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib';
import type { EligibilityReport } from '../domain/eligibility-report.ts';
import type { ScreeningRecord } from '../domain/records.ts';
import { keys } from './keys.ts';
import { getItem, type Page, queryPrefix, queryPrefixPage } from './query.ts';
import { stripKeys, table } from './table.ts';

export type { ScreeningRecord } from '../domain/records.ts';

/** The findings as stored: Brotli-compressed JSON (quality 5: ~1 ms, within 10 % of the best ratio). */
export function packFindings(findings: EligibilityReport): Uint8Array {
  return brotliCompressSync(Buffer.from(JSON.stringify(findings), 'utf8'), {
    params: { [constants.BROTLI_PARAM_QUALITY]: 5 },
  });
}

/** A stored screening item as the record it holds (findings unpacked). */
function screeningRecord(item: Record<string, unknown>): ScreeningRecord {
  const { findingsZ, ...rest } = stripKeys<Record<string, unknown>>(item);
  if (findingsZ instanceof Uint8Array)
    rest.findings = JSON.parse(brotliDecompressSync(findingsZ).toString('utf8')) as EligibilityReport;
  return rest as unknown as ScreeningRecord;
}

/** Every screening record of the round, by alliance id (consistent read). */
export async function loadScreenings(roundId: string): Promise<ScreeningRecord[]> {
  const { pk, skPrefix } = keys.roundScreenings(roundId);
  return (await queryPrefix(pk, skPrefix)).map(screeningRecord);
}

/** One page of the round's screening records, by alliance id (consistent read), with an opaque cursor. */
export function pageScreenings(
  roundId: string,
  cursor: string | undefined,
  limit: number,
): Promise<Page<ScreeningRecord>> {
  const { pk, skPrefix } = keys.roundScreenings(roundId);
  return queryPrefixPage(pk, skPrefix, cursor, limit, screeningRecord);
}

export async function loadScreening(
  roundId: string,
  allianceId: string,
): Promise<ScreeningRecord | undefined> {
  const item = await getItem(keys.screening(roundId, allianceId));
  return item ? screeningRecord(item) : undefined;
}

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
        ...keys.screening(roundId, allianceId),
        type: 'screening',
        roundId,
        allianceId,
        name,
        findingsZ: packFindings(findings),
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
  roundId: string,
  allianceId: string,
  decision: NonNullable<ScreeningRecord['decision']>,
  previous: NonNullable<ScreeningRecord['decision']>['outcome'] | null,
) {
  return {
    Update: {
      TableName: table(),
      Key: keys.screening(roundId, allianceId),
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
