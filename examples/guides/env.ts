// What every guide gets: a client acting as your integration, and the sandbox standing in for
// Gigapay and the worker (verifying people, paying invoices, accepting payouts).
import type { GigapayClient } from '@gigapay/client';
import type { ListeningSandbox } from '@gigapay/sandbox';

export interface GuideEnv {
  client: GigapayClient<true>;
  sandbox: ListeningSandbox;
  log: (line: string) => void;
}
