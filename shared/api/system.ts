import * as z from 'zod';

export const ComponentHealthSchema = z.object({
  status: z.enum(['ok', 'down']),
  latencyMs: z.number(),
  detail: z.string().optional(),
});

/** Liveness: the function answers. Nothing else is asked, so nothing else can make it fail. */
export const HealthSchema = z
  .object({
    status: z.literal('ok'),
    time: z.iso.datetime(),
    version: z.string(),
  })
  .meta({ id: 'Health' });

/** Readiness: each dependency's reachability, as last checked by this function instance. */
export const ReadinessSchema = z
  .object({
    status: z.enum(['ok', 'degraded']),
    time: z.iso.datetime(),
    version: z.string(),
    /** When the dependencies were checked: the result is reused for a few seconds. */
    checkedAt: z.iso.datetime(),
    components: z.object({
      dynamodb: ComponentHealthSchema,
      s3: ComponentHealthSchema,
      workflow: ComponentHealthSchema,
    }),
  })
  .meta({ id: 'Readiness' });
