// Guide 2, onboarding in advance: subscribe to Employee.verified, register the person when they
// sign up, let them work once the (signature-checked) webhook says they are verified, then pay by id.
import { parseWebhook } from '@gigapay/client/webhooks';
import type { Employee } from '@gigapay/types';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { GuideEnv } from './env.js';

/** Your service's webhook endpoint: resolves with the first verified Employee it is told about. */
async function listenForVerifiedEmployee(secret: string) {
  let resolveVerified: (employee: Employee) => void;
  const verified = new Promise<Employee>((resolve) => (resolveVerified = resolve));
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      try {
        // The raw body, exactly as received: a re-serialised body no longer matches its signature.
        const employee = await parseWebhook({
          payload: Buffer.concat(chunks).toString('utf8'),
          header: req.headers['gigapay-signature'] as string | undefined,
          secret,
          event: 'Employee.verified',
        });
        res.writeHead(204).end();
        resolveVerified(employee);
      } catch {
        res.writeHead(400).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/gigapay/employees/`;
  return { url, verified, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

export async function onboardInAdvance({ client, sandbox, log }: GuideEnv) {
  const secret = crypto.randomUUID();
  const receiver = await listenForVerifiedEmployee(secret);
  try {
    await client.POST('/webhooks/', { body: { url: receiver.url, events: ['Employee.verified'], secret_key: secret } });

    // At sign-up: register the person; Gigapay invites them to onboard.
    const { data: employee } = await client.POST('/employees/', {
      body: { id: 'user-1847', name: 'Karl Karlsson', email: 'karl@example.com', country: 'SWE', metadata: { user_id: 1847 } },
    });
    log(`registered employee ${employee.id}; waiting for Employee.verified`);

    sandbox.control.verifyEmployee(employee.id); // Gigapay verifies them (simulated)
    const verified = await receiver.verified;
    log(`webhook: ${verified.name} verified at ${verified.verified_at} (signature checked)`);

    // The task is done: pay by id.
    const { data: payout } = await client.POST('/payouts/', {
      body: { employee: verified.id, currency: 'SEK', description: 'Weekend shift', invoiced_amount: '2500.00' },
    });
    log(`paid employee ${payout.employee}: amount ${payout.amount}, invoiced ${payout.invoiced_amount}, cost ${payout.cost}`);
    return { employee: verified, payout };
  } finally {
    await receiver.close();
  }
}
