/**
 * What the reviewer endpoints return (their OpenAPI responses are open records): my assignments,
 * an assigned application with the rubric and my own review, a conflict declaration's result.
 */
import type { Schemas } from '../../api/client.ts';

export type AssignmentStatus = 'pending' | 'submitted' | 'conflict';

export interface MyAssignment {
  roundId: string;
  allianceId: string;
  name?: string;
  reviewed: boolean;
  status?: AssignmentStatus;
  conflictReason?: string;
  assignedAt: string;
}

export interface MyReview {
  scores: Record<string, number>;
  comment: string;
  recommendation: Recommendation;
  submittedAt: string;
  version: number;
}

export type Recommendation = 'fund' | 'fund-if-budget' | 'do-not-fund';

export interface ReviewDocument {
  id: string;
  kind: 'agreement' | 'report' | 'receipt';
  fileName?: string;
  pageCount?: number;
  size?: number;
  verifiedAt?: string;
}

export interface AssignedApplication {
  alliance: Schemas['Alliance'];
  rubric: Schemas['Round']['rubric'];
  reviewDeadline: string;
  myReview?: MyReview;
  documents?: ReviewDocument[];
}

export interface ConflictResult {
  allianceId: string;
  replacedBy: string[];
  shortfall: boolean;
}

/** An assignment's status (older servers send only `reviewed`). */
export const statusOf = (a: MyAssignment): AssignmentStatus =>
  a.status ?? (a.reviewed ? 'submitted' : 'pending');
