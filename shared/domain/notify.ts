/**
 * Notifications: the contract between the code that PRODUCES a notification (a decision, the daily
 * sweep) and the code that DELIVERS it (functions/notifier). Pure — no I/O.
 *
 * Producing. A decision builds a NotificationDraft per recipient and writes it into the outbox in
 * the SAME transaction as the decision (shared/db/notifications.ts notificationTxItem(draft,
 * createdAt): a Put conditional on attribute_not_exists(pk)), or on its own with writeNotification
 * (shared/usecases/notifications.ts; conditional put, false when it was already there).
 * - `id` = notificationId(recipient, occasion): deterministic, so the same occasion is written once.
 *   In a transaction a second write of the same id fails the whole transaction, so an occasion must
 *   name the decision exactly once (e.g. `screening#<roundId>#<allianceId>#<decisionVersion>`);
 *   a decision that can only happen once anyway (its own condition) may use its natural id.
 * - `topic` ∈ notificationTopics, with an entry in topicDefinitions (the template variables its
 *   drafts carry, and whether a person may opt out of it).
 * - `data` carries every key topicDefinitions[topic].keys lists (missingTemplateKeys tells which
 *   do not); a value may be a string, a number, a boolean, a list of strings or a Text
 *   ({ zh, en }: rendered in the reader's language).
 * - `message` (Text) is the one-line summary shown in GET /v1/notifications; every template may
 *   use it as {{message}}.
 *
 * Delivering. The table's stream carries each inserted notification item to the notifier, which
 * resolves the recipient to people (resolve below), renders the topic's template in each person's
 * language (shared/notifications/templates/<topic>.<zh|en>.txt: first line the subject, the rest
 * the body, {{name}} placeholders filled from templateVariables) and sends it through the
 * configured channel, once per (notification, person).
 */
import { createHash } from 'node:crypto';
import type { Lang, Text } from './text.ts';

// ---------------------------------------------------------------------------------------------
// Recipients
// ---------------------------------------------------------------------------------------------

/** Staff roles that receive notifications as an office (their addresses are configured, not per user). */
export const officeRoles = ['admin', 'inspection-office'] as const;
export type OfficeRole = (typeof officeRoles)[number];

/**
 * Who a notification is for:
 * - `{ organisationId }`: every user acting for the organisation (USER#<sub> links to it);
 * - `{ role: 'admin' }`: the programme office; `{ role: 'inspection-office' }`: the inspection office
 *   (each: the office addresses configured for the deployment, NOTIFY_OFFICE_ADDRESSES /
 *   NOTIFY_INSPECTION_OFFICE_ADDRESSES; the outbox is read by every user of the role);
 * - `{ userId }`: one person, by the token's `sub` (a reviewer, an inspector, an applicant).
 */
export type Recipient = { organisationId: string } | { role: OfficeRole } | { userId: string };

/** The partition a recipient's notifications live in: ORG#<id>, ROLE#<role> or USER#<sub>. */
export function recipientKey(r: Recipient): string {
  if ('organisationId' in r) return `ORG#${r.organisationId}`;
  if ('userId' in r) return `USER#${r.userId}`;
  return `ROLE#${r.role}`;
}

/**
 * A notification's id from its recipient and its occasion (e.g. remind#<alliance>#<due>#<kind>#30):
 * deterministic, URL-safe and short enough for a path segment.
 */
export function notificationId(recipient: Recipient, occasion: string): string {
  const hash = createHash('sha256')
    .update(`${recipientKey(recipient)}|${occasion}`)
    .digest('hex');
  return `n-${hash.slice(0, 32)}`;
}

// ---------------------------------------------------------------------------------------------
// Subjects: what a notification is about
// ---------------------------------------------------------------------------------------------

/** What a report notification is about. */
export interface ReportSubject {
  allianceId: string;
  reportId: string;
  kind: 'annual-report' | 'completion-report';
  due: string;
}

/** What a stuck-round notification is about: the gate a round has waited at since `waitingSince`. */
export interface RoundGateSubject {
  roundId: string;
  gate: string;
  waitingSince: string;
}

/**
 * What any other event is about: string fields naming the records (roundId, allianceId,
 * objectionId, inspectionId, …). Its fields are template variables too.
 */
export type EventSubject = { [field: string]: string };

export type NotificationSubject = ReportSubject | RoundGateSubject | EventSubject;

// ---------------------------------------------------------------------------------------------
// Topics
// ---------------------------------------------------------------------------------------------

export const notificationTopics = [
  'report-reminder',
  'report-overdue',
  'report-escalated',
  'report-submitted',
  'report-accepted',
  'report-returned',
  'round-stuck',
  'round-held-by-objections',
  'alliance-invitation',
  'alliance-member-confirmed',
  'alliance-member-declined',
  'screening-result',
  'reviewer-assigned',
  'review-reminder',
  'selection-result',
  'notice-published',
  'objection-received',
  'objection-resolved',
  'designation',
  'inspection-planned',
  'inspection-follow-up',
  'interest-received',
  'interest-accepted',
  'interest-declined',
] as const;
export type NotificationTopic = (typeof notificationTopics)[number];

export interface TopicDefinition {
  /**
   * The template variables every draft of the topic carries, in its `subject` or its `data`
   * (besides the ones every topic has: commonTemplateKeys). A template may use only these: a unit
   * test checks every template file against this list.
   */
  keys: readonly string[];
  /**
   * Whether a person may opt out of it (GET/PUT /v1/me/preferences optOut). Essential topics — a
   * decision about the person's application, something they must act on — are always sent.
   */
  optional: boolean;
}

