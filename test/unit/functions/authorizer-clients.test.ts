/** The authorizer accepts several app clients per pool (the SDK's and the web console's). */
import { describe, expect, it } from 'vitest';
import { poolsFromEnv } from '../../../functions/authorizer/handler.ts';
import { userPoolEnvNames } from '../../../shared/contract.ts';

describe('poolsFromEnv client ids', () => {
  it('reads a comma-separated list of client ids, and a single id as before', () => {
    const pools = poolsFromEnv({
      [userPoolEnvNames.staff.userPoolId]: 'eu-west-1_staff',
      [userPoolEnvNames.staff.clientId]: 'sdkclient, consoleclient',
      [userPoolEnvNames.applicant.userPoolId]: 'eu-west-1_app',
      [userPoolEnvNames.applicant.clientId]: 'appclient',
    });
    expect(pools.find((p) => p.pool === 'staff')?.clientId).toEqual(['sdkclient', 'consoleclient']);
    expect(pools.find((p) => p.pool === 'applicant')?.clientId).toBe('appclient');
  });

  it('an empty list is a configuration error', () => {
    expect(() =>
      poolsFromEnv({
        [userPoolEnvNames.staff.userPoolId]: 'eu-west-1_staff',
        [userPoolEnvNames.staff.clientId]: ' , ',
        [userPoolEnvNames.applicant.userPoolId]: 'eu-west-1_app',
        [userPoolEnvNames.applicant.clientId]: 'appclient',
      }),
    ).toThrow(/is not set/);
  });
});
