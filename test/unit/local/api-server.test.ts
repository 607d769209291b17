/**
 * The local API server runs the HTTP API's Lambda authorizer the way API Gateway does: found in the
 * template, skipped without the identity header, its answers mapped to 401/403/500, its context
 * handed to the integration, its result cached per identity. The functions are stand-ins here (the
 * real authorizer: test/unit/functions/authorizer.test.ts and test/integration/auth.test.ts).
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createApiServer,
  httpAuthorizerFromTemplate,
  type LocalAuthorizer,
} from '../../../local/api-server.ts';
import type { CfnTemplate } from '../../../local/template.ts';

const template = (props: Record<string, unknown> = {}): CfnTemplate => ({
  Resources: {
    AuthFn123: { Type: 'AWS::Lambda::Function', Properties: {} },
    ApiAuthorizerABC: {
      Type: 'AWS::ApiGatewayV2::Authorizer',
      Properties: {
        AuthorizerType: 'REQUEST',
        EnableSimpleResponses: true,
        AuthorizerPayloadFormatVersion: '2.0',
        IdentitySource: ['$request.header.Authorization'],
        AuthorizerResultTtlInSeconds: 300,
        AuthorizerUri: {
          'Fn::Join': [
            '',
            [
              'arn:aws:apigateway:',
              { Ref: 'AWS::Region' },
              ':lambda:path/2015-03-31/functions/',
              { 'Fn::GetAtt': ['AuthFn123', 'Arn'] },
              '/invocations',
            ],
          ],
        },
        ...props,
      },
    },
  },
});

describe('httpAuthorizerFromTemplate', () => {
  it('reads the function, the identity headers and the cache TTL', () => {
    expect(httpAuthorizerFromTemplate(template())).toEqual({
      functionId: 'AuthFn123',
      identityHeaders: ['authorization'],
      ttlSeconds: 300,
    });
  });

  it('refuses what the server does not emulate', () => {
    expect(() => httpAuthorizerFromTemplate({ Resources: {} })).toThrow(/one HTTP API authorizer/);
    expect(() => httpAuthorizerFromTemplate(template({ AuthorizerType: 'JWT' }))).toThrow(/REQUEST/);
    expect(() => httpAuthorizerFromTemplate(template({ EnableSimpleResponses: false }))).toThrow(/simple/);
    expect(() =>
      httpAuthorizerFromTemplate(template({ IdentitySource: ['$request.querystring.t'] })),
    ).toThrow(/not a header/);
  });
});

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

const authorizer: LocalAuthorizer = {
  functionId: 'AuthFn123',
  identityHeaders: ['authorization'],
  ttlSeconds: 300,
};

/** A server whose authorizer answers with `decide`; records every invocation. */
async function serve(decide: (event: any) => unknown, options: { ttlSeconds?: number } = {}) {
  const calls: { target: string; event: any }[] = [];
  server = createApiServer({
    authorizer: { ...authorizer, ...options },
    invoke: async (target, event) => {
      calls.push({ target, event });
      if (target === 'AuthFn123') return decide(event);
      return {
        statusCode: 200,
        body: JSON.stringify({ authorizer: (event as any).requestContext.authorizer ?? null }),
      };
    },
    entryFor: (route) => (route === '$default' ? 'system' : route.fn),
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
  const get = async (path: string, headers: Record<string, string> = {}) => {
    const res = await fetch(`${base}${path}`, { headers });
    return { status: res.status, body: await res.json() };
  };
  const authorizerCalls = () => calls.filter((c) => c.target === 'AuthFn123');
  return { get, calls, authorizerCalls };
}

const ADMIN_ROUTE = '/v1/inspectors';
const context = { sub: 's', username: 'u', roles: 'admin', pool: 'staff' };

describe('the local API server’s authorizer', () => {
  it('hands the context to the integration as requestContext.authorizer.lambda; caches it per header', async () => {
    const api = await serve(() => ({ isAuthorized: true, context }));
    const first = await api.get(ADMIN_ROUTE, { authorization: 'Bearer t1' });
    expect(first).toEqual({ status: 200, body: { authorizer: { lambda: context } } });
    await api.get(ADMIN_ROUTE, { authorization: 'Bearer t1' });
    await api.get(ADMIN_ROUTE, { authorization: 'Bearer t2' });
    expect(api.authorizerCalls().map((c) => c.event.identitySource)).toEqual([['Bearer t1'], ['Bearer t2']]);
    const event = api.authorizerCalls()[0]!.event;
    expect(event).toMatchObject({
      version: '2.0',
      type: 'REQUEST',
      routeKey: 'GET /v1/inspectors',
      rawPath: ADMIN_ROUTE,
    });
    expect(event.body).toBeUndefined();
  });

  it('does not cache when the TTL is 0', async () => {
    const api = await serve(() => ({ isAuthorized: true, context }), { ttlSeconds: 0 });
    await api.get(ADMIN_ROUTE, { authorization: 'Bearer t1' });
    await api.get(ADMIN_ROUTE, { authorization: 'Bearer t1' });
    expect(api.authorizerCalls()).toHaveLength(2);
  });

  it('401 without the identity header, without invoking the authorizer', async () => {
    const api = await serve(() => ({ isAuthorized: true, context }));
    expect(await api.get(ADMIN_ROUTE)).toEqual({ status: 401, body: { message: 'Unauthorized' } });
    expect(api.calls).toHaveLength(0);
  });

  it('401 for its Unauthorized error (never cached), 403 for isAuthorized false, 500 for anything else', async () => {
    let answer: () => unknown = () => {
      throw new Error('Unauthorized');
    };
    const api = await serve(() => answer());
    expect(await api.get(ADMIN_ROUTE, { authorization: 'Bearer x' })).toEqual({
      status: 401,
      body: { message: 'Unauthorized' },
    });
    expect(await api.get(ADMIN_ROUTE, { authorization: 'Bearer x' })).toMatchObject({ status: 401 });
    expect(api.authorizerCalls()).toHaveLength(2);
    answer = () => ({ isAuthorized: false });
    expect(await api.get(ADMIN_ROUTE, { authorization: 'Bearer y' })).toEqual({
      status: 403,
      body: { message: 'Forbidden' },
    });
    answer = () => {
      throw new Error('Failed to fetch JWKS');
    };
    expect(await api.get(ADMIN_ROUTE, { authorization: 'Bearer z' })).toEqual({
      status: 500,
      body: { message: 'Internal Server Error' },
    });
    answer = () => ({ principalId: 'an IAM-style answer' });
    expect(await api.get(ADMIN_ROUTE, { authorization: 'Bearer w' })).toMatchObject({ status: 500 });
    expect(api.calls.every((c) => c.target === 'AuthFn123')).toBe(true); // no integration ran
  });

  it('never runs for public routes', async () => {
    const api = await serve(() => ({ isAuthorized: true, context }));
    expect((await api.get('/v1/health', { authorization: 'Bearer anything' })).status).toBe(200);
    expect(api.authorizerCalls()).toHaveLength(0);
  });
});
