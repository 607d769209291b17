/**
 * The notifier's configuration: which channel it sends through and what it may touch.
 *
 * Context (infra/build.ts notificationConfig):
 *   notifyChannel  ses (default) | smtp (the default in AWS China regions, where SES is not offered)
 *   notifyFrom     the sender address (SES: a verified identity; SMTP: the relay's account)
 *   notifySmtpSecretArn  SMTP: a Secrets Manager secret whose value is smtp(s)://user:password@host:port
 *   notifyOfficeAddresses / notifyInspectionOfficeAddresses  comma-separated: the offices' mailboxes
 */
import type { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { DIRECTORY_POOLS_ENV } from '../../shared/aws/directory.ts';
import { channelEnvNames, SMTP_SECRET_ENV } from '../../shared/channels/index.ts';
import type { DataStack } from '../stacks/data-stack.ts';
import type { AppFunction } from './app-function.ts';

export interface NotificationConfig {
  readonly channel: 'ses' | 'smtp';
  readonly from: string;
  readonly smtpSecretArn?: string;
  readonly officeAddresses?: readonly string[];
  readonly inspectionOfficeAddresses?: readonly string[];
}

export function configureNotifier(
  scope: Stack,
  notifier: AppFunction,
  config: NotificationConfig,
  data: DataStack,
): void {
  notifier.addEnvironment(channelEnvNames.channel, config.channel);
  notifier.addEnvironment(channelEnvNames.from, config.from);
  if (config.officeAddresses?.length)
    notifier.addEnvironment(channelEnvNames.officeAddresses, config.officeAddresses.join(','));
  if (config.inspectionOfficeAddresses?.length)
    notifier.addEnvironment(
      channelEnvNames.inspectionOfficeAddresses,
      config.inspectionOfficeAddresses.join(','),
    );

  if (config.channel === 'ses') {
    const domain = config.from.split('@')[1]!;
    // SendEmail is authorised on the sender's identity: the address itself or its domain.
    notifier.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['ses:SendEmail'],
        resources: [
          scope.formatArn({ service: 'ses', resource: 'identity', resourceName: domain }),
          scope.formatArn({ service: 'ses', resource: 'identity', resourceName: config.from }),
        ],
      }),
    );
  } else {
    if (!config.smtpSecretArn) throw new Error('notifyChannel=smtp needs notifySmtpSecretArn');
    const secret = secretsmanager.Secret.fromSecretCompleteArn(
      scope,
      'NotifierSmtpSecret',
      config.smtpSecretArn,
    );
    secret.grantRead(notifier.role);
    notifier.addEnvironment(SMTP_SECRET_ENV, config.smtpSecretArn);
  }

  // People's addresses from the user pools (identity cognito); with an external provider, from
  // their preferences.
  const pools = [data.staffUserPool, data.applicantUserPool].filter((p) => p !== undefined);
  if (pools.length) {
    notifier.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['cognito-idp:ListUsers'],
        resources: pools.map((p) => p.userPoolArn),
      }),
    );
    notifier.addEnvironment(DIRECTORY_POOLS_ENV, pools.map((p) => p.userPoolId).join(','));
  }
}
