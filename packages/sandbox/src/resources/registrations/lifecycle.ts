/**
 * A registration's life cycle: pending (`needs_review`) → approved. While pending it may be
 * changed, replaced, deleted or approved; once approved none of these (the spec's decision: `400`
 * under `non_field_errors`, the status it gives every refused change of state). Approval is
 * Gigapay staff's step: on the demo server (which the sandbox plays) `POST .../approve/` takes it,
 * and so does the control. It creates the Integration `integration_id` and sends the user-scoped
 * `Registration.verified`.
 */
import { nonFieldError } from '../../internal/errors.js';
import { update } from '../../internal/state.js';
import type { SandboxCore } from '../../internal/core.js';
import { addIntegration, integrationsOf } from '../integrations/record.js';
import { lifecycle } from '../lifecycle.js';
import type { RegistrationRecord } from './record.js';
import { serializeRegistration } from './serialize.js';

export type RegistrationState = 'pending' | 'approved';

const stateOf = (registration: RegistrationRecord): RegistrationState => (registration.needs_review ? 'pending' : 'approved');

export const APPROVED_CANNOT_CHANGE = 'An approved registration cannot be changed.';
const refuseChange = () => nonFieldError(APPROVED_CANNOT_CHANGE);

export const registrationLifecycle = lifecycle(stateOf, {
  update: { from: ['pending'], refuse: refuseChange },
  replace: { from: ['pending'], refuse: refuseChange },
  delete: { from: ['pending'], refuse: refuseChange },
  approve: { from: ['pending'], refuse: () => nonFieldError('This registration is already approved.') },
});

export const integrationIdTaken = (id: string): string => `An integration with the id "${id}" already exists.`;

/**
 * Approves a pending registration: `needs_review` false, a new type-3 Integration whose id is the
 * registration's `integration_id` (name from `friendly_name`, the invoice address from the
 * registration), and `Registration.verified` to the account's user-scoped webhooks.
 */
export function approveRegistration(core: SandboxCore, registration: RegistrationRecord): RegistrationRecord {
  registrationLifecycle.check(registration, 'approve');
  // Checked at create too; an integration renamed to this id since then still blocks approval.
  if (integrationsOf(core).has(registration.integration_id)) throw nonFieldError(integrationIdTaken(registration.integration_id));
  update(registration, { needs_review: false });
  addIntegration(core, registration.owner, {
    id: registration.integration_id,
    name: registration.friendly_name,
    type: 3,
    email: registration.invoice_email || registration.email,
    recipient: registration.registered_name,
    address_line_1: registration.address_line_1,
    address_line_2: registration.address_line_2 === '' ? null : registration.address_line_2,
    zip_code: registration.zip_code,
    city: registration.city,
  });
  core.emit(registration.owner, 'Registration.verified', serializeRegistration(registration));
  return registration;
}
