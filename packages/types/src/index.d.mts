// The ESM entry of the types: the same names as index.d.ts (see there).
export type * from './index.js';
