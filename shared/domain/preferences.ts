/**
 * A person's notification preferences (GET/PUT /v1/me/preferences): where messages go, in which
 * language, and which optional topics they do not want. Pure — no I/O.
 *
 * Without preferences a person is mailed in Chinese at the address they sign in with (the user
 * pools sign in by e-mail). Essential topics (topicDefinitions[topic].optional false: decisions
 * about the person's application, something they must act on) are sent whatever optOut says.
 */
import { type NotificationTopic, topicDefinitions } from './notify.ts';
import type { Lang } from './text.ts';

export interface Preferences {
  /** Where e-mail goes (default: the sign-in name when it is an address). */
  email?: string;
  /** A mobile number for text messages (E.164, e.g. +8613800000000), when an SMS channel is set up. */
  phone?: string;
  lang: Lang;
  /** Optional topics the person does not want. */
  optOut: NotificationTopic[];
  updatedAt?: string;
}

export const defaultPreferences = (): Preferences => ({ lang: 'zh', optOut: [] });

const EMAIL = /^[^@\s<>(),;:"[\]]+@[^@\s<>(),;:"[\]]+\.[^@\s<>(),;:"[\]]+$/;

/** Whether `value` is a plain e-mail address (no display name, no list). */
export const isEmailAddress = (value: string | undefined): value is string =>
  typeof value === 'string' && value.length <= 254 && EMAIL.test(value);

/** The topics a person may opt out of. */
export const optionalTopics = (): NotificationTopic[] =>
  (Object.keys(topicDefinitions) as NotificationTopic[]).filter((t) => topicDefinitions[t].optional);

/** Whether a person with `prefs` gets `topic` (essential topics always). */
export const wants = (prefs: Preferences, topic: NotificationTopic): boolean =>
  !topicDefinitions[topic].optional || !prefs.optOut.includes(topic);

/** The address a person's mail goes to: the chosen one, else the sign-in name if it is an address. */
export function mailAddressOf(
  prefs: Preferences | undefined,
  username: string | undefined,
): string | undefined {
  if (isEmailAddress(prefs?.email)) return prefs.email.toLowerCase();
  return isEmailAddress(username) ? username.toLowerCase() : undefined;
}
