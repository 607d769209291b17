/**
 * The HTTP API, built from the route table (shared/api/routes.ts): one route per entry, each
 * integrated with its route group's Lambda; the Lambda authorizer (functions/authorizer/handler.ts,
 * tokens of the staff and the applicant user pool) on every route that is not public; throttling on
 * the default stage, tighter on the public routes; JSON access logs.
 */
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaAuthorizer, HttpLambdaResponseType } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { type RouteDef, type RouteGroup, routes } from '../../shared/api/routes.ts';
import { acknowledge } from '../nag.ts';

/** Stage-wide throttling (requests per second, burst). */
export const DEFAULT_THROTTLE = { rateLimit: 50, burstLimit: 100 } as const;
/**
 * How long API Gateway keeps an authorizer result per Authorization header: repeated requests with
 * one token skip the authorizer. A token that expires meanwhile is still accepted until its cached
 * result runs out (at most this long after its `exp`).
 */
export const AUTHORIZER_CACHE_TTL = Duration.minutes(5);

/** Per-route throttling of the public (unauthenticated) routes. */
export const PUBLIC_ROUTE_THROTTLE = { rateLimit: 10, burstLimit: 20 } as const;

/** Construct id of a route, from its operationId (stable, so logical ids are stable too). */
export const routeConstructId = (route: Pick<RouteDef, 'operationId'>) => `Route${pascal(route.operationId)}`;

export interface RouteTableApiProps {
  readonly functions: Record<RouteGroup, lambda.IFunction>;
  /** The Lambda authorizer: verifies the bearer token and returns the principal (simple responses). */
  readonly authorizer: lambda.IFunction;
  /** CORS allowed origins; default any. */
  readonly allowOrigins?: string[];
}

export class RouteTableApi extends Construct {
  readonly api: apigw.HttpApi;
  readonly stage: apigw.HttpStage;
  readonly accessLogs: logs.LogGroup;
  readonly routes: apigw.HttpRoute[] = [];

