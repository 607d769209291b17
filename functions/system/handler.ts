/**
 * Public system routes: liveness (the function answers; no dependency is asked), readiness (are
 * DynamoDB, S3 and the workflow runner reachable? cached per instance: shared/usecases/health.ts)
 * and OpenAPI.
 */
import pkg from '../../package.json' with { type: 'json' };
import { buildOpenApi } from '../../shared/api/openapi.ts';
import { routes } from '../../shared/api/routes.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { checkReadiness } from '../../shared/usecases/health.ts';

let openApiDocument: string | undefined;

const noStore = { 'cache-control': 'no-store' };

export const handler = httpHandler(
  'system',
  {
    async getHealth() {
      return {
        headers: noStore,
        body: { status: 'ok', time: new Date().toISOString(), version: pkg.version },
      };
    },

    async getReadiness() {
      const { healthy, checkedAt, components } = await checkReadiness();
      return {
        status: healthy ? 200 : 503,
        headers: noStore,
        body: {
          status: healthy ? 'ok' : 'degraded',
          time: new Date().toISOString(),
          version: pkg.version,
          checkedAt,
          components,
        },
      };
    },

    async getOpenApi() {
      openApiDocument ??= JSON.stringify(buildOpenApi());
      return { raw: openApiDocument, headers: { 'content-type': 'application/json; charset=utf-8' } };
    },
  },
  // The whole table: this function also answers `$default` (404, or 405 naming the methods).
  { routes },
);
