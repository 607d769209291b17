/** Public system routes: health (are DynamoDB, S3 and the workflow runner reachable?) and OpenAPI. */
import pkg from '../../package.json' with { type: 'json' };
import { buildOpenApi } from '../../shared/api/openapi.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { checkHealth } from '../../shared/usecases/health.ts';

let openApiDocument: string | undefined;

export const handler = httpHandler('system', {
  async getHealth() {
    const { healthy, components } = await checkHealth();
    return {
      status: healthy ? 200 : 503,
      headers: { 'cache-control': 'no-store' },
      body: {
        status: healthy ? 'ok' : 'degraded',
        time: new Date().toISOString(),
        version: pkg.version,
        components,
      },
    };
  },

  async getOpenApi() {
    openApiDocument ??= JSON.stringify(buildOpenApi());
    return { raw: openApiDocument, headers: { 'content-type': 'application/json; charset=utf-8' } };
  },
});
