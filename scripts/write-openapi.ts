// Writes shared/api/route-errors.ts (each operation's domain errors, from the call graph) and then
// the committed copy of the OpenAPI document (tests fail when either is out of date).
import { readFileSync, writeFileSync } from 'node:fs';
import { routeErrorsModule } from './route-errors.ts';

const routeErrorsFile = new URL('../shared/api/route-errors.ts', import.meta.url);
const source = routeErrorsModule();
let current = '';
try {
  current = readFileSync(routeErrorsFile, 'utf8');
} catch {}
if (current !== source) writeFileSync(routeErrorsFile, source);
const { buildOpenApi } = await import('../shared/api/openapi.ts');
writeFileSync(new URL('../openapi.json', import.meta.url), `${JSON.stringify(buildOpenApi(), null, 2)}\n`);
console.log('wrote shared/api/route-errors.ts and openapi.json');
