/** Organisation routes: who am I, register and keep my organisation's profile, find others to invite. */

import { organisationRoutes } from '../../shared/api/routes/organisations.ts';
import { evaluateOrganisation } from '../../shared/domain/eligibility.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import {
  createOrganisation,
  getOrganisation,
  lookupOrganisation,
  me,
  updateOrganisation,
} from '../../shared/usecases/organisations.ts';
import { getPreferences, putPreferences } from '../../shared/usecases/preferences.ts';

export const handler = httpHandler(
  'organisations',
  {
    async getMe({ principal }) {
      return { body: await me(principal) };
    },
    async getMyPreferences({ principal }) {
      return { body: await getPreferences(principal) };
    },
    async putMyPreferences({ principal, body }) {
      return { body: await putPreferences(principal, body) };
    },
    async createOrganisation({ principal, body }) {
      return { status: 201, body: await createOrganisation(principal, body) };
    },
    async lookupOrganisation({ query }) {
      return { body: await lookupOrganisation(query.uscc) };
    },
    async getOrganisation({ principal, params }) {
      return { body: await getOrganisation(principal, params.orgId) };
    },
    async updateOrganisation({ principal, params, body }) {
      return { body: await updateOrganisation(principal, params.orgId, body) };
    },
    async getOrganisationEligibility({ principal, params }) {
      const organisation = await getOrganisation(principal, params.orgId);
      return { body: { results: evaluateOrganisation(organisation, new Date()) } };
    },
  },
  { routes: organisationRoutes },
);