  constructor(scope: Construct, id: string, props: RouteTableApiProps) {
    super(scope, id);

    this.api = new apigw.HttpApi(this, 'HttpApi', {
      description: 'ESIP — innovation-funding programme API (/v1)',
      createDefaultStage: false,
      corsPreflight: {
        allowOrigins: props.allowOrigins ?? ['*'],
        allowMethods: [
          apigw.CorsHttpMethod.GET,
          apigw.CorsHttpMethod.POST,
          apigw.CorsHttpMethod.PUT,
          apigw.CorsHttpMethod.PATCH,
          apigw.CorsHttpMethod.DELETE,
          apigw.CorsHttpMethod.OPTIONS,
        ],
        allowHeaders: ['authorization', 'content-type', 'accept-language', 'idempotency-key', 'if-match'],
        exposeHeaders: [
          'etag',
          'location',
          'retry-after',
          'x-request-id',
          'idempotent-replayed',
          'content-language',
        ],
        // Bearer tokens in the Authorization header, no cookies: credentials stay off.
        allowCredentials: false,
        maxAge: Duration.hours(1),
      },
    });

    // One authorizer for both user pools (a JWT authorizer takes a single issuer). A request without
    // an Authorization header gets 401 without invoking it; its thrown `Unauthorized` is a 401 too.
    const authorizer = new HttpLambdaAuthorizer('UserPoolsAuthorizer', props.authorizer, {
      authorizerName: 'esip-user-pools',
      responseTypes: [HttpLambdaResponseType.SIMPLE],
      identitySource: ['$request.header.Authorization'],
      resultsCacheTtl: AUTHORIZER_CACHE_TTL,
    });

    // One integration per route group. The invoke permission is scoped to this API rather than to
    // each route: one Lambda serves dozens of routes and per-route permissions would crowd its
    // resource policy (20 KB limit); the handler's router rejects routes that are not its own.
    const integrations = new Map<RouteGroup, HttpLambdaIntegration>();
    const integrationFor = (group: RouteGroup) => {
      let integration = integrations.get(group);
      if (!integration) {
        integration = new HttpLambdaIntegration(`${pascal(group)}Integration`, props.functions[group], {
          payloadFormatVersion: apigw.PayloadFormatVersion.VERSION_2_0,
          scopePermissionToRoute: false,
        });
        integrations.set(group, integration);
      }
      return integration;
    };

    const publicRoutes: apigw.HttpRoute[] = [];
    for (const route of routes as readonly RouteDef[]) {
      const isPublic = route.auth === 'public';
      const httpRoute = new apigw.HttpRoute(this, routeConstructId(route), {
        httpApi: this.api,
        routeKey: apigw.HttpRouteKey.with(route.path, apigw.HttpMethod[route.method]),
        integration: integrationFor(route.fn),
        ...(isPublic ? {} : { authorizer }),
      });
      this.routes.push(httpRoute);
      if (isPublic) {
        publicRoutes.push(httpRoute);
        acknowledge(httpRoute, 'AwsSolutions-APIG4', [
          `${route.method} ${route.path} is public by design (shared/api/routes.ts: auth 'public' —`,
          'health, OpenAPI document, published notice, objections); it is throttled per route on the stage.',
        ]);
      }
    }

    // Requests no route matches go to the system function, which answers 404/405 in the documented
    // error shape (API Gateway's own would be {"message":"Not Found"}). The local server does the same.
    const defaultRoute = new apigw.HttpRoute(this, 'RouteDefault', {
      httpApi: this.api,
      routeKey: apigw.HttpRouteKey.DEFAULT,
      integration: integrationFor('system'),
    });
    this.routes.push(defaultRoute);
    publicRoutes.push(defaultRoute);
    acknowledge(defaultRoute, 'AwsSolutions-APIG4', [
      'The $default route only renders 404/405 errors for unmatched requests; it reads and changes',
      'nothing, and is throttled like the other public routes.',
    ]);

    this.accessLogs = new logs.LogGroup(this, 'AccessLogs', {
      retention: logs.RetentionDays.ONE_YEAR,
      removalPolicy: RemovalPolicy.DESTROY,
    });

    this.stage = new apigw.HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: { ...DEFAULT_THROTTLE },
      accessLogSettings: {
        destination: new apigw.LogGroupLogDestination(this.accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            requestTime: '$context.requestTimeEpoch',
            ip: '$context.identity.sourceIp',
            method: '$context.httpMethod',
            path: '$context.path',
            routeKey: '$context.routeKey',
            status: '$context.status',
            protocol: '$context.protocol',
            responseLength: '$context.responseLength',
            latency: '$context.responseLatency',
            integrationLatency: '$context.integrationLatency',
            integrationError: '$context.integrationErrorMessage',
            authorizerError: '$context.authorizer.error',
            sub: '$context.authorizer.sub',
            pool: '$context.authorizer.pool',
            userAgent: '$context.identity.userAgent',
          }),
        ),
      },
    });

    // Per-route throttling of the public routes. The L2 stage has no route settings, so they go on
    // the L1 resource; the stage must be created after the routes it names.
    const cfnStage = this.stage.node.defaultChild as apigw.CfnStage;
    cfnStage.routeSettings = Object.fromEntries(
      [
        ...(routes as readonly RouteDef[])
          .filter((route) => route.auth === 'public')
          .map((r) => `${r.method} ${r.path}`),
        '$default',
      ].map((key) => [
        key,
        {
          ThrottlingRateLimit: PUBLIC_ROUTE_THROTTLE.rateLimit,
          ThrottlingBurstLimit: PUBLIC_ROUTE_THROTTLE.burstLimit,
        },
      ]),
    );
    for (const route of publicRoutes) this.stage.node.addDependency(route);
  }

  /** https://<api-id>.execute-api.<region>.amazonaws.com/ */
  get url(): string {
    return this.stage.url;
  }
}

function pascal(text: string): string {
  return text
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
}
