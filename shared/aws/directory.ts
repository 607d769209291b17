/**
 * The user directory: a person's e-mail address by their `sub`, from the Cognito user pools
 * (ListUsers with a `sub = "…"` filter; the pools in NOTIFY_DIRECTORY_POOLS, comma-separated).
 * Deployments without Cognito (identity=oidc) leave it unset: people's addresses then come from
 * their preferences (PUT /v1/me/preferences) or their sign-in name.
 */
import { CognitoIdentityProviderClient, ListUsersCommand } from '@aws-sdk/client-cognito-identity-provider';
import type { Directory } from '../usecases/delivery.ts';

export const DIRECTORY_POOLS_ENV = 'NOTIFY_DIRECTORY_POOLS';

export function cognitoDirectory(env: NodeJS.ProcessEnv = process.env): Directory | undefined {
  const pools = (env[DIRECTORY_POOLS_ENV] ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  if (pools.length === 0) return undefined;
  const client = new CognitoIdentityProviderClient({});
  // One lookup per person per container for a while: an organisation's people are mailed again and
  // again (every decision), and a changed address reaches the next container or the next 10 minutes.
  const cache = new Map<string, { email: string | undefined; until: number }>();
  const lookup = async (sub: string) => {
    for (const UserPoolId of pools) {
      const out = await client.send(
        new ListUsersCommand({
          UserPoolId,
          Filter: `sub = "${sub}"`,
          Limit: 1,
          AttributesToGet: ['email'],
        }),
      );
      const email = out.Users?.[0]?.Attributes?.find((a) => a.Name === 'email')?.Value;
      if (email) return email;
    }
    return undefined;
  };
  return {
    async emailOf(sub: string) {
      if (!/^[\w-]+$/.test(sub)) return undefined; // never build a filter from anything else
      const hit = cache.get(sub);
      if (hit && hit.until > Date.now()) return hit.email;
      const email = await lookup(sub);
      cache.set(sub, { email, until: Date.now() + 10 * 60_000 });
      return email;
    },
  };
}
