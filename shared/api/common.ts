/** Schemas shared by many routes: ids, the error shape, pagination. */
import * as z from 'zod';

export const IdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, "-" and "_" only')
  .meta({ description: 'An opaque identifier' });

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().meta({ description: 'Machine-readable error code, e.g. validation_failed' }),
      message: z.string().meta({ description: 'Human-readable message in the language asked for' }),
      details: z.array(
        z
          .object({ path: z.string().optional(), code: z.string(), message: z.string() })
          .catchall(z.unknown()),
      ),
    }),
  })
  .meta({ id: 'Error' });

export const CursorQuerySchema = z.object({
  cursor: z.string().max(2048).optional().meta({ description: 'Opaque cursor from a previous page' }),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
