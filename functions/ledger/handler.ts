/** ledger routes (issue #5): see shared/api/routes/ledger.ts. */
import { httpHandler } from '../../shared/http/handler.ts';

export const handler = httpHandler('ledger', {});
