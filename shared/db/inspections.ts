/**
 * Irregular inspections (不定期检查, §4.4): the inspectors' registry, the draws and the inspections.
 * Items (single table):
 *   INSPECTOR#<id> / INSPECTOR    gsi1 INSPECTORS / <id>
 *   DRAW#<drawId> / DRAW           gsi1 INSPECTION_DRAWS / <at>#<drawId>   (the full re-run record)
 *   INSPECTION#<id> / INSPECTION   gsi1 INSPECTOR#<inspectorId>#INSPECTIONS / <drawnAt>#<id> (when assigned)
 *                                  gsi2 INSPECTIONS / <drawnAt>#<id>
 *   ALLIANCE#<id> / INSPECTOR#<inspectorId>   an inspector's assignment to the alliance (need to know:
 *                                  written with the inspection that assigns them; one GetItem answers
 *                                  "may X read A"; kept once the inspection is completed, for its
 *                                  follow-up; there is no reassignment — one would delete it)
 * Audit records: draws under DRAW#, each inspection under INSPECTION#, inspectors under INSPECTOR#.
 * Reads by intent, and the items the inspection use cases write.
 */
import type { DrawRecord, InspectionRecord, InspectorRecord } from '../domain/model/inspection.ts';
import { type AuditEntry, auditPut } from './audit.ts';
import type { TxItem } from './commit.ts';
import { indexKeys, keys } from './keys.ts';
import { getRecord, queryIndex } from './query.ts';
import { table } from './table.ts';

// --- Reads ---------------------------------------------------------------------------------------

/** One inspector (consistent read), or undefined. */
export const loadInspector = (inspectorId: string) => getRecord<InspectorRecord>(keys.inspector(inspectorId));

/** The inspectors' registry, by id. */
export const listInspectorRecords = async () =>
  (await queryIndex<InspectorRecord>('gsi1', indexKeys.inspectors())).sort((a, b) =>
    a.inspectorId.localeCompare(b.inspectorId),
  );

/** Every inspection (gsi2 INSPECTIONS). */
export const listAllInspections = () => queryIndex<InspectionRecord>('gsi2', indexKeys.inspections());

/** The inspections assigned to one inspector. */
export const listInspectorInspections = (inspectorId: string) =>
  queryIndex<InspectionRecord>('gsi1', indexKeys.inspectorInspections(inspectorId));

/** One recorded draw (consistent read), or undefined. */
export const loadDraw = (drawId: string) => getRecord<DrawRecord>(keys.inspectionDraw(drawId));

/** One inspection (consistent read), or undefined. */
export const loadInspection = (inspectionId: string) =>
  getRecord<InspectionRecord>(keys.inspection(inspectionId));

// --- Items to write ------------------------------------------------------------------------------

/** A Put of an item: its key, then its attributes; `once` never overwrites an existing item. */
function put(key: { pk: string; sk: string }, attributes: Record<string, unknown>, once: boolean): TxItem {
  return {
    Put: {
      TableName: table(),
      Item: { ...key, ...attributes },
      ...(once ? { ConditionExpression: 'attribute_not_exists(pk)' } : {}),
    },
  };
}

/** An inspector's registration (or its update). */
export const inspectorPut = (record: InspectorRecord): TxItem =>
  put(
    keys.inspector(record.inspectorId),
    { type: 'inspector', gsi1pk: indexKeys.inspectors(), gsi1sk: record.inspectorId, ...record },
    false,
  );

/** A draw's record (once: the condition fails when the draw was recorded already). */
export const drawPut = (record: DrawRecord): TxItem =>
  put(
    keys.inspectionDraw(record.drawId),
    {
      type: 'inspection-draw',
      gsi1pk: indexKeys.inspectionDraws(),
      gsi1sk: `${record.at}#${record.drawId}`,
      ...record,
    },
    true,
  );

/** An inspection of a draw (once), listed under its inspector when it has one, and among all (gsi2). */
export function inspectionPut(inspection: InspectionRecord, createdAt: string): TxItem {
  const sort = `${inspection.drawnAt}#${inspection.inspectionId}`;
  const inspector = inspection.inspectorId
    ? { gsi1pk: indexKeys.inspectorInspections(inspection.inspectorId), gsi1sk: sort }
    : {};
  return put(
    keys.inspection(inspection.inspectionId),
    {
      type: 'inspection',
      ...inspector,
      gsi2pk: indexKeys.inspections(),
      gsi2sk: sort,
      createdAt,
      ...inspection,
    },
    true,
  );
}

/**
 * The assigned inspector's right to read the alliance's records, written in the transaction of the
 * inspection that assigns them (a later inspection by the same inspector overwrites it).
 */
export function inspectorAssignmentPut(
  inspection: InspectionRecord & { inspectorId: string },
  at: string,
): TxItem {
  return put(
    keys.inspectorAssignment(inspection.allianceId, inspection.inspectorId),
    {
      type: 'inspector-assignment',
      allianceId: inspection.allianceId,
      inspectorId: inspection.inspectorId,
      inspectionId: inspection.inspectionId,
      drawId: inspection.drawId,
      assignedAt: at,
    },
    false,
  );
}

export interface Findings {
  findings: string;
  rating: 'excellent' | 'good' | 'fair' | 'poor';
  followUpActions: { action: string; due?: string }[];
}

/** A planned inspection completed by its inspector (the condition fails otherwise). */
export function findingsUpdate(
  inspectionId: string,
  inspectorId: string,
  input: Findings,
  at: string,
  followUpDue: string | undefined,
): TxItem {
  return {
    Update: {
      TableName: table(),
      Key: keys.inspection(inspectionId),
      UpdateExpression:
        'SET #status = :completed, findings = :findings, rating = :rating, followUpActions = :actions, completedAt = :at, version = version + :one' +
        (followUpDue ? ', followUpDeadline = :followUp' : ''),
      ConditionExpression: '#status = :planned AND inspectorId = :me',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':completed': 'completed',
        ':planned': 'planned',
        ':me': inspectorId,
        ':findings': input.findings,
        ':rating': input.rating,
        ':actions': input.followUpActions,
        ':at': at,
        ':one': 1,
        ...(followUpDue ? { ':followUp': { kind: 'follow-up', due: followUpDue } } : {}),
      },
    },
  };
}

/**
 * The inspection as `findingsUpdate` leaves it: a planned inspection is changed by nothing else
 * (that update is the only one), so this is the stored record after it.
 */
export const withFindings = (
  planned: InspectionRecord,
  input: Findings,
  at: string,
  followUpDue: string | undefined,
): InspectionRecord => ({
  ...planned,
  status: 'completed',
  findings: input.findings,
  rating: input.rating,
  followUpActions: input.followUpActions,
  completedAt: at,
  version: planned.version + 1,
  ...(followUpDue ? { followUpDeadline: { kind: 'follow-up', due: followUpDue } } : {}),
});

/** Audit records in the partitions of an inspector, a draw and an inspection. */
export const inspectorAudit = (inspectorId: string, entry: AuditEntry, now: Date) =>
  auditPut(keys.inspector(inspectorId).pk, entry, now);
export const drawAudit = (drawId: string, entry: AuditEntry, now: Date) =>
  auditPut(keys.inspectionDraw(drawId).pk, entry, now);
export const inspectionAudit = (inspectionId: string, entry: AuditEntry, now: Date) =>
  auditPut(keys.inspection(inspectionId).pk, entry, now);
