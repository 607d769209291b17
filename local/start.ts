/**
 * `npm start`: the whole system locally, with demo data, printing where to look.
 *   --fresh        wipe the data folder first
 *   --no-seed      start without demo data
 * Ports: PORT (API, 3000), DYNAMODB_PORT (8000), S3_PORT (4569), SFN_PORT (8083); SCHEDULER_PORT and
 * COGNITO_PORT (the local Cognito user pools API, `npm run users`) default to free ports.
 * Data: ESIP_DATA_DIR (default .local/data). Once up it writes <data dir>/stack.json (API URL,
 * ports, pid, start time) so that `npm run token` and `npm run fire` find it on any port
 * (local/stack-state.ts), and removes it when stopped with Ctrl-C or SIGTERM.
 */
import { rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { PreflightError } from './preflight.ts';
import { seedDemo } from './seed.ts';
import { startLocalStack } from './stack.ts';
import { dataDirFrom, removeStackState, stateFileIn, writeStackState } from './stack-state.ts';
import { buildWeb } from './web.ts';

const { values } = parseArgs({
  options: { fresh: { type: 'boolean', default: false }, 'no-seed': { type: 'boolean', default: false } },
});
const port = (name: string, fallback: number) => (process.env[name] ? Number(process.env[name]) : fallback);
const dataDir = dataDirFrom();

const started = performance.now();
if (values.fresh) {
  rmSync(dataDir, { recursive: true, force: true });
  console.log(`--fresh: wiped ${dataDir}`);
}

try {
  // The console (web/): rebuilt only when web/dist is missing or older than its sources (~3 s).
  await buildWeb({ log: (line) => console.log(`  ${line}`) });
  const stack = await startLocalStack({
    console: true,
    dataDir,
    ports: {
      api: port('PORT', 3000),
      dynamodb: port('DYNAMODB_PORT', 8000),
      s3: port('S3_PORT', 4569),
      sfn: port('SFN_PORT', 8083),
    },
    log: (line) => console.log(`  ${line}`),
  });
  const seeded = values['no-seed'] ? [] : await seedDemo(stack);
  const tokens: [string, string][] = [];
  for (const role of ['admin', 'applicant', 'reviewer', 'inspector', 'inspection-office'] as const) {
    tokens.push([role, await stack.token({ sub: `dev-${role}`, username: `dev-${role}`, roles: [role] })]);
  }
  tokens.push([
    'society',
    await stack.token({ sub: 'dev-society', username: 'dev-society', roles: ['applicant'] }),
  ]);
  const api = stack.urls.api;
  const portOf = (url: string) => Number(new URL(url).port);
  writeStackState(dataDir, {
    apiUrl: api,
    ports: Object.fromEntries(Object.entries(stack.urls).map(([name, url]) => [name, portOf(url)])),
    pid: process.pid,
    startedAt: new Date().toISOString(),
    dataDir,
    cognito: { endpoint: stack.urls.cognito, poolIds: stack.cognito.poolIds },
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`
Enterprise–Society Collaborative Innovation Programme (企会协作创新计划) — local stack up in ${seconds}s

  Console         ${api}/            (sign in as a demo user: dev-applicant, dev-society, dev-admin, …)
  API             ${api}/v1            (health: ${api}/v1/health, ready: ${api}/v1/health/ready, OpenAPI: ${api}/v1/openapi.json)
  DynamoDB Local  ${stack.urls.dynamodb}   S3 (s3rver) ${stack.urls.s3}   Step Functions ${stack.urls.sfn}
  Data            ${dataDir}  (npm start -- --fresh wipes it)
  State file      ${stateFileIn(dataDir)}  (npm run token / fire find this stack by it)
  Schedules       GET ${api}/local/schedules · fire one now: npm run fire -- deadline-sweep
  Executions      GET ${api}/local/executions · POST ${api}/local/executions/skip-waits
  Mail            GET ${api}/local/mail  (every notification mailed; SMTP catcher ${stack.urls.mail})
${seeded.map((line) => `  Demo            ${line}`).join('\n')}

Dev tokens (12 h; more with: npm run token -- <role> [sub]; 'society' acts for the demo society;
staff roles come from the staff pool, applicants from the applicant pool):
${tokens.map(([role, token]) => `  ${role.padEnd(10)} ${token}`).join('\n')}

Try (in another shell):
  curl -s ${api}/v1/health/ready
  curl -s ${api}/v1/rounds
  APPLICANT=$(npm run -s token -- applicant dev-applicant)
  curl -s -H "Authorization: Bearer $APPLICANT" ${api}/v1/alliances
  npm run demo -- --url ${api}     (a whole 40-alliance round through this stack)
Ctrl-C stops everything.`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping…`);
    removeStackState(dataDir);
    await stack.stop();
    console.log('stopped.');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
} catch (error) {
  if (error instanceof PreflightError) {
    console.error(`✖ ${error.message}`);
    process.exit(1);
  }
  throw error;
}
