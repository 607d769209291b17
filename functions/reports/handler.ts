/** Reports and notifications routes (issue #5): see shared/api/routes/reports.ts. */
import { reportRoutes } from '../../shared/api/routes/reports.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { listNotifications, markNotificationRead } from '../../shared/usecases/notifications.ts';
import { listReports, reviewReport, submitReport } from '../../shared/usecases/reports/index.ts';

export const handler = httpHandler(
  'reports',
  {
    async listReports({ principal, params }) {
      return { body: await listReports(principal, params.allianceId) };
    },
    async submitReport({ principal, params, body }) {
      return { body: await submitReport(principal, params.allianceId, params.reportId, body) };
    },
    async acceptReport({ principal, params, body }) {
      return { body: await reviewReport(principal, params.allianceId, params.reportId, 'accepted', body) };
    },
    async returnReport({ principal, params, body }) {
      return { body: await reviewReport(principal, params.allianceId, params.reportId, 'returned', body) };
    },
    async listNotifications({ principal, query }) {
      return { body: await listNotifications(principal, query) };
    },
    async markNotificationRead({ principal, params }) {
      return { body: await markNotificationRead(principal, params.notificationId) };
    },
  },
  { routes: reportRoutes },
);
