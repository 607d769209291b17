/** config.json of the console on AWS (infra/constructs/console.ts): the shape web/src/auth/session.ts reads. */
import { describe, expect, it } from 'vitest';
import { consoleRuntimeConfig } from '../../infra/constructs/console.ts';

describe('consoleRuntimeConfig', () => {
  const config = consoleRuntimeConfig({
    origin: 'https://d111111abcdef8.cloudfront.net',
    applicant: {
      domainUrl: 'https://esip-prod-applicant-1.auth.eu-west-1.amazoncognito.com',
      clientId: 'app1',
    },
    staff: { domainUrl: 'https://esip-prod-staff-1.auth.eu-west-1.amazoncognito.com/', clientId: 'staff1' },
  });

  it("names the applicant pool's managed login as the console's default (oidc), and the staff pool's", () => {
    expect(config.oidc).toEqual({
      authorizeUrl: 'https://esip-prod-applicant-1.auth.eu-west-1.amazoncognito.com/oauth2/authorize',
      tokenUrl: 'https://esip-prod-applicant-1.auth.eu-west-1.amazoncognito.com/oauth2/token',
      logoutUrl:
        'https://esip-prod-applicant-1.auth.eu-west-1.amazoncognito.com/logout?client_id=app1&logout_uri=https%3A%2F%2Fd111111abcdef8.cloudfront.net%2F',
      clientId: 'app1',
      scope: 'openid email profile',
      redirectUri: 'https://d111111abcdef8.cloudfront.net/callback',
    });
    expect(config.signIn.applicant).toEqual(config.oidc);
    expect(config.signIn.staff.authorizeUrl).toBe(
      'https://esip-prod-staff-1.auth.eu-west-1.amazoncognito.com/oauth2/authorize',
    );
    expect(config.signIn.staff.clientId).toBe('staff1');
  });

  it('is plain JSON (what Source.jsonData writes)', () => {
    expect(JSON.parse(JSON.stringify(config))).toEqual(config);
  });
});
