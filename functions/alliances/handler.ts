/** Alliance routes: drafts, members, eligibility dry run, submission, withdrawal, documents, history. */
import { createUploadTicket, listDocuments } from '../../shared/documents/uploads.ts';
import { conflict } from '../../shared/http/errors.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import {
  accessAlliance,
  allianceHistory,
  checkEligibility,
  createAlliance,
  getAlliance,
  getAward,
  inviteMember,
  listAlliances,
  respondToInvitation,
  submitAlliance,
  updateAlliance,
  withdrawAlliance,
} from '../../shared/usecases/alliances.ts';

export const handler = httpHandler('alliances', {
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
    const view = await accessAlliance(principal, params.allianceId, { confirmedOnly: true });
    if (body.kind === 'agreement' && view.alliance.status !== 'draft') {
      throw conflict(
        `alliance ${params.allianceId} is ${view.alliance.status}; the agreement can only change in a draft`,
      );
    }
    const ticket = await createUploadTicket({
      allianceId: params.allianceId,
      kind: body.kind,
      ...(body.fileName ? { fileName: body.fileName } : {}),
      ...(body.size ? { declaredSize: body.size } : {}),
      uploadedBy: principal.sub,
      ...(view.callerOrgId ? { organisationId: view.callerOrgId } : {}),
    });
    return { status: 201, body: ticket };
  },
  async listDocuments({ principal, params }) {
    await accessAlliance(principal, params.allianceId);
    return { body: { items: await listDocuments(params.allianceId) } };
  },
  async getAward({ principal, params }) {
    return { body: await getAward(principal, params.allianceId) };
  },
  async getAllianceHistory({ principal, params, query }) {
    return { body: await allianceHistory(principal, params.allianceId, query.cursor, query.limit) };
  },
});
