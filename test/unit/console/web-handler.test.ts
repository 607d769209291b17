/** local/web.ts: the console's static files, SPA fallback, /config.json and CSP on the local API server. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_CSP, createWebHandler } from '../../../local/web.ts';

let base = '';
const server = createServer();

beforeAll(async () => {
  const dist = mkdtempSync(join(tmpdir(), 'web-dist-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>console</title>');
  writeFileSync(join(dist, 'assets', 'app.js'), 'console.log(1)');
  const handle = createWebHandler({
    distDir: dist,
    config: { oidc: { authorizeUrl: 'a', tokenUrl: 't', clientId: 'c', scope: 'openid' } },
  });
  server.on('request', async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!(await handle(req, res, url))) {
      res.writeHead(404);
      res.end('api');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('the console on the local API server', () => {
  it('serves index.html with the CSP at / and for SPA routes, assets as immutable', async () => {
    for (const path of ['/', '/alliances/abc']) {
      const res = await fetch(base + path);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-security-policy')).toBe(CONSOLE_CSP);
      expect(await res.text()).toContain('<title>console</title>');
    }
    const js = await fetch(`${base}/assets/app.js`);
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(js.headers.get('cache-control')).toContain('immutable');
  });

  it('serves /config.json and leaves /v1, /local, missing assets, traversal and POSTs to the API', async () => {
    expect(await (await fetch(`${base}/config.json`)).json()).toMatchObject({ oidc: { clientId: 'c' } });
    for (const path of ['/v1/health', '/local/schedules', '/assets/missing.js', '/%E0%A4%A']) {
      expect(await (await fetch(base + path)).text(), path).toBe('api');
    }
    expect((await fetch(`${base}/`, { method: 'POST' })).status).toBe(404);
    // Never a file outside dist: `..` (even %-escaped) is left to the API or ends in index.html.
    const escaped = await fetch(`${base}/assets/..%2f..%2f..%2f..%2fetc%2fhostname`);
    expect(await escaped.text()).toMatch(/^(api|<!doctype html><title>console<\/title>)$/);
  });
});
