/**
 * An employee's life cycle: created → notified (invited) → claimed (signed up) → verified. A step
 * whose predecessors have not happened yet runs them first (claim implies notify, and so on).
 */
import { detailError } from '../../internal/errors.js';
import { touch } from '../../internal/journal.js';
import type { SandboxCore } from '../../internal/core.js';
import type { IntegrationRecord } from '../integrations/record.js';
import { lifecycle } from '../lifecycle.js';
import type { EmployeeRecord } from './record.js';
import { serializeEmployee } from './serialize.js';

export type EmployeeState = 'created' | 'notified' | 'claimed' | 'verified';
export type EmployeeStep = 'notify' | 'claim' | 'verify';

const stateOf = (employee: EmployeeRecord): EmployeeState =>
  employee.verifiedAt !== null ? 'verified' : employee.claimedAt !== null ? 'claimed' : employee.notifiedAt !== null ? 'notified' : 'created';

const already = (done: string) => (employee: EmployeeRecord) => detailError(409, `Employee "${employee.id}" is already ${done}.`);

export const employeeLifecycle = lifecycle(stateOf, {
  notify: { from: ['created'], refuse: already('notified') },
  claim: { from: ['created', 'notified'], refuse: already('claimed') },
  verify: { from: ['created', 'notified', 'claimed'], refuse: already('verified') },
});

/** Each step in order: the timestamp it sets, and its event. */
const STEPS = [
  { step: 'notify', field: 'notifiedAt', event: 'Employee.notified' },
  { step: 'claim', field: 'claimedAt', event: 'Employee.claimed' },
  { step: 'verify', field: 'verifiedAt', event: 'Employee.verified' },
] as const;

/** Takes `step` (and the steps before it that have not happened), each with its event. */
export function advanceEmployee(core: SandboxCore, integration: IntegrationRecord, employee: EmployeeRecord, step: EmployeeStep): EmployeeRecord {
  employeeLifecycle.check(employee, step);
  touch(employee);
  for (const current of STEPS.slice(0, STEPS.findIndex((s) => s.step === step) + 1)) {
    if (employee[current.field] !== null) continue;
    const now = core.clock.nowMicros();
    employee[current.field] = now;
    if (current.step === 'notify') employee.lastInvitationAt = now;
    core.emit(integration, current.event, serializeEmployee(employee));
  }
  return employee;
}

/**
 * The user who signed up turns out to live elsewhere than the employee's `country`
 * (`latest_status: country_mismatch`); signs them up first when they have not. A PATCH or PUT that
 * changes `country` clears it.
 */
export function mismatchCountry(core: SandboxCore, integration: IntegrationRecord, employee: EmployeeRecord): EmployeeRecord {
  if (employee.countryMismatch) throw detailError(409, `Employee "${employee.id}" already has a country mismatch.`);
  if (employee.claimedAt === null) advanceEmployee(core, integration, employee, 'claim');
  touch(employee);
  employee.countryMismatch = true;
  return employee;
}
