/** A round's reviewers, assignments and reviews (all in the round's partition). */
import type { AssignmentRecord, ReviewerRecord, ReviewRecord } from '../domain/records.ts';
import { keys } from './keys.ts';
import { queryPrefix } from './query.ts';
import { stripKeys } from './table.ts';

export type { AssignmentRecord, ReviewerRecord, ReviewRecord } from '../domain/records.ts';

const inRound = (roundId: string, prefix: string) => queryPrefix(keys.round(roundId).pk, prefix);

export const loadReviewers = async (roundId: string) =>
  (await inRound(roundId, 'REVIEWER#')).map((i) => stripKeys<ReviewerRecord>(i));
export const loadAssignments = async (roundId: string) =>
  (await inRound(roundId, 'ASSIGN#')).map((i) => stripKeys<AssignmentRecord>(i));
export const loadReviews = async (roundId: string) =>
  (await inRound(roundId, 'REVIEW#')).map((i) => stripKeys<ReviewRecord>(i));
