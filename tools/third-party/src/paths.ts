import { fileURLToPath } from 'node:url';

/** Absolute paths of what the checks read: the spec (split and bundled) and this package's tools. */
const at = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

export const repoRoot = at('../../../');
export const splitSpec = at('../../../spec/openapi.yaml');
export const bundledSpec = at('../../../spec/dist/openapi.json');
export const seedsDir = at('../../../spec/test/seeds/');
export const packageDir = at('../');
export const bin = (name: string) => at(`../node_modules/.bin/${name}`);
