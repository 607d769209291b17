import { buildApp, ConfigError } from './build.ts';

// The console's build (web/dist) is what Esip-App deploys to the web bucket: brought up to date
// here, as `npm start` does (Vite, only when web/ or openapi.json changed since the last build), so
// `npx cdk synth` / `cdk deploy` on a fresh clone needs no extra command. Not with -c console=false
// or -c consoleDist=<a build of your own>.
const context = (key: string) =>
  process.env.CDK_CONTEXT_JSON
    ? (JSON.parse(process.env.CDK_CONTEXT_JSON) as Record<string, unknown>)[key]
    : undefined;
if (String(context('console') ?? 'true') !== 'false' && context('consoleDist') === undefined) {
  const { buildWeb } = await import('../local/web.ts');
  await buildWeb({ log: (line) => console.error(`esip: ${line}`) });
}

try {
  buildApp();
} catch (error) {
  // A bad -c value (an address, a region, a limit): the message says what to fix, no stack trace.
  if (!(error instanceof ConfigError)) throw error;
  console.error(`esip: ${error.message}`);
  process.exit(1);
}
