import type { SandboxCore } from '../../internal/core.js';
import { defineResource } from '../resource.js';
import { findOr404 } from '../table.js';
import { registrationHandlers } from './handlers.js';
import { approveRegistration } from './lifecycle.js';
import { REGISTRATIONS, registrationsOf } from './record.js';
import { serializeRegistration } from './serialize.js';

export const registrations = defineResource({
  name: 'registrations',
  handlers: registrationHandlers,
  tables: [REGISTRATIONS],
  controls: [
    {
      name: 'approveRegistration',
      path: 'registrations/{id}/approve',
      summary: 'Approves a registration as Gigapay staff would: `needs_review` false, creates the Integration `integration_id`, emits the user-scoped `Registration.verified`.',
      // User-scoped: found by id among every account's registrations (the integration is not needed).
      run: (core: SandboxCore, _integration: unknown, id: string) => serializeRegistration(approveRegistration(core, findOr404(registrationsOf(core), id))),
    },
  ],
});
