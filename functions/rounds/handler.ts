/** Round routes: admins create, change and close rounds; anyone reads them; admins see the pipeline. */

import { reviewRoutes } from '../../shared/api/routes/review.ts';
import { roundRoutes } from '../../shared/api/routes/rounds.ts';
import { screeningRoutes } from '../../shared/api/routes/screening.ts';
import { selectionRoutes } from '../../shared/api/routes/selection.ts';
import { invalid } from '../../shared/domain/errors.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { dismissObjections, listObjections, resolveObjection } from '../../shared/usecases/objections.ts';
import { retryPipeline } from '../../shared/usecases/pipeline/retry.ts';
import { roundPipelineStatus } from '../../shared/usecases/pipeline/status.ts';
import { assignments, closeReviews, listReviewers, registerReviewer } from '../../shared/usecases/reviews.ts';
import {
  closeRound,
  createRound,
  getRound,
  listRounds,
  roundHistory,
  updateRound,
} from '../../shared/usecases/rounds.ts';
import { completeScreening, decide, listScreening } from '../../shared/usecases/screening.ts';
import { approveSelection, ranking } from '../../shared/usecases/selection.ts';
import { decideSupplement, previewSupplement } from '../../shared/usecases/supplement.ts';

export const handler = httpHandler(
  'rounds',
  {
    async listRounds({ query }) {
      return { body: await listRounds(query.cursor, query.limit) };
    },
    async createRound({ principal, body }) {
      return { status: 201, body: await createRound(principal, body) };
    },
    async getRound({ params }) {
      return { body: await getRound(params.roundId) };
    },
    async updateRound({ principal, params, body }) {
      return { body: await updateRound(principal, params.roundId, body) };
    },
    async closeRound({ principal, params, body }) {
      return { status: 202, body: await closeRound(principal, params.roundId, body.reason) };
    },
    async getRoundHistory({ params, query }) {
      return { body: await roundHistory(params.roundId, query.cursor, query.limit) };
    },
    async listScreening({ params, query }) {
      return { body: await listScreening(params.roundId, query.cursor, query.limit) };
    },
    async decideScreening({ principal, params, body }) {
      return { body: await decide(principal, params.roundId, params.allianceId, body) };
    },
    async completeScreening({ principal, params }) {
      return { body: await completeScreening(principal, params.roundId) };
    },
    async registerReviewer({ principal, params, body }) {
      if (body.reviewerId !== params.reviewerId) {
        throw invalid(
          'body.reviewerId',
          { en: 'must equal the reviewerId in the path', zh: '必须与路径中的 reviewerId 相同' },
          'mismatch',
        );
      }
      return { body: await registerReviewer(principal, params.roundId, body) };
    },
    async listReviewers({ params }) {
      return { body: { items: await listReviewers(params.roundId) } };
    },
    async listAssignments({ params, query }) {
      return { body: await assignments(params.roundId, query.preview === 'true', query.seed) };
    },
    async closeReviews({ principal, params, body }) {
      return { body: await closeReviews(principal, params.roundId, body.reason) };
    },
    async getRanking({ params, query }) {
      return { body: await ranking(params.roundId, query.cursor, query.limit) };
    },
    async previewSupplement({ params }) {
      return { body: await previewSupplement(params.roundId) };
    },

    async decideSupplement({ principal, params, body }) {
      return { body: await decideSupplement(principal, params.roundId, body) };
    },

    async approveSelection({ principal, params, body }) {
      return { body: await approveSelection(principal, params.roundId, body) };
    },
    async listObjections({ params }) {
      return { body: await listObjections(params.roundId) };
    },
    async resolveObjection({ principal, params, body }) {
      return { body: await resolveObjection(principal, params.roundId, params.objectionId, body) };
    },
    async dismissObjections({ principal, params, body }) {
      return { body: await dismissObjections(principal, params.roundId, body) };
    },

    async retryRoundPipeline({ principal, params, body }) {
      return { status: 202, body: await retryPipeline(principal, params.roundId, body.reason) };
    },

    async getRoundPipeline({ params, lang }) {
      return { body: await roundPipelineStatus(params.roundId, lang) };
    },
  },
  // Its group's routes live in these area files (the rest of the table is other functions').
  { routes: [...roundRoutes, ...reviewRoutes, ...screeningRoutes, ...selectionRoutes] },
);
