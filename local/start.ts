/**
 * `npm start`: the whole system locally, with demo data, printing where to look.
 *   --fresh        wipe the data folder first
 *   --no-seed      start without demo data
 * Ports: PORT (API, 3000), DYNAMODB_PORT (8000), S3_PORT (4569), SFN_PORT (8083).
 * Data: ESIP_DATA_DIR (default .local/data).
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { PreflightError } from './preflight.ts';
import { seedDemo } from './seed.ts';
import { PROJECT_ROOT, startLocalStack } from './stack.ts';

const { values } = parseArgs({
  options: { fresh: { type: 'boolean', default: false }, 'no-seed': { type: 'boolean', default: false } },
});
const port = (name: string, fallback: number) => (process.env[name] ? Number(process.env[name]) : fallback);
const dataDir = process.env.ESIP_DATA_DIR ?? join(PROJECT_ROOT, '.local', 'data');

const started = performance.now();
if (values.fresh) {
  rmSync(dataDir, { recursive: true, force: true });
  console.log(`--fresh: wiped ${dataDir}`);
}

try {
  const stack = await startLocalStack({
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
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const api = stack.urls.api;
  console.log(`
Enterprise–Society Collaborative Innovation Programme (企会协作创新计划) — local stack up in ${seconds}s

  API             ${api}/v1            (health: ${api}/v1/health, OpenAPI: ${api}/v1/openapi.json)
  DynamoDB Local  ${stack.urls.dynamodb}   S3 (s3rver) ${stack.urls.s3}   Step Functions ${stack.urls.sfn}
  Data            ${dataDir}  (npm start -- --fresh wipes it)
  Schedules       GET ${api}/local/schedules · fire one now: npm run fire -- deadline-sweep
  Executions      GET ${api}/local/executions · POST ${api}/local/executions/skip-waits
${seeded.map((line) => `  Demo            ${line}`).join('\n')}

Dev tokens (12 h; more with: npm run token -- <role> [sub]; 'society' acts for the demo society;
staff roles come from the staff pool, applicants from the applicant pool):
${tokens.map(([role, token]) => `  ${role.padEnd(10)} ${token}`).join('\n')}

Try:
  curl -s ${api}/v1/health
  curl -s ${api}/v1/rounds
  curl -s -H "Authorization: Bearer $APPLICANT" ${api}/v1/alliances
  npm run demo -- --url ${api}     (a whole 40-alliance round through this stack)
Ctrl-C stops everything.`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping…`);
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
