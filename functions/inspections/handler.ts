/** inspections routes (issue #5): see shared/api/routes/inspections.ts. */
import { httpHandler } from '../../shared/http/handler.ts';

export const handler = httpHandler('inspections', {});
