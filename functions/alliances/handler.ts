/** Alliance routes: drafts, members, eligibility dry run, submission, withdrawal, documents (and their reverification), history. */
import { allianceRoutes } from '../../shared/api/routes/alliances.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import {
  allianceHistory,
  checkEligibility,
  createAlliance,
  getAlliance,
  getAward,
  inviteMember,
  listAllianceDocuments,
  listAlliances,
  requestUpload,
  respondToInvitation,
  reverifyAllianceDocument,
  submitAlliance,
  updateAlliance,
  withdrawAlliance,
} from '../../shared/usecases/alliances/index.ts';

export const handler = httpHandler(
  'alliances',
  {
    async createAlliance({ principal, body }) {
      return { status: 201, body: await createAlliance(principal, body) };
    },
    async listAlliances({ principal, query }) {
      return { body: await listAlliances(principal, query) };
    },
    async getAlliance({ principal, params }) {
      return { body: await getAlliance(principal, params.allianceId) };
    },
    async updateAlliance({ principal, params, body }) {
      return { body: await updateAlliance(principal, params.allianceId, body) };
    },
    async inviteMember({ principal, params, body }) {
      return { status: 201, body: await inviteMember(principal, params.allianceId, body.organisationId) };
    },
    async confirmMembership({ principal, params }) {
      return { body: await respondToInvitation(principal, params.allianceId, params.orgId, 'confirmed') };
    },
    async declineMembership({ principal, params }) {
      return { body: await respondToInvitation(principal, params.allianceId, params.orgId, 'declined') };
    },
    async getAllianceEligibility({ principal, params }) {
      return { body: await checkEligibility(principal, params.allianceId) };
    },
    async submitAlliance({ principal, params, body }) {
      return { body: await submitAlliance(principal, params.allianceId, body.version) };
    },
    async withdrawAlliance({ principal, params, body }) {
      return { body: await withdrawAlliance(principal, params.allianceId, body.version, body.reason) };
    },
    async requestUpload({ principal, params, body }) {
      return { status: 201, body: await requestUpload(principal, params.allianceId, body) };
    },
    async listDocuments({ principal, params }) {
      return { body: { items: await listAllianceDocuments(principal, params.allianceId) } };
    },
    async reverifyDocument({ principal, params }) {
      return { body: await reverifyAllianceDocument(principal, params.allianceId, params.documentId) };
    },
    async getAward({ principal, params }) {
      return { body: await getAward(principal, params.allianceId) };
    },
    async getAllianceHistory({ principal, params, query }) {
      return { body: await allianceHistory(principal, params.allianceId, query.cursor, query.limit) };
    },
  },
  { routes: allianceRoutes },
);
