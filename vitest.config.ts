import { defineConfig } from 'vitest/config';

// Four kinds of test, one command (`npm test`: scripts/test.ts runs `browser` beside the other three):
//  - unit: pure domain and handlers with aws-sdk-client-mock, no I/O
//  - infra: CDK assertions and cdk-nag over the synthesized app
//  - integration: over HTTP against the local stack, started once per run (test/integration/global-setup.ts)
//  - browser: rendered pages in headless Chromium with JavaScript off (test/browser/)
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'infra',
          include: ['test/infra/**/*.test.ts'],
          environment: 'node',
          // The files share one module graph (aws-cdk-lib, esbuild, cdk-nag loaded once, not per
          // file: 82 s -> 42 s here); each still builds its own App, and none mocks or sets env.
          isolate: false,
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts', 'test/local/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/integration/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        // Pages in headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core).
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          environment: 'node',
          // Builds the console (web/) when web/dist is missing or older than its sources.
          globalSetup: ['test/browser/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
