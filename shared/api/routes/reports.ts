/** Reports (§4.4): annual and completion reports, their review, and the notifications outbox. Each entry: see RouteDef in ../route-types.ts. */
import { AllianceIdParams } from '../alliances.ts';
import { CursorQuerySchema } from '../common.ts';
import {
  NotificationPageSchema,
  NotificationParams,
  NotificationSchema,
  ReportAcceptSchema,
  ReportListSchema,
  ReportParams,
  ReportReturnSchema,
  ReportSchema,
  ReportSubmissionSchema,
} from '../reports.ts';
import type { RouteDef } from '../route-types.ts';

export const reportRoutes = [
  {
    operationId: 'listReports',
    method: 'GET',
    path: '/v1/alliances/{allianceId}/reports',
    fn: 'reports',
    auth: ['applicant', 'admin'],
    summary: "An alliance's annual and completion reports: each deadline with its status and report",
    tag: 'reports',
    params: AllianceIdParams,
    responses: { 200: ReportListSchema },
  },
  {
    operationId: 'submitReport',
    method: 'PUT',
    path: '/v1/alliances/{allianceId}/reports/{reportId}',
    fn: 'reports',
    auth: ['applicant'],
    summary:
      'Submit (or resubmit after a return) a report: a verified report PDF, the actual value of every indicator and a summary',
    tag: 'reports',
    params: ReportParams,
    body: ReportSubmissionSchema,
    responses: { 200: ReportSchema },
  },
  {
    operationId: 'acceptReport',
    method: 'POST',
    path: '/v1/alliances/{allianceId}/reports/{reportId}/accept',
    fn: 'reports',
    auth: ['admin'],
    summary: 'Accept a submitted report',
    tag: 'reports',
    params: ReportParams,
    body: ReportAcceptSchema,
    responses: { 200: ReportSchema },
  },
  {
    operationId: 'returnReport',
    method: 'POST',
    path: '/v1/alliances/{allianceId}/reports/{reportId}/return',
    fn: 'reports',
    auth: ['admin'],
    summary: 'Return a submitted report with comments; the members resubmit it',
    tag: 'reports',
    params: ReportParams,
    body: ReportReturnSchema,
    responses: { 200: ReportSchema },
  },
  {
    operationId: 'listNotifications',
    method: 'GET',
    path: '/v1/notifications',
    fn: 'reports',
    auth: ['applicant', 'admin', 'reviewer', 'inspector', 'inspection-office'],
    summary:
      "My notifications, newest first: my organisation's (applicants), the programme office's (admins), the inspection office's, or my own (reviewers, inspectors)",
    tag: 'notifications',
    query: CursorQuerySchema,
    responses: { 200: NotificationPageSchema },
  },
  {
    operationId: 'markNotificationRead',
    method: 'POST',
    path: '/v1/notifications/{notificationId}/read',
    fn: 'reports',
    auth: ['applicant', 'admin', 'reviewer', 'inspector', 'inspection-office'],
    summary: 'Mark one of my notifications read (again is harmless)',
    tag: 'notifications',
    params: NotificationParams,
    responses: { 200: NotificationSchema },
  },
] as const satisfies readonly RouteDef[];
