/** Schemas of irregular inspections (§4.4): inspectors, draws, inspections and findings. */
import * as z from 'zod';
import { DateSchema, DateTimeSchema, IdSchema, text } from './common.ts';

export const InspectorParams = z.object({ inspectorId: IdSchema });
export const DrawParams = z.object({ drawId: IdSchema });
export const InspectionParams = z.object({ inspectionId: IdSchema });

export const InspectorInputSchema = z
  .strictObject({
    name: text(100),
    affiliations: z.array(IdSchema).max(20).meta({ description: 'Organisations the inspector belongs to' }),
    conflicts: z
      .array(IdSchema)
      .max(200)
      .default([])
      .meta({ description: 'Organisations the inspector declares a conflict with' }),
  })
  .meta({ id: 'InspectorInput' });

export const InspectorSchema = InspectorInputSchema.extend({
  inspectorId: IdSchema.meta({ description: "The inspector's user id (the token's sub)" }),
  registeredAt: DateTimeSchema,
  updatedAt: DateTimeSchema,
}).meta({ id: 'Inspector' });
export type InspectorRecord = z.output<typeof InspectorSchema>;

export const DrawRequestSchema = z
  .strictObject({
    share: z
      .number()
      .min(0)
      .max(1)
      .optional()
      .meta({ description: 'Share of the candidates to draw (default 0.1)' }),
    seed: z
      .string()
      .trim()
      .min(1)
      .max(128)
      .optional()
      .meta({ description: 'Default: a random one (always recorded)' }),
    dryRun: z
      .boolean()
      .default(false)
      .meta({ description: 'Compute and show the draw without recording it' }),
    asOf: DateTimeSchema.optional().meta({
      description: 'The instant the risk features are evaluated at (default: now); recorded',
    }),
    allianceIds: z
      .array(IdSchema)
      .min(1)
      .max(500)
      .optional()
      .meta({ description: 'Draw among these designated alliances only (default: all)' }),
  })
  .meta({ id: 'DrawRequest' });

const RiskPartsSchema = z.object({
  base: z.number(),
  overdue: z.number(),
  returned: z.number(),
  pace: z.number(),
  indicators: z.number(),
  recency: z.number(),
});

export const DrawCandidateSchema = z.object({
  allianceId: IdSchema,
  weight: z.number(),
  parts: RiskPartsSchema,
  features: z.object({
    overdueReports: z.number(),
    returnedReports: z.number(),
    spentShare: z.number().nullable(),
    elapsedShare: z.number().nullable(),
    indicatorsBehind: z.number(),
    daysSinceLastInspection: z.number().nullable(),
  }),
});

export const DrawSchema = z
  .object({
    drawId: IdSchema,
    kind: z.enum(['monthly', 'ad-hoc']),
    dryRun: z.boolean(),
    seed: z.string(),
    share: z.number(),
    n: z.number(),
    asOf: DateTimeSchema,
    algorithm: z.string(),
    candidates: z.array(DrawCandidateSchema),
    picks: z.array(IdSchema),
    assignments: z.array(
      z.object({
        allianceId: IdSchema,
        inspectorId: IdSchema.nullable(),
        inspectionId: IdSchema,
        reason: z.string(),
      }),
    ),
    restrictedTo: z.array(IdSchema).optional(),
    at: DateTimeSchema,
    by: z.string(),
  })
  .meta({ id: 'InspectionDraw' });
export type DrawRecord = z.output<typeof DrawSchema>;

export const RatingSchema = z.enum(['excellent', 'good', 'fair', 'poor']);

export const FindingsInputSchema = z
  .strictObject({
    findings: text(10_000),
    rating: RatingSchema,
    followUpActions: z
      .array(z.strictObject({ action: text(1000), due: DateSchema.optional() }))
      .max(50)
      .default([]),
  })
  .meta({ id: 'FindingsInput' });

export const InspectionStatusSchema = z.enum(['planned', 'unassigned', 'completed']);

export const InspectionSchema = z
  .object({
    inspectionId: IdSchema,
    drawId: IdSchema,
    allianceId: IdSchema,
    allianceName: z.string().optional(),
    inspectorId: IdSchema.nullable(),
    status: InspectionStatusSchema,
    weight: z.number(),
    assignmentReason: z.string(),
    drawnAt: DateTimeSchema,
    completedAt: DateTimeSchema.optional(),
    findings: z.string().optional(),
    rating: RatingSchema.optional(),
    followUpActions: z.array(z.object({ action: z.string(), due: DateSchema.optional() })).optional(),
    followUpDeadline: z.object({ kind: z.literal('follow-up'), due: DateSchema }).optional(),
    version: z.number(),
  })
  .meta({ id: 'Inspection' });
export type InspectionRecord = z.output<typeof InspectionSchema>;

export const InspectionListQuery = z.object({
  status: InspectionStatusSchema.optional(),
});
