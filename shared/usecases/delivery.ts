/**
 * Delivering a notification: to whom, in which language, through which channel — once per person.
 *
 * The notifier (functions/notifier) calls deliverNotification for every notification inserted into
 * the outbox (the table's stream). Each person of the recipient — everyone acting for the
 * organisation, the one user, or the office's configured addresses — gets the topic's template in
 * their language, unless they opted out of an optional topic or have no address (both recorded as
 * a skipped delivery). Each delivery is claimed before sending (shared/db/people.ts), so processing
 * the same notification again sends nothing twice; a transient failure is thrown after every person
 * was tried, so the stream retries the record and only the failed deliveries are attempted again.
 */

import { type MailChannel, PermanentDeliveryError, type SmsChannel } from '../channels/types.ts';
import {
  claimDelivery,
  finishDelivery,
  loadPeople,
  organisationPeople,
  type Person,
  skipDelivery,
} from '../db/people.ts';
import type { Notification } from '../domain/model/report.ts';
import { recipientKey } from '../domain/notify.ts';
import { renderMessage } from '../domain/notify-templates.ts';
import { defaultPreferences, isEmailAddress, mailAddressOf, wants } from '../domain/preferences.ts';
import type { Lang } from '../domain/text.ts';

/** A stream record's new image as the item it is (the notifier's input). */
export { itemOfStreamImage } from '../db/stream.ts';

export interface Directory {
  /** A person's e-mail address in the user directory, or undefined. */
  emailOf(sub: string): Promise<string | undefined>;
}

export interface DeliveryDeps {
  mail: MailChannel;
  sms?: SmsChannel | undefined;
  directory?: Directory | undefined;
  /** The configured addresses of an office role. */
  officeAddresses(role: 'admin' | 'inspection-office'): string[];
  now?: () => Date;
  /** A claim older than this is taken over (the sender died mid-send). Default 5 minutes. */
  staleAfterMs?: number;
}

export interface DeliveryReport {
  notificationId: string;
  sent: number;
  /** Already sent (or being sent) by an earlier run: not sent again. */
  already: number;
  skipped: number;
  /** Refused for good (e.g. an address the channel rejects): recorded, not retried. */
  rejected: number;
  failed: { to: string; error: string }[];
}

interface Target {
  /** USER#<sub> or ADDR#<address> (+ #sms for a text message). */
  to: string;
  address?: string | undefined;
  phone?: string | undefined;
  lang: Lang;
  optedOut: boolean;
}

/** Thrown when some deliveries failed in a way worth retrying (the stream retries the record). */
export class DeliveryFailed extends Error {
  override name = 'DeliveryFailed';
  constructor(readonly report: DeliveryReport) {
    super(
      `notification ${report.notificationId}: ${report.failed.length} deliver${report.failed.length === 1 ? 'y' : 'ies'} failed (${report.failed.map((f) => `${f.to}: ${f.error}`).join('; ')})`,
    );
  }
}

async function targetsOf(n: Notification, deps: DeliveryDeps): Promise<Target[]> {
  const r = n.recipient;
  if ('role' in r) {
    return deps
      .officeAddresses(r.role)
      .map((address) => ({ to: `ADDR#${address}`, address, lang: 'zh' as Lang, optedOut: false }));
  }
  const people: Person[] =
    'organisationId' in r ? await organisationPeople(r.organisationId) : await loadPeople([r.userId]);
  const targets: Target[] = [];
  for (const person of people) {
    const prefs = person.preferences ?? defaultPreferences();
    let address = mailAddressOf(prefs, person.username);
    if (!isEmailAddress(prefs.email) && deps.directory) {
      address = mailAddressOf({ ...prefs, email: await deps.directory.emailOf(person.sub) }, person.username);
    }
    targets.push({
      to: `USER#${person.sub}`,
      address,
      phone: prefs.phone,
      lang: prefs.lang,
      optedOut: !wants(prefs, n.topic),
    });
  }
  return targets;
}

/** Delivers `n` to every person it is for (see the module header); throws DeliveryFailed when a retry is due. */
export async function deliverNotification(n: Notification, deps: DeliveryDeps): Promise<DeliveryReport> {
  const now = deps.now ?? (() => new Date());
  const rk = recipientKey(n.recipient);
  const report: DeliveryReport = {
    notificationId: n.id,
    sent: 0,
    already: 0,
    skipped: 0,
    rejected: 0,
    failed: [],
  };
  for (const target of await targetsOf(n, deps)) {
    const at = now().toISOString();
    if (target.optedOut || !target.address) {
      await skipDelivery(rk, n.id, target.to, target.optedOut ? 'opted-out' : 'no-address', at);
      report.skipped++;
      continue;
    }
    const sends: {
      to: string;
      channel: string;
      address: string;
      send: () => Promise<{ messageId: string }>;
    }[] = [];
    const { subject, text } = renderMessage(n, target.lang);
    sends.push({
      to: target.to,
      channel: deps.mail.name,
      address: target.address,
      send: () =>
        deps.mail.send({ to: target.address!, subject, text, notificationId: n.id, lang: target.lang }),
    });
    if (target.phone && deps.sms) {
      const sms = deps.sms;
      sends.push({
        to: `${target.to}#sms`,
        channel: sms.name,
        address: target.phone,
        send: () => sms.send({ to: target.phone!, text: subject, notificationId: n.id }),
      });
    }
    for (const s of sends) {
      const claimed = await claimDelivery(rk, n.id, s.to, {
        channel: s.channel,
        address: s.address,
        at,
        staleBefore: new Date(now().getTime() - (deps.staleAfterMs ?? 5 * 60_000)).toISOString(),
      });
      if (!claimed) {
        report.already++;
        continue;
      }
      try {
        const { messageId } = await s.send();
        await finishDelivery(rk, n.id, s.to, { status: 'sent', messageId, at: now().toISOString() });
        report.sent++;
      } catch (error) {
        const message = (error as Error).message ?? String(error);
        const permanent = error instanceof PermanentDeliveryError;
        await finishDelivery(rk, n.id, s.to, {
          status: permanent ? 'rejected' : 'failed',
          error: message,
          at: now().toISOString(),
        });
        if (permanent) report.rejected++;
        else report.failed.push({ to: s.to, error: message });
      }
    }
  }
  if (report.failed.length > 0) throw new DeliveryFailed(report);
  return report;
}
