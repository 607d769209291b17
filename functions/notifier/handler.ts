/**
 * The notifier: sends every notification written into the outbox. Its event source is the table's
 * stream (on AWS a Lambda event source mapping filtered to inserted `notification` items; locally
 * local/streams.ts polls DynamoDB Local's stream the same way), so a decision only writes its
 * notification and delivery follows, with retries:
 * - a record whose delivery failed in a retryable way is reported in batchItemFailures, so only it
 *   (and the records after it) are retried; after the mapping's retries it goes to the DLQ with
 *   its notification's id, and the deliveries recorded as failed say to whom and why;
 * - each message is claimed before it is sent (shared/usecases/delivery.ts), so a record processed
 *   twice sends nothing twice.
 * Metrics (EMF): NotificationsSent, NotificationsSkipped, NotificationsFailed, NotificationsRejected;
 * and BusinessEvents by `action`: every inserted audit record (each decision writes one in its own
 * transaction: alliance.submitted, ledger.expense, selection.approved, objection.filed, …) counted
 * once it has passed — the business metrics, without a line of metrics code in the API functions.
 * Configuration: shared/channels/index.ts (NOTIFY_CHANNEL, NOTIFY_FROM, NOTIFY_SMTP_URL, office
 * addresses) and shared/aws/directory.ts (NOTIFY_DIRECTORY_POOLS).
 */
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import middy from '@middy/core';
import * as z from 'zod';
import { NotificationSchema } from '../../shared/api/reports.ts';
import { cognitoDirectory } from '../../shared/aws/directory.ts';
import { mailChannelFromEnv, officeAddresses, smsChannel } from '../../shared/channels/index.ts';
import type { MailChannel } from '../../shared/channels/types.ts';
import { invalidInput } from '../../shared/errors.ts';
import { logger } from '../../shared/logger.ts';
import {
  DeliveryFailed,
  type DeliveryReport,
  deliverNotification,
  itemOfStreamImage,
} from '../../shared/usecases/delivery.ts';

const metrics = new Metrics();

const StreamEventSchema = z.object({
  Records: z.array(
    z.object({
      eventID: z.string(),
      eventName: z.enum(['INSERT', 'MODIFY', 'REMOVE']),
      dynamodb: z.object({
        SequenceNumber: z.string().optional(),
        NewImage: z.record(z.string(), z.unknown()).optional(),
      }),
    }),
  ),
});

let channel: Promise<MailChannel> | undefined;
const directory = cognitoDirectory(); // its lookups are cached for the container's life
const mailChannel = () => {
  channel ??= mailChannelFromEnv();
  return channel;
};

export const handler = middy<unknown, { batchItemFailures: { itemIdentifier: string }[] }>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async (event) => {
    const parsed = StreamEventSchema.safeParse(event);
    if (!parsed.success) throw invalidInput(`not a DynamoDB stream event: ${parsed.error.message}`);
    const mail = await mailChannel();
    const deps = {
      mail,
      sms: smsChannel(),
      directory,
      officeAddresses: (role: 'admin' | 'inspection-office') => officeAddresses(role),
    };
    const batchItemFailures: { itemIdentifier: string }[] = [];
    const totals = { sent: 0, skipped: 0, failed: 0, rejected: 0 };
    const events = new Map<string, number>();
    const add = (r: DeliveryReport) => {
      totals.sent += r.sent;
      totals.skipped += r.skipped;
      totals.failed += r.failed.length;
      totals.rejected += r.rejected;
    };
    for (const record of parsed.data.Records) {
      const image = record.dynamodb.NewImage;
      if (record.eventName !== 'INSERT' || !image) continue;
      let item: Record<string, unknown>;
      try {
        item = itemOfStreamImage(image);
      } catch (error) {
        logger.error('stream record image cannot be read; not sent', {
          eventID: record.eventID,
          error: (error as Error).message,
        });
        totals.rejected++;
        continue;
      }
      if (item.type === 'audit' && typeof item.action === 'string') {
        events.set(item.action, (events.get(item.action) ?? 0) + 1);
        continue;
      }
      if (item.type !== 'notification') continue; // the mapping's filter lets only these through on AWS
      const notification = NotificationSchema.safeParse(item);
      if (!notification.success) {
        // Retrying cannot fix a malformed item: log it loudly and go on (nothing to send).
        logger.error('notification item does not match the schema; not sent', {
          eventID: record.eventID,
          id: item.id,
          issues: notification.error.issues,
        });
        totals.rejected++;
        continue;
      }
      try {
        const report = await deliverNotification(notification.data, deps);
        add(report);
        logger.info('notification delivered', { ...report });
      } catch (error) {
        if (error instanceof DeliveryFailed) add(error.report);
        logger.warn('notification delivery failed; the record will be retried', {
          id: item.id,
          error: (error as Error).message,
        });
        // Stream records are ordered: report the first failure; Lambda retries from it.
        batchItemFailures.push({ itemIdentifier: record.dynamodb.SequenceNumber ?? record.eventID });
        break;
      }
    }
    metrics.addMetric('NotificationsSent', MetricUnit.Count, totals.sent);
    metrics.addMetric('NotificationsSkipped', MetricUnit.Count, totals.skipped);
    metrics.addMetric('NotificationsFailed', MetricUnit.Count, totals.failed);
    metrics.addMetric('NotificationsRejected', MetricUnit.Count, totals.rejected);
    metrics.publishStoredMetrics();
    for (const [action, count] of events) {
      const single = metrics.singleMetric();
      single.addDimension('action', action);
      single.addMetric('BusinessEvents', MetricUnit.Count, count);
    }
    return { batchItemFailures };
  });
