/** An audit record as the API shows it: who did what, when and why. */
import * as z from 'zod';

export const AuditEntrySchema = z
  .object({
    id: z.string(),
    at: z.string(),
    action: z.string(),
    actor: z.record(z.string(), z.unknown()),
    reason: z.string().optional(),
    data: z.record(z.string(), z.unknown()).optional(),
  })
  .meta({ id: 'AuditEntry' });
