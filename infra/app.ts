import { buildApp, ConfigError } from './build.ts';

try {
  buildApp();
} catch (error) {
  // A bad -c value (an address, a region, a limit): the message says what to fix, no stack trace.
  if (!(error instanceof ConfigError)) throw error;
  console.error(`esip: ${error.message}`);
  process.exit(1);
}
