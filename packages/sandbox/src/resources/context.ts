import type { SandboxCore } from '../internal/core.js';
import type { Account } from '../internal/state.js';
import type { IntegrationRecord } from './integrations/record.js';

/** What a handler sees: the request already authenticated, routed and validated against the spec. */
export interface OperationContext {
  core: SandboxCore;
  account: Account;
  /** The `Integration-ID` integration: absent on operations whose scope (generated from the spec) is `none`, or `optional` and not sent. */
  integration: IntegrationRecord | undefined;
  params: Record<string, string>;
  url: URL;
  query: URLSearchParams;
  /** The parsed body (`{}` when the request had none): JSON, or a multipart form read into the same shape. */
  body: unknown;
  language: string;
}

export interface HandlerResult {
  status: number;
  body?: unknown;
}

export type Handler = (context: OperationContext) => HandlerResult;

export function scoped(context: OperationContext): IntegrationRecord {
  if (!context.integration) throw new Error('handler needs an integration');
  return context.integration;
}

/** A JSON object body, or `{}`: the spec validator has already refused anything else. */
export const objectBody = (body: unknown): Record<string, unknown> =>
  body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};

/** Ids are strings; the docs' examples send numbers, so those are accepted and stringified. */
export const idValue = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined;

export const metadataValue = (value: unknown, fallback: Record<string, unknown> = {}): Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : fallback;

export const has = (body: Record<string, unknown>, key: string): boolean => Object.prototype.hasOwnProperty.call(body, key) && body[key] !== undefined;
