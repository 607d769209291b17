/**
 * The notifications outbox: messages addressed to an organisation (every applicant acting for it
 * reads them) or to the programme office (role admin). A notification's id is deterministic
 * (shared/domain/deadlines.ts notificationId), and it is written with a conditional put, so writing
 * the same notification twice writes it once. Delivery beyond the outbox (mail, SMS) can follow
 * the table's stream later; the API reads the outbox.
 *
 * Item: pk NOTIFY#<recipient>, sk NOTIFICATION#<id>, gsi1pk NOTIFY#<recipient>,
 * gsi1sk <createdAt>#<id> (newest first), recipient ORG#<orgId> or ROLE#admin.
 */
import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Notification } from '../api/reports.ts';
import { documentClient } from '../aws/clients.ts';
import { indexKeys, keys } from '../db/keys.ts';
import { conditionFailed, decodeCursor, encodeCursor, stripKeys, table } from '../db/table.ts';
import { type NotificationDraft, type Recipient, recipientKey } from '../domain/deadlines.ts';
import type { Principal } from '../http/auth.ts';
import { notFound } from '../http/errors.ts';
import { requireOwnOrganisation } from './organisations.ts';

/** Writes a notification once: true when written now, false when it was already there. */
export async function writeNotification(notification: NotificationDraft, now = new Date()): Promise<boolean> {
  const recipient = recipientKey(notification.recipient);
  const createdAt = now.toISOString();
  try {
    await documentClient().send(
      new PutCommand({
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
      }),
    );
    return true;
  } catch (error) {
    if (conditionFailed(error)) return false;
    throw error;
  }
}

/** Whose notifications a caller reads: admins the programme office's, applicants their organisation's. */
async function recipientOf(principal: Principal): Promise<Recipient> {
  if (principal.roles.includes('admin')) return { role: 'admin' };
  return { organisationId: await requireOwnOrganisation(principal) };
}

const present = (item: Record<string, unknown>) => stripKeys<Notification>(item);

export async function listNotifications(principal: Principal, query: { cursor?: string; limit: number }) {
  const pk = indexKeys.notifications(recipientKey(await recipientOf(principal)));
  const out = await documentClient().send(
    new QueryCommand({
      TableName: table(),
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': pk },
      ScanIndexForward: false,
      Limit: query.limit,
      ExclusiveStartKey: decodeCursor(query.cursor, pk, 'gsi1pk'),
    }),
  );
  const nextCursor = encodeCursor(out.LastEvaluatedKey);
  return { items: (out.Items ?? []).map(present), ...(nextCursor ? { nextCursor } : {}) };
}

/** Marks one of the caller's notifications read; the first reading is kept. Others' are 404. */
export async function markNotificationRead(principal: Principal, id: string, now = new Date()) {
  const key = keys.notification(recipientKey(await recipientOf(principal)), id);
  try {
    const out = await documentClient().send(
      new UpdateCommand({
        TableName: table(),
        Key: key,
        UpdateExpression: 'SET readAt = if_not_exists(readAt, :at), readBy = if_not_exists(readBy, :by)',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: {
          ':at': now.toISOString(),
          ':by': `${principal.username} (${principal.sub})`,
        },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return present(out.Attributes ?? {});
  } catch (error) {
    if (conditionFailed(error)) throw notFound(`notification ${id}`);
    throw error;
  }
}

/** One notification of a recipient (for tests and tools). */
export async function getNotification(recipient: Recipient, id: string) {
  const { Item } = await documentClient().send(
    new GetCommand({ TableName: table(), Key: keys.notification(recipientKey(recipient), id) }),
  );
  return Item ? present(Item) : undefined;
}
