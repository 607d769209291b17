import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { roles } from '../../../shared/domain/actors.ts';
import {
  authorizerContext,
  parseGroups,
  principalFromEvent,
  rolesForPool,
  rolesOfPool,
} from '../../../shared/http/auth.ts';

describe('parseGroups', () => {
  it('reads the "[a b]" string API Gateway makes of an array claim', () => {
    expect(parseGroups('[admin reviewer]')).toEqual(['admin', 'reviewer']);
  });
  it('reads a real array and a comma-separated string', () => {
    expect(parseGroups(['applicant'])).toEqual(['applicant']);
    expect(parseGroups('inspector, admin')).toEqual(['inspector', 'admin']);
  });
  it('drops unknown groups and duplicates, and is empty when absent', () => {
    expect(parseGroups('[superuser admin admin]')).toEqual(['admin']);
    expect(parseGroups(undefined)).toEqual([]);
    expect(parseGroups('[]')).toEqual([]);
  });
});

describe('roles and user pools', () => {
  it('applicant belongs to the applicant pool, every other role (new ones too) to the staff pool', () => {
    expect(rolesOfPool('applicant')).toEqual(['applicant']);
    expect(rolesOfPool('staff')).toEqual(roles.filter((r) => r !== 'applicant'));
    expect(rolesOfPool('staff')).toEqual(expect.arrayContaining(['admin', 'reviewer', 'inspector']));
  });

  it('a token honours only its own pool’s groups; every applicant-pool user is an applicant', () => {
    expect(rolesForPool('staff', ['reviewer', 'admin', 'applicant', 'root'])).toEqual({
      roles: ['admin', 'reviewer'],
      ignored: ['applicant', 'root'],
    });
    expect(rolesForPool('applicant', ['admin', 'inspector'])).toEqual({
      roles: ['applicant'],
      ignored: ['admin', 'inspector'],
    });
    expect(rolesForPool('applicant', [])).toEqual({ roles: ['applicant'], ignored: [] });
    expect(rolesForPool('staff', [])).toEqual({ roles: [], ignored: [] });
  });
});

describe('principalFromEvent', () => {
  const withAuthorizer = (lambda: Record<string, unknown> | undefined) =>
    ({ requestContext: lambda ? { authorizer: { lambda } } : {} }) as unknown as APIGatewayProxyEventV2;

  it('reads the principal the Lambda authorizer returned', () => {
    const context = authorizerContext({ sub: 's-1', username: 'Li', roles: ['admin', 'inspector'] }, 'staff');
    expect(principalFromEvent(withAuthorizer({ ...context }))).toEqual({
      sub: 's-1',
      username: 'Li',
      roles: ['admin', 'inspector'],
    });
  });

  it('drops roles of the other pool, and every role without a known pool', () => {
    const applicant = { sub: 'a-1', username: 'a', roles: 'applicant admin', pool: 'applicant' };
    expect(principalFromEvent(withAuthorizer(applicant))?.roles).toEqual(['applicant']);
    expect(principalFromEvent(withAuthorizer({ ...applicant, pool: 'staff' }))?.roles).toEqual(['admin']);
    expect(principalFromEvent(withAuthorizer({ ...applicant, pool: undefined }))?.roles).toEqual([]);
    expect(principalFromEvent(withAuthorizer({ ...applicant, pool: 'root' }))?.roles).toEqual([]);
  });

  it('is null without an authorizer or a sub (public routes); the username falls back to the sub', () => {
    expect(principalFromEvent(withAuthorizer(undefined))).toBeNull();
    expect(principalFromEvent(withAuthorizer({ sub: '', roles: 'admin', pool: 'staff' }))).toBeNull();
    // The JWT authorizer's field is no longer read: only the Lambda authorizer vouches for a caller.
    const jwt = {
      requestContext: { authorizer: { jwt: { claims: { sub: 'x', 'cognito:groups': '[admin]' } } } },
    };
    expect(principalFromEvent(jwt as unknown as APIGatewayProxyEventV2)).toBeNull();
    expect(principalFromEvent(withAuthorizer({ sub: 'x', roles: '', pool: 'staff' }))).toEqual({
      sub: 'x',
      username: 'x',
      roles: [],
    });
  });
});
