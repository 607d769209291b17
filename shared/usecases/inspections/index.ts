/**
 * Irregular inspections (不定期检查, §4.4): the inspectors' registry (registry.ts), risk-weighted
 * seeded draws, monthly by schedule or by an admin (draw.ts, over the candidates of candidates.ts),
 * and the inspection workflow: findings, rating, follow-up (findings.ts). Items: shared/db/inspections.ts.
 */

export type { DrawInput } from './draw.ts';
export {
  ALGORITHM,
  adminDraw,
  DEFAULT_SHARE,
  getDraw,
  inspectionIdOf,
  monthlyDrawId,
  runDraw,
  scheduledDraw,
} from './draw.ts';
export {
  allianceInspections,
  FOLLOW_UP_DAYS,
  getInspection,
  listInspections,
  recordFindings,
} from './findings.ts';
export { listInspectors, registerInspector } from './registry.ts';
