/**
 * The designated alliances a draw chooses from, with the risk features the weights are computed
 * from (shared/domain/inspection-draw.ts). Designated alliances are found through the DEADLINES
 * index (every designated alliance has its report deadlines there), one Query; never a Scan.
 */
import { loadAllianceWithMembers } from '../../db/alliances.ts';
import { loadAward } from '../../db/awards.ts';
import { listAllInspections } from '../../db/inspections.ts';
import { type AnyDeadline, listAllDeadlines } from '../../db/reports.ts';
import type { RiskFeatures } from '../../domain/inspection-draw.ts';
import type { InspectionRecord } from '../../domain/model/inspection.ts';

export const DAY_MS = 86_400_000;

export interface Candidate {
  allianceId: string;
  name?: string;
  memberOrganisationIds: string[];
  features: RiskFeatures;
}

const round4 = (x: number) => Math.round(x * 1e4) / 1e4;

async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i] as T);
      }
    }),
  );
  return out;
}

/** Share of the implementation period elapsed at `asOf` (null without a period). */
function elapsedShareOf(period: { start: string; end: string } | undefined, asOf: Date): number | null {
  if (!period) return null;
  const start = Date.parse(`${period.start}T00:00:00Z`);
  const end = Date.parse(`${period.end}T00:00:00Z`);
  if (end <= start) return null;
  return round4(Math.min(1, Math.max(0, (asOf.getTime() - start) / (end - start))));
}

/** When the alliance was last inspected before `asOf` (completion, else the draw), if ever. */
function lastInspection(inspections: InspectionRecord[], allianceId: string, asOfIso: string) {
  return inspections
    .filter((i) => i.allianceId === allianceId && i.drawnAt < asOfIso)
    .map((i) => (i.completedAt && i.completedAt < asOfIso ? i.completedAt : i.drawnAt))
    .sort()
    .at(-1);
}

/** Risk features of every designated alliance as of `asOf` (only facts dated before it count). */
export async function loadCandidates(asOf: Date, only?: string[]): Promise<Candidate[]> {
  const [deadlineItems, inspections] = await Promise.all([listAllDeadlines(), listAllInspections()]);
  const deadlines = new Map<string, AnyDeadline[]>();
  for (const d of deadlineItems) {
    if (only && !only.includes(d.allianceId)) continue;
    deadlines.set(d.allianceId, [...(deadlines.get(d.allianceId) ?? []), d]);
  }
  const asOfIso = asOf.toISOString();
  const asOfDay = asOfIso.slice(0, 10);
  const ids = [...deadlines.keys()].sort();
  const loaded = await mapLimit(ids, 16, async (allianceId) => {
    const [parts, award] = await Promise.all([loadAllianceWithMembers(allianceId), loadAward(allianceId)]);
    return { allianceId, parts, award };
  });
  const out: Candidate[] = [];
  for (const { allianceId, parts, award } of loaded) {
    if (!parts || !award || parts.alliance.status !== 'designated') continue;
    const own = deadlines.get(allianceId) ?? [];
    const amount = Number(award.amount ?? 0);
    const spent = Number(award.ledger?.spent ?? 0);
    const last = lastInspection(inspections, allianceId, asOfIso);
    out.push({
      allianceId,
      name: parts.alliance.name,
      memberOrganisationIds: parts.members.filter((m) => m.state !== 'declined').map((m) => m.organisationId),
      features: {
        overdueReports: own.filter((d) => d.status === 'overdue' || (d.status === 'due' && d.due < asOfDay))
          .length,
        returnedReports: own.filter((d) => d.status === 'returned').length,
        spentShare: amount > 0 ? round4(spent / amount) : null,
        elapsedShare: elapsedShareOf(parts.alliance.period, asOf),
        indicatorsBehind: 0,
        daysSinceLastInspection: last ? Math.floor((asOf.getTime() - Date.parse(last)) / DAY_MS) : null,
      },
    });
  }
  return out;
}