const reportKeys = ['allianceId', 'reportId', 'kind', 'due'] as const;
const gateKeys = ['roundId', 'gate', 'waitingSince'] as const;

/** Every topic's variables and opt-out rule. Adding a topic: add it to notificationTopics, here, and its two templates. */
export const topicDefinitions: Record<NotificationTopic, TopicDefinition> = {
  'report-reminder': { keys: [...reportKeys, 'reminderDay', 'daysLeft'], optional: false },
  'report-overdue': { keys: [...reportKeys, 'daysOverdue'], optional: false },
  'report-escalated': { keys: [...reportKeys, 'daysOverdue', 'graceDays', 'members'], optional: false },
  'report-submitted': { keys: [...reportKeys, 'late', 'by'], optional: true },
  'report-accepted': { keys: [...reportKeys], optional: false },
  'report-returned': { keys: [...reportKeys], optional: false },
  'round-stuck': { keys: [...gateKeys, 'days', 'limit'], optional: false },
  'round-held-by-objections': { keys: [...gateKeys, 'open', 'days', 'dueBy'], optional: false },
  'alliance-invitation': { keys: ['allianceId', 'allianceName', 'invitedBy'], optional: false },
  'alliance-member-confirmed': { keys: ['allianceId', 'allianceName', 'member'], optional: true },
  'alliance-member-declined': { keys: ['allianceId', 'allianceName', 'member'], optional: false },
  'screening-result': {
    keys: ['roundId', 'allianceId', 'allianceName', 'passed', 'reasons'],
    optional: false,
  },
  'reviewer-assigned': { keys: ['roundId', 'allianceId', 'allianceName'], optional: false },
  'review-reminder': { keys: ['roundId', 'pending', 'daysLeft', 'deadline'], optional: false },
  'selection-result': {
    keys: ['roundId', 'allianceId', 'allianceName', 'selected', 'reason'],
    optional: false,
  },
  'notice-published': { keys: ['roundId', 'closesAt'], optional: true },
  'objection-received': { keys: ['roundId', 'objectionId', 'allianceId'], optional: false },
  'objection-resolved': {
    keys: ['roundId', 'objectionId', 'allianceId', 'outcome', 'reason'],
    optional: false,
  },
  designation: { keys: ['roundId', 'allianceId', 'allianceName', 'amount'], optional: false },
  'inspection-planned': { keys: ['inspectionId', 'allianceId', 'plannedFor'], optional: false },
  'inspection-follow-up': { keys: ['inspectionId', 'allianceId', 'outcome'], optional: false },
  'interest-received': { keys: ['needId', 'needTitle', 'interestId', 'society', 'note'], optional: false },
  'interest-accepted': { keys: ['needId', 'needTitle', 'interestId', 'allianceId'], optional: false },
  'interest-declined': { keys: ['needId', 'needTitle', 'interestId'], optional: false },
};

/** Variables every template may use: the summary line, the notification's id, the reader's language. */
export const commonTemplateKeys = ['message', 'notificationId', 'lang'] as const;

/** The keys a topic's templates may use. */
export const templateKeysOf = (topic: NotificationTopic): readonly string[] => [
  ...commonTemplateKeys,
  ...topicDefinitions[topic].keys,
];

// ---------------------------------------------------------------------------------------------
// Drafts
// ---------------------------------------------------------------------------------------------

export interface NotificationDraft<S extends NotificationSubject = NotificationSubject> {
  id: string;
  /** The occasion the id is made from (readable; the same occasion is never notified twice). */
  occasion: string;
  recipient: Recipient;
  topic: NotificationTopic;
  subject: S;
  data: Record<string, unknown>;
  /** The one-line summary (outbox listing; {{message}} in templates). */
  message: Text;
}

/** Builds a draft for `recipient` on `occasion` (its id derived from both). */
export function notificationDraft<S extends NotificationSubject>(
  recipient: Recipient,
  topic: NotificationTopic,
  occasion: string,
  subject: S,
  data: Record<string, unknown>,
  message: Text,
): NotificationDraft<S> {
  return { id: notificationId(recipient, occasion), occasion, recipient, topic, subject, data, message };
}

/** The keys a draft's topic declares that neither its subject nor its data carries (empty when complete). */
export function missingTemplateKeys(draft: Pick<NotificationDraft, 'topic' | 'subject' | 'data'>): string[] {
  const has = { ...(draft.subject as Record<string, unknown>), ...draft.data };
  return topicDefinitions[draft.topic].keys.filter((k) => has[k] === undefined);
}

const isText = (v: unknown): v is Text =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as Text).zh === 'string' &&
  typeof (v as Text).en === 'string';

/** A value as text in `lang`: Text picks its language, lists are joined, booleans are yes/no. */
export function renderValue(value: unknown, lang: Lang): string {
  if (value === undefined || value === null) return '';
  if (isText(value)) return value[lang];
  if (Array.isArray(value)) return value.map((v) => renderValue(v, lang)).join(lang === 'zh' ? '、' : ', ');
  if (typeof value === 'boolean') return lang === 'zh' ? (value ? '是' : '否') : value ? 'yes' : 'no';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** The variables a template of `draft` is rendered with, in `lang`. */
export function templateVariables(
  draft: Pick<NotificationDraft, 'id' | 'subject' | 'data' | 'message'>,
  lang: Lang,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries({ ...(draft.subject as Record<string, unknown>), ...draft.data }))
    out[k] = renderValue(v, lang);
  out.message = draft.message[lang];
  out.notificationId = draft.id;
  out.lang = lang === 'zh' ? 'zh-CN' : 'en';
  return out;
}
