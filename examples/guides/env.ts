// What every guide gets: a client acting as your integration, a client for any other integration
// of your user (a company whose registration was approved), and the sandbox standing in for
// Gigapay and the people you pay (verifying them, paying your payruns, accepting payouts).
import type { GigapayClient } from '@gigapay/client';
import type { ListeningSandbox } from '@gigapay/sandbox';

export interface GuideEnv {
  client: GigapayClient<true>;
  clientFor: (integrationId: string) => GigapayClient<true>;
  sandbox: ListeningSandbox;
  log: (line: string) => void;
}
