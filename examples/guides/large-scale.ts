// Guide 3, large scale: thousands of payouts in chunks of the bulk endpoint, all on one invoice;
// once the invoice is paid, every payout's employee is notified.
import { createPayoutsInBulk, paginate } from '@gigapay/client';
import type { PayoutCreate } from '@gigapay/types';
import type { GuideEnv } from './env.js';

export async function payAtScale({ client, sandbox, log }: GuideEnv, count = 2000) {
  const workers = await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      client.POST('/employees/', { body: { name: `Courier ${i}`, email: `courier${i}@example.com`, country: 'SWE' } }),
    ),
  );
  const payouts: PayoutCreate[] = Array.from({ length: count }, (_, i) => ({
    id: `delivery-${i}`, // your own id: a second run cannot pay the same delivery twice
    employee: workers[i % workers.length]!.data.id,
    currency: 'SEK',
    description: `Delivery ${i}`,
    amount: '125.00',
  }));

  const report = await createPayoutsInBulk(client, payouts, { chunkSize: 250 });
  const failed = report.results.filter((r) => r.status !== 'created');
  if (failed.length) throw new Error(`${failed.length} payouts were not created; re-run with keyPrefix ${report.keyPrefix}`);
  const invoices = new Set(report.created.map((p) => p.invoice));
  log(`created ${report.created.length} payouts in ${Math.ceil(count / 250)} requests on ${invoices.size} invoice(s)`);

  for (const invoice of invoices) sandbox.control.payInvoice(invoice as string); // you pay the invoice (simulated)
  let notified = 0;
  for await (const payout of paginate(client, '/payouts/', { params: { query: { notified_at_null: false, page_size: 500 } } })) {
    if (payout.notified_at) notified++;
  }
  log(`invoice paid: ${notified} payouts notified`);
  return { created: report.created.length, invoices: invoices.size, notified };
}
