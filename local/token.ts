/**
 * `npm run token -- <role>[,<role>…] [sub]`: a dev token from the running local stack, minted by the
 * stand-in of the pool the roles belong to: staff roles (admin, reviewer, inspector, …) by the staff
 * pool (MFA required on AWS), `applicant` by the applicant pool. Roles of both pools are refused.
 */
const [role = 'admin', sub = `dev-${role}`] = process.argv.slice(2);
const api = process.env.ESIP_API_URL ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`;
const res = await fetch(`${api}/local/token`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ sub, username: sub, roles: role.split(',') }),
}).catch(() => undefined);
if (!res) {
  console.error(`✖ no local stack answers at ${api}: start it with npm start`);
  process.exit(1);
}
const body = (await res.json()) as { token?: string; error?: { message: string } };
if (!res.ok || !body.token) {
  console.error(`✖ ${body.error?.message ?? res.statusText}`);
  process.exit(1);
}
console.log(body.token);
