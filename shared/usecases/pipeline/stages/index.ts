/**
 * The round pipeline's steps after closing (statemachines/round-pipeline.ts), one module per stage.
 * Each is idempotent: a retried or replayed step finds its earlier result (conditional writes) and
 * changes nothing. Steps return ids and counts only; records live in DynamoDB and S3.
 */

export { applySelectionPage } from './apply-selection.ts';
export { completeDesignation, designate, designateBatch } from './designation.ts';
export { checkObjections, publishNotice } from './notice.ts';
export { assignRoundReviewers, concludeReviews } from './review.ts';
export { closeApplications, openGate, recordFailure } from './round.ts';
export { screenAlliance, screenBatch } from './screening.ts';
export { applySelection, rankAndSelect } from './selection.ts';
export { checkSupplement, endSupplementaryNotice } from './supplement.ts';
