/**
 * Organisation profiles: enterprises (§3.1, rules E1–E6) and societies (§3.2, rules S1–S4), with
 * every field the eligibility rules read. An applicant user acts for exactly one organisation.
 */
import * as z from 'zod';
import {
  type Contact,
  type EnterpriseProfile,
  type Expert,
  type Organisation,
  type OrganisationInput,
  organisationKinds,
  type SocietyProfile,
  serviceRecordKinds,
  societyTypes,
  stAssociationStatuses,
} from '../domain/model/organisation.ts';
import { isValidUscc } from '../domain/uscc.ts';
import { DateTimeSchema, IdSchema, MoneySchema, text, VersionSchema } from './common.ts';
import { schemaFor } from './schema-check.ts';

export const UsccSchema = z
  .string()
  .trim()
  .toUpperCase()
  .length(18, '18 characters')
  .refine(isValidUscc, { message: 'not a valid Unified Social Credit Code (GB 32100-2015 check character)' })
  .meta({ description: 'Unified Social Credit Code (统一社会信用代码), 18 characters, GB 32100-2015' });

export const ContactSchema = schemaFor<Contact>()(
  z.strictObject({
    name: text(100),
    phone: z
      .string()
      .trim()
      .regex(/^[0-9+\-() ]{5,30}$/, 'a phone number'),
    email: z.email().max(200).optional(),
  }),
);

export const ExpertSchema = schemaFor<Expert>()(
  z.strictObject({
    name: text(100),
    title: text(100).meta({ description: 'Professional title, e.g. 教授 / senior engineer' }),
    field: text(200),
  }),
);

const EnterpriseFields = {
  kind: z.literal('enterprise'),
  name: text(200),
  uscc: UsccSchema,
  /** E1 */
  legalPerson: z.boolean().meta({ description: 'E1: an independent legal person' }),
  techSme: z.boolean().meta({ description: 'E1: a technology-based SME (科技型中小企业)' }),
  /** E2 */
  mainBusiness: z.strictObject({
    description: text(2000),
    techIntensive: z.boolean().meta({
      description: 'E2: main business is R&D, production or services of technology-intensive products',
    }),
  }),
  /** E3 */
  employees: z.number().int().min(1).max(10_000_000),
  rdStaff: z.number().int().min(0).max(10_000_000).meta({ description: 'E3: staff directly engaged in R&D' }),
  /** E4 */
  finances: z.strictObject({
    year: z.number().int().min(1990).max(2100).meta({ description: 'The financial year of the two figures' }),
    operatingRevenue: MoneySchema,
    rdExpenditure: MoneySchema,
  }),
  /** E5 */
  workplace: z.strictObject({
    provided: z.boolean().meta({ description: 'E5: provides workplace and equipment for the alliance' }),
    description: z.string().trim().max(2000).optional(),
  }),
  /** E6 */
  stAssociation: z
    .enum(stAssociationStatuses)
    .meta({ description: 'E6: enterprise S&T association (企业科协)' }),
  contact: ContactSchema,
};

const SocietyFields = {
  kind: z.literal('society'),
  name: text(200),
  uscc: UsccSchema,
  /** S1 */
  societyType: z.enum(societyTypes).meta({
    description: 'S1: a society of the city Association, or the S&T association of a university in the city',
  }),
  university: z.string().trim().max(200).optional(),
  /** S2 */
  serviceRecords: z
    .array(
      z.strictObject({
        year: z.number().int().min(1950).max(2100),
        kind: z.enum(serviceRecordKinds),
        title: text(200),
        description: z.string().trim().max(2000).optional(),
      }),
    )
    .max(200)
    .meta({ description: 'S2: experience serving enterprise innovation' }),
  /** S3 */
  annualPlan: z.strictObject({
    year: z.number().int().min(1990).max(2100),
    includesTask: z.boolean().meta({ description: "S3: the task is in the society's annual work plan" }),
    responsibleStaff: ContactSchema.optional().meta({ description: 'S3: the staff member responsible' }),
  }),
  /** S4 (the alliance names the team it sends) */
  experts: z.array(ExpertSchema).max(500),
  contact: ContactSchema,
};

const staffWithinEmployees = (
  e: { kind: string; rdStaff?: number; employees?: number },
  ctx: z.RefinementCtx,
) => {
  if (e.kind === 'enterprise' && (e.rdStaff ?? 0) > (e.employees ?? 0)) {
    ctx.addIssue({ code: 'custom', path: ['rdStaff'], message: 'cannot exceed employees' });
  }
};

export const EnterpriseInputSchema = schemaFor<EnterpriseProfile>()(
  z.strictObject(EnterpriseFields).superRefine(staffWithinEmployees),
);
export const SocietyInputSchema = schemaFor<SocietyProfile>()(z.strictObject(SocietyFields));

export const OrganisationInputSchema = schemaFor<OrganisationInput>()(
  z.discriminatedUnion('kind', [EnterpriseInputSchema, SocietyInputSchema]).meta({ id: 'OrganisationInput' }),
);
export type { EnterpriseProfile, OrganisationInput, SocietyProfile };

export const OrganisationUpdateSchema = z
  .discriminatedUnion('kind', [
    z.strictObject({ ...EnterpriseFields, version: VersionSchema }).superRefine(staffWithinEmployees),
    z.strictObject({ ...SocietyFields, version: VersionSchema }),
  ])
  .meta({ id: 'OrganisationUpdate' });

const Stored = {
  id: IdSchema,
  version: z.number().int(),
  createdAt: DateTimeSchema,
  updatedAt: DateTimeSchema,
};
export const OrganisationSchema = schemaFor<Organisation>()(
  z
    .discriminatedUnion('kind', [
      z.object({ ...EnterpriseFields, ...Stored }),
      z.object({ ...SocietyFields, ...Stored }),
    ])
    .meta({ id: 'Organisation' }),
);
export type { Organisation };

/** What an applicant may see of another organisation (to invite it). */
export const OrganisationSummarySchema = z
  .object({ id: IdSchema, kind: z.enum(organisationKinds), name: z.string() })
  .meta({ id: 'OrganisationSummary' });

export const OrgIdParams = z.object({ orgId: IdSchema });
export const OrganisationLookupQuery = z.object({ uscc: UsccSchema });

export const MeSchema = z
  .object({
    sub: z.string(),
    username: z.string(),
    roles: z.array(z.string()),
    organisation: OrganisationSummarySchema.optional(),
  })
  .meta({ id: 'Me' });
