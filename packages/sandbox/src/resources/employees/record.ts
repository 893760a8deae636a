import { JournaledMap } from '../../internal/journal.js';
import type { TableDef } from '../table.js';
import { invitationCode } from './status.js';

export interface EmployeeRecord {
  id: string;
  name: string;
  email: string | null;
  cellphone_number: string | null;
  country: string;
  metadata: Record<string, unknown>;
  createdAt: number;
  notifiedAt: number | null;
  claimedAt: number | null;
  verifiedAt: number | null;
  /** Last invitation sent (notify control or resend), for the 24-hour resend rule. */
  lastInvitationAt: number | null;
  /** The code the person signs up with (8 uppercase letters and digits), shown while unclaimed. */
  invitationCode: string;
  /** Set by a control: the user's own country differs from `country` (`latest_status: country_mismatch`). */
  countryMismatch: boolean;
  /** Set once a payout is registered to them, and never cleared: such an employee cannot be deleted. */
  hasHadPayouts: boolean;
  seq: number;
}

const contactKeys = (email: string | null, cellphone: string | null): string[] => [
  ...(email ? [`email:${email.toLowerCase()}`] : []),
  ...(cellphone ? [`cellphone:${cellphone}`] : []),
];

/** An integration's employees, with an index by contact. */
export class EmployeeStore extends JournaledMap<string, EmployeeRecord> {
  /**
   * Employees by contact (`email:` + lower-case email, `cellphone:` + number), so that matching an
   * inline employee does not scan them all. Entries are only ever added: a lookup keeps those
   * still true (the record is registered and has that contact), so a rolled-back request or a
   * changed email leaves nothing wrong behind.
   */
  private readonly byContact = new Map<string, EmployeeRecord[]>();

  /** Call after an employee is registered or its contact details change. */
  index(employee: EmployeeRecord): void {
    for (const key of contactKeys(employee.email, employee.cellphone_number)) {
      const list = this.byContact.get(key);
      if (!list) this.byContact.set(key, [employee]);
      else if (!list.includes(employee)) list.push(employee);
    }
  }

  /** The first registered employee with this email (case-insensitive), else with this cellphone number. */
  byContactOf(email: string | null, cellphone: string | null): EmployeeRecord | undefined {
    for (const key of contactKeys(email, cellphone)) {
      const found = this.byContact.get(key)?.find((employee) => this.get(employee.id) === employee && contactKeys(employee.email, employee.cellphone_number).includes(key));
      if (found) return found;
    }
    return undefined;
  }
}

export const EMPLOYEES: TableDef<EmployeeRecord, EmployeeStore> = {
  name: 'employees',
  scope: 'integration',
  noun: 'employee',
  create: () => new EmployeeStore(),
  dump: (employee) => ({ ...employee }),
  load: (raw, { tables }) => {
    const employee = { invitationCode: invitationCode(), countryMismatch: false, ...raw } as unknown as EmployeeRecord;
    tables.get(EMPLOYEES).index(employee);
    return employee;
  },
};
