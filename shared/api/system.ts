import * as z from 'zod';

export const ComponentHealthSchema = z.object({
  status: z.enum(['ok', 'down']),
  latencyMs: z.number(),
  detail: z.string().optional(),
});

export const HealthSchema = z
  .object({
    status: z.enum(['ok', 'degraded']),
    time: z.iso.datetime(),
    version: z.string(),
    components: z.object({
      dynamodb: ComponentHealthSchema,
      s3: ComponentHealthSchema,
      workflow: ComponentHealthSchema,
    }),
  })
  .meta({ id: 'Health' });
