/**
 * Reports (§4.4): each report deadline of a designated alliance (DEADLINE items written at
 * designation, shared/db/reports.ts) carries its report's status, the latest submission, the
 * programme office's latest decision and the status history. Members submit (submission.ts) from
 * due, overdue or returned; admins accept or return with comments (review.ts). Every change writes
 * its audit record, in the alliance's partition, in the same transaction (lifecycle.ts); the people
 * concerned are told through the notifications outbox. The daily deadline sweep (sweep.ts) applies
 * the pure plan of shared/domain/deadlines.ts: reminders, the overdue transition and escalation.
 */
export { reviewReport } from './review.ts';
export { listReports, submitReport } from './submission.ts';
export { runDeadlineSweep, type SweepSummary } from './sweep.ts';
