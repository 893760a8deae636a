import { RecordStore } from '../../internal/record-store.js';
import { EMPLOYEES, type EmployeeRecord } from '../employees/record.js';
import type { TableDef } from '../table.js';

export interface MessageRecord {
  id: string;
  /** The records themselves, so an employee's renamed id shows at once. */
  employees: EmployeeRecord[];
  content: string;
  createdAt: number;
  seq: number;
}

export const MESSAGES: TableDef<MessageRecord> = {
  name: 'messages',
  scope: 'integration',
  noun: 'message',
  create: () => new RecordStore<MessageRecord>(),
  dump: ({ employees, ...message }) => ({ ...message, employees: employees.map((employee) => employee.id) }),
  // Employees load first (the registry lists them before messages). An id no longer there was a
  // deleted employee, which the message no longer shows either.
  load: (raw, { tables }) => ({
    ...(raw as unknown as MessageRecord),
    employees: (raw.employees as string[]).flatMap((id) => tables.get(EMPLOYEES).get(id) ?? []),
  }),
};
