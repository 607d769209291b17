/**
 * Channels: how a rendered message leaves the system. The notifier (shared/usecases/delivery.ts)
 * sees only this interface; which one is used is deployment configuration (shared/channels/index.ts).
 */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** The notification this message delivers (sent as the X-Esip-Notification header). */
  notificationId: string;
  lang: 'zh' | 'en';
}

export interface MailChannel {
  /** ses | smtp (recorded on each delivery). */
  readonly name: string;
  /** Sends one message; resolves with the channel's message id only once the channel accepted it. */
  send(mail: OutgoingMail): Promise<{ messageId: string }>;
}

export interface OutgoingSms {
  /** E.164, e.g. +8613800000000. */
  to: string;
  text: string;
  notificationId: string;
}

/**
 * A text-message provider (e.g. Alibaba Cloud SMS or Tencent Cloud SMS in China, Amazon SNS/End User
 * Messaging elsewhere). None is configured by default: providers need a sender id and approved
 * templates per country, so a deployment plugs its own in here (shared/channels/index.ts smsChannel).
 */
export interface SmsChannel {
  readonly name: string;
  send(sms: OutgoingSms): Promise<{ messageId: string }>;
}

/** A failure the channel says will not go away by retrying (a rejected address): recorded, not retried. */
export class PermanentDeliveryError extends Error {
  override name = 'PermanentDeliveryError';
}
