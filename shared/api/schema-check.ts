/**
 * Compile-time proof that a zod schema describes exactly a domain type: the domain owns its types,
 * the API's schemas are built to match them. `schemaFor<DomainType>()(Schema)` fails to type-check
 * when the schema's output and the domain type differ in either direction.
 */
import type * as z from 'zod';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

export const schemaFor =
  <Domain>() =>
  <S extends z.ZodType>(schema: S & (Equal<z.output<S>, Domain> extends true ? unknown : never)): S =>
    schema;
