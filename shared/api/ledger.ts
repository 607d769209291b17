/**
 * The dedicated account (专账管理, §4.3) of a designated alliance: its award split over budget
 * lines, and a ledger of expenses. Corrections are reversing entries, never edits or deletes;
 * an admin may move allocation between lines (a reallocation), never beyond what a line has left.
 */
import * as z from 'zod';
import {
  type EntryFlag,
  type ExpenseInput,
  type FlagResolutionInput,
  type Ledger,
  type LedgerEntry,
  type LedgerLine,
  type LedgerSummary,
  ledgerEntryKinds,
  type Reallocation,
  type ReallocationInput,
  type ReallocationResult,
  type Recorder,
  type ResolvedEntryFlag,
  type ReversalInput,
} from '../domain/model/ledger.ts';
import { DateSchema, DateTimeSchema, IdSchema, TextSchema, text } from './common.ts';
import { schemaFor } from './schema-check.ts';

const LineIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,31}$/, 'a budget line id, e.g. equipment')
  .meta({ description: 'A budget line of the award (the alliance’s budgetLines[].id)' });

/** A positive amount in whole yuan. */
const PositiveMoney = z
  .number()
  .int('whole yuan')
  .min(1, 'must be at least 1 yuan')
  .max(100_000_000_000)
  .meta({ description: 'Amount in whole yuan (CNY), more than 0' });

export const LedgerParams = z.object({ allianceId: IdSchema });

/** Entry ids carry the instant they were recorded: 20261126T124512345Z-<uuid>. */
export const EntryIdSchema = z
  .string()
  .regex(
    /^\d{8}T\d{9}Z-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    'a ledger entry id (as returned when the entry was recorded)',
  )
  .meta({ description: 'A ledger entry id' });

export const EntryParams = z.object({ allianceId: IdSchema, entryId: EntryIdSchema });

export const ExpenseInputSchema = schemaFor<ExpenseInput>()(
  z
    .strictObject({
      lineId: LineIdSchema,
      amount: PositiveMoney.meta({ description: 'Whole yuan, more than 0' }),
      date: DateSchema.meta({
        description:
          'When the money was spent: not in the future (China time), within the cooperation period',
      }),
      description: text(1000),
      receiptDocumentId: IdSchema.meta({
        description:
          'A verified receipt document of this alliance (kind "receipt"); one receipt backs one entry',
      }),
    })
    .meta({ id: 'ExpenseInput' }),
);
export type { ExpenseInput };

export const ReversalInputSchema = schemaFor<ReversalInput>()(
  z.strictObject({ reason: text(1000) }).meta({ id: 'ReversalInput' }),
);

export const ReallocationInputSchema = schemaFor<ReallocationInput>()(
  z
    .strictObject({
      fromLineId: LineIdSchema,
      toLineId: LineIdSchema,
      amount: PositiveMoney,
      reason: text(1000),
    })
    .refine((r) => r.fromLineId !== r.toLineId, {
      message: 'toLineId must differ from fromLineId',
      path: ['toLineId'],
    })
    .meta({ id: 'ReallocationInput' }),
);
export type { ReallocationInput };

export const FlagResolutionInputSchema = schemaFor<FlagResolutionInput>()(
  z
    .strictObject({ reason: text(1000) })
    .meta({ id: 'FlagResolutionInput', description: 'Why the spending is accepted without its receipt' }),
);

const RecorderSchema = schemaFor<Recorder>()(z.object({ sub: z.string(), username: z.string() }));

const Sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256, 64 hex digits');

const entryFlagFields = {
  reason: TextSchema.meta({ description: 'Why the receipt failed reverification' }),
  documentId: IdSchema.meta({ description: 'The receipt that failed' }),
  flaggedAt: DateTimeSchema,
  by: RecorderSchema.meta({ description: 'The admin whose reverification found it' }),
};

export const EntryFlagSchema = schemaFor<EntryFlag>()(
  z.object(entryFlagFields).meta({
    id: 'EntryFlag',
    description:
      'The receipt failed reverification: the entry still counts as spent and is shown in flaggedAmount until resolved',
  }),
);

