// A small integration written for @gigapay/client 1.0.0, as a user wrote it: subscribe to the paid
// invoice, register an employee, pay them, read the invoice the payout went on, list what was paid,
// handle a refused payout, and receive the signed `Invoice.paid` once the invoice is paid. It runs
// against the gigapay-sandbox 1.0.0 installed beside it. after.ts is the same program upgraded by
// following the migration guide (packages/docs/pages/migrating-to-2.0.md); keep the two line by
// line alike except where the guide says to change.
import { createGigapayClient, isErrorOf, paginate } from '@gigapay/client';
import { parseWebhook } from '@gigapay/client/webhooks';

interface Target {
  baseUrl: string;
  hookUrl: string;
  token: string;
  integrationId: string;
  tag: string;
}
const target: Target = JSON.parse(process.env['CONSUMER_TARGET'] ?? '{}');
const sandbox = new URL(target.baseUrl).origin; // the sandbox's own controls, standing in for Gigapay
const secret = `whsec-${target.tag}`;
const hookUrl = `${target.hookUrl}${target.tag}/`;

const gigapay = createGigapayClient({ token: target.token, integrationId: target.integrationId, server: target.baseUrl, throwOnError: true });

const { data: webhook } = await gigapay.POST('/webhooks/', { body: { url: hookUrl, events: ['Invoice.paid'], secret_key: secret } });

// 1.x: an email or a cellphone number.
const { data: employee } = await gigapay.POST('/employees/', {
  body: { name: `Migrating ${target.tag}`, cellphone_number: '+46701740605', country: 'SWE' },
});

const { data: payout } = await gigapay.POST('/payouts/', {
  body: { employee: employee.id, currency: 'SEK', description: `Gig ${target.tag}`, amount: '1000.00', country: 'SWE' },
});

// The invoice that groups the payout.
const { data: invoice } = await gigapay.GET('/invoices/{id}/', { params: { path: { id: payout.invoice } } });
if (invoice.id !== payout.invoice) throw new Error(`step get invoice: ${invoice.id}, expected ${payout.invoice}`);

const paid: string[] = [];
for await (const listed of paginate(gigapay, '/payouts/', { params: { query: { search: target.tag } } })) paid.push(listed.id);
if (!paid.includes(payout.id)) throw new Error(`step list payouts: ${payout.id} is not among ${JSON.stringify(paid)}`);

try {
  await gigapay.POST('/payouts/', { body: { employee: `nobody-${target.tag}`, currency: 'SEK', description: 'Gig', amount: '1000.00' } });
  throw new Error('step refused payout: an unknown employee was accepted');
} catch (error) {
  if (!isErrorOf(error, 'POST', '/payouts/', 400)) throw error;
  if (!Array.isArray(error.fields['employee'])) throw new Error(`step refused payout: fields ${JSON.stringify(error.fields)}`);
}

// You pay the invoice (the sandbox stands in for your bank); Gigapay posts `Invoice.paid`.
const headers = { 'Integration-ID': target.integrationId, 'Content-Type': 'application/json' };
const pay = await fetch(`${sandbox}/_sandbox/invoices/${encodeURIComponent(invoice.id)}/pay`, { method: 'POST', headers });
if (!pay.ok) throw new Error(`step pay invoice: ${pay.status} ${await pay.text()}`);
await fetch(`${sandbox}/_sandbox/webhook-deliveries?wait=true&webhook=${encodeURIComponent(webhook.id)}`, { headers });
const [delivery] = (await (await fetch(`${hookUrl}received`)).json()) as Array<{ body: string; signature: string | null }>;
if (!delivery) throw new Error('step Invoice.paid: no delivery arrived');
const paidInvoice = await parseWebhook({ payload: delivery.body, header: delivery.signature, secret, event: 'Invoice.paid' });
if (paidInvoice.id !== invoice.id || !paidInvoice.paid_at) throw new Error(`step Invoice.paid: ${delivery.body}`);

console.log(`paid ${payout.id} to ${employee.id} on ${invoice.id}`);
