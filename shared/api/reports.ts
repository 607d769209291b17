/**
 * Annual and completion reports (§4.4) and the notifications outbox. A report belongs to one of
 * the alliance's report deadlines (created at designation); its id is the deadline's due date and
 * kind, e.g. 2028-01-01_annual-report. Status: due → submitted → accepted | returned (→ submitted
 * again); due or returned past the due date → overdue (the daily sweep) → submitted.
 */
import * as z from 'zod';
import { deadlineKinds, deadlineStatuses, notificationTopics } from '../domain/deadlines.ts';
import {
  type Notification,
  type ProgressEntry,
  type Report,
  type ReportAccept,
  type ReportReturn,
  type ReportSubmission,
  reviewDecisions,
} from '../domain/model/report.ts';
import { officeRoles } from '../domain/notify.ts';
import { DateSchema, DateTimeSchema, IdSchema, pageOf, TextSchema, text } from './common.ts';
import { schemaFor } from './schema-check.ts';

export const ReportStatusSchema = z.enum(deadlineStatuses);

export const ReportIdSchema = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}_(annual-report|completion-report)$/,
    '<due>_<kind>, e.g. 2028-01-01_annual-report',
  )
  .meta({ description: "A report's id: its deadline's due date and kind, e.g. 2028-01-01_annual-report" });

export const ReportParams = z.object({ allianceId: IdSchema, reportId: ReportIdSchema });
export const NotificationParams = z.object({ notificationId: IdSchema });

const VersionField = z
  .number()
  .int()
  .positive()
  .optional()
  .meta({ description: 'The version of the report this is based on (stale → 409); optional' });

export const ProgressEntrySchema = schemaFor<ProgressEntry>()(
  z.strictObject({
    indicatorId: z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/),
    actual: z.number().finite(),
    note: z.string().trim().max(2000).optional(),
  }),
);

export const ReportSubmissionSchema = schemaFor<ReportSubmission>()(
  z
    .strictObject({
      documentId: IdSchema.meta({ description: "A verified 'report' document of this alliance" }),
      progress: z
        .array(ProgressEntrySchema)
        .min(1)
        .max(100)
        .meta({ description: 'Actual value for every indicator of the alliance (定期考核指标)' }),
      summary: text(8000),
      version: VersionField,
    })
    .superRefine((body, ctx) => {
      const seen = new Set<string>();
      body.progress.forEach((p, i) => {
        if (seen.has(p.indicatorId))
          ctx.addIssue({
            code: 'custom',
            path: ['progress', i, 'indicatorId'],
            message: `duplicate ${p.indicatorId}`,
          });
        seen.add(p.indicatorId);
      });
    })
    .meta({ id: 'ReportSubmission' }),
);

export const ReportAcceptSchema = schemaFor<ReportAccept>()(
  z
    .strictObject({ comments: z.string().trim().max(4000).optional(), version: VersionField })
    .meta({ id: 'ReportAccept' }),
);

export const ReportReturnSchema = schemaFor<ReportReturn>()(
  z.strictObject({ comments: text(4000), version: VersionField }).meta({ id: 'ReportReturn' }),
);

const StatusChangeSchema = z.object({
  status: ReportStatusSchema,
  at: DateTimeSchema,
  by: z.string(),
  reason: z.string().optional(),
});

export const ReportSchema = schemaFor<Report>()(
  z
    .object({
      id: ReportIdSchema,
      allianceId: IdSchema,
      roundId: IdSchema.optional(),
      kind: z.enum(deadlineKinds),
      year: z.number().int().optional(),
      due: DateSchema,
      status: ReportStatusSchema,
      version: z.number().int(),
      report: z
        .object({
          documentId: IdSchema,
          documentSha256: z.string().optional().meta({
            description: 'SHA-256 of the report document as verified when it was submitted (pinned)',
          }),
          progress: z.array(
            ProgressEntrySchema.extend({
              name: z.string().optional(),
              target: z.number().optional(),
              unit: z.string().optional(),
            }),
          ),
          summary: z.string(),
          submittedAt: DateTimeSchema,
          submittedBy: z.string(),
          organisationId: IdSchema.optional(),
          late: z.boolean(),
        })
        .optional()
        .meta({ description: 'The latest submission (earlier ones are in the audit trail)' }),
      review: z
        .object({
          decision: z.enum(reviewDecisions),
          comments: z.string().optional(),
          at: DateTimeSchema,
          by: z.string(),
        })
        .optional()
        .meta({ description: "The programme office's latest decision" }),
      overdueAt: DateTimeSchema.optional(),
      escalatedAt: DateTimeSchema.optional(),
      statusHistory: z.array(StatusChangeSchema),
    })
    .meta({ id: 'Report' }),
);
export type { Report };

export const ReportListSchema = z.object({ items: z.array(ReportSchema) });

export const NotificationSchema = schemaFor<Notification>()(
  z
    .object({
      id: IdSchema,
      recipient: z.union([
        z.object({ organisationId: IdSchema }),
        z.object({ role: z.enum(officeRoles) }),
        z.object({ userId: z.string() }),
      ]),
      topic: z.enum(notificationTopics),
      occasion: z
        .string()
        .meta({ description: 'What the notification is about (its id is derived from it)' }),
      subject: z.union([
        z.object({
          allianceId: IdSchema,
          reportId: ReportIdSchema,
          kind: z.enum(deadlineKinds),
          due: DateSchema,
        }),
        z
          .object({ roundId: IdSchema, gate: z.string(), waitingSince: DateTimeSchema })
          .meta({ description: 'round-stuck: the gate a round has waited at, and since when' }),
        z.record(z.string(), z.string()).meta({
          description: 'Any other topic: the ids of the records it is about (roundId, allianceId, …)',
        }),
      ]),
      data: z.record(z.string(), z.unknown()),
      message: TextSchema,
      createdAt: DateTimeSchema,
      readAt: DateTimeSchema.optional(),
      readBy: z.string().optional(),
    })
    .meta({ id: 'Notification' }),
);
export type { Notification };

export const NotificationPageSchema = pageOf(NotificationSchema);
