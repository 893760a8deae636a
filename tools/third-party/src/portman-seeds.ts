import type { ListeningSandbox } from '@gigapay/sandbox';
import { requestBody, type Collection } from './portman.js';
import { api } from './sandbox-api.js';

const employee = (id: string, n: number) => ({ id, name: `Seeded Employee ${n}`, email: `seeded-${n}@example.com`, country: 'SWE' });
const payout = (employeeId: string) => ({ employee: employeeId, amount: '100.00', currency: 'SEK', description: 'Seeded payout' });

/**
 * Creates, through the sandbox's API and controls, the objects behind every path id of the
 * Portman collection, and returns newman's variables (portman/portman-config.json names them).
 *
 * The collection runs in order, and some of its requests change ids with the spec's example
 * bodies (`PATCH /employees/{id}/` with `{"id": "8472"}`…). So each mutating operation gets its
 * own object, and where a later request uses an id an earlier one made, it is read from the
 * collection's own bodies: the integration `POST /integrations/` creates is the one replaced and
 * deleted; the invoice renamed by `PATCH /invoices/{id}/` is the one deleted; the employee of the
 * example payout is seeded under that id, and replaced with its own id.
 */
export async function seedForPortman(sandbox: ListeningSandbox, collection: Collection): Promise<Record<string, string>> {
  const createdIntegration = requestBody(collection, 'POST', 'integrations/');
  const examplePayout = requestBody(collection, 'POST', 'payouts/');
  const renamedInvoice = requestBody(collection, 'PATCH', 'invoices/:id/');
  const payeeEmployeeId = String(examplePayout['employee']);

  // A payout notified (its invoice paid) and not accepted: the one resend may be asked for.
  await api(sandbox, 'POST', 'employees/', employee(payeeEmployeeId, 1));
  const notified = await api(sandbox, 'POST', 'payouts/', payout(payeeEmployeeId));
  const paidInvoiceId = String(notified['invoice']);
  sandbox.control.payInvoice(paidInvoiceId);
  // Paying notified it: one resend is allowed 24 hours later.
  sandbox.control.advanceClock(25 * 3_600_000);

  // The rest goes on a new open invoice.
  const [retrieved, toRename, toDelete, toInvite] = await Promise.all(
    ['portman-get', 'portman-rename', 'portman-delete', 'portman-invite'].map((id, n) => api(sandbox, 'POST', 'employees/', employee(id, n + 2))),
  );
  const kept = await api(sandbox, 'POST', 'payouts/', payout(String(retrieved!['id'])));
  const doomed = await api(sandbox, 'POST', 'payouts/', payout(String(retrieved!['id'])));

  // Subscribed to an event the run does not cause, at an address that refuses connections.
  const webhook = { url: 'http://127.0.0.1:9/portman', events: ['Invoice.paid'] };
  const [kept_webhook, doomed_webhook] = await Promise.all([api(sandbox, 'POST', 'webhooks/', webhook), api(sandbox, 'POST', 'webhooks/', webhook)]);

  return {
    baseUrl: sandbox.url.replace(/\/$/, ''),
    apiKey: `Token ${sandbox.token}`,
    integrationId: sandbox.integrationId,
    createdIntegrationId: String(createdIntegration['id']),
    employeeId: String(retrieved!['id']),
    employeeToRenameId: String(toRename!['id']),
    payeeEmployeeId,
    employeeToDeleteId: String(toDelete!['id']),
    employeeToInviteId: String(toInvite!['id']),
    payoutId: String(kept['id']),
    payoutToDeleteId: String(doomed['id']),
    notifiedPayoutId: String(notified['id']),
    paidInvoiceId,
    openInvoiceId: String(kept['invoice']),
    renamedInvoiceId: String(renamedInvoice['id']),
    webhookId: String(kept_webhook['id']),
    webhookToDeleteId: String(doomed_webhook['id']),
  };
}
