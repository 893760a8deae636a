// Mutation testing of the client's core (`pnpm --filter @gigapay/client mutation`, or
// `npm run mutation` at the root): not part of `npm test`, it is slow. Narrow a run with
// `pnpm exec stryker run --mutate src/errors.ts`. The report lands in reports/mutation/.
import { strykerOptions } from '../../stryker.shared.mjs';

export default strykerOptions({
  vitestConfig: 'vitest.mutation.config.ts',
  mutate: ['src/internal/**/*.ts', 'src/errors.ts', 'src/webhooks.ts'],
  timeoutMS: 10_000,
});
