/**
 * The sandbox's infrastructure, shared by every resource: the clock, the accounts, the tables of
 * the registry, idempotency, events (and their webhook deliveries) and fault injection. What a
 * resource does (its records, life cycle, handlers and controls) lives in `src/resources/`.
 */
import { Clock } from './clock.js';
import { resolveLogSize } from './bounded-log.js';
import { ApiError, detailError } from './errors.js';
import { FaultInjector, type FaultConfig } from './faults.js';
import { IdempotencyStore } from './idempotency.js';
import { afterCommit, JournaledMap } from './journal.js';
import { newId, newToken } from './ids.js';
import type { IntegrationScope } from './routes.js';
import type { Account } from './state.js';
import { WebhookDeliverer, type DeliveryOptions } from './webhook-delivery.js';
import { INTEGRATION_TABLES, SANDBOX_TABLES } from '../resources/index.js';
import { addIntegration, integrationsOf, type IntegrationRecord } from '../resources/integrations/record.js';
import { TableSet } from '../resources/table.js';
import { webhooksOf, type EventSource } from '../resources/webhooks/record.js';
import type { webhooks } from '@gigapay/types';

/** The events of the spec (its `webhooks`), so a misspelt or undocumented event does not compile. */
export type EventName = keyof webhooks & string;

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
  /** The registry's sandbox-scope tables (the integrations of every account, and so on). */
  readonly tables = new TableSet(SANDBOX_TABLES);
  readonly idempotency = new IdempotencyStore();
  readonly deliverer: WebhookDeliverer;
  readonly faults: FaultInjector;
  /** The default account's credentials (those of the state file when the sandbox started from one). */
  defaultCredentials: Credentials;
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
      addIntegration(this, account, { id: `webapp-${token.slice(0, 8)}`, name: 'Gigapay web app', type: 1 });
      addIntegration(this, account, { id: `invoices-${token.slice(0, 8)}`, name: 'Freelancer invoices', type: 2 });
    }
    const integration = addIntegration(this, account, { id: options.integrationId ?? newId(), name: 'Sandbox integration', type: 3 });
    return { token, integrationId: integration.id };
  }

  /** The tables a new integration starts with: one per `integration`-scope table of the registry. */
  newIntegrationData(): TableSet {
    return new TableSet(INTEGRATION_TABLES);
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
    this.tables.clear();
    this.idempotency.clear();
    this.deliverer.reset();
    this.faults.configure(this.initialFaults);
    this.clock.reset();
    this.createAccount({ token, integrationId, withFixedIntegrations: true });
  }

  /** The integration named by an `Integration-ID` header, if the token owns it. */
  integrationFor(account: Account, id: string | null | undefined): IntegrationRecord {
    if (!id) throw detailError(403, 'Integration-ID header is required.');
    const integration = integrationsOf(this).get(id);
    if (!integration || integration.owner !== account) throw detailError(403, `Integration "${id}" is not one of yours.`);
    return integration;
  }

  /** The integration an operation of `scope` acts in: the `Integration-ID` one, or none (the whole account). */
  integrationIn(scope: IntegrationScope, account: Account, id: string | null | undefined): IntegrationRecord | undefined {
    if (scope === 'required' || (scope === 'optional' && id)) return this.integrationFor(account, id);
    return undefined;
  }

  /**
   * Sends `object` to every webhook subscribed to `event`, once the request commits: an
   * integration's event to that integration's webhooks (the delivery names the integration in
   * `Gigapay-Integration-Id`), an account-wide one to the account's user-scoped webhooks.
   */
  emit(source: IntegrationRecord | Account, event: EventName, object: unknown): void {
    const from: EventSource = 'data' in source ? { integration: source } : { account: source };
    const integrationId = 'integration' in from ? from.integration.id : null;
    for (const webhook of webhooksOf(this, from)) {
      if (!webhook.events.includes(event)) continue;
      const target = { integrationId, webhookId: webhook.id, url: webhook.url, secretKey: webhook.secret_key };
      afterCommit(() => this.deliverer.enqueue(target, event, object));
    }
  }

  configureFaults(config: FaultConfig): void {
    try {
      this.faults.configure(config);
    } catch (error) {
      throw new ApiError(400, { detail: (error as Error).message });
    }
  }
}
