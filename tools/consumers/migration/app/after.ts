// The program of before.ts, upgraded by following the migration guide (docs: migrating from 1.x),
// run against the current packages and their gigapay-sandbox. Until the guide has its changes this
// is before.ts as it stands: the current packages still take it unchanged. Keep the two line by line
// alike except where the guide says to change.
import { createGigapayClient, isErrorOf, paginate } from '@gigapay/client';

interface Target {
  baseUrl: string;
  token: string;
  integrationId: string;
  tag: string;
}
const target: Target = JSON.parse(process.env['CONSUMER_TARGET'] ?? '{}');

const gigapay = createGigapayClient({ token: target.token, integrationId: target.integrationId, server: target.baseUrl, throwOnError: true });

const { data: employee } = await gigapay.POST('/employees/', {
  body: { name: `Migrating ${target.tag}`, email: `${target.tag}@example.com`, country: 'SWE' },
});

const { data: payout } = await gigapay.POST('/payouts/', {
  body: { employee: employee.id, currency: 'SEK', description: `Gig ${target.tag}`, amount: '1000.00' },
});

// The invoice that groups the payout (1.x: `invoice`; the guide says what it is now).
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

console.log(`paid ${payout.id} to ${employee.id} on ${invoice.id}`);
