/**
 * The notifications outbox. Item: pk NOTIFY#<recipient>, sk NOTIFICATION#<id>, gsi1pk
 * NOTIFY#<recipient>, gsi1sk <createdAt>#<id> (newest first); recipient ORG#<orgId> or ROLE#admin
 * (shared/domain/deadlines.ts recipientKey). A notification's id is deterministic, so it is
 * written with a conditional put: writing the same notification twice writes it once.
 */
import type { NotificationDraft } from '../domain/deadlines.ts';
import type { Notification } from '../domain/model/report.ts';
import { type OnConditionFailed, putItem, updateItem } from './commit.ts';
import { indexKeys, keys } from './keys.ts';
import { getRecord, queryIndexPage } from './query.ts';
import { stripKeys, table } from './table.ts';

/** Puts a notification unless it is there: true when written now, false when it already was. */
export function putNotificationOnce(
  recipient: string,
  notification: NotificationDraft,
  createdAt: string,
): Promise<boolean> {
  return putItem({
    TableName: table(),
    Item: {
      ...keys.notification(recipient, notification.id),
      type: 'notification',
      gsi1pk: indexKeys.notifications(recipient),
      gsi1sk: `${createdAt}#${notification.id}`,
      ...notification,
      createdAt,
    },
    ConditionExpression: 'attribute_not_exists(pk)',
  });
}

/** One page of a recipient's notifications, newest first, with an opaque cursor for the next. */
export const listNotificationsPage = (recipient: string, cursor: string | undefined, limit: number) =>
  queryIndexPage<Notification>('gsi1', indexKeys.notifications(recipient), cursor, limit);

/**
 * Marks a recipient's notification read (the first reading is kept) and returns it; a missing
 * notification is the error `onMissing`.
 */
export async function markRead(
  recipient: string,
  id: string,
  at: string,
  by: string,
  onMissing: OnConditionFailed,
): Promise<Notification> {
  const attributes = await updateItem(
    {
      TableName: table(),
      Key: keys.notification(recipient, id),
      UpdateExpression: 'SET readAt = if_not_exists(readAt, :at), readBy = if_not_exists(readBy, :by)',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':at': at, ':by': by },
      ReturnValues: 'ALL_NEW',
    },
    onMissing,
  );
  return stripKeys<Notification>(attributes || {});
}

/** One notification of a recipient, or undefined. */
export const loadNotification = (recipient: string, id: string) =>
  getRecord<Notification>(keys.notification(recipient, id));
