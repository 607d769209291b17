/**
 * The local mail catcher: a real SMTP server (smtp-server) on 127.0.0.1 that accepts every message
 * the notifier sends through its SMTP channel (nodemailer), parses it (mailparser) and keeps it —
 * in memory and, with `stateFile`, on disk, so a restart keeps the mailbox as a real one would.
 * Read at GET /local/mail (local/stack.ts): to, subject, text, the notification it delivers
 * (X-Esip-Notification) and when it arrived; DELETE /local/mail empties it.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { dirname } from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface CaughtMail {
  /** Order of arrival, from 1. */
  n: number;
  from: string;
  to: string[];
  subject: string;
  text: string;
  /** The notification the message delivers (its X-Esip-Notification header), when it has one. */
  notificationId?: string;
  lang?: string;
  messageId?: string;
  receivedAt: string;
}

export interface LocalMail {
  /** smtp://127.0.0.1:<port> */
  url: string;
  port: number;
  list(filter?: { to?: string; notificationId?: string }): CaughtMail[];
  clear(): void;
  close(): Promise<void>;
}

export async function startLocalMail(options: {
  port?: number;
  stateFile?: string;
  log?: (line: string) => void;
}): Promise<LocalMail> {
  const messages: CaughtMail[] =
    options.stateFile && existsSync(options.stateFile)
      ? (JSON.parse(readFileSync(options.stateFile, 'utf8')) as CaughtMail[])
      : [];
  const save = () => {
    if (!options.stateFile) return;
    mkdirSync(dirname(options.stateFile), { recursive: true });
    const temp = `${options.stateFile}.tmp`;
    writeFileSync(temp, JSON.stringify(messages));
    renameSync(temp, options.stateFile);
  };

  const server = new SMTPServer({
    // Loopback only, no TLS, no login: a catcher for the local stack, not a relay.
    secure: false,
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    banner: 'ESIP local mail catcher',
    size: 1024 * 1024,
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const header = (name: string) => {
            const value = parsed.headers.get(name);
            return typeof value === 'string' ? value : undefined;
          };
          const mail: CaughtMail = {
            n: messages.length + 1,
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            subject: parsed.subject ?? '',
            text: (parsed.text ?? '').replace(/\n$/, ''),
            ...(header('x-esip-notification') ? { notificationId: header('x-esip-notification')! } : {}),
            ...(header('content-language') ? { lang: header('content-language')! } : {}),
            ...(parsed.messageId ? { messageId: parsed.messageId } : {}),
            receivedAt: new Date().toISOString(),
          };
          messages.push(mail);
          save();
          options.log?.(`✉ ${mail.to.join(', ')}: ${mail.subject}`);
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });

  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.server.off('error', reject);
      resolve((server.server.address() as AddressInfo).port);
    });
  });

  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    list(filter = {}) {
      const to = filter.to?.toLowerCase();
      return messages.filter(
        (m) =>
          (to === undefined || m.to.includes(to)) &&
          (filter.notificationId === undefined || m.notificationId === filter.notificationId),
      );
    },
    clear() {
      messages.length = 0;
      save();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
