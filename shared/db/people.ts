/**
 * The people notifications reach, and the record of every delivery.
 *
 * - Preferences: USER#<sub> / PREFERENCES (address, language, opt-outs), upserted by the person.
 * - The users acting for an organisation: their USER#<sub> / USER link items, listed by gsi1
 *   (ORG#<orgId>#USERS), with the sign-in name; their preferences are read in one BatchGet.
 * - Deliveries: NOTIFY#<recipient> / DELIVERY#<notificationId>#<to> (to = USER#<sub> or
 *   ADDR#<address>), one per notification and person. A delivery is CLAIMED before the message is
 *   sent (a conditional update: only when there is none, it failed, or an earlier claim went stale),
 *   so a notification processed twice — a retried batch, a replayed stream — sends each message once.
 */
import type { Preferences } from '../domain/preferences.ts';
import { putItem, updateItem } from './commit.ts';
import { indexKeys, keys } from './keys.ts';
import { getItem, getItems, queryAll } from './query.ts';
import { stripKeys, table } from './table.ts';

export interface Person {
  sub: string;
  /** The sign-in name (an address, in pools that sign in by e-mail), when known. */
  username?: string;
  preferences?: Preferences;
}

/** A person's preferences, or undefined when they never set any. */
export async function loadPreferences(sub: string): Promise<Preferences | undefined> {
  const item = await getItem(keys.preferences(sub));
  return item ? prefsOf(item) : undefined;
}

function prefsOf(item: Record<string, unknown>): Preferences {
  const { sub: _sub, type: _type, ...prefs } = stripKeys<Preferences & { sub: string; type: string }>(item);
  return prefs;
}

/** Writes a person's preferences (the whole record: what is left out is cleared). */
export async function savePreferences(sub: string, prefs: Preferences): Promise<void> {
  await putItem({
    TableName: table(),
    Item: { ...keys.preferences(sub), type: 'preferences', sub, ...prefs },
  });
}

/** The people with the given subs: their sign-in names (when linked) and preferences, in one BatchGet per 50. */
export async function loadPeople(subs: readonly string[]): Promise<Person[]> {
  const unique = [...new Set(subs)];
  const people: Person[] = [];
  for (let i = 0; i < unique.length; i += 50) {
    const chunk = unique.slice(i, i + 50);
    const items = await getItems(chunk.flatMap((sub) => [keys.user(sub), keys.preferences(sub)]));
    chunk.forEach((sub, j) => {
      const link = items[2 * j];
      const prefs = items[2 * j + 1];
      people.push({
        sub,
        ...(typeof link?.username === 'string' ? { username: link.username } : {}),
        ...(prefs ? { preferences: prefsOf(prefs) } : {}),
      });
    });
  }
  return people;
}

/** Everyone acting for an organisation, with their preferences. */
export async function organisationPeople(orgId: string): Promise<Person[]> {
  const links = await queryAll({
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': indexKeys.organisationUsers(orgId) },
  });
  return loadPeople(links.map((l) => l.sub as string));
}

export type DeliveryStatus = 'sending' | 'sent' | 'failed' | 'rejected' | 'skipped';

/**
 * Claims the delivery of notification `id` to `to` for sending now: true when this caller may send
 * (no delivery yet, the last attempt failed, or a claim older than `staleBefore` never finished),
 * false when it was sent, skipped or is being sent.
 */
export async function claimDelivery(
  recipient: string,
  id: string,
  to: string,
  claim: { channel: string; address: string; at: string; staleBefore: string },
): Promise<boolean> {
  const result = await updateItem({
    TableName: table(),
    Key: keys.delivery(recipient, id, to),
    UpdateExpression:
      'SET #type = :type, notificationId = :id, #to = :to, #status = :sending, channel = :channel, address = :address, claimedAt = :at ADD attempts :one',
    ConditionExpression:
      'attribute_not_exists(pk) OR #status = :failed OR (#status = :sending AND claimedAt < :stale)',
    ExpressionAttributeNames: { '#type': 'type', '#to': 'to', '#status': 'status' },
    ExpressionAttributeValues: {
      ':type': 'delivery',
      ':id': id,
      ':to': to,
      ':sending': 'sending',
      ':failed': 'failed',
      ':channel': claim.channel,
      ':address': claim.address,
      ':at': claim.at,
      ':stale': claim.staleBefore,
      ':one': 1,
    },
  });
  return result !== false;
}

/** Records the outcome of a claimed delivery: sent (with the channel's message id) or failed (with why). */
export async function finishDelivery(
  recipient: string,
  id: string,
  to: string,
  outcome:
    | { status: 'sent'; messageId: string; at: string }
    | { status: 'failed' | 'rejected'; error: string; at: string },
): Promise<void> {
  await updateItem({
    TableName: table(),
    Key: keys.delivery(recipient, id, to),
    UpdateExpression:
      outcome.status === 'sent'
        ? 'SET #status = :status, messageId = :detail, sentAt = :at REMOVE #error'
        : 'SET #status = :status, #error = :detail, failedAt = :at',
    ConditionExpression: '#status = :sending',
    ExpressionAttributeNames: { '#status': 'status', '#error': 'error' },
    ExpressionAttributeValues: {
      ':status': outcome.status,
      ':detail': outcome.status === 'sent' ? outcome.messageId : outcome.error,
      ':at': outcome.at,
      ':sending': 'sending',
    },
  });
}

/** Records that a person was not sent notification `id` and why (opted out, no address); once. */
export async function skipDelivery(
  recipient: string,
  id: string,
  to: string,
  reason: string,
  at: string,
): Promise<boolean> {
  return putItem({
    TableName: table(),
    Item: {
      ...keys.delivery(recipient, id, to),
      type: 'delivery',
      notificationId: id,
      to,
      status: 'skipped',
      reason,
      at,
    },
    ConditionExpression: 'attribute_not_exists(pk)',
  });
}
