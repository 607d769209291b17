/**
 * Source maps (issue #14): written beside every bundle (app-stack.test.ts checks the files), but
 * applied at runtime (NODE_OPTIONS=--enable-source-maps, ≈ 9 % of a cold start) only when context
 * `sourceMaps=runtime` asks for it. Synthesized without bundling: only the environment matters here.
 */
import { describe, expect, it } from 'vitest';
import { SOURCE_MAPS_CONTEXT } from '../../infra/constructs/app-function.ts';
import { resourcesOfType, synthesize } from './helpers.ts';

/** NODE_OPTIONS of every function of Esip-App (the API's authorizer included), by logical id. */
function nodeOptions(context?: Record<string, unknown>): Record<string, unknown> {
  const s = synthesize({ bundle: false, ...(context ? { context } : {}) });
  try {
    const functions = resourcesOfType(s.appTemplate, 'AWS::Lambda::Function');
    expect(Object.keys(functions).length).toBeGreaterThan(10);
    return Object.fromEntries(
      Object.entries(functions).map(([id, fn]) => [id, fn.Properties.Environment?.Variables?.NODE_OPTIONS]),
    );
  } finally {
    s.cleanup();
  }
}

describe('source maps at runtime', () => {
  it('are off by default and with sourceMaps=files: no function sets NODE_OPTIONS', () => {
    for (const context of [undefined, { [SOURCE_MAPS_CONTEXT]: 'files' }]) {
      for (const [id, value] of Object.entries(nodeOptions(context))) expect(value, id).toBeUndefined();
    }
  });

  it('-c sourceMaps=runtime gives every function --enable-source-maps', () => {
    for (const [id, value] of Object.entries(nodeOptions({ [SOURCE_MAPS_CONTEXT]: 'runtime' }))) {
      expect(value, id).toBe('--enable-source-maps');
    }
  });

  it('refuses any other value, naming the ones it takes', () => {
    expect(() => nodeOptions({ [SOURCE_MAPS_CONTEXT]: 'on' })).toThrow(
      /sourceMaps 'on': files .* or runtime/,
    );
  });
});
