/** The in-process Lambda invoker over the functions of a synthesized template. */
import { describe, expect, it } from 'vitest';
import { createLocalInvoker, type InvocationLogEntry } from '../../local/lambda.ts';
import { extractFunctions } from '../../local/template.ts';
import { buildTestTemplate, projectRoot } from './fixtures/stack.ts';

describe('createLocalInvoker', () => {
  const functions = extractFunctions(buildTestTemplate());
  const echoId = Object.keys(functions).find((id) => id.startsWith('Echo'))!;
  const logs: InvocationLogEntry[] = [];
  const invoker = createLocalInvoker(functions, { root: projectRoot, log: (e) => logs.push(e) });

  it('calls the handler with the event and a Lambda-like context', async () => {
    const result = (await invoker.invoke(echoId, { hello: 'world' }, { awsRequestId: 'req-1' })) as Record<
      string,
      unknown
    >;
    expect(result).toMatchObject({ hello: 'world', seenBy: echoId, requestId: 'req-1' });
    expect(result['remainingMs']).toBeGreaterThan(9_000);
    expect(result['remainingMs']).toBeLessThanOrEqual(10_000);
    expect(logs.at(-1)).toMatchObject({ functionLogicalId: echoId, ok: true, awsRequestId: 'req-1' });
  });

  it('finds a function by logical id, ARN or entry', async () => {
    expect(invoker.find(echoId)?.logicalId).toBe(echoId);
    expect(invoker.find(`arn:aws:lambda:us-east-1:000000000000:function:${echoId}`)?.logicalId).toBe(echoId);
    expect(invoker.find('test/local/fixtures/echo.ts')?.logicalId).toBe(echoId);
    await expect(invoker.invoke('test/local/fixtures/echo.ts', { a: 1 })).resolves.toMatchObject({ a: 1 });
  });

  it('propagates a thrown error with its name', async () => {
    const rejectId = Object.keys(functions).find((id) => id.startsWith('Reject'))!;
    await expect(
      invoker.invoke(rejectId, { errorName: 'RuleViolation', message: 'no' }),
    ).rejects.toMatchObject({
      name: 'RuleViolation',
      message: 'no',
    });
    expect(logs.at(-1)).toMatchObject({ ok: false, errorName: 'RuleViolation' });
  });

  it('rejects an unknown function with ResourceNotFoundException', async () => {
    await expect(invoker.invoke('Nope', {})).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
  });
});