export const ResolvedEntryFlagSchema = schemaFor<ResolvedEntryFlag>()(
  z
    .object({
      ...entryFlagFields,
      resolvedAt: DateTimeSchema,
      resolvedBy: RecorderSchema,
      resolution: z.string().meta({ description: 'Why it was resolved' }),
      reversedBy: EntryIdSchema.optional().meta({ description: 'The reversal that resolved it' }),
    })
    .meta({ id: 'ResolvedEntryFlag' }),
);

export const LedgerEntrySchema = schemaFor<LedgerEntry>()(
  z
    .object({
      id: EntryIdSchema,
      allianceId: IdSchema,
      kind: z.enum(ledgerEntryKinds),
      lineId: z.string(),
      category: z.string(),
      amount: z.number().int().meta({ description: 'Yuan; negative for a reversal' }),
      date: DateSchema,
      description: z.string(),
      receiptDocumentId: IdSchema.optional(),
      receiptSha256: Sha256Schema.optional().meta({
        description: 'SHA-256 of the receipt as verified when the expense was recorded (pinned)',
      }),
      receiptEvidenceKey: z
        .string()
        .optional()
        .meta({ description: "Where the receipt's verified bytes are kept" }),
      receiptEvidenceVersionId: z.string().optional(),
      recordedBy: RecorderSchema,
      recordedAt: DateTimeSchema,
      reason: z.string().optional().meta({ description: 'Why a reversal was made' }),
      reversalOf: EntryIdSchema.optional().meta({ description: 'The entry a reversal cancels' }),
      reversedBy: EntryIdSchema.optional().meta({ description: 'The reversal that cancelled this entry' }),
      reversedAt: DateTimeSchema.optional(),
      flag: EntryFlagSchema.optional(),
      resolvedFlag: ResolvedEntryFlagSchema.optional(),
    })
    .meta({ id: 'LedgerEntry' }),
);
export type { LedgerEntry };

export const ReallocationSchema = schemaFor<Reallocation>()(
  z
    .object({
      id: IdSchema,
      allianceId: IdSchema,
      fromLineId: z.string(),
      toLineId: z.string(),
      amount: z.number().int(),
      reason: z.string(),
      by: RecorderSchema,
      at: DateTimeSchema,
    })
    .meta({ id: 'Reallocation' }),
);
export type { Reallocation };

export const LedgerLineSchema = schemaFor<LedgerLine>()(
  z
    .object({
      lineId: z.string(),
      category: z.string(),
      allocation: z.number().int(),
      spent: z.number().int(),
      remaining: z.number().int(),
      flaggedAmount: z
        .number()
        .int()
        .meta({ description: 'Of spent, what entries whose receipt failed reverification account for' }),
    })
    .meta({ id: 'LedgerLine' }),
);

export const LedgerSummarySchema = schemaFor<LedgerSummary>()(
  z.object({
    allianceId: IdSchema,
    roundId: IdSchema.optional(),
    status: z.string().meta({ description: 'open, or frozen (no writes)' }),
    award: z.number().int().meta({ description: 'The award, yuan' }),
    lines: z.array(LedgerLineSchema),
    totals: z.object({
      allocation: z.number().int(),
      spent: z.number().int(),
      remaining: z.number().int(),
      flaggedAmount: z.number().int().meta({ description: 'Of spent, what flagged entries account for' }),
      flaggedEntries: z.number().int().meta({ description: 'Entries flagged and not yet resolved' }),
    }),
  }),
);

export const LedgerViewSchema = schemaFor<Ledger>()(
  LedgerSummarySchema.extend({
    reallocations: z.array(ReallocationSchema),
    entries: z.array(LedgerEntrySchema).meta({ description: 'Newest first, one page' }),
    nextCursor: z.string().optional().meta({ description: 'Pass as ?cursor= for the next page of entries' }),
  }).meta({ id: 'Ledger' }),
);

export const ReallocationResultSchema = schemaFor<ReallocationResult>()(
  LedgerSummarySchema.extend({
    reallocation: ReallocationSchema,
  }).meta({ id: 'ReallocationResult' }),
);
