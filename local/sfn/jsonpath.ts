/**
 * Evaluates ASL reference paths (`$.a.b[0]`, `$['x']`, `$$.Execution.Input.x`) — the subset of
 * JSONPath that `SecondsPath`/`TimestampPath` accept.
 */
export function evaluateReferencePath(path: string, input: unknown, context: unknown): unknown {
  let root: unknown = input;
  let rest = path;
  if (rest.startsWith('$$')) {
    root = context;
    rest = rest.slice(2);
  } else if (rest.startsWith('$')) {
    rest = rest.slice(1);
  } else {
    throw new Error(`invalid reference path ${path}`);
  }
  const segment = /^(?:\.([^.[\]]+)|\[(\d+)\]|\['([^']*)'\]|\["([^"]*)"\])/;
  let current = root;
  while (rest.length > 0) {
    const match = segment.exec(rest);
    if (!match) throw new Error(`invalid reference path ${path}`);
    rest = rest.slice(match[0].length);
    if (current === null || typeof current !== 'object') return undefined;
    if (match[2] !== undefined) {
      current = Array.isArray(current) ? current[Number(match[2])] : undefined;
    } else {
      const key = match[1] ?? match[3] ?? match[4] ?? '';
      current = (current as Record<string, unknown>)[key];
    }
  }
  return current;
}
