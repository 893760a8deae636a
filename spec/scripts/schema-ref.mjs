// References to the bundle's component schemas, for the bundle steps.
export const SCHEMA_REF = '#/components/schemas/';

/** The schema name a `$ref` such as `#/components/schemas/Payout` points at, or undefined for any other value. */
export const nameOf = (ref) => (typeof ref === 'string' && ref.startsWith(SCHEMA_REF) ? ref.slice(SCHEMA_REF.length) : undefined);
