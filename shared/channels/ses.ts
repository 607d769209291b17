/** Amazon SES v2: SendEmail with simple content (UTF-8 subject and text). */
import { MessageRejected, SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { type MailChannel, type OutgoingMail, PermanentDeliveryError } from './types.ts';

export interface SesOptions {
  from: string;
  /** A configuration set (delivery, bounce and complaint events), optional. */
  configurationSet?: string;
  client?: SESv2Client;
}

export function sesChannel(options: SesOptions): MailChannel {
  const client = options.client ?? new SESv2Client({});
  return {
    name: 'ses',
    async send(mail: OutgoingMail) {
      try {
        const out = await client.send(
          new SendEmailCommand({
            FromEmailAddress: options.from,
            Destination: { ToAddresses: [mail.to] },
            Content: {
              Simple: {
                Subject: { Data: mail.subject, Charset: 'UTF-8' },
                Body: { Text: { Data: mail.text, Charset: 'UTF-8' } },
                Headers: [{ Name: 'X-Esip-Notification', Value: mail.notificationId }],
              },
            },
            ...(options.configurationSet ? { ConfigurationSetName: options.configurationSet } : {}),
          }),
        );
        if (!out.MessageId) throw new Error('SES accepted the message without a MessageId');
        return { messageId: out.MessageId };
      } catch (error) {
        // A rejected message (e.g. an address SES refuses) fails the same way every time.
        if (error instanceof MessageRejected) throw new PermanentDeliveryError(error.message);
        throw error;
      }
    },
  };
}
