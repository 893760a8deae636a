/**
 * The paths whose operations take no `Integration-ID`: Registrations and Integrations act as the
 * user who owns the token, never as one of its integrations (the spec gives them no such header,
 * after §1.3 of Gigapay's docs); every operation of every other path has it. The spec is the
 * source: test/integration-scope.test.ts checks this against each operation of the bundled spec,
 * so that a change of the spec that this misses fails there.
 */
export const USER_SCOPED = /^\/(registrations|integrations)\//;
