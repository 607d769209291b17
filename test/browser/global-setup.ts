/** The browser project's setup: builds the console (web/dist) when it is missing or stale. */
export async function setup() {
  const { buildWeb } = await import('../../local/web.ts');
  await buildWeb({ log: (line) => console.log(line) });
}
