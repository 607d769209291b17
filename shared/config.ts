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

export type EnvKey = keyof typeof envNames;

export function env(key: EnvKey): string {
  const name = envNames[key];
  const value = process.env[name];
  if (value === undefined || value === '') {
    throw new Error(`configuration: environment variable ${name} is not set`);
  }
  return value;
}

export function envOptional(key: EnvKey): string | undefined {
  const value = process.env[envNames[key]];
  return value === undefined || value === '' ? undefined : value;
}
