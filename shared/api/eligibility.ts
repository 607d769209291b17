/** The eligibility report: every rule (E1–E6 per enterprise, S1–S4 per society, A1–A5), with why. */
import * as z from 'zod';
import type { EligibilityReport, RuleResult } from '../domain/eligibility-report.ts';
import { DateTimeSchema, IdSchema, TextSchema } from './common.ts';
import { schemaFor } from './schema-check.ts';

export const RuleIdSchema = z
  .string()
  .regex(/^[A-Z][0-9]{1,2}$/)
  .meta({ description: 'E1–E6, S1–S4, A1–A5, …' });

export const RuleResultSchema = schemaFor<RuleResult>()(
  z
    .object({
      id: RuleIdSchema.meta({ description: 'Rule id, e.g. E3' }),
      clause: z.string().meta({ description: 'Clause of the programme plan, e.g. §3.1.2' }),
      subject: z.object({
        kind: z.enum(['enterprise', 'society', 'alliance']),
        organisationId: IdSchema.optional(),
        name: z.string().optional(),
      }),
      passed: z.boolean(),
      values: z.record(z.string(), z.unknown()).meta({ description: 'The values the rule looked at' }),
      message: TextSchema,
    })
    .meta({ id: 'RuleResult' }),
);
export type { RuleResult };

export const EligibilityReportSchema = schemaFor<EligibilityReport>()(
  z
    .object({
      eligible: z.boolean(),
      checkedAt: DateTimeSchema,
      failing: z.array(RuleIdSchema).meta({ description: 'Ids of the rules that failed (each once)' }),
      results: z.array(RuleResultSchema),
    })
    .meta({ id: 'EligibilityReport' }),
);
export type { EligibilityReport };
