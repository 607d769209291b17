/**
 * Alliances (企会协作创新联盟, §2.1, §2.2, §1.3): enterprises and societies applying together.
 * A draft may be incomplete; rule A2 reports what is missing and submission refuses it.
 */
import * as z from 'zod';
import {
  type Alliance,
  type AllianceContent,
  type AllianceExpert,
  type AllianceRecord,
  type AllianceStatus,
  allianceStatuses,
  type BudgetLine,
  type Member,
  memberStates,
  serviceTypes,
} from '../domain/model/alliance.ts';
import { organisationKinds } from '../domain/model/organisation.ts';
import { DateSchema, DateTimeSchema, IdSchema, MoneySchema, text, VersionSchema } from './common.ts';
import { ExpertSchema } from './organisations.ts';
import { schemaFor } from './schema-check.ts';

/** §2.1: the seven kinds of service content (the domain's list). */
export { serviceTypes };

export const BudgetLineSchema = schemaFor<BudgetLine>()(
  z
    .strictObject({
      id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/, 'lower-case id, e.g. equipment'),
      category: text(100),
      description: z.string().trim().max(1000).optional(),
      amount: MoneySchema.meta({ description: 'Total of the line, yuan' }),
      enterpriseFunds: MoneySchema.meta({ description: "The enterprises' own money in this line" }),
      programmeFunds: MoneySchema.meta({ description: 'What the line asks of the programme' }),
    })
    .refine((l) => l.enterpriseFunds + l.programmeFunds <= l.amount, {
      message: 'enterpriseFunds + programmeFunds cannot exceed amount',
      path: ['amount'],
    }),
);
export type { BudgetLine };

export const AllianceExpertSchema = schemaFor<AllianceExpert>()(
  ExpertSchema.extend({
    organisationId: IdSchema.meta({ description: 'The society that sends this expert (S4)' }),
  }),
);

/** The content of an application; every field optional while it is a draft. */
export const AllianceContentFields = {
  name: text(200),
  summary: z.string().trim().max(4000),
  goals: text(4000).meta({ description: 'Collaboration goals (协作目标)' }),
  tasks: z
    .array(z.strictObject({ title: text(200), description: z.string().trim().max(4000).optional() }))
    .min(1)
    .max(50),
  guaranteeMeasures: text(4000).meta({ description: 'Concrete guarantee measures (保障措施)' }),
  period: z
    .strictObject({ start: DateSchema, end: DateSchema })
    .refine((p) => p.end > p.start, { message: 'end must be after start', path: ['end'] })
    .meta({ description: 'Cooperation period (合作期限)' }),
  rightsSharing: text(4000).meta({
    description: 'How results and IP rights are shared (协商决定权益, §1.3.3)',
  }),
  expertTeam: z.array(AllianceExpertSchema).min(1).max(100),
  workPlan: z
    .array(
      z.strictObject({
        milestone: text(200),
        due: DateSchema,
        deliverable: z.string().trim().max(1000).optional(),
      }),
    )
    .min(1)
    .max(100)
    .meta({ description: 'Work plan with schedule (进度安排)' }),
  indicators: z
    .array(
      z.strictObject({
        id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/),
        name: text(200),
        target: z.number().finite(),
        unit: z.string().trim().max(50).optional(),
        due: DateSchema.optional(),
      }),
    )
    .min(1)
    .max(100)
    .meta({ description: 'Periodic assessment indicators (定期考核指标)' }),
  budgetLines: z
    .array(BudgetLineSchema)
    .min(1)
    .max(50)
    .meta({ description: 'Planned use of funds (资金使用方向和范围, §4.3)' }),
  serviceTypes: z
    .array(z.number().int().min(1).max(7))
    .min(1)
    .max(7)
    .refine((a) => new Set(a).size === a.length, 'no duplicates')
    .meta({ description: 'Service content types 1–7 (§2.1)' }),
  sectors: z
    .array(z.string().regex(/^[a-z][a-z0-9-]{0,47}$/))
    .max(10)
    .meta({ description: 'Sector ids of the round' }),
};

const uniqueIds = (list: { id: string }[] | undefined, path: string, ctx: z.RefinementCtx) => {
  const seen = new Set<string>();
  list?.forEach((item, i) => {
    if (seen.has(item.id))
      ctx.addIssue({ code: 'custom', path: [path, i, 'id'], message: `duplicate id ${item.id}` });
    seen.add(item.id);
  });
};

const contentChecks = (
  c: { budgetLines?: { id: string }[]; indicators?: { id: string }[] },
  ctx: z.RefinementCtx,
) => {
  uniqueIds(c.budgetLines, 'budgetLines', ctx);
  uniqueIds(c.indicators, 'indicators', ctx);
};

const PartialContent = schemaFor<AllianceContent>()(z.strictObject(AllianceContentFields).partial());

export const AllianceCreateSchema = PartialContent.extend({ roundId: IdSchema, name: text(200) })
  .superRefine(contentChecks)
  .meta({ id: 'AllianceCreate' });

export const AllianceUpdateSchema = PartialContent.extend({ version: VersionSchema })
  .superRefine(contentChecks)
  .meta({ id: 'AllianceUpdate' });

/**
 * draft → submitted (→ withdrawn) → rejected (screening) | in-review → selected | not-selected
 * → dropped (objection upheld) | designated (funded) → completed | terminated (closed by an admin).
 */
export const AllianceStatusSchema = schemaFor<AllianceStatus>()(z.enum(allianceStatuses));
export type { AllianceStatus };

export const MemberSchema = schemaFor<Member>()(
  z
    .object({
      organisationId: IdSchema,
      kind: z.enum(organisationKinds),
      name: z.string(),
      state: z.enum(memberStates),
      invitedBy: IdSchema.optional(),
      invitedAt: DateTimeSchema,
      respondedAt: DateTimeSchema.optional(),
    })
    .meta({ id: 'Member' }),
);
export type { Member };

export const AllianceSchema = schemaFor<Alliance>()(
  z
    .object(AllianceContentFields)
    .partial()
    .extend({
      id: IdSchema,
      roundId: IdSchema,
      name: z.string(),
      status: AllianceStatusSchema,
      version: z.number().int(),
      createdBy: IdSchema.meta({ description: 'The organisation that created the draft' }),
      members: z.array(MemberSchema),
      statusHistory: z.array(
        z.object({
          status: AllianceStatusSchema,
          at: DateTimeSchema,
          by: z.string(),
          reason: z.string().optional(),
        }),
      ),
      submittedAt: DateTimeSchema.optional(),
      createdAt: DateTimeSchema,
      updatedAt: DateTimeSchema,
    })
    .meta({ id: 'Alliance' }),
);
export type { Alliance, AllianceContent, AllianceRecord };

export const AllianceIdParams = z.object({ allianceId: IdSchema });
export const MemberParams = z.object({ allianceId: IdSchema, orgId: IdSchema });
export const InviteSchema = z.strictObject({ organisationId: IdSchema }).meta({ id: 'Invite' });
export const SubmitSchema = z.strictObject({ version: VersionSchema }).meta({ id: 'Submit' });
export const WithdrawSchema = z
  .strictObject({ version: VersionSchema, reason: text(1000) })
  .meta({ id: 'Withdraw' });
export const AllianceListQuery = z.object({
  roundId: IdSchema.optional().meta({ description: 'Admins: the alliances of one round' }),
  cursor: z.string().max(2048).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
