/** Irregular inspections (§4.4): inspectors' registry, draws, the inspection workflow. */
import { inspectionRoutes } from '../../shared/api/routes/inspections.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import {
  adminDraw,
  allianceInspections,
  getDraw,
  getInspection,
  listInspections,
  listInspectors,
  recordFindings,
  registerInspector,
} from '../../shared/usecases/inspections/index.ts';

export const handler = httpHandler(
  'inspections',
  {
    async registerInspector({ principal, params, body }) {
      return { body: await registerInspector(principal, params.inspectorId, body) };
    },
    async listInspectors() {
      return { body: { items: await listInspectors() } };
    },
    async drawInspections({ principal, body }) {
      const draw = await adminDraw(principal, body);
      return { status: draw.dryRun ? 200 : 201, body: draw };
    },
    async getInspectionDraw({ params }) {
      return { body: await getDraw(params.drawId) };
    },
    async listInspections({ principal, query }) {
      return { body: await listInspections(principal, query.status) };
    },
    async getInspection({ principal, params }) {
      return { body: await getInspection(principal, params.inspectionId) };
    },
    async recordFindings({ principal, params, body }) {
      return { body: await recordFindings(principal, params.inspectionId, body) };
    },
    async listAllianceInspections({ principal, params }) {
      return { body: await allianceInspections(principal, params.allianceId) };
    },
  },
  { routes: inspectionRoutes },
);
