/** The inspectors' registry (§4.4 expert evaluation teams): who inspects, and whom they may not. */
import { commit } from '../../db/commit.ts';
import { inspectorAudit, inspectorPut, listInspectorRecords, loadInspector } from '../../db/inspections.ts';
import { type Principal, userActor } from '../../domain/actors.ts';
import type { InspectorRecord } from '../../domain/model/inspection.ts';

export async function registerInspector(
  principal: Principal,
  inspectorId: string,
  input: { name: string; affiliations: string[]; conflicts: string[] },
  now = new Date(),
): Promise<InspectorRecord> {
  const at = now.toISOString();
  const existing = await loadInspector(inspectorId);
  const record: InspectorRecord = {
    inspectorId,
    name: input.name,
    affiliations: [...new Set(input.affiliations)],
    conflicts: [...new Set(input.conflicts)],
    registeredAt: existing?.registeredAt ?? at,
    updatedAt: at,
  };
  await commit([
    inspectorPut(record),
    inspectorAudit(
      inspectorId,
      {
        action: existing ? 'inspector.updated' : 'inspector.registered',
        actor: userActor(principal),
        reason: `${record.name}: affiliations ${record.affiliations.length}, declared conflicts ${record.conflicts.length}`,
        data: { affiliations: record.affiliations, conflicts: record.conflicts },
      },
      now,
    ),
  ]);
  return record;
}

export const listInspectors = (): Promise<InspectorRecord[]> => listInspectorRecords();
