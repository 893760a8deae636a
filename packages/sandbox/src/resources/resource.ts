/**
 * What a resource module declares for the registry (`resources/index.ts`): its handlers (by
 * operationId), its tables, and its control steps (`/_sandbox/` routes and `sandbox.control`
 * methods). Everything else about it stays inside its folder.
 */
import type { SandboxCore } from '../internal/core.js';
import type { IntegrationRecord } from './integrations/record.js';
import type { Handler } from './context.js';
import type { AnyTable } from './table.js';

export type Json = Record<string, unknown>;

/** A life-cycle step that Gigapay or the employee would take, offered as a control. */
export interface ControlStep<Name extends string = string> {
  /** The `sandbox.control` method. */
  name: Name;
  /** The HTTP control, relative to `/_sandbox/`, with `{id}` for the record's id (always a POST). */
  path: string;
  /** One line for `GET /_sandbox/` and the README. */
  summary: string;
  run(core: SandboxCore, integration: IntegrationRecord, id: string): Json;
}

export interface Resource<Steps extends readonly ControlStep[] = readonly ControlStep[]> {
  name: string;
  handlers: Readonly<Record<string, Handler>>;
  tables: readonly AnyTable[];
  controls: Steps;
}

/** Declares a resource, keeping its control step names literal (they type `sandbox.control`). */
export const defineResource = <const Steps extends readonly ControlStep[] = readonly []>(resource: {
  name: string;
  handlers: Readonly<Record<string, Handler>>;
  tables?: readonly AnyTable[];
  controls?: Steps;
}): Resource<Steps> => ({ tables: [], controls: [] as unknown as Steps, ...resource });
