/** Reviewer routes: my assignments, the assigned application, my review, declaring a conflict. */
import { reviewRoutes } from '../../shared/api/routes/review.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { assignedDocumentLink } from '../../shared/usecases/review-documents.ts';
import { declareConflict, myAssignments, readAssigned, submitReview } from '../../shared/usecases/reviews.ts';

export const handler = httpHandler(
  'reviews',
  {
    async myAssignments({ principal }) {
      return { body: await myAssignments(principal) };
    },
    async readAssignment({ principal, params }) {
      return { body: await readAssigned(principal, params.roundId, params.allianceId) };
    },
    async getAssignedDocument({ principal, params }) {
      return {
        body: await assignedDocumentLink(principal, params.roundId, params.allianceId, params.documentId),
      };
    },
    async submitReview({ principal, params, body }) {
      return { body: await submitReview(principal, params.roundId, params.allianceId, body) };
    },
    async declareConflict({ principal, params, body }) {
      return { body: await declareConflict(principal, params.roundId, params.allianceId, body) };
    },
  },
  { routes: reviewRoutes },
);
