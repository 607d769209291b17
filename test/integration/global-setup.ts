/**
 * Starts the local stack once per test run (random free ports, DynamoDB in memory, S3 in a temp
 * folder) and hands its endpoints to the tests. Tests use unique ids so they never collide.
 */
import type { TestProject } from 'vitest/node';
import type { LocalStack } from '../../local/stack.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    apiUrl: string;
    sfnUrl: string;
    handlerEnv: Record<string, string>;
  }
}

let stack: LocalStack | undefined;

export async function setup(project: TestProject) {
  const started = performance.now();
  // Before anything imports a handler module (whose logger reads these once, when it is built).
  process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
  process.env.POWERTOOLS_SERVICE_NAME ??= 'esip-local';
  const { startLocalStack } = await import('../../local/stack.ts');
  stack = await startLocalStack({
    ports: { api: 0, dynamodb: 0, s3: 0, sfn: 0 },
    schedules: false,
    // Two alliances per page, so every round of the tests goes through the paged steps' loops
    // (several pages, the last one short or empty) rather than fitting in one page.
    pipelinePageSize: 2,
    log: (line) => {
      if (process.env.ESIP_TEST_LOG) console.log(`[local] ${line}`);
    },
  });
  console.log(
    `local stack for tests up in ${Math.round(performance.now() - started)} ms at ${stack.urls.api}`,
  );
  project.provide('apiUrl', stack.urls.api);
  project.provide('sfnUrl', stack.urls.sfn);
  project.provide('handlerEnv', stack.env);
}

export async function teardown() {
  await stack?.stop();
}
