/** The round's review records as the programme keeps them: screening, reviewers, assignments, reviews. */
import type { EligibilityReport } from './eligibility-report.ts';

export interface ScreeningRecord {
  allianceId: string;
  roundId: string;
  name: string;
  findings: EligibilityReport;
  decision?: { outcome: 'pass' | 'reject'; reason: string; by: string; at: string };
}
export interface ReviewerRecord {
  roundId: string;
  reviewerId: string;
  name: string;
  title?: string;
  expertise: string[];
  affiliations: string[];
  conflicts: string[];
  registeredAt: string;
}
export interface AssignmentRecord {
  roundId: string;
  allianceId: string;
  reviewerId: string;
  status: 'assigned' | 'replaced';
  expertiseMatch: number;
  assignedAt: string;
  replacedReason?: string;
}
export interface ReviewRecord {
  roundId: string;
  allianceId: string;
  reviewerId: string;
  scores: Record<string, number>;
  comment: string;
  recommendation: string;
  submittedAt: string;
  version: number;
}
