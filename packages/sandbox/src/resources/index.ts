/**
 * The registry: the ONE list of the sandbox's resources. Handlers, control steps (the `/_sandbox/`
 * routes, their listing and the `sandbox.control` methods), the tables every integration gets,
 * `snapshot()`, `restore()` and `isEmpty` all derive from it, so a new resource is its folder
 * plus one line here. Tables load in this order: list a resource after those its records point at.
 */
import type { Handler } from './context.js';
import { employees } from './employees/index.js';
import { integrations } from './integrations/index.js';
import { invoices } from './invoices/index.js';
import { payruns } from './payruns/index.js';
import { payouts } from './payouts/index.js';
import { pricing } from './pricing/index.js';
import type { ControlStep } from './resource.js';
import { root } from './root/index.js';
import type { AnyTable } from './table.js';
import { webhooks } from './webhooks/index.js';

export const REGISTRY = [
  root,
  integrations,
  employees,
  payruns,
  invoices,
  payouts,
  pricing,
  webhooks,
] as const;

/** Every operation's handler, by operationId. */
export const handlers: Readonly<Record<string, Handler>> = Object.assign({}, ...REGISTRY.map((resource) => resource.handlers));

/** Every control step, in registry order. */
export type RegisteredStep = (typeof REGISTRY)[number]['controls'][number];
export const CONTROL_STEPS: readonly ControlStep<RegisteredStep['name']>[] = REGISTRY.flatMap((resource) => resource.controls as readonly ControlStep[]) as ControlStep<RegisteredStep['name']>[];

const tables = REGISTRY.flatMap((resource) => resource.tables);
/** The tables the sandbox holds once (such as the integrations). */
export const SANDBOX_TABLES: readonly AnyTable[] = tables.filter((table) => table.scope === 'sandbox');
/** The tables each integration holds. */
export const INTEGRATION_TABLES: readonly AnyTable[] = tables.filter((table) => table.scope === 'integration');
