import { formatTimestamp } from '../../internal/clock.js';
import type { EmployeeStore } from '../employees/record.js';
import type { MessageRecord } from './record.js';

/** A deleted employee drops out of the message's `employees` (as a many-to-many relation does). */
export function serializeMessage(record: MessageRecord, employees: EmployeeStore) {
  return {
    id: record.id,
    employees: record.employees.filter((employee) => employees.get(employee.id) === employee).map((employee) => employee.id),
    content: record.content,
    created_at: formatTimestamp(record.createdAt),
  };
}
