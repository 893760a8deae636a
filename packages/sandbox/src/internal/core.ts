/**
 * The sandbox's state and the operations on it that are not HTTP: accounts, events (and their
 * webhook deliveries), and the lifecycle steps Gigapay and the employee would take in real life
 * (pay an invoice, notify/claim/verify an employee, accept a payout, let time pass).
 */
import { Clock } from './clock.js';
import { resolveLogSize } from './bounded-log.js';
import { ApiError, detailError } from './errors.js';
import { FaultInjector, type FaultConfig } from './faults.js';
import { IdempotencyStore } from './idempotency.js';
import { afterCommit, JournaledMap, touch } from './journal.js';
import { newId, newToken } from './ids.js';
import { serializeEmployee, serializeInvoice, serializePayout } from './serialize.js';
import {
  IntegrationData,
  nextSeq,
  type Account,
  type EmployeeRecord,
  type IntegrationRecord,
  type InvoiceRecord,
  type PayoutRecord,
} from './state.js';
import { WebhookDeliverer, type DeliveryOptions } from './webhook-delivery.js';

export type EventName =
  | 'Employee.created'
  | 'Employee.notified'
  | 'Employee.claimed'
  | 'Employee.verified'
  | 'Payout.created'
  | 'Payout.notified'
  | 'Payout.accepted'
  | 'Invoice.created'
  | 'Invoice.paid';

export interface CoreOptions {
  token?: string;
  integrationId?: string;
  faults?: FaultConfig;
  webhooks?: DeliveryOptions;
  /** Entries kept by the delivery log and by the fault log, each. @default DEFAULT_LOG_SIZE */
  logSize?: number;
}

export interface Credentials {
  token: string;
  integrationId: string;
}

export interface AccountOptions {
  token?: string;
  integrationId?: string;
  withFixedIntegrations?: boolean;
  /** Turns on IP-whitelisting for the token: only these remote addresses are let in. */
  allowedIps?: readonly string[];
}

export class SandboxCore {
  readonly clock = new Clock();
  readonly accounts = new JournaledMap<string, Account>();
  /** Every integration of every account: integration ids are globally unique. */
  readonly integrations = new JournaledMap<string, IntegrationRecord>();
  readonly idempotency = new IdempotencyStore();
  readonly deliverer: WebhookDeliverer;
  readonly faults: FaultInjector;
  readonly defaultCredentials: Credentials;
  /** The fault configuration the sandbox started with; `reset()` goes back to it. */
  private readonly initialFaults: FaultConfig;

  constructor(options: CoreOptions = {}) {
    const logSize = resolveLogSize(options.logSize);
    this.deliverer = new WebhookDeliverer(options.webhooks, logSize);
    this.initialFaults = options.faults ?? {};
    this.faults = new FaultInjector(this.initialFaults, logSize);
    this.defaultCredentials = this.createAccount({ token: options.token, integrationId: options.integrationId, withFixedIntegrations: true });
  }

  /**
   * A new account (token) with a ready type-3 integration. The first account also gets the
   * type-1 web-app integration and a type-2 invoice integration, so their rules can be tried.
   */
  createAccount(options: AccountOptions = {}): Credentials {
    const token = options.token ?? newToken();
    if (this.accounts.has(token)) throw new Error(`token ${token} already exists`);
    const account: Account = { token, allowedIps: options.allowedIps };
    this.accounts.set(token, account);
    if (options.withFixedIntegrations) {
      this.addIntegration(account, { id: `webapp-${token.slice(0, 8)}`, name: 'Gigapay web app', type: 1 });
      this.addIntegration(account, { id: `invoices-${token.slice(0, 8)}`, name: 'Freelancer invoices', type: 2 });
    }
    const integration = this.addIntegration(account, { id: options.integrationId ?? newId(), name: 'Sandbox integration', type: 3 });
    return { token, integrationId: integration.id };
  }

  addIntegration(account: Account, fields: Partial<IntegrationRecord> & Pick<IntegrationRecord, 'id' | 'name' | 'type'>): IntegrationRecord {
    if (this.integrations.has(fields.id)) throw new Error(`integration ${fields.id} already exists`);
    const record: IntegrationRecord = {
      logo: null,
      metadata: {},
      email: 'invoices@example.com',
      recipient: 'Sandbox AB',
      address_line_1: 'Sandboxgatan 1',
      address_line_2: null,
      zip_code: '11129',
      city: 'Stockholm',
      ...fields,
      owner: account,
      seq: nextSeq(),
      data: new IntegrationData(),
    };
    this.integrations.set(record.id, record);
    return record;
  }

  /**
   * Makes the sandbox behave like a new one with the same options: every object and account is
   * forgotten except the default credentials (which start empty again), and so are the idempotency
   * keys, the delivery log and pending deliveries (no further attempts), the clock's offset, and
   * fault settings changed since the start (back to the `faults` option, the PRNG and queue restarted).
   */
  reset(): void {
    const { token, integrationId } = this.defaultCredentials;
    this.accounts.clear();
    this.integrations.clear();
    this.idempotency.clear();
    this.deliverer.reset();
    this.faults.configure(this.initialFaults);
    this.clock.reset();
    this.createAccount({ token, integrationId, withFixedIntegrations: true });
  }

