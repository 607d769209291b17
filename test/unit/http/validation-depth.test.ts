/**
 * The bidi-control walk over a body (shared/http/validation.ts) is bounded: a body nested far
 * deeper than any input schema is a 400 naming where, not a stack overflow (a 500 that
 * test/integration/fuzz.test.ts found with FULL=1).
 */
import { describe, expect, it } from 'vitest';
import type { ErrorDetail } from '../../../shared/domain/errors.ts';
import { ApiError } from '../../../shared/http/errors.ts';
import { rejectBidiControls } from '../../../shared/http/validation.ts';

const nested = (depth: number): unknown => JSON.parse(`${'['.repeat(depth)}"x"${']'.repeat(depth)}`);

describe('rejectBidiControls on deep bodies', () => {
  it('refuses 20,000 nested arrays with 400 too_deep', () => {
    let thrown: unknown;
    try {
      rejectBidiControls({ reason: nested(20_000) }, 'body', 'en');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ApiError);
    expect((thrown as ApiError).status).toBe(400);
    const details = (thrown as ApiError).details as ErrorDetail[];
    expect(details[0]).toMatchObject({ code: 'too_deep' });
    expect(String(details[0]!.path)).toMatch(/^body\.reason\.0\.0/);
  });

  it('lets a body 32 levels deep through (the bound is far above any input schema)', () => {
    expect(() => rejectBidiControls(nested(31), 'body', 'en')).not.toThrow();
    expect(() => rejectBidiControls(nested(40), 'body', 'zh')).toThrow(ApiError);
  });
});
