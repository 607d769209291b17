/** Implementation routes: the plan (versioned, with history) and closing an alliance. */
import { implementationRoutes } from '../../shared/api/routes/implementation.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { closeAlliance, getPlan, getPlanVersion, updatePlan } from '../../shared/usecases/implementation.ts';

export const handler = httpHandler(
  'implementation',
  {
    async getPlan({ principal, params }) {
      return { body: await getPlan(principal, params.allianceId) };
    },
    async updatePlan({ principal, params, body }) {
      return { body: await updatePlan(principal, params.allianceId, body) };
    },
    async getPlanVersion({ principal, params }) {
      return { body: await getPlanVersion(principal, params.allianceId, params.version) };
    },
    async closeAlliance({ principal, params, body }) {
      return { body: await closeAlliance(principal, params.allianceId, body) };
    },
  },
  { routes: implementationRoutes },
);
