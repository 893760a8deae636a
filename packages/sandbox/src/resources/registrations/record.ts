/**
 * Registrations: a company's sign-up with Gigapay, user-scoped (they belong to the account, not
 * to an integration). Their table is sandbox-scoped, each record pointing at its owner, as the
 * user-scoped webhooks do.
 */
import { OwnedRecordStore } from '../../internal/record-store.js';
import type { Account } from '../../internal/state.js';
import type { SandboxCore } from '../../internal/core.js';
import { loadOwner, type TableDef } from '../table.js';

/** The fields a create or replace writes (every one of the spec's `RegistrationCreate`). */
export interface RegistrationFields {
  integration_id: string;
  tin_number: string;
  vat_number: string;
  registered_name: string;
  friendly_name: string;
  address_line_1: string;
  address_line_2: string;
  state: string | null;
  zip_code: string;
  city: string;
  email: string;
  phone_number: string;
  country: string;
  signatory_name: string;
  signatory_email: string;
  finance_email: string;
  technical_email: string;
  invoice_email: string;
}

export interface RegistrationRecord extends RegistrationFields {
  id: string;
  needs_review: boolean;
  owner: Account;
  seq: number;
}

export const REGISTRATIONS: TableDef<RegistrationRecord, RegistrationStore> = {
  name: 'registrations',
  scope: 'sandbox',
  noun: 'registration',
  create: () => new RegistrationStore(),
  dump: ({ owner, ...registration }) => ({ ...registration, owner: owner.token }),
  load: (raw, context) => ({ ...(raw as unknown as RegistrationRecord), owner: loadOwner(context, raw, 'registration') }),
};

export const registrationsOf = (core: SandboxCore): RegistrationStore => core.tables.get(REGISTRATIONS);

/** Every account's registrations, indexed by owner. */
export class RegistrationStore extends OwnedRecordStore<RegistrationRecord> {}
