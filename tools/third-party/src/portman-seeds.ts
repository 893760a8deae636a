import type { ListeningSandbox } from '@gigapay/sandbox';
import { requestBody, type Collection } from './portman.js';
import { api, type Json } from './sandbox-api.js';

const employee = (id: string, n: number) => ({ id, name: `Seeded Employee ${n}`, email: `seeded-${n}@example.com`, country: 'SWE' });
const payout = (employeeId: string, currency = 'SEK') => ({ employee: employeeId, amount: '100.00', currency, description: 'Seeded payout' });
const prepayment = { description: 'Seeded prepayment', net_amount: '1000.00', currency: 'SEK' };
/** Subscribed to an event the run does not cause, at an address that refuses connections. */
const webhook = { url: 'http://127.0.0.1:9/portman', events: ['Payrun.paid'] };
const registration = (n: number) => ({
  integration_id: `portman-registration-${n}`,
  tin_number: '12345678',
  registered_name: `Seeded ApS ${n}`,
  friendly_name: `Seeded ${n}`,
  address_line_1: 'Gade 1',
  zip_code: '1620',
  city: 'København',
  email: `registration-${n}@example.com`,
  phone_number: '+4570123456',
  country: 'DNK',
  signatory_name: 'Seeded Signatory',
  signatory_email: `signatory-${n}@example.com`,
  finance_email: `finance-${n}@example.com`,
  technical_email: `tech-${n}@example.com`,
  invoice_email: `invoices-${n}@example.com`,
});
const DAY_MS = 86_400_000;

/**
 * Creates, through the sandbox's API and controls, the objects behind every path id of the
 * Portman collection, and returns newman's variables (portman/portman-config.json names them).
 *
 * The collection runs in order, and some of its requests change ids with the spec's example
 * bodies (`PATCH /employees/{id}/` with `{"id": "8472"}`…). So each mutating operation gets its
 * own object, and where a later request uses an id an earlier one made, it is read from the
 * collection's own bodies: the payrun renamed by `PATCH /payruns/{id}/` is the one deleted; the
 * employee of the example payout is seeded under that id, and replaced with its own id.
 * Integrations are no longer created by the API (2.0): the ones edited and deleted are those of
 * approved registrations.
 */
export async function seedForPortman(sandbox: ListeningSandbox, collection: Collection): Promise<Record<string, string>> {
  const examplePayout = requestBody(collection, 'POST', 'payouts/');
  const renamedPayrun = requestBody(collection, 'PATCH', 'payruns/:id/');
  const payeeEmployeeId = String(examplePayout['employee']);
  const post = (path: string, body: Json) => api(sandbox, 'POST', path, body);
  const idOf = (object: Json | undefined) => String(object!['id']);

  // Registrations (user-scoped): one to read and edit, one to delete, one to approve; two approved
  // here, whose Integrations are the ones replaced and deleted.
  const [registration1, toDelete, toApprove, forReplace, forDelete] = await Promise.all([1, 2, 3, 4, 5].map((n) => post('registrations/', registration(n))));
  const integrationToReplaceId = String(sandbox.control.approveRegistration(idOf(forReplace))['integration_id']);
  const integrationToDeleteId = String(sandbox.control.approveRegistration(idOf(forDelete))['integration_id']);

  // A payout notified (its payrun paid) and not accepted: the one resend may be asked for.
  await post('employees/', employee(payeeEmployeeId, 1));
  const notified = await post('payouts/', payout(payeeEmployeeId));
  const paidPayrunId = String(notified['payrun']);
  const paidPayrun = sandbox.control.payPayrun(paidPayrunId);
  // Paying notified it: one resend is allowed 24 hours later.
  sandbox.control.advanceClock(25 * 3_600_000);

  // The rest goes on a new open payrun.
  const [retrieved, toRename, toDeleteEmployee, toInvite] = await Promise.all(
    ['portman-get', 'portman-rename', 'portman-delete', 'portman-invite'].map((id, n) => post('employees/', employee(id, n + 2))),
  );
  const kept = await post('payouts/', payout(idOf(retrieved)));
  const doomed = await post('payouts/', payout(idOf(retrieved)));

  // A closed payrun (in EUR) whose billing invoice is issued by the run, then an open one it closes.
  const billed = await post('payouts/', payout(idOf(retrieved), 'EUR'));
  await api(sandbox, 'POST', `payruns/${String(billed['payrun'])}/close/`);
  const closed = await api(sandbox, 'GET', `payruns/${String(billed['payrun'])}/`);
  const toClose = await post('payouts/', payout(idOf(retrieved), 'EUR'));
  // Issuing is refused (403) while the integration's invoicing is disabled.
  sandbox.control.enableInvoicing(sandbox.integrationId);

  const [message, messageToDelete] = await Promise.all([1, 2].map((n) => post('messages/', { employees: [idOf(retrieved)], content: `Seeded message ${n}` })));
  // Prepayments can be edited and deleted only while DRAFT, as they are when created.
  const [prepayment1, prepaymentToDelete] = await Promise.all([1, 2].map(() => post('prepayments/', prepayment)));
  const [kept_webhook, doomed_webhook] = await Promise.all([post('webhooks/', webhook), post('webhooks/', webhook)]);

  return {
    baseUrl: sandbox.url.replace(/\/$/, ''),
    apiKey: `Token ${sandbox.token}`,
    integrationId: sandbox.integrationId,
    integrationToReplaceId,
    integrationToDeleteId,
    registrationId: idOf(registration1),
    registrationToDeleteId: idOf(toDelete),
    registrationToApproveId: idOf(toApprove),
    employeeId: idOf(retrieved),
    employeeToRenameId: idOf(toRename),
    payeeEmployeeId,
    employeeToDeleteId: idOf(toDeleteEmployee),
    employeeToInviteId: idOf(toInvite),
    messageId: idOf(message),
    messageToDeleteId: idOf(messageToDelete),
    payoutId: idOf(kept),
    payoutToDeleteId: idOf(doomed),
    notifiedPayoutId: idOf(notified),
    paidPayrunId,
    openPayrunId: String(kept['payrun']),
    renamedPayrunId: String(renamedPayrun['id']),
    payrunToCloseId: String(toClose['payrun']),
    paidInvoiceId: String(paidPayrun['invoice']),
    invoiceToIssueId: String(closed['invoice']),
    // The example's due date (2024) is in the past of the sandbox's clock: a week ahead instead.
    issueDueDate: new Date(Date.parse(sandbox.control.now()) + 7 * DAY_MS).toISOString().slice(0, 10),
    prepaymentId: idOf(prepayment1),
    prepaymentToDeleteId: idOf(prepaymentToDelete),
    webhookId: idOf(kept_webhook),
    webhookToDeleteId: idOf(doomed_webhook),
  };
}
