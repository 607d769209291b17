/** A person's notification preferences: read with the address in effect, replaced whole. */
import { loadPreferences, savePreferences } from '../db/people.ts';
import type { Principal } from '../domain/actors.ts';
import { invalid } from '../domain/errors.ts';
import type { NotificationTopic } from '../domain/notify.ts';
import {
  defaultPreferences,
  mailAddressOf,
  optionalTopics,
  type Preferences,
} from '../domain/preferences.ts';

/** What the API shows: the preferences, the address in effect and the topics one may opt out of. */
function view(prefs: Preferences, principal: Principal) {
  const address = mailAddressOf(prefs, principal.username);
  return { ...prefs, ...(address ? { address } : {}), optionalTopics: optionalTopics() };
}

export async function getPreferences(principal: Principal) {
  return view((await loadPreferences(principal.sub)) ?? defaultPreferences(), principal);
}

export async function putPreferences(
  principal: Principal,
  input: {
    email?: string | undefined;
    phone?: string | undefined;
    lang: 'zh' | 'en';
    optOut: NotificationTopic[];
  },
  now = new Date(),
) {
  const optional = new Set(optionalTopics());
  const essential = input.optOut.filter((t) => !optional.has(t));
  if (essential.length > 0) {
    throw invalid('optOut', {
      en: `${essential.join(', ')} cannot be opted out of (decisions about you and things you must act on are always sent)`,
      zh: `${essential.join('、')} 不可退订（与您相关的决定和需要您处理的事项总会发送）`,
    });
  }
  const prefs: Preferences = {
    ...(input.email ? { email: input.email.toLowerCase() } : {}),
    ...(input.phone ? { phone: input.phone } : {}),
    lang: input.lang,
    optOut: [...new Set(input.optOut)],
    updatedAt: now.toISOString(),
  };
  await savePreferences(principal.sub, prefs);
  return view(prefs, principal);
}
