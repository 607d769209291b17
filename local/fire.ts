/**
 * `npm run fire -- <schedule> [ISO time]`: fires a schedule of the running local stack now, as if
 * it were that time (default: now); the deadline sweep, for one, judges deadlines against it. With
 * no argument it lists the schedules. The stack is found as local/stack-state.ts says
 * (ESIP_API_URL, npm start's state file, PORT, 3000); when none answers: one line, exit status 1.
 */
import { findStackOrExit } from './stack-state.ts';

const [name, at] = process.argv.slice(2);
const api = await findStackOrExit();
if (!name) {
  const res = await fetch(`${api}/local/schedules`).catch(() => undefined);
  if (!res?.ok) {
    console.error(`✖ ${api}/local/schedules: ${res ? `HTTP ${res.status}` : 'no answer'}`);
    process.exit(1);
  }
  const list = (await res.json()) as { friendlyName: string; expression: string; nextRun: string | null }[];
  console.log(`usage: npm run fire -- <schedule> [ISO time]   (stack at ${api})\n`);
  for (const s of list)
    console.log(`  ${s.friendlyName.padEnd(18)} ${s.expression.padEnd(22)} next ${s.nextRun}`);
  process.exit(0);
}
if (at !== undefined && Number.isNaN(Date.parse(at))) {
  console.error(`✖ "${at}" is not an ISO time, e.g. 2027-05-01T00:00:00+08:00`);
  process.exit(1);
}
const query = at ? `?at=${encodeURIComponent(at)}` : '';
const res = await fetch(`${api}/local/schedules/${encodeURIComponent(name)}/fire${query}`, {
  method: 'POST',
}).catch(() => undefined);
if (!res) {
  console.error(`✖ the local stack at ${api} stopped answering: start it again with npm start`);
  process.exit(1);
}
console.log(JSON.stringify(await res.json(), null, 2));
if (!res.ok) process.exit(1);
