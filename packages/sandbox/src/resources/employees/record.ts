import { RecordStore } from '../../internal/record-store.js';
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

/** An integration's employees, indexed by contact (so that matching an inline employee does not scan them all). */
export class EmployeeStore extends RecordStore<EmployeeRecord> {
  private readonly byContact = this.index((employee) => contactKeys(employee.email, employee.cellphone_number));

  /** The first registered employee with this email (case-insensitive), else with this cellphone number. */
  byContactOf(email: string | null, cellphone: string | null): EmployeeRecord | undefined {
    for (const key of contactKeys(email, cellphone)) {
      const found = this.byContact.first(key);
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
  load: (raw) => ({ invitationCode: invitationCode(), countryMismatch: false, ...raw }) as unknown as EmployeeRecord,
};
