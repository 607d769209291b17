/**
 * The local stand-in for Cognito's managed login: OIDC authorization code with PKCE (S256), the flow
 * the console (web/) uses on AWS against the user pool, here against the local issuers (local/jwt.ts).
 *
 *   GET  /local/oidc/authorize?response_type=code&client_id&redirect_uri&state&code_challenge
 *        &code_challenge_method=S256   a sign-in page listing the demo users (one button each)
 *   POST /local/oidc/authorize        (the page's form) → 302 <redirect_uri>?code=…&state=…
 *   POST /local/oidc/token            application/x-www-form-urlencoded grant_type=authorization_code,
 *        code, code_verifier, redirect_uri, client_id → {"id_token", "access_token", "token_type",
 *        "expires_in"}; a wrong verifier, a used or expired code, another redirect_uri → 400
 *        {"error": "invalid_grant"} (RFC 6749 §5.2). Codes are single use and live 60 s.
 *
 * Redirect URIs must be on the local API's own origin (the console is served there). No password:
 * this is a development stand-in, never deployed.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Role } from '../shared/api/routes.ts';

export interface DemoUser {
  sub: string;
  username: string;
  roles: Role[];
  /** Shown on the sign-in page. */
  label: string;
}

export interface LocalOidcOptions {
  /** The local API's origin, e.g. http://127.0.0.1:3000: redirect URIs must be on it. */
  baseUrl: string;
  users: readonly DemoUser[];
  /** Mints the ID token for a user (the local issuers' sign). */
  sign: (user: { sub: string; username: string; roles: Role[] }) => Promise<string>;
  /** The client id the console uses (default LOCAL_CONSOLE_CLIENT_ID). */
  clientId?: string;
  now?: () => number;
}

export const OIDC_PREFIX = '/local/oidc';
const CODE_TTL_MS = 60_000;
const TOKEN_TTL_SECONDS = 12 * 3600;

export const SIGN_IN_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

interface PendingCode {
  user: DemoUser;
  clientId: string;
  redirectUri: string;
  challenge: string;
  expires: number;
}

