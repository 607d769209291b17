/**
 * Annual and completion reports (§4.4) and the notifications outbox. A report belongs to one of
 * the alliance's report deadlines (created at designation); its id is the deadline's due date and
 * kind, e.g. 2028-01-01_annual-report (shared/domain/deadlines.ts). Status: due → submitted →
 * accepted | returned (→ submitted again); due or returned past the due date → overdue (the daily
 * sweep) → submitted.
 */
import type {
  DeadlineKind,
  DeadlineStatus,
  NotificationSubject,
  NotificationTopic,
  Recipient,
} from '../deadlines.ts';
import type { Text } from '../text.ts';
import type { Flat } from './flat.ts';

/** The actual value of an assessment indicator (定期考核指标). */
export type ProgressEntry = {
  indicatorId: string;
  actual: number;
  note?: string | undefined;
};

/** A report as members submit it. */
export type ReportSubmission = {
  /** A verified 'report' document of this alliance. */
  documentId: string;
  /** The actual value of every indicator of the alliance. */
  progress: ProgressEntry[];
  summary: string;
  /** The version of the report this is based on (stale → conflict). */
  version?: number | undefined;
};

export type ReportAccept = {
  comments?: string | undefined;
  version?: number | undefined;
};

export type ReportReturn = {
  comments: string;
  version?: number | undefined;
};

/** A progress entry as kept with the report: with the indicator's name, target and unit. */
export type ReportProgress = Flat<
  ProgressEntry & {
    name?: string | undefined;
    target?: number | undefined;
    unit?: string | undefined;
  }
>;

/** The latest submission of a report (earlier ones are in the audit trail). */
export type SubmittedReport = {
  documentId: string;
  /** SHA-256 of the report document as verified when it was submitted (pinned). */
  documentSha256?: string | undefined;
  progress: ReportProgress[];
  summary: string;
  submittedAt: string;
  submittedBy: string;
  organisationId?: string | undefined;
  late: boolean;
};

export const reviewDecisions = ['accepted', 'returned'] as const;
export type ReviewDecision = (typeof reviewDecisions)[number];

/** The programme office's latest decision on a report. */
export type ReportReview = {
  decision: ReviewDecision;
  comments?: string | undefined;
  at: string;
  by: string;
};

export type ReportStatusChange = {
  status: DeadlineStatus;
  at: string;
  by: string;
  reason?: string | undefined;
};

export type Report = {
  /** <due>_<kind>, e.g. 2028-01-01_annual-report. */
  id: string;
  allianceId: string;
  roundId?: string | undefined;
  kind: DeadlineKind;
  year?: number | undefined;
  due: string;
  status: DeadlineStatus;
  version: number;
  report?: SubmittedReport | undefined;
  review?: ReportReview | undefined;
  overdueAt?: string | undefined;
  escalatedAt?: string | undefined;
  statusHistory: ReportStatusChange[];
};

/** The report deadline a notification is about. */
export type { NotificationSubject } from '../deadlines.ts';

export type Notification = {
  id: string;
  recipient: Recipient;
  topic: NotificationTopic;
  /** What the notification is about (its id is derived from it). */
  occasion: string;
  subject: NotificationSubject;
  data: Record<string, unknown>;
  message: Text;
  createdAt: string;
  readAt?: string | undefined;
  readBy?: string | undefined;
};
