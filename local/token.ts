/**
 * `npm run token -- <role>[,<role>…] [sub]`: a dev token from the running local stack, minted by the
 * stand-in of the pool the roles belong to: staff roles (admin, reviewer, inspector, …) by the staff
 * pool (MFA required on AWS), `applicant` by the applicant pool. Roles of both pools are refused.
 * The stack is found as local/stack-state.ts says (ESIP_API_URL, npm start's state file, PORT,
 * 3000). It prints the token alone on stdout, or nothing there and a one-line error on stderr with
 * exit status 1, so `ADMIN=$(npm run -s token -- admin) || …` never carries on with an empty token.
 */
import { findStackOrExit } from './stack-state.ts';

const [role = 'admin', sub = `dev-${role}`] = process.argv.slice(2);
const api = await findStackOrExit();
const res = await fetch(`${api}/local/token`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ sub, username: sub, roles: role.split(',') }),
}).catch(() => undefined);
if (!res) {
  console.error(`✖ the local stack at ${api} stopped answering: start it again with npm start`);
  process.exit(1);
}
const body = (await res.json().catch(() => ({}))) as { token?: string; error?: { message: string } };
if (!res.ok || !body.token) {
  console.error(`✖ ${api}/local/token: ${body.error?.message ?? `HTTP ${res.status} ${res.statusText}`}`);
  process.exit(1);
}
console.log(body.token);
