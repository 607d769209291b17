/** Reviewer routes: my assignments, the assigned application, my review, declaring a conflict. */
import { httpHandler } from '../../shared/http/handler.ts';
import { declareConflict, myAssignments, readAssigned, submitReview } from '../../shared/usecases/reviews.ts';

export const handler = httpHandler('reviews', {
  async myAssignments({ principal }) {
    return { body: await myAssignments(principal) };
  },
  async readAssignment({ principal, params }) {
    return { body: await readAssigned(principal, params.roundId, params.allianceId) };
  },
  async submitReview({ principal, params, body }) {
    return { body: await submitReview(principal, params.roundId, params.allianceId, body) };
  },
  async declareConflict({ principal, params, body }) {
    return { body: await declareConflict(principal, params.roundId, params.allianceId, body) };
  },
});
