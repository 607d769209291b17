/** Implementation plans (§4.3: 进度安排, 定期考核指标) and closing an alliance. */
import * as z from 'zod';
import {
  type CloseAlliance,
  closeOutcomes,
  milestoneStatuses,
  type Plan,
  type PlanContent,
  type PlanUpdate,
} from '../domain/model/plan.ts';
import { DateSchema, DateTimeSchema, IdSchema, refineUniqueIds, text, VersionSchema } from './common.ts';
import { schemaFor } from './schema-check.ts';

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/, 'lower-case id, e.g. prototype');

export const PlanContentSchema = schemaFor<PlanContent>()(
  z.strictObject({
    milestones: z
      .array(
        z.strictObject({
          id: slug,
          title: text(200),
          due: DateSchema,
          status: z.enum(milestoneStatuses).default('planned'),
          completedOn: DateSchema.optional(),
          note: z.string().trim().max(1000).optional(),
        }),
      )
      .min(1)
      .max(100),
    indicators: z
      .array(
        z.strictObject({
          id: slug,
          name: text(200),
          target: z.number().finite(),
          unit: z.string().trim().max(50).optional(),
          due: DateSchema.optional(),
        }),
      )
      .min(1)
      .max(100),
  }),
);
export type { PlanContent };

export const PlanUpdateSchema = schemaFor<PlanUpdate>()(
  PlanContentSchema.extend({
    version: VersionSchema,
    reason: text(1000).meta({ description: 'Why the plan changes (kept in its history)' }),
  })
    .superRefine((plan, ctx) => {
      refineUniqueIds(ctx, [
        [plan.milestones.map((m) => m.id), 'milestones'],
        [plan.indicators.map((i) => i.id), 'indicators'],
      ]);
      plan.milestones.forEach((m, i) => {
        if (m.status === 'done' && !m.completedOn) {
          ctx.addIssue({
            code: 'custom',
            path: ['milestones', i, 'completedOn'],
            message: 'a done milestone needs its completion date',
          });
        }
      });
    })
    .meta({ id: 'PlanUpdate' }),
);

export const PlanSchema = schemaFor<Plan>()(
  PlanContentSchema.extend({
    allianceId: IdSchema,
    version: z.number().int(),
    updatedAt: DateTimeSchema,
    updatedBy: z.string(),
    history: z.array(
      z.object({ version: z.number(), at: DateTimeSchema, by: z.string(), reason: z.string() }),
    ),
  }).meta({ id: 'Plan' }),
);

export const CloseAllianceSchema = schemaFor<CloseAlliance>()(
  z
    .strictObject({
      outcome: z.enum(closeOutcomes),
      reason: text(2000),
    })
    .meta({ id: 'CloseAlliance' }),
);
