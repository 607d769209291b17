/** `npm run fire -- <schedule> [ISO time]`: fires a schedule of the running local stack now. */
const [name, at] = process.argv.slice(2);
const api = process.env.ESIP_API_URL ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`;
if (!name) {
  const res = await fetch(`${api}/local/schedules`).catch(() => undefined);
  if (!res) {
    console.error(`✖ no local stack answers at ${api}: start it with npm start`);
    process.exit(1);
  }
  const list = (await res.json()) as { friendlyName: string; expression: string; nextRun: string | null }[];
  console.log('usage: npm run fire -- <schedule> [ISO time]\n');
  for (const s of list)
    console.log(`  ${s.friendlyName.padEnd(18)} ${s.expression.padEnd(22)} next ${s.nextRun}`);
  process.exit(0);
}
const query = at ? `?at=${encodeURIComponent(at)}` : '';
const res = await fetch(`${api}/local/schedules/${encodeURIComponent(name)}/fire${query}`, {
  method: 'POST',
}).catch(() => undefined);
if (!res) {
  console.error(`✖ no local stack answers at ${api}: start it with npm start`);
  process.exit(1);
}
console.log(JSON.stringify(await res.json(), null, 2));
if (!res.ok) process.exit(1);
