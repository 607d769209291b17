/**
 * SMTP (nodemailer): for regions without Amazon SES (AWS China) or an existing mail relay, and the
 * local stack's mail catcher. The URL is smtp(s)://[user:password@]host:port.
 */
import { createTransport } from 'nodemailer';
import { type MailChannel, type OutgoingMail, PermanentDeliveryError } from './types.ts';

export interface SmtpOptions {
  url: string;
  from: string;
}

export function smtpChannel(options: SmtpOptions): MailChannel {
  const transport = createTransport(options.url);
  return {
    name: 'smtp',
    async send(mail: OutgoingMail) {
      try {
        const info = await transport.sendMail({
          from: options.from,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          headers: {
            'X-Esip-Notification': mail.notificationId,
            'Content-Language': mail.lang === 'zh' ? 'zh-CN' : 'en',
          },
        });
        if (info.rejected.length > 0)
          throw new PermanentDeliveryError(`the server refused ${info.rejected.join(', ')}`);
        return { messageId: info.messageId };
      } catch (error) {
        // 5xx replies are permanent (RFC 5321); connection errors and 4xx are worth a retry.
        const code = (error as { responseCode?: number }).responseCode;
        if (typeof code === 'number' && code >= 500)
          throw new PermanentDeliveryError((error as Error).message);
        throw error;
      }
    },
  };
}
