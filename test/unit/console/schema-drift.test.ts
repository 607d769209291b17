/** The console's typed client cannot drift from the API: schema.d.ts is what openapi.json generates. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateSchemaTypes, WEB_SCHEMA } from '../../../local/web.ts';

describe('web/src/api/schema.d.ts', () => {
  it('is what openapi-typescript generates from openapi.json (regenerate: npm start, or the browser tests)', async () => {
    expect(readFileSync(WEB_SCHEMA, 'utf8') === (await generateSchemaTypes())).toBe(true);
  }, 30_000);
});
