/** Free pairing routes (自由组合): needs, capability profiles, suggested partners, interests. */
import { pairingRoutes } from '../../shared/api/routes/pairing.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { agreementDocx, DOCX_MIME } from '../../shared/usecases/agreement.ts';
import {
  capabilityMatches,
  createNeed,
  getCapability,
  getNeed,
  listCapabilities,
  listNeeds,
  needMatches,
  updateNeed,
  upsertCapability,
} from '../../shared/usecases/pairing.ts';
import {
  acceptInterest,
  declineInterest,
  expressInterest,
  listInterests,
} from '../../shared/usecases/pairing-interests.ts';

export const handler = httpHandler(
  'pairing',
  {
    async listNeeds({ principal, query }) {
      return { body: await listNeeds(principal, query) };
    },
    async createNeed({ principal, body }) {
      return { status: 201, body: await createNeed(principal, body) };
    },
    async getNeed({ principal, params }) {
      return { body: await getNeed(principal, params.needId) };
    },
    async updateNeed({ principal, params, body }) {
      return { body: await updateNeed(principal, params.needId, body) };
    },
    async getNeedMatches({ principal, params }) {
      return { body: await needMatches(principal, params.needId) };
    },
    async listInterests({ principal, params }) {
      return { body: await listInterests(principal, params.needId) };
    },
    async expressInterest({ principal, params, body }) {
      return { status: 201, body: await expressInterest(principal, params.needId, body) };
    },
    async acceptInterest({ principal, params, body }) {
      return { body: await acceptInterest(principal, params.needId, params.interestId, body ?? {}) };
    },
    async declineInterest({ principal, params }) {
      return { body: await declineInterest(principal, params.needId, params.interestId) };
    },
    async listCapabilities({ principal }) {
      return { body: await listCapabilities(principal) };
    },
    async putCapability({ principal, body }) {
      return { body: await upsertCapability(principal, body) };
    },
    async getCapability({ principal, params }) {
      return { body: await getCapability(principal, params.orgId) };
    },
    async getCapabilityMatches({ principal, params }) {
      return { body: await capabilityMatches(principal, params.orgId) };
    },
    async getAgreementDocx({ principal, params }) {
      const { bytes, templateVersion } = await agreementDocx(principal, params.allianceId);
      return {
        binary: bytes,
        headers: {
          'content-type': DOCX_MIME,
          'content-disposition': `attachment; filename="agreement-${params.allianceId}.docx"`,
          'cache-control': 'no-store',
          'x-template-version': templateVersion,
        },
      };
    },
  },
  { routes: pairingRoutes },
);
