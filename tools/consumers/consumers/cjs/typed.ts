// TypeScript with module: commonjs: the client's CommonJS declarations (index.d.cts, webhooks).
import { createGigapayClient, ValidationError, type Payout } from '@gigapay/client';
import { parseWebhook } from '@gigapay/client/webhooks';
import type { Employee } from '@gigapay/types';

export const client = createGigapayClient({ token: 'token', server: 'demo', throwOnError: true });
export async function firstPayout(): Promise<Payout | undefined> {
  const { data } = await client.GET('/payouts/');
  return data.results[0];
}
export async function verified(payload: string, header: string): Promise<Employee> {
  return parseWebhook({ payload, header, secret: 'secret', event: 'Employee.verified' });
}
export const isValidationError = (error: unknown): error is ValidationError => error instanceof ValidationError;
