/**
 * The implementation plan of a designated alliance (§4.3), in its partition: PLAN holds the current
 * version (milestones, indicators, the history of changes); PLAN#V<nnnnnn> keeps every version it
 * replaced, as it was.
 */
import type { PlanContent } from '../domain/model/plan.ts';
import { putItem, type TxItem } from './commit.ts';
import { keys } from './keys.ts';
import { getRecord } from './query.ts';
import { table } from './table.ts';

export type { PlanContent };

export interface PlanRecord extends PlanContent {
  allianceId: string;
  version: number;
  updatedAt: string;
  updatedBy: string;
  history: { version: number; at: string; by: string; reason: string }[];
}

/** The current plan (consistent read), or undefined before it starts. */
export const loadPlan = (allianceId: string) => getRecord<PlanRecord>(keys.plan(allianceId));

/** An earlier version of the plan, or undefined. */
export const loadPlanVersion = (allianceId: string, version: number) =>
  getRecord<PlanRecord>(keys.planVersion(allianceId, version));

/** Writes the first version of a plan; false when the alliance already has one (a concurrent start). */
export const createPlan = (plan: PlanRecord): Promise<boolean> =>
  putItem({
    TableName: table(),
    Item: { ...keys.plan(plan.allianceId), type: 'plan', ...plan },
    ConditionExpression: 'attribute_not_exists(pk)',
  });

/**
 * Replaces the plan at `current.version` by `next` (the condition on the version fails if anyone
 * changed it meanwhile) and keeps `current` as an earlier version.
 */
export function planReplaceItems(current: PlanRecord, next: PlanRecord): TxItem[] {
  return [
    {
      Put: {
        TableName: table(),
        Item: { ...keys.plan(next.allianceId), type: 'plan', ...next },
        ConditionExpression: 'version = :v',
        ExpressionAttributeValues: { ':v': current.version },
      },
    },
    {
      Put: {
        TableName: table(),
        Item: { ...keys.planVersion(current.allianceId, current.version), type: 'plan-version', ...current },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
  ];
}
