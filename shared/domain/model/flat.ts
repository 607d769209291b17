/**
 * One object type with the properties of an intersection: how the model writes "a Round is a
 * RoundInput with an id…" while staying a plain object type (identical to the API schema's output,
 * see shared/api/schema-check.ts, and usable where a Record<string, unknown> is expected).
 */
export type Flat<T> = { [K in keyof T]: T[K] };
