// Mutation testing of the sandbox's idempotency, listing, pricing and validation (spec-checks) modules
// (`pnpm --filter @gigapay/sandbox mutation`, or `npm run mutation` at the root): not part of
// `npm test`, it is slow. Narrow a run with `pnpm exec stryker run --mutate src/internal/pricing.ts`.
// The report lands in reports/mutation/.
import { strykerOptions } from '../../stryker.shared.mjs';

export default strykerOptions({
  vitestConfig: 'vitest.mutation.config.ts',
  mutate: ['src/internal/idempotency.ts', 'src/internal/listing.ts', 'src/internal/pricing.ts', 'src/internal/spec-checks.ts'],
  // Module-level constants would rerun every test per mutant; they are pinned by the tests anyway.
  ignoreStatic: true,
});
