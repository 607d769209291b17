/** The round pipeline's API shapes: its status, and the bodies and views of its human steps (screening, reviewers, reviews, selection, objections). */
import * as z from 'zod';
import { DateTimeSchema, IdSchema, text } from './common.ts';
import { EligibilityReportSchema } from './eligibility.ts';

export const ScreeningDecisionSchema = z
  .strictObject({ outcome: z.enum(['pass', 'reject']), reason: text(2000) })
  .meta({ id: 'ScreeningDecision' });

export const ScreeningRecordSchema = z
  .object({
    allianceId: IdSchema,
    name: z.string(),
    findings: EligibilityReportSchema,
    decision: z
      .object({ outcome: z.enum(['pass', 'reject']), reason: z.string(), by: z.string(), at: DateTimeSchema })
      .optional(),
  })
  .meta({ id: 'ScreeningRecord' });

export const ReviewerInputSchema = z
  .strictObject({
    reviewerId: IdSchema.meta({ description: "The reviewer's user id (the token's sub)" }),
    name: text(100),
    title: z.string().trim().max(100).optional(),
    expertise: z
      .array(z.string().regex(/^[a-z][a-z0-9-]{0,47}$/))
      .max(20)
      .meta({ description: 'Sector ids' }),
    affiliations: z.array(IdSchema).max(20).meta({ description: 'Organisations the reviewer belongs to' }),
    conflicts: z
      .array(IdSchema)
      .max(200)
      .default([])
      .meta({ description: 'Organisations the reviewer declares a conflict with' }),
  })
  .meta({ id: 'ReviewerInput' });

export const ReviewerSchema = ReviewerInputSchema.extend({
  roundId: IdSchema,
  registeredAt: DateTimeSchema,
}).meta({
  id: 'Reviewer',
});

export const AssignmentQuerySchema = z.object({
  preview: z
    .enum(['true', 'false'])
    .optional()
    .meta({ description: 'true: a dry run with the current reviewers' }),
  seed: z.string().max(64).optional().meta({ description: 'Seed of the dry run (default: the round id)' }),
});

export const ReviewInputSchema = z
  .strictObject({
    scores: z
      .record(z.string(), z.number().int().min(0).max(100))
      .meta({ description: 'criterion id → score' }),
    comment: text(5000),
    recommendation: z.enum(['fund', 'fund-if-budget', 'do-not-fund']),
  })
  .meta({ id: 'ReviewInput' });

export const ConflictDeclarationSchema = z
  .strictObject({
    reason: text(1000),
    organisationId: IdSchema.optional().meta({ description: 'The member organisation the conflict is with' }),
  })
  .meta({ id: 'ConflictDeclaration' });

export const ReviewParams = z.object({ roundId: IdSchema, allianceId: IdSchema });
export const ScreeningParams = z.object({ roundId: IdSchema, allianceId: IdSchema });

export const SelectionAdjustmentSchema = z.strictObject({
  allianceId: IdSchema,
  action: z.enum(['include', 'exclude']),
  reason: text(1000),
});
export const SelectionApprovalSchema = z
  .strictObject({
    adjustments: z.array(SelectionAdjustmentSchema).max(200).default([]),
    note: z.string().trim().max(2000).optional(),
  })
  .meta({ id: 'SelectionApproval' });

export const SupplementDecisionSchema = z
  .strictObject({
    decision: z
      .enum(['fill', 'decline'])
      .meta({ description: 'fill: add the proposed alliances (递补); decline: keep the money unspent' }),
    reason: text(2000).meta({ description: 'Why (kept in the audit trail)' }),
  })
  .meta({ id: 'SupplementDecision' });

const SupplementAdditionSchema = z.object({
  allianceId: IdSchema,
  rank: z.number().int(),
  award: z.number().int(),
  requested: z.number().int(),
});

export const SupplementProposalSchema = z
  .object({
    roundId: IdSchema,
    awaitingDecision: z.boolean().meta({ description: 'The pipeline waits for a fill-or-decline decision' }),
    covers: z.array(IdSchema).meta({ description: 'The dropped alliances whose freed money is at stake' }),
    freed: z.number().int(),
    available: z.number().int().meta({ description: 'The budget not committed to alliances still selected' }),
    additions: z.array(SupplementAdditionSchema),
    rows: z
      .array(z.record(z.string(), z.unknown()))
      .meta({ description: 'The left-out alliances under the policy, with reasons' }),
    summary: z.object({ en: z.string(), zh: z.string() }),
    decisions: z.array(z.record(z.string(), z.unknown())).meta({ description: 'Earlier 递补 decisions' }),
  })
  .meta({ id: 'SupplementProposal' });

export const SupplementResultSchema = z
  .object({
    roundId: IdSchema,
    decision: z.enum(['fill', 'decline']),
    additions: z.array(SupplementAdditionSchema),
    noticeEndsAt: DateTimeSchema.optional().meta({ description: 'End of the supplementary notice period' }),
  })
  .meta({ id: 'SupplementResult' });

export const CloseReviewsSchema = z.strictObject({ reason: text(1000) }).meta({ id: 'CloseReviews' });

export const ObjectionInputSchema = z
  .strictObject({
    allianceId: IdSchema,
    name: text(100).meta({ description: 'Who objects (a person or organisation)' }),
    contact: text(200).meta({ description: 'Phone or e-mail for the programme office to reply' }),
    text: text(5000).meta({ description: 'The objection and its grounds' }),
  })
  .meta({ id: 'ObjectionInput' });

/** A keyed hash (32 hex digits) the office groups objections by; never the address or contact itself. */
export const ObjectionHashSchema = z.string().regex(/^[0-9a-f]{32}$/, '32 lower-case hex digits');

