/**
 * PKCE (RFC 7636) for the console's OIDC sign-in: a random code verifier and its S256 challenge,
 * base64url without padding. Web Crypto only, so the same module runs in the browser and in Node
 * (the unit tests check it against the RFC's example and against local/oidc.ts's check).
 */
const base64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

/** A code verifier: 32 random bytes → 43 characters of [A-Za-z0-9-_]. */
export function randomVerifier(byteLength = 32): string {
  return base64url(crypto.getRandomValues(new Uint8Array(byteLength)));
}

/** The S256 code challenge of a verifier: base64url(SHA-256(ASCII(verifier))). */
export async function challengeS256(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}
