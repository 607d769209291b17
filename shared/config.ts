/**
 * Runtime configuration of every handler, read from the environment. The CDK function construct
 * and the local stack set the same variables; nothing else differs between AWS and local
 * (endpoints come from the AWS SDK's own AWS_ENDPOINT_URL_<SERVICE> variables).
 */
export const envNames = {
  tableName: 'TABLE_NAME',
  documentsBucket: 'DOCUMENTS_BUCKET',
  noticesBucket: 'NOTICES_BUCKET',
  roundPipelineArn: 'ROUND_PIPELINE_ARN',
  s3ForcePathStyle: 'S3_FORCE_PATH_STYLE',
  stage: 'STAGE',
} as const;

/**
 * Set on the `rounds` function only, for the per-round "application window closes" schedules
 * (shared/schedules/round-close.ts). The literal names are the ones infra/stacks/app-stack.ts sets
 * (its `schedulingEnvNames`) and local/stack.ts sets locally: keep the three identical.
 */
export const schedulingEnvNames = {
  /** EventBridge Scheduler schedule group of the round schedules (esip-rounds). */
  scheduleGroup: 'SCHEDULE_GROUP',
  /** The role EventBridge Scheduler assumes to invoke pipeline-starter (passed with iam:PassRole). */
  schedulerRoleArn: 'SCHEDULER_ROLE_ARN',
  /** The pipeline-starter function: the schedules' target. */
  pipelineStarterArn: 'PIPELINE_STARTER_ARN',
  /** Dead-letter queue for deliveries the scheduler gives up on. */
  scheduleDlqArn: 'SCHEDULE_DLQ_ARN',
} as const;

const allEnvNames = { ...envNames, ...schedulingEnvNames };

export type EnvKey = keyof typeof allEnvNames;

export function env(key: EnvKey): string {
  const name = allEnvNames[key];
  const value = process.env[name];
  if (value === undefined || value === '') {
    throw new Error(`configuration: environment variable ${name} is not set`);
  }
  return value;
}

export function envOptional(key: EnvKey): string | undefined {
  const value = process.env[allEnvNames[key]];
  return value === undefined || value === '' ? undefined : value;
}
