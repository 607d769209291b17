/** implementation routes (issue #5): see shared/api/routes/implementation.ts. */
import { httpHandler } from '../../shared/http/handler.ts';

export const handler = httpHandler('implementation', {});
