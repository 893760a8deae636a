/**
 * In-memory state. An account (one API token) owns integrations; each integration owns its own
 * employees, payouts, invoices and webhooks, so nothing leaks between integrations. Records point
 * at each other directly (a payout holds its employee record, not an id), so a renamed id (ids are
 * mutable through PATCH/PUT) is seen everywhere at once.
 */
import { JournaledMap, touch } from './journal.js';
import type { Breakdown } from './pricing.js';

export type IntegrationType = 1 | 2 | 3;

export interface Account {
  token: string;
  /** IP-whitelisting: when set, requests from any other address are refused with 403. */
  allowedIps?: readonly string[];
}

export interface IntegrationRecord {
  id: string;
  name: string;
  type: IntegrationType;
  logo: string | null;
  metadata: Record<string, unknown>;
  email: string;
  recipient: string;
  address_line_1: string;
  address_line_2: string | null;
  zip_code: string;
  city: string;
  owner: Account;
  seq: number;
  data: IntegrationData;
}

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
  /** Set once a payout is registered to them, and never cleared: such an employee cannot be deleted. */
  hasHadPayouts: boolean;
  seq: number;
}

export interface InvoiceRecord {
  id: string;
  /** The sum of its payouts' `cost`, in öre, kept as payouts come and go (its `price`). */
  costOre: number;
  /** Stable secret part of the pdf/app links; survives id changes. */
  uuid: string;
  currency: string;
  metadata: Record<string, unknown>;
  ocrNumber: string;
  open: boolean;
  createdAt: number;
  paidAt: number | null;
  seq: number;
}

export interface PayoutRecord {
  id: string;
  prices: Breakdown;
  currency: string;
  description: string;
  country: string | undefined;
  fullSalarySpecification: boolean;
  employee: EmployeeRecord;
  invoice: InvoiceRecord;
  metadata: Record<string, unknown>;
  startAt: number | null;
  endAt: number | null;
  createdAt: number;
  notifiedAt: number | null;
  acceptedAt: number | null;
  lastNotificationAt: number | null;
  seq: number;
}

export interface WebhookRecord {
  id: string;
  url: string;
  events: string[];
  secret_key: string;
  metadata: Record<string, unknown>;
  seq: number;
}

export class IntegrationData {
  readonly employees = new JournaledMap<string, EmployeeRecord>();
  readonly payouts = new JournaledMap<string, PayoutRecord>();
  readonly invoices = new JournaledMap<string, InvoiceRecord>();
  readonly webhooks = new JournaledMap<string, WebhookRecord>();

  /**
   * Employees by contact (`email:` + lower-case email, `cellphone:` + number), so that matching an
   * inline employee does not scan them all. Entries are only ever added: a lookup keeps those
   * still true (the record is registered and has that contact), so a rolled-back request or a
   * changed email leaves nothing wrong behind.
   */
  private readonly byContact = new Map<string, EmployeeRecord[]>();
  private newestPayoutsView: { version: number; items: PayoutRecord[] } | undefined;

  get isEmpty(): boolean {
    return this.employees.size + this.payouts.size + this.invoices.size + this.webhooks.size === 0;
  }

  /** Call after an employee is registered or its contact details change. */
  indexEmployee(employee: EmployeeRecord): void {
    for (const key of contactKeys(employee.email, employee.cellphone_number)) {
      const list = this.byContact.get(key);
      if (!list) this.byContact.set(key, [employee]);
      else if (!list.includes(employee)) list.push(employee);
    }
  }

  /** The first registered employee with this email (case-insensitive), else with this cellphone number. */
  employeeByContact(email: string | null, cellphone: string | null): EmployeeRecord | undefined {
    for (const key of contactKeys(email, cellphone)) {
      const found = this.byContact.get(key)?.find((employee) => this.employees.get(employee.id) === employee && contactKeys(employee.email, employee.cellphone_number).includes(key));
      if (found) return found;
    }
    return undefined;
  }

  /** Every payout, newest first; rebuilt only after the payouts changed. Do not modify. */
  newestPayouts(): readonly PayoutRecord[] {
    if (this.newestPayoutsView?.version !== this.payouts.version) {
      this.newestPayoutsView = { version: this.payouts.version, items: [...this.payouts.values()].sort((a, b) => b.seq - a.seq) };
    }
    return this.newestPayoutsView.items;
  }

  payoutsOf(invoice: InvoiceRecord): PayoutRecord[] {
    return [...this.payouts.values()].filter((payout) => payout.invoice === invoice);
  }

  /** The invoice currently collecting payouts in `currency`, if any. */
  openInvoice(currency: string): InvoiceRecord | undefined {
    for (const invoice of this.invoices.values()) if (invoice.open && invoice.currency === currency) return invoice;
    return undefined;
  }
}

const contactKeys = (email: string | null, cellphone: string | null): string[] => [
  ...(email ? [`email:${email.toLowerCase()}`] : []),
  ...(cellphone ? [`cellphone:${cellphone}`] : []),
];

/** Changes fields of a state record (journaled, so a rolled-back request leaves it as it was). */
export function update<T extends object>(record: T, fields: Partial<T>): T {
  touch(record);
  return Object.assign(record, fields);
}

/** Re-keys `record` in `map` after its id changed from `oldId`. */
export function rekey<T extends { id: string }>(map: Map<string, T>, oldId: string, record: T): void {
  if (oldId === record.id) return;
  map.delete(oldId);
  map.set(record.id, record);
}

/** Monotonic sequence shared by all records: creation order, for stable sorting. */
let sequence = 0;
export const nextSeq = (): number => ++sequence;
