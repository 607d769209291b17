/** Schemas of irregular inspections (§4.4): inspectors, draws, inspections and findings. */
import * as z from 'zod';
import type { RiskFeatures, RiskParts } from '../domain/inspection-draw.ts';
import {
  type DrawCandidateRecord,
  type DrawRecord,
  type DrawRequest,
  drawKinds,
  type FindingsInput,
  type InspectionRecord,
  type InspectionStatus,
  type InspectorInput,
  type InspectorRecord,
  inspectionStatuses,
  type Rating,
  ratings,
} from '../domain/model/inspection.ts';
import { DateSchema, DateTimeSchema, IdSchema, text } from './common.ts';
import { schemaFor } from './schema-check.ts';

export const InspectorParams = z.object({ inspectorId: IdSchema });
export const DrawParams = z.object({ drawId: IdSchema });
export const InspectionParams = z.object({ inspectionId: IdSchema });

export const InspectorInputSchema = schemaFor<InspectorInput>()(
  z
    .strictObject({
      name: text(100),
      affiliations: z.array(IdSchema).max(20).meta({ description: 'Organisations the inspector belongs to' }),
      conflicts: z
        .array(IdSchema)
        .max(200)
        .default([])
        .meta({ description: 'Organisations the inspector declares a conflict with' }),
    })
    .meta({ id: 'InspectorInput' }),
);

export const InspectorSchema = schemaFor<InspectorRecord>()(
  InspectorInputSchema.extend({
    inspectorId: IdSchema.meta({ description: "The inspector's user id (the token's sub)" }),
    registeredAt: DateTimeSchema,
    updatedAt: DateTimeSchema,
  }).meta({ id: 'Inspector' }),
);
export type { InspectorRecord };

export const DrawRequestSchema = schemaFor<DrawRequest>()(
  z
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
    .meta({ id: 'DrawRequest' }),
);

const RiskPartsSchema = schemaFor<RiskParts>()(
  z.object({
    base: z.number(),
    overdue: z.number(),
    returned: z.number(),
    pace: z.number(),
    indicators: z.number(),
    recency: z.number(),
  }),
);

export const DrawCandidateSchema = schemaFor<DrawCandidateRecord>()(
  z.object({
    allianceId: IdSchema,
    weight: z.number(),
    parts: RiskPartsSchema,
    features: schemaFor<RiskFeatures>()(
      z.object({
        overdueReports: z.number(),
        returnedReports: z.number(),
        spentShare: z.number().nullable(),
        elapsedShare: z.number().nullable(),
        indicatorsBehind: z.number(),
        daysSinceLastInspection: z.number().nullable(),
      }),
    ),
  }),
);

export const DrawSchema = schemaFor<DrawRecord>()(
  z
    .object({
      drawId: IdSchema,
      kind: z.enum(drawKinds),
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
    .meta({ id: 'InspectionDraw' }),
);
export type { DrawRecord };

export const RatingSchema = schemaFor<Rating>()(z.enum(ratings));

export const FindingsInputSchema = schemaFor<FindingsInput>()(
  z
    .strictObject({
      findings: text(10_000),
      rating: RatingSchema,
      followUpActions: z
        .array(z.strictObject({ action: text(1000), due: DateSchema.optional() }))
        .max(50)
        .default([]),
    })
    .meta({ id: 'FindingsInput' }),
);

export const InspectionStatusSchema = schemaFor<InspectionStatus>()(z.enum(inspectionStatuses));

export const InspectionSchema = schemaFor<InspectionRecord>()(
  z
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
    .meta({ id: 'Inspection' }),
);
export type { InspectionRecord };

export const InspectionListQuery = z.object({
  status: InspectionStatusSchema.optional(),
});
