/** Free pairing (自由组合): needs, capability profiles, suggested partners, interests. */
import * as z from 'zod';
import {
  type Capability,
  contactChannels,
  type Interest,
  interestStates,
  type Match,
  type Need,
  needStatuses,
  type PastService,
  SERVICE_TYPE_IDS,
} from '../domain/pairing.ts';
import { DateSchema, DateTimeSchema, IdSchema, MoneySchema, text, VersionSchema } from './common.ts';
import { ExpertSchema } from './organisations.ts';
import { schemaFor } from './schema-check.ts';

const ServiceTypesSchema = z
  .array(z.number().int().min(1).max(SERVICE_TYPE_IDS.length))
  .min(1)
  .max(7)
  .meta({
    description:
      'Service content types of §2.1: 1 strategy consulting, 2 technology information, 3 grassroots innovation, 4 joint R&D, 5 technology introduction, 6 talent exchange and training, 7 other',
    examples: [[4, 6]],
  });

const SectorSchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9-]{1,64}$/, 'a sector id')
  .meta({ description: "A sector id of the round's priority sectors", examples: ['optoelectronics'] });

const NeedContactSchema = z
  .strictObject({
    channel: z.enum(contactChannels),
    name: text(100).optional(),
    phone: z
      .string()
      .trim()
      .regex(/^[0-9+\-() ]{5,30}$/, 'a phone number')
      .optional(),
    email: z.email().max(200).optional(),
  })
  .meta({
    description:
      'How the enterprise wants to be reached; name, phone and email are shown only to the enterprise, admins and a society whose interest was accepted',
  });

const NeedFields = {
  roundId: IdSchema.optional().meta({ description: 'The round the alliance would apply in' }),
  title: text(200).meta({ examples: ['高功率光纤激光器散热技术攻关'] }),
  description: text(4000).meta({ examples: ['联合研发高功率光纤激光器的散热方案，提升器件稳定性'] }),
  sector: SectorSchema,
  serviceTypes: ServiceTypesSchema,
  budget: z
    .strictObject({ min: MoneySchema, max: MoneySchema })
    .refine((b) => b.min <= b.max, { message: 'min must not exceed max', path: ['max'] })
    .meta({ description: 'Budget range in whole yuan', examples: [{ min: 200000, max: 500000 }] }),
  period: z
    .strictObject({ start: DateSchema, end: DateSchema })
    .refine((p) => p.end >= p.start, { message: 'end must not be before start', path: ['end'] })
    .meta({ description: 'Intended cooperation period' }),
  contactPreference: NeedContactSchema,
};

export const NeedInputSchema = z.strictObject(NeedFields).meta({ id: 'NeedInput' });

export const NeedPatchSchema = z
  .strictObject(NeedFields)
  .partial()
  .extend({
    status: z.enum(needStatuses).optional().meta({ description: 'closed to withdraw the need' }),
    version: VersionSchema,
  })
  .meta({ id: 'NeedPatch' });

export const NeedSchema = schemaFor<Need>()(
  z.object({
    id: IdSchema,
    organisationId: IdSchema,
    enterpriseName: z.string(),
    roundId: IdSchema.optional(),
    title: z.string(),
    description: z.string(),
    sector: z.string(),
    serviceTypes: z.array(z.number()),
    budget: z.object({ min: MoneySchema, max: MoneySchema }),
    period: z.object({ start: DateSchema, end: DateSchema }),
    contactPreference: z.object({
      channel: z.enum(contactChannels),
      name: z.string().optional(),
      phone: z.string().optional(),
      email: z.string().optional(),
    }),
    status: z.enum(needStatuses),
    version: z.number(),
    createdAt: DateTimeSchema,
    updatedAt: DateTimeSchema,
    allianceId: IdSchema.optional(),
  }),
).meta({ id: 'Need' });

export const NeedIdParams = z.object({ needId: IdSchema });
export const InterestParams = z.object({ needId: IdSchema, interestId: IdSchema });
export const CapabilityParams = z.object({ orgId: IdSchema });

export const NeedListQuery = z.object({
  status: z
    .enum(needStatuses)
    .optional()
    .meta({ description: 'open (default); other statuses: admins only' }),
  cursor: z.string().max(2048).optional().meta({ description: 'Opaque cursor from a previous page' }),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

const PastServiceSchema = schemaFor<PastService>()(
  z.strictObject({
    title: text(200),
    year: z.number().int().min(1950).max(2100),
    result: text(2000).meta({ description: 'What the service achieved (the evidence S2 asks for)' }),
    enterprise: text(200).optional(),
  }),
);

export const CapabilityInputSchema = z
  .strictObject({
    summary: text(4000).meta({ examples: ['光电子学会：光纤激光器、光通信器件的联合攻关与人才培养'] }),
    fields: z.array(SectorSchema).max(20).meta({ description: 'Sector ids the society works in' }),
    serviceTypes: ServiceTypesSchema,
    experts: z
      .array(ExpertSchema)
      .max(100)
      .meta({ description: 'Names, titles and fields only: no contact details' }),
    pastServices: z.array(PastServiceSchema).max(100),
    version: VersionSchema.optional().meta({
      description: 'The version being replaced (absent for the first)',
    }),
  })
  .meta({ id: 'CapabilityInput' });

export const CapabilitySchema = schemaFor<Capability>()(
  z.object({
    organisationId: IdSchema,
    societyName: z.string(),
    summary: z.string(),
    fields: z.array(z.string()),
    serviceTypes: z.array(z.number()),
    experts: z.array(ExpertSchema),
    pastServices: z.array(PastServiceSchema),
    activeAlliances: z
      .number()
      .optional()
      .meta({ description: 'Active alliances (draft to designated): the input of the load factor' }),
    version: z.number(),
    updatedAt: DateTimeSchema,
  }),
).meta({ id: 'Capability' });

export const MatchSchema = schemaFor<Match>()(
  z.object({
    id: z.string().meta({ description: 'The society (organisation id) or the need id' }),
    name: z.string(),
    score: z.number().meta({ description: '(0.35 sector + 0.30 services + 0.35 text) × load' }),
    parts: z.object({ sector: z.number(), services: z.number(), text: z.number() }),
    reasons: z.object({
      fields: z.array(z.string()).meta({ description: 'Matched sectors' }),
      serviceTypes: z.array(z.number()).meta({ description: 'Service types both sides name' }),
      terms: z.array(z.string()).meta({ description: 'Shared terms (character bigrams) that weigh most' }),
      load: z.number().meta({ description: '1 / (1 + 0.25 × max(0, active alliances − 2))' }),
    }),
  }),
).meta({ id: 'Match' });

export const MatchListSchema = z.object({ items: z.array(MatchSchema) });

export const InterestInputSchema = z
  .strictObject({ message: text(2000).meta({ examples: ['我会光电子专委会可派三名专家参与散热攻关'] }) })
  .meta({ id: 'InterestInput' });

export const AcceptInterestSchema = z
  .strictObject({
    roundId: IdSchema.optional().meta({ description: "The round of the draft (default: the need's)" }),
  })
  .meta({ id: 'AcceptInterest' });

export const InterestSchema = schemaFor<Interest>()(
  z.object({
    id: IdSchema,
    needId: IdSchema,
    societyId: IdSchema,
    societyName: z.string(),
    message: z.string(),
    state: z.enum(interestStates),
    createdAt: DateTimeSchema,
    respondedAt: DateTimeSchema.optional(),
    respondedBy: z.string().optional(),
    allianceId: IdSchema.optional(),
  }),
).meta({ id: 'Interest' });