  /** The integration named by an `Integration-ID` header, if the token owns it. */
  integrationFor(account: Account, id: string | null | undefined): IntegrationRecord {
    if (!id) throw detailError(403, 'Integration-ID header is required.');
    const integration = this.integrations.get(id);
    if (!integration || integration.owner !== account) throw detailError(403, `Integration "${id}" is not one of yours.`);
    return integration;
  }

  /** Sends `object` to every webhook of the integration that subscribes to `event`, once the request commits. */
  emit(integration: IntegrationRecord, event: EventName, object: unknown): void {
    for (const webhook of integration.data.webhooks.values()) {
      if (!webhook.events.includes(event)) continue;
      const target = { integrationId: integration.id, webhookId: webhook.id, url: webhook.url, secretKey: webhook.secret_key };
      afterCommit(() => this.deliverer.enqueue(target, event, object));
    }
  }

  emitEmployee(integration: IntegrationRecord, event: EventName, employee: EmployeeRecord): void {
    this.emit(integration, event, serializeEmployee(employee));
  }

  emitPayout(integration: IntegrationRecord, event: EventName, payout: PayoutRecord): void {
    this.emit(integration, event, serializePayout(payout));
  }

  emitInvoice(integration: IntegrationRecord, event: EventName, invoice: InvoiceRecord): void {
    this.emit(integration, event, serializeInvoice(invoice));
  }

  // Lifecycle steps (the `/_sandbox/` controls). Each sets its `*_at` and emits its event; a step
  // whose predecessors have not happened yet runs them first (claim implies notify, and so on).

  payInvoice(integration: IntegrationRecord, invoiceId: string): InvoiceRecord {
    const invoice = integration.data.invoices.get(invoiceId);
    if (!invoice) throw detailError(404, 'Not found.');
    if (invoice.paidAt !== null) throw detailError(409, `Invoice "${invoice.id}" is already paid.`);
    touch(invoice);
    invoice.paidAt = this.clock.nowMicros();
    invoice.open = false;
    this.emitInvoice(integration, 'Invoice.paid', invoice);
    // Gigapay notifies the employees of a payout once its invoice is paid.
    for (const payout of integration.data.payoutsOf(invoice).sort((a, b) => a.seq - b.seq)) {
      if (payout.notifiedAt !== null) continue;
      touch(payout);
      payout.notifiedAt = this.clock.nowMicros();
      payout.lastNotificationAt = payout.notifiedAt;
      this.emitPayout(integration, 'Payout.notified', payout);
    }
    return invoice;
  }

  advanceEmployee(integration: IntegrationRecord, employeeId: string, step: 'notify' | 'claim' | 'verify'): EmployeeRecord {
    const employee = integration.data.employees.get(employeeId);
    if (!employee) throw detailError(404, 'Not found.');
    const order = ['notify', 'claim', 'verify'] as const;
    const target = order.indexOf(step);
    const already = { notify: employee.notifiedAt, claim: employee.claimedAt, verify: employee.verifiedAt }[step];
    if (already !== null) throw detailError(409, `Employee "${employee.id}" is already ${step === 'notify' ? 'notified' : `${step}ed`}.`);
    touch(employee);
    for (const current of order.slice(0, target + 1)) {
      const now = this.clock.nowMicros();
      if (current === 'notify' && employee.notifiedAt === null) {
        employee.notifiedAt = now;
        employee.lastInvitationAt = now;
        this.emitEmployee(integration, 'Employee.notified', employee);
      } else if (current === 'claim' && employee.claimedAt === null) {
        employee.claimedAt = now;
        this.emitEmployee(integration, 'Employee.claimed', employee);
      } else if (current === 'verify' && employee.verifiedAt === null) {
        employee.verifiedAt = now;
        this.emitEmployee(integration, 'Employee.verified', employee);
      }
    }
    return employee;
  }

  acceptPayout(integration: IntegrationRecord, payoutId: string): PayoutRecord {
    const payout = integration.data.payouts.get(payoutId);
    if (!payout) throw detailError(404, 'Not found.');
    if (payout.acceptedAt !== null) throw detailError(409, `Payout "${payout.id}" is already accepted.`);
    if (payout.notifiedAt === null) {
      throw detailError(409, `Payout "${payout.id}" cannot be accepted before its employee is notified: pay invoice "${payout.invoice.id}" first.`);
    }
    touch(payout);
    payout.acceptedAt = this.clock.nowMicros();
    this.emitPayout(integration, 'Payout.accepted', payout);
    return payout;
  }

  configureFaults(config: FaultConfig): void {
    try {
      this.faults.configure(config);
    } catch (error) {
      throw new ApiError(400, { detail: (error as Error).message });
    }
  }
}
