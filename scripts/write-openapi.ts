// Writes the committed copy of the OpenAPI document (a test fails when it is out of date).
import { writeFileSync } from 'node:fs';
import { buildOpenApi } from '../shared/api/openapi.ts';

writeFileSync(new URL('../openapi.json', import.meta.url), `${JSON.stringify(buildOpenApi(), null, 2)}\n`);
console.log('wrote openapi.json');
