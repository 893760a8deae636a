// The program of before.ts, upgraded by following the migration guide
// (packages/docs/pages/migrating-to-2.0.md), run against the current packages and their
// gigapay-sandbox: the invoice that groups payouts is a payrun (closed, then paid: `Payrun.paid`),
// an employee needs an email, a payout has no country and its basis is `invoiced_amount`. Keep the
// two line by line alike except where the guide says to change.
import { createGigapayClient, isErrorOf, paginate, payrunOf } from '@gigapay/client';
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

const { data: webhook } = await gigapay.POST('/webhooks/', { body: { url: hookUrl, events: ['Payrun.paid'], secret_key: secret } });

// 2.0: an email is required; the cellphone number is optional.
const { data: employee } = await gigapay.POST('/employees/', {
  body: { name: `Migrating ${target.tag}`, email: `${target.tag}@example.com`, cellphone_number: '+46701740605', country: 'SWE' },
});

const { data: payout } = await gigapay.POST('/payouts/', {
  body: { employee: employee.id, currency: 'SEK', description: `Gig ${target.tag}`, invoiced_amount: '1000.00' },
});

// The payrun that groups the payout (1.x: the invoice, `payout.invoice`, now a deprecated alias).
const payrunId = payrunOf(payout);
if (!payrunId) throw new Error('step get payrun: the payout names no payrun');
const { data: payrun } = await gigapay.GET('/payruns/{id}/', { params: { path: { id: payrunId } } });
if (payrun.id !== payrunId) throw new Error(`step get payrun: ${payrun.id}, expected ${payrunId}`);

const paid: string[] = [];
for await (const listed of paginate(gigapay, '/payouts/', { params: { query: { search: target.tag } } })) paid.push(listed.id);
if (!paid.includes(payout.id)) throw new Error(`step list payouts: ${payout.id} is not among ${JSON.stringify(paid)}`);

try {
  await gigapay.POST('/payouts/', { body: { employee: `nobody-${target.tag}`, currency: 'SEK', description: 'Gig', invoiced_amount: '1000.00' } });
  throw new Error('step refused payout: an unknown employee was accepted');
} catch (error) {
  if (!isErrorOf(error, 'POST', '/payouts/', 400)) throw error;
  if (!Array.isArray(error.fields['employee'])) throw new Error(`step refused payout: fields ${JSON.stringify(error.fields)}`);
}

// You close the payrun (Gigapay invoices it) and pay it (the sandbox stands in for your bank);
// Gigapay posts `Payrun.paid`.
await gigapay.POST('/payruns/{id}/close/', { params: { path: { id: payrun.id } } });
const headers = { 'Integration-ID': target.integrationId, 'Content-Type': 'application/json' };
const pay = await fetch(`${sandbox}/_sandbox/payruns/${encodeURIComponent(payrun.id)}/pay`, { method: 'POST', headers });
if (!pay.ok) throw new Error(`step pay payrun: ${pay.status} ${await pay.text()}`);
await fetch(`${sandbox}/_sandbox/webhook-deliveries?wait=true&webhook=${encodeURIComponent(webhook.id)}`, { headers });
const [delivery] = (await (await fetch(`${hookUrl}received`)).json()) as Array<{ body: string; signature: string | null }>;
if (!delivery) throw new Error('step Payrun.paid: no delivery arrived');
const paidPayrun = await parseWebhook({ payload: delivery.body, header: delivery.signature, secret, event: 'Payrun.paid' });
if (paidPayrun.id !== payrun.id || !paidPayrun.paid_at) throw new Error(`step Payrun.paid: ${delivery.body}`);

console.log(`paid ${payout.id} to ${employee.id} on ${payrun.id}`);
