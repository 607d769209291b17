/** Funding rounds (admin): budget, caps, window, review settings, rubric, notice period, priorities. */
import * as z from 'zod';
import {
  type PrioritySector,
  type Round,
  type RoundInput,
  type RubricCriterion,
  roundStatuses,
  selectionPolicies,
} from '../domain/model/round.ts';
import { DateTimeSchema, IdSchema, MoneySchema, refineUniqueIds, text, VersionSchema } from './common.ts';
import { schemaFor } from './schema-check.ts';

export const RubricCriterionSchema = schemaFor<RubricCriterion>()(
  z.strictObject({
    id: z.string().regex(/^[a-z][a-z0-9-]{0,31}$/, 'lower-case id, e.g. innovation'),
    name: text(100),
    description: z.string().trim().max(1000).optional(),
    weight: z.number().positive().max(100).meta({ description: 'Weight in percent; the weights sum to 100' }),
    max: z.number().int().min(1).max(100).meta({ description: 'Highest score a reviewer may give' }),
  }),
);

export const PrioritySectorSchema = schemaFor<PrioritySector>()(
  z.strictObject({
    id: z.string().regex(/^[a-z][a-z0-9-]{0,47}$/, 'lower-case id, e.g. optoelectronics'),
    name: text(100),
    bonus: z
      .number()
      .min(0)
      .max(20)
      .meta({ description: 'Points added to the score of an alliance in this sector' }),
  }),
);

const RoundFields = {
  name: text(200),
  year: z.number().int().min(2000).max(2100),
  budget: MoneySchema.meta({ description: 'Total programme funding for the round, yuan' }),
  perAllianceCap: MoneySchema.meta({ description: 'Most any one alliance may be awarded, yuan' }),
  enterpriseContributionMinPercent: z.number().min(0).max(100).multipleOf(0.01).default(50).meta({
    description: "A3: the enterprises' own share of an alliance's total budget, at least (percent)",
  }),
  applicationWindow: z.strictObject({ opensAt: DateTimeSchema, closesAt: DateTimeSchema }),
  reviewDeadline: DateTimeSchema,
  reviewersPerAlliance: z.number().int().min(1).max(15).default(3),
  rubric: z.array(RubricCriterionSchema).min(1).max(20),
  noticePeriodDays: z.number().int().min(1).max(60).default(7),
  prioritySectors: z.array(PrioritySectorSchema).max(50).default([]),
  bonuses: z
    .strictObject({
      multipleEnterprisesAndSocieties: z.number().min(0).max(20).default(0),
      crossSector: z.number().min(0).max(20).default(0),
    })
    .default({ multipleEnterprisesAndSocieties: 0, crossSector: 0 })
    .meta({
      description: '§3.3 preferences: several enterprises and several societies; more than one sector',
    }),
  selectionPolicy: z.enum(selectionPolicies).default('rank-order'),
};

type RoundShape = {
  budget: number;
  perAllianceCap: number;
  applicationWindow: { opensAt: string; closesAt: string };
  reviewDeadline: string;
  rubric: { id: string; weight: number }[];
  prioritySectors: { id: string }[];
};

function checkRound(round: RoundShape, ctx: z.RefinementCtx) {
  const { opensAt, closesAt } = round.applicationWindow;
  if (Date.parse(closesAt) <= Date.parse(opensAt)) {
    ctx.addIssue({
      code: 'custom',
      path: ['applicationWindow', 'closesAt'],
      message: 'must be after opensAt',
    });
  }
  if (Date.parse(round.reviewDeadline) <= Date.parse(closesAt)) {
    ctx.addIssue({
      code: 'custom',
      path: ['reviewDeadline'],
      message: 'must be after the application window closes',
    });
  }
  if (round.perAllianceCap > round.budget) {
    ctx.addIssue({ code: 'custom', path: ['perAllianceCap'], message: 'cannot exceed the budget' });
  }
  const weights = round.rubric.reduce((sum, c) => sum + c.weight, 0);
  if (Math.abs(weights - 100) > 1e-9) {
    ctx.addIssue({
      code: 'custom',
      path: ['rubric'],
      message: `weights must sum to 100 (they sum to ${weights})`,
    });
  }
  refineUniqueIds(ctx, [
    [round.rubric.map((c) => c.id), 'rubric'],
    [round.prioritySectors.map((s) => s.id), 'prioritySectors'],
  ]);
}

export const RoundInputSchema = schemaFor<RoundInput>()(
  z.strictObject(RoundFields).superRefine(checkRound).meta({ id: 'RoundInput' }),
);
export type { RoundInput };

export const RoundUpdateSchema = z
  .strictObject({ ...RoundFields, version: VersionSchema })
  .superRefine(checkRound)
  .meta({ id: 'RoundUpdate' });

export const RoundStatusSchema = z.enum(roundStatuses);

export const RoundSchema = schemaFor<Round>()(
  z
    .object({
      ...RoundFields,
      id: IdSchema,
      status: RoundStatusSchema.meta({
        description: 'open: accepting applications in its window; closed: the pipeline has started',
      }),
      version: z.number().int(),
      createdAt: DateTimeSchema,
      updatedAt: DateTimeSchema,
    })
    .meta({ id: 'Round' }),
);
export type { Round };

export const RoundIdParams = z.object({ roundId: IdSchema });
