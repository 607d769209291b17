/** Pieces of DynamoDB expressions that several builders share. */

/**
 * Binds each of `list` to a value placeholder (`:<prefix>0`, `:<prefix>1`, …) in `values` and
 * returns the parenthesised list for an `IN (…)` condition.
 */
export function inList(list: readonly unknown[], prefix: string, values: Record<string, unknown>): string {
  list.forEach((value, i) => {
    values[`:${prefix}${i}`] = value;
  });
  return `(${list.map((_, i) => `:${prefix}${i}`).join(', ')})`;
}

/**
 * Adds `SET #x<i> = :x<i>` clauses for arbitrary attributes (names bound as names, values as given)
 * to `sets`, `names` and `values`.
 */
export function setExtra(
  extra: Record<string, unknown> | undefined,
  sets: string[],
  names: Record<string, string>,
  values: Record<string, unknown>,
): void {
  Object.entries(extra ?? {}).forEach(([name, value], i) => {
    names[`#x${i}`] = name;
    values[`:x${i}`] = value;
    sets.push(`#x${i} = :x${i}`);
  });
}
