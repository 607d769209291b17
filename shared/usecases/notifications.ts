/**
 * The notifications outbox: messages addressed to an organisation (every applicant acting for it
 * reads them) or to the programme office (role admin). A notification's id is deterministic
 * (shared/domain/deadlines.ts notificationId) and it is written once (shared/db/notifications.ts).
 * Delivery (mail) follows the table's stream: functions/notifier, shared/usecases/delivery.ts.
 */
import {
  listNotificationsPage,
  loadNotification,
  markRead,
  putNotificationOnce,
} from '../db/notifications.ts';
import { byWhom, isAdmin, isInspectionOffice, type Principal } from '../domain/actors.ts';
import { type NotificationDraft, type Recipient, recipientKey } from '../domain/deadlines.ts';
import { notFound } from '../domain/errors.ts';
import { requireOwnOrganisation } from './organisations.ts';

/** Writes a notification once: true when written now, false when it was already there. */
export function writeNotification(notification: NotificationDraft, now = new Date()): Promise<boolean> {
  return putNotificationOnce(recipientKey(notification.recipient), notification, now.toISOString());
}

/**
 * Whose notifications a caller reads: admins the programme office's, the inspection office its
 * own, reviewers and inspectors their own (by `sub`), applicants their organisation's.
 */
async function recipientOf(principal: Principal): Promise<Recipient> {
  if (isAdmin(principal)) return { role: 'admin' };
  if (isInspectionOffice(principal)) return { role: 'inspection-office' };
  if (principal.roles.includes('applicant'))
    return { organisationId: await requireOwnOrganisation(principal) };
  return { userId: principal.sub };
}

export async function listNotifications(principal: Principal, query: { cursor?: string; limit: number }) {
  return listNotificationsPage(recipientKey(await recipientOf(principal)), query.cursor, query.limit);
}

/** Marks one of the caller's notifications read; the first reading is kept. Others' are 404. */
export async function markNotificationRead(principal: Principal, id: string, now = new Date()) {
  return markRead(
    recipientKey(await recipientOf(principal)),
    id,
    now.toISOString(),
    byWhom(principal),
    notFound({ en: `notification ${id}`, zh: `通知 ${id}` }),
  );
}

/** One notification of a recipient (for tests and tools). */
export function getNotification(recipient: Recipient, id: string) {
  return loadNotification(recipientKey(recipient), id);
}
