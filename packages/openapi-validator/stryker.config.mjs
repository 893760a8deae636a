// Mutation testing of the one validator (`pnpm --filter @gigapay/openapi-validator mutation`): not
// part of `npm test`, it is slow. The report lands in reports/mutation/.
import { strykerOptions } from '../../stryker.shared.mjs';

export default strykerOptions({
  vitestConfig: 'vitest.config.ts',
  mutate: ['src/validator.ts'],
  // Module-level constants would rerun every test per mutant; they are pinned by the tests anyway.
  ignoreStatic: true,
});
