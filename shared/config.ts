/**
 * Runtime configuration of every handler, read from the environment. The CDK function construct
 * and the local stack set the same variables; nothing else differs between AWS and local
 * (endpoints come from the AWS SDK's own AWS_ENDPOINT_URL_<SERVICE> variables).
 */
import { envNames, schedulingEnvNames } from './contract.ts';

export { envNames, schedulingEnvNames } from './contract.ts';

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
