import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The bundled spec, the only source of truth the contract suite trusts. */
export const spec = JSON.parse(readFileSync(fileURLToPath(new URL('../../../spec/dist/openapi.json', import.meta.url)), 'utf8'));
