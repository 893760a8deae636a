import { defineResource } from '../resource.js';
import { findOr404 } from '../table.js';
import { employeeHandlers } from './handlers.js';
import { advanceEmployee, mismatchCountry, type EmployeeStep } from './lifecycle.js';
import { EMPLOYEES } from './record.js';
import { serializeEmployee } from './serialize.js';

const step = <const Name extends string>(name: Name, action: EmployeeStep, summary: string) => ({
  name,
  path: `employees/{id}/${action}`,
  summary,
  run: (core: Parameters<typeof advanceEmployee>[0], integration: Parameters<typeof advanceEmployee>[1], id: string) =>
    serializeEmployee(advanceEmployee(core, integration, findOr404(integration.data.get(EMPLOYEES), id), action)),
});

export const employees = defineResource({
  name: 'employees',
  handlers: employeeHandlers,
  tables: [EMPLOYEES],
  controls: [
    step('notifyEmployee', 'notify', 'Sets `notified_at` and emits `Employee.notified`.'),
    step('claimEmployee', 'claim', 'Sets `claimed_at` (and `notified_at` if unset) and emits the events.'),
    step('verifyEmployee', 'verify', 'Sets `verified_at` (and the earlier steps if unset) and emits the events.'),
    {
      name: 'mismatchEmployeeCountry',
      path: 'employees/{id}/country-mismatch',
      summary: "The user's country differs from the employee's: `latest_status` `country_mismatch` (claims first when unclaimed; a PATCH/PUT changing `country` clears it).",
      run: (core: Parameters<typeof advanceEmployee>[0], integration: Parameters<typeof advanceEmployee>[1], id: string) =>
        serializeEmployee(mismatchCountry(core, integration, findOr404(integration.data.get(EMPLOYEES), id))),
    },
  ],
});