/** S256 as the authorization server checks it (RFC 7636 §4.6). */
export const s256 = (verifier: string) => createHash('sha256').update(verifier, 'ascii').digest('base64url');

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function createLocalOidc(options: LocalOidcOptions) {
  const codes = new Map<string, PendingCode>();
  const clientId = options.clientId ?? LOCAL_CONSOLE_CLIENT_ID;
  const now = options.now ?? Date.now;
  const origin = new URL(options.baseUrl).origin;

  type Params = Record<string, string>;
  function checkAuthorizeParams(p: Params): string | undefined {
    if (p.response_type !== 'code') return 'response_type must be code';
    if (p.client_id !== clientId) return 'unknown client_id';
    let redirect: URL;
    try {
      redirect = new URL(p.redirect_uri ?? '');
    } catch {
      return 'redirect_uri is not a URL';
    }
    if (redirect.origin !== origin) return `redirect_uri must be on ${origin}`;
    if (p.code_challenge_method !== 'S256') return 'code_challenge_method must be S256';
    if (!/^[A-Za-z0-9_-]{43}$/.test(p.code_challenge ?? '')) return 'code_challenge is not an S256 challenge';
    return undefined;
  }

  function signInPage(p: Params): string {
    const hidden = [
      'response_type',
      'client_id',
      'redirect_uri',
      'state',
      'code_challenge',
      'code_challenge_method',
    ]
      .map((k) => `<input type="hidden" name="${k}" value="${escapeHtml(p[k] ?? '')}">`)
      .join('');
    const buttons = options.users
      .map(
        (u) =>
          `<li><button type="submit" name="username" value="${escapeHtml(u.username)}">${escapeHtml(u.label)}<br><small>${escapeHtml(u.username)} · ${escapeHtml(u.roles.join(', '))}</small></button></li>`,
      )
      .join('');
    return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>本地登录 · Local sign-in</title><style>
body{font-family:system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem;color:#1f1f1f}
ul{list-style:none;padding:0}li{margin:.5rem 0}button{width:100%;text-align:left;padding:.75rem;font-size:1rem;border:1px solid #8c8c8c;border-radius:6px;background:#fff;cursor:pointer}
button:hover,button:focus{border-color:#0958d9;outline:2px solid #0958d9}small{color:#434343}
</style></head><body><main><h1>本地登录 <small>Local sign-in</small></h1>
<p>选择一个演示用户（仅本地开发环境）。Choose a demo user (local stack only).</p>
<form method="post" action="${OIDC_PREFIX}/authorize">${hidden}<ul>${buttons}</ul></form></main></body></html>`;
  }

  const params = (body: Buffer | URLSearchParams): Params =>
    Object.fromEntries(body instanceof URLSearchParams ? body : new URLSearchParams(body.toString('utf8')));

  /** Exchanges a code (RFC 6749 §4.1.3 + RFC 7636 §4.5); what the token endpoint answers. */
  async function exchange(p: Params): Promise<{ status: number; body: Record<string, unknown> }> {
    const refuse = (error: string, description: string) => ({
      status: 400,
      body: { error, error_description: description },
    });
    if (p.grant_type !== 'authorization_code')
      return refuse('unsupported_grant_type', 'authorization_code only');
    const pending = codes.get(p.code ?? '');
    if (!pending) return refuse('invalid_grant', 'unknown or used code');
    codes.delete(p.code!); // single use, whatever happens next
    if (pending.expires < now()) return refuse('invalid_grant', 'the code expired');
    if (p.redirect_uri !== pending.redirectUri) return refuse('invalid_grant', 'redirect_uri differs');
    if (p.client_id !== pending.clientId) return refuse('invalid_client', 'client_id differs');
    if (!p.code_verifier || s256(p.code_verifier) !== pending.challenge) {
      return refuse('invalid_grant', 'code_verifier does not match the code_challenge');
    }
    const { sub, username, roles } = pending.user;
    const token = await options.sign({ sub, username, roles });
    return {
      status: 200,
      body: { id_token: token, access_token: token, token_type: 'Bearer', expires_in: TOKEN_TTL_SECONDS },
    };
  }

  /** Issues a code for a user chosen on the page (exported for tests). */
  function authorize(p: Params): { location: string } | { error: string } {
    const problem = checkAuthorizeParams(p);
    if (problem) return { error: problem };
    const user = options.users.find((u) => u.username === p.username);
    if (!user) return { error: 'unknown user' };
    const code = randomBytes(24).toString('base64url');
    codes.set(code, {
      user,
      clientId: p.client_id!,
      redirectUri: p.redirect_uri!,
      challenge: p.code_challenge!,
      expires: now() + CODE_TTL_MS,
    });
    const location = new URL(p.redirect_uri!);
    location.searchParams.set('code', code);
    if (p.state) location.searchParams.set('state', p.state);
    return { location: location.toString() };
  }

  async function handle(req: IncomingMessage, res: ServerResponse, url: URL, body: Buffer): Promise<boolean> {
    const path = url.pathname;
    const noStore = { 'cache-control': 'no-store' };
    if (path === `${OIDC_PREFIX}/authorize` && (req.method === 'GET' || req.method === 'POST')) {
      const p = req.method === 'GET' ? params(url.searchParams) : params(body);
      if (req.method === 'GET') {
        const problem = checkAuthorizeParams(p);
        if (problem) {
          res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8', ...noStore });
          res.end(problem);
          return true;
        }
        res.writeHead(200, {
          'content-type': 'text/html; charset=utf-8',
          'content-security-policy': SIGN_IN_CSP,
          'x-content-type-options': 'nosniff',
          ...noStore,
        });
        res.end(signInPage(p));
        return true;
      }
      const result = authorize(p);
      if ('error' in result) {
        res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8', ...noStore });
        res.end(result.error);
      } else {
        res.writeHead(302, { location: result.location, ...noStore });
        res.end();
      }
      return true;
    }
    if (path === `${OIDC_PREFIX}/token` && req.method === 'POST') {
      const { status, body: answer } = await exchange(params(body));
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...noStore });
      res.end(JSON.stringify(answer));
      return true;
    }
    return false;
  }

  return {
    handle,
    authorize,
    exchange,
    /** What the console's /config.json says of the OIDC client (local/web.ts). */
    consoleConfig: {
      authorizeUrl: `${options.baseUrl}${OIDC_PREFIX}/authorize`,
      tokenUrl: `${options.baseUrl}${OIDC_PREFIX}/token`,
      clientId,
      scope: 'openid',
    },
  };
}

/** The console's client id on the local stack. */
export const LOCAL_CONSOLE_CLIENT_ID = 'esip-console-local';

/** The users the local sign-in page lists: those `npm start` prints tokens for (local/seed.ts's subs). */
export const DEMO_USERS: readonly DemoUser[] = [
  {
    sub: 'dev-applicant',
    username: 'dev-applicant',
    roles: ['applicant'],
    label: '申请单位（企业）Enterprise applicant',
  },
  {
    sub: 'dev-society',
    username: 'dev-society',
    roles: ['applicant'],
    label: '申请单位（学会）Society applicant',
  },
  {
    sub: 'dev-enterprise-2',
    username: 'dev-enterprise-2',
    roles: ['applicant'],
    label: '申请单位（另一家企业）Second enterprise applicant',
  },
  { sub: 'dev-admin', username: 'dev-admin', roles: ['admin'], label: '项目办 Programme office' },
  { sub: 'dev-reviewer', username: 'dev-reviewer', roles: ['reviewer'], label: '评审专家 Reviewer' },
  {
    sub: 'dev-reviewer-2',
    username: 'dev-reviewer-2',
    roles: ['reviewer'],
    label: '评审专家（另一位）Second reviewer',
  },
  { sub: 'dev-inspector', username: 'dev-inspector', roles: ['inspector'], label: '检查员 Inspector' },
];
