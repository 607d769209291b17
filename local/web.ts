/**
 * The console (web/) on the local stack: built when web/dist is missing or older than its sources,
 * then served by the local API server on the API's own origin (as CloudFront serves it on AWS):
 * static files from web/dist, `GET /config.json` (the runtime configuration: OIDC endpoints and
 * client id — on AWS infra writes the same file next to the app), and index.html for any other
 * GET that is not under /v1/ or /local/ (the SPA's own routes). HTML carries CONSOLE_CSP.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const WEB_ROOT = resolve(fileURLToPath(new URL('../web/', import.meta.url)));
export const WEB_DIST = join(WEB_ROOT, 'dist');
export const WEB_SCHEMA = join(WEB_ROOT, 'src', 'api', 'schema.d.ts');
const OPENAPI_JSON = resolve(WEB_ROOT, '..', 'openapi.json');

/**
 * What the console's HTML may load: its own scripts, antd's runtime styles, the API on the same
 * origin, and the documents bucket's origin(s) the browser POSTs presigned uploads to (locally
 * s3rver on its own port; on AWS the bucket's regional endpoint, e.g.
 * https://<bucket>.s3.<region>.amazonaws.com).
 */
export function consoleCsp(uploadOrigins: readonly string[] = []): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    ["connect-src 'self'", ...uploadOrigins].join(' '),
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}
export const CONSOLE_CSP = consoleCsp();

/** The runtime configuration the console reads at /config.json. */
export interface ConsoleConfig {
  oidc: { authorizeUrl: string; tokenUrl: string; clientId: string; scope: string };
}

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of readdirSync(path)) {
    if (name === 'dist' || name === 'node_modules') continue;
    newest = Math.max(newest, newestMtime(join(path, name)));
  }
  return newest;
}

/** True when web/dist is missing or older than web/'s sources or openapi.json. */
export function webIsStale(): boolean {
  const index = join(WEB_DIST, 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  return newestMtime(WEB_ROOT) > built || statSync(OPENAPI_JSON).mtimeMs > built;
}

/** The typed client's types, from openapi.json (openapi-typescript). */
export async function generateSchemaTypes(): Promise<string> {
  const { default: openapiTS, astToString } = await import('openapi-typescript');
  const ast = await openapiTS(JSON.parse(readFileSync(OPENAPI_JSON, 'utf8')));
  return `// Generated from openapi.json by openapi-typescript (local/web.ts): do not edit.\n${astToString(ast)}`;
}

/** Regenerates web/src/api/schema.d.ts (only written when it changed), then runs the Vite build. */
export async function buildWeb(options: { force?: boolean; log?: (line: string) => void } = {}) {
  if (!options.force && !webIsStale()) return { built: false, ms: 0 };
  const started = performance.now();
  const schema = await generateSchemaTypes();
  if (!existsSync(WEB_SCHEMA) || readFileSync(WEB_SCHEMA, 'utf8') !== schema)
    writeFileSync(WEB_SCHEMA, schema);
  const { build } = await import('vite');
  // A production build (production React and antd, no dev warnings) whatever NODE_ENV the caller
  // runs with (vitest sets `test`, which would make Vite emit development JSX).
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      root: WEB_ROOT,
      configFile: join(WEB_ROOT, 'vite.config.ts'),
      logLevel: 'warn',
      mode: 'production',
    });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  const ms = Math.round(performance.now() - started);
  options.log?.(`console built in ${ms} ms (web/dist)`);
  return { built: true, ms };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** The static handler for the API server (local/api-server.ts `web`): true when it answered. */
export function createWebHandler(options: {
  distDir?: string;
  config: ConsoleConfig;
  /** Origins of the presigned uploads (connect-src), e.g. s3rver's http://127.0.0.1:<port>. */
  uploadOrigins?: readonly string[];
}) {
  const dist = options.distDir ?? WEB_DIST;
  const csp = consoleCsp(options.uploadOrigins);
  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const path = url.pathname;
    if (path.startsWith('/v1/') || path === '/v1' || path.startsWith('/local/')) return false;
    const common = { 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' };
    if (path === '/config.json') {
      res.writeHead(200, { 'content-type': TYPES['.json']!, 'cache-control': 'no-store', ...common });
      res.end(req.method === 'HEAD' ? undefined : JSON.stringify(options.config));
      return true;
    }
    let decoded: string;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      return false; // a malformed %-escape: the API's answer
    }
    let file = normalize(join(dist, decoded));
    if (!file.startsWith(dist + sep) && file !== dist) return false;
    const isAsset = existsSync(file) && statSync(file).isFile();
    if (!isAsset) {
      if (extname(path) && !path.endsWith('.html')) return false; // a missing asset: the API's 404
      file = join(dist, 'index.html');
      if (!existsSync(file)) return false;
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const html = type.startsWith('text/html');
    res.writeHead(200, {
      'content-type': type,
      // Hashed assets never change; the HTML always revalidates.
      'cache-control': html ? 'no-cache' : 'public, max-age=31536000, immutable',
      ...(html ? { 'content-security-policy': csp, 'x-frame-options': 'DENY' } : {}),
      ...common,
    });
    res.end(req.method === 'HEAD' ? undefined : readFileSync(file));
    return true;
  };
}
