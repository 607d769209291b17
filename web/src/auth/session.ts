/**
 * Sign-in: OIDC authorization code with PKCE. The endpoints come from /config.json (written by the
 * local stack, or by infra on AWS for the Cognito user pool's managed login). The ID token is kept in
 * sessionStorage (gone with the tab); the verifier and state only for the round trip.
 */
import { challengeS256, randomVerifier } from './pkce.ts';

type OidcClient = { authorizeUrl: string; tokenUrl: string; clientId: string; scope: string };

/**
 * `oidc`: the default sign-in. On AWS (infra/constructs/console.ts) that is the applicant user
 * pool's managed login, and `signIn.staff` the staff pool's (MFA required): one client per pool.
 */
export interface ConsoleConfig {
  oidc: OidcClient;
  signIn?: { applicant: OidcClient; staff: OidcClient };
}

export type SignInPool = 'applicant' | 'staff';

const clientOf = (config: ConsoleConfig, pool: SignInPool | undefined): OidcClient =>
  (pool && config.signIn?.[pool]) || config.oidc;

const TOKEN_KEY = 'esip.token';
const FLOW_KEY = 'esip.pkce';

let configPromise: Promise<ConsoleConfig> | undefined;
export function loadConfig(): Promise<ConsoleConfig> {
  configPromise ??= fetch('/config.json').then((r) => {
    if (!r.ok) throw new Error(`config.json: HTTP ${r.status}`);
    return r.json() as Promise<ConsoleConfig>;
  });
  return configPromise;
}

const redirectUri = () => `${location.origin}/callback`;

export function currentToken(): string | undefined {
  const raw = sessionStorage.getItem(TOKEN_KEY);
  if (!raw) return undefined;
  const { token, expires } = JSON.parse(raw) as { token: string; expires: number };
  return expires > Date.now() ? token : undefined;
}

/** The claims of the current token (not verified here: the API verifies it). */
export function currentClaims(): { sub: string; username?: string; 'cognito:groups'?: string[] } | undefined {
  const token = currentToken();
  if (!token) return undefined;
  const payload = token.split('.')[1] ?? '';
  const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
  return JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0))));
}

export async function signIn(returnTo = '/', pool?: SignInPool): Promise<void> {
  const oidc = clientOf(await loadConfig(), pool);
  const verifier = randomVerifier();
  const state = randomVerifier(16);
  sessionStorage.setItem(FLOW_KEY, JSON.stringify({ verifier, state, returnTo, pool }));
  const url = new URL(oidc.authorizeUrl);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: oidc.clientId,
    redirect_uri: redirectUri(),
    scope: oidc.scope,
    state,
    code_challenge: await challengeS256(verifier),
    code_challenge_method: 'S256',
  }).toString();
  location.assign(url.toString());
}

/** Completes the flow on /callback: checks state, exchanges code + verifier; returns where to go. */
export async function completeSignIn(search: string): Promise<string> {
  const params = new URLSearchParams(search);
  const flow = JSON.parse(sessionStorage.getItem(FLOW_KEY) ?? 'null') as {
    verifier: string;
    state: string;
    returnTo: string;
    pool?: SignInPool;
  } | null;
  sessionStorage.removeItem(FLOW_KEY);
  if (!flow || params.get('state') !== flow.state) throw new Error('sign-in state mismatch');
  const code = params.get('code');
  if (!code) throw new Error(params.get('error') ?? 'no code');
  const oidc = clientOf(await loadConfig(), flow.pool);
  const response = await fetch(oidc.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      code_verifier: flow.verifier,
      redirect_uri: redirectUri(),
      client_id: oidc.clientId,
    }),
  });
  const body = (await response.json()) as { id_token?: string; expires_in?: number; error?: string };
  if (!response.ok || !body.id_token) throw new Error(body.error ?? `token: HTTP ${response.status}`);
  sessionStorage.setItem(
    TOKEN_KEY,
    JSON.stringify({ token: body.id_token, expires: Date.now() + (body.expires_in ?? 3600) * 1000 }),
  );
  return flow.returnTo;
}

export function signOut() {
  sessionStorage.removeItem(TOKEN_KEY);
}
