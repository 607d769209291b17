/** Schemas shared by many routes: ids, money, dates, the error shape, pagination. */
import * as z from 'zod';
import type { Text } from '../domain/text.ts';
import { schemaFor } from './schema-check.ts';

export const IdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, "-" and "_" only')
  .meta({ description: 'An opaque identifier' });

/** Money in whole yuan (CNY). Integers, so sums and percentages are exact. */
export const MoneySchema = z
  .number()
  .int('whole yuan')
  .nonnegative()
  .max(100_000_000_000)
  .meta({ description: 'Amount in whole yuan (CNY)' });

export const DateSchema = z.iso.date().meta({ description: 'A calendar date, YYYY-MM-DD' });
export const DateTimeSchema = z.iso.datetime({ offset: true }).meta({ description: 'An ISO 8601 instant' });

export const VersionSchema = z
  .number()
  .int()
  .positive()
  .meta({ description: 'The version this change is based on; 409 when it is no longer current' });

/** A message in both languages, as the programme writes it. */
export const TextSchema = schemaFor<Text>()(z.object({ en: z.string(), zh: z.string() }));

/** Trimmed, non-empty text of at most `max` characters. */
export const text = (max: number) => z.string().trim().min(1).max(max);

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

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    nextCursor: z.string().optional().meta({ description: 'Pass as ?cursor= for the next page' }),
  });

/** Adds a custom issue for every repeated id in each list (at path [list, index, 'id']). */
export function refineUniqueIds(
  ctx: z.RefinementCtx,
  lists: readonly (readonly [readonly string[], string])[],
) {
  for (const [list, path] of lists) {
    const seen = new Set<string>();
    list.forEach((id, i) => {
      if (seen.has(id))
        ctx.addIssue({ code: 'custom', path: [path, i, 'id'], message: `duplicate id ${id}` });
      seen.add(id);
    });
  }
}