export const ObjectionSchema = ObjectionInputSchema.extend({
  id: IdSchema,
  roundId: IdSchema,
  status: z.enum(['open', 'upheld', 'dismissed']),
  filedAt: DateTimeSchema,
  clientHash: ObjectionHashSchema.optional().meta({
    description:
      "Keyed hash of the filer's network address (IPv6: its /64): many objections with one value are one client",
  }),
  contactHash: ObjectionHashSchema.optional().meta({
    description: 'Keyed hash of the normalised contact (e-mail, phone or text)',
  }),
  fingerprint: ObjectionHashSchema.optional().meta({
    description: 'Fingerprint of the normalised text: the same value is the same text',
  }),
  duplicateOf: IdSchema.optional().meta({
    description: 'The first objection to this alliance with the same text (filed by someone else)',
  }),
  resolution: z
    .object({
      outcome: z.enum(['upheld', 'dismissed']),
      reason: z.string(),
      by: z.string(),
      at: DateTimeSchema,
      spam: z.boolean().optional().meta({ description: 'Dismissed as spam by a bulk dismissal' }),
    })
    .optional(),
}).meta({ id: 'Objection' });

/** The public's receipt for a filed objection. */
export const ObjectionFiledSchema = z
  .object({
    id: IdSchema,
    roundId: IdSchema,
    allianceId: IdSchema,
    status: z.string(),
    filedAt: DateTimeSchema,
    duplicateOf: IdSchema.optional().meta({
      description: 'Someone filed the same text against this alliance before: that objection',
    }),
  })
  .meta({ id: 'ObjectionFiled' });

export const ObjectionDismissalSchema = z
  .strictObject({
    reason: text(2000).meta({ description: 'Why they are dismissed as spam (audited on each)' }),
    objectionIds: z.array(IdSchema).min(1).max(100).optional().meta({ description: 'At most 100' }),
    clientHash: ObjectionHashSchema.optional().meta({ description: 'Every open objection from this client' }),
    contactHash: ObjectionHashSchema.optional().meta({
      description: 'Every open objection with this contact',
    }),
    fingerprint: ObjectionHashSchema.optional().meta({ description: 'Every open objection with this text' }),
  })
  .meta({
    id: 'ObjectionDismissal',
    description: 'Exactly one of objectionIds, clientHash, contactHash, fingerprint names the objections',
  });

export const ObjectionDismissalResultSchema = z
  .object({
    roundId: IdSchema,
    dismissed: z.array(IdSchema).meta({ description: 'Dismissed by this request' }),
    alreadyResolved: z.array(IdSchema).meta({ description: 'No longer open: left as they were' }),
    notFound: z.array(IdSchema).meta({ description: 'Named but not objections of this round' }),
    open: z.number().int().meta({ description: 'Objections of the round still open' }),
  })
  .meta({ id: 'ObjectionDismissalResult' });

export const ObjectionResolutionSchema = z
  .strictObject({ outcome: z.enum(['upheld', 'dismissed']), reason: text(2000) })
  .meta({ id: 'ObjectionResolution' });
export const ObjectionParams = z.object({ roundId: IdSchema, objectionId: IdSchema });

const FailureSchema = z.object({
  error: z.string().meta({ description: 'The error name, e.g. States.TaskFailed or NoSuchBucket' }),
  message: z.string().meta({ description: 'One line of what went wrong' }),
});

export const RetryPipelineSchema = z
  .strictObject({ reason: text(1000).meta({ description: 'Why the run is retried (audited)' }) })
  .meta({ id: 'RetryPipeline' });

export const RetryResultSchema = z
  .object({
    roundId: IdSchema,
    attempt: z.number().int(),
    executionName: z.string(),
    resumesAt: z.string().meta({ description: 'The stage the failed run stopped in' }),
  })
  .meta({ id: 'RetryResult' });

export const PipelineStatusSchema = z
  .object({
    roundId: z.string(),
    executionName: z.string(),
    status: z.enum(['RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED', 'NOT_STARTED']),
    stage: z.string().meta({ description: 'The pipeline stage the round is in' }),
    waitingOn: z.string().optional().meta({ description: 'Who or what the current stage waits on' }),
    startedAt: z.iso.datetime().optional(),
    updatedAt: z.iso.datetime().optional(),
    attempt: z
      .number()
      .int()
      .optional()
      .meta({ description: 'The current run: 1, then 2, 3… after retries' }),
    attempts: z
      .array(
        z.object({
          attempt: z.number().int(),
          executionName: z.string(),
          startedAt: z.iso.datetime().optional(),
          outcome: z.string().meta({ description: 'RUNNING, SUCCEEDED, FAILED, TIMED_OUT or ABORTED' }),
          error: FailureSchema.optional(),
          stage: z.string().optional().meta({ description: 'The stage the run failed in' }),
        }),
      )
      .optional()
      .meta({ description: 'Every run of the pipeline, oldest first, with its outcome' }),
    failure: FailureSchema.extend({ stage: z.string().optional() })
      .optional()
      .meta({ description: 'Why the current run failed (no stack trace)' }),
    progress: z
      .object({
        step: z.string().meta({ description: 'screening, selection (applying the approval) or designation' }),
        processed: z
          .number()
          .int()
          .meta({ description: 'Alliances this run has processed in that step so far' }),
        done: z.boolean(),
        at: z.iso.datetime(),
      })
      .optional()
      .meta({ description: 'How far the latest paged step (one page of alliances per task) has got' }),
    history: z.array(
      z.object({ stage: z.string(), at: z.iso.datetime(), by: z.string(), note: z.string().optional() }),
    ),
  })
  .meta({ id: 'PipelineStatus' });
