/**
 * Which channel a deployment sends through (the notifier's environment, set by the CDK app):
 *   NOTIFY_CHANNEL = ses (default on AWS) | smtp (AWS China, a relay; the local stack)
 *   NOTIFY_FROM = the sender address (an SES-verified identity, or the relay's)
 *   NOTIFY_SMTP_URL = smtp(s)://[user:password@]host:port (smtp only; the local stack), or
 *   NOTIFY_SMTP_SECRET_ARN = a Secrets Manager secret holding that URL (smtp on AWS)
 *   NOTIFY_SES_CONFIGURATION_SET = optional
 * The SDK and nodemailer are imported only by the channel in use.
 */
import type { MailChannel, SmsChannel } from './types.ts';

export const channelEnvNames = {
  channel: 'NOTIFY_CHANNEL',
  from: 'NOTIFY_FROM',
  smtpUrl: 'NOTIFY_SMTP_URL',
  sesConfigurationSet: 'NOTIFY_SES_CONFIGURATION_SET',
  officeAddresses: 'NOTIFY_OFFICE_ADDRESSES',
  inspectionOfficeAddresses: 'NOTIFY_INSPECTION_OFFICE_ADDRESSES',
} as const;

export const SMTP_SECRET_ENV = 'NOTIFY_SMTP_SECRET_ARN';

export const mailChannelNames = ['ses', 'smtp'] as const;
export type MailChannelName = (typeof mailChannelNames)[number];

export async function mailChannelFromEnv(env: NodeJS.ProcessEnv = process.env): Promise<MailChannel> {
  const name = env[channelEnvNames.channel] ?? 'ses';
  const from = env[channelEnvNames.from];
  if (!from) throw new Error(`${channelEnvNames.from} is not set: the sender address of every message`);
  if (name === 'ses') {
    const { sesChannel } = await import('./ses.ts');
    const set = env[channelEnvNames.sesConfigurationSet];
    return sesChannel({ from, ...(set ? { configurationSet: set } : {}) });
  }
  if (name === 'smtp') {
    let url = env[channelEnvNames.smtpUrl];
    const secretArn = env[SMTP_SECRET_ENV];
    if (!url && secretArn) {
      const { SecretsManagerClient, GetSecretValueCommand } = await import('@aws-sdk/client-secrets-manager');
      const out = await new SecretsManagerClient({}).send(new GetSecretValueCommand({ SecretId: secretArn }));
      url = out.SecretString?.trim();
    }
    if (!url)
      throw new Error(
        `${channelEnvNames.channel}=smtp needs ${channelEnvNames.smtpUrl} or ${SMTP_SECRET_ENV}`,
      );
    const { smtpChannel } = await import('./smtp.ts');
    return smtpChannel({ url, from });
  }
  throw new Error(`${channelEnvNames.channel}=${name}: one of ${mailChannelNames.join(', ')}`);
}

/** The SMS channel, when a deployment registered one (none by default; see SmsChannel). */
let sms: SmsChannel | undefined;
export const registerSmsChannel = (channel: SmsChannel | undefined) => {
  sms = channel;
};
export const smsChannel = (): SmsChannel | undefined => sms;

/** The addresses an office's mail goes to (comma-separated in the environment). */
export function officeAddresses(
  role: 'admin' | 'inspection-office',
  env: NodeJS.ProcessEnv = process.env,
): string[] {
  const raw =
    env[role === 'admin' ? channelEnvNames.officeAddresses : channelEnvNames.inspectionOfficeAddresses];
  return (raw ?? '')
    .split(',')
    .map((a) => a.trim().toLowerCase())
    .filter(Boolean);
}
