// Guide 3, large scale: thousands of payouts in chunks of the bulk endpoint, all joining the one
// open payrun. You close the payrun (Gigapay invoices it) and pay it; Payrun.paid tells your
// service, and every payout's employee is notified.
import { createPayoutsInBulk, paginate, payrunOf } from '@gigapay/client';
import type { PayoutCreate } from '@gigapay/types';
import type { GuideEnv } from './env.js';
import { listenFor } from './receiver.js';

export async function payAtScale({ client, sandbox, log }: GuideEnv, count = 2000) {
  const secret = crypto.randomUUID();
  const receiver = await listenFor('Payrun.paid', secret);
  try {
    await client.POST('/webhooks/', { body: { url: receiver.url, events: ['Payrun.paid'], secret_key: secret } });
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
      invoiced_amount: '125.00',
    }));

    const report = await createPayoutsInBulk(client, payouts, { chunkSize: 250 });
    const failed = report.results.filter((r) => r.status !== 'created');
    if (failed.length) throw new Error(`${failed.length} payouts were not created; re-run with keyPrefix ${report.keyPrefix}`);
    // A payout made today always names its payrun.
    const payruns = new Set(report.created.map((payout) => payrunOf(payout)!));
    log(`created ${report.created.length} payouts in ${Math.ceil(count / 250)} requests on ${payruns.size} payrun(s)`);

    for (const payrun of payruns) {
      // Closing finalises the payrun: its payouts become visible, and Gigapay invoices it.
      await client.POST('/payruns/{id}/close/', { params: { path: { id: payrun } } });
      sandbox.control.payPayrun(payrun); // you pay it (simulated)
    }
    const paid = await receiver.first;
    log(`webhook: payrun ${paid.id} paid at ${paid.paid_at} (signature checked)`);

    let notified = 0;
    for await (const payout of paginate(client, '/payouts/', { params: { query: { notified_at_null: false, page_size: 500 } } })) {
      if (payout.notified_at) notified++;
    }
    log(`${notified} payouts notified in all (each payout of a paid payrun is)`);
    return { created: report.created.length, payruns: payruns.size, paid: paid.id, notified };
  } finally {
    await receiver.close();
  }
}
