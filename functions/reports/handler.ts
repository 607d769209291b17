/** reports routes (issue #5): see shared/api/routes/reports.ts. */
import { httpHandler } from '../../shared/http/handler.ts';

export const handler = httpHandler('reports', {});
