import type { GigapayClient } from '@gigapay/client';
import { createPayoutsInBulk, type PayoutCreate } from '@gigapay/client';
import type { Fixtures } from '../fixtures.js';

export default async function bulk(client: GigapayClient<true>, { employeeId }: Fixtures) {
  // A week of shifts; 100 payouts a request by default.
  const days = ['2026-11-30', '2026-12-01', '2026-12-02'];
  const payouts: PayoutCreate[] = days.map((day) => ({
    employee: employeeId,
    amount: '800.00',
    currency: 'SEK',
    description: `Shift ${day}`,
  }));

  let report = await createPayoutsInBulk(client, payouts);
  for (const result of report.results) {
    if (result.status === 'invalid') {
      console.log(result.index, result.errors); // its own 400
    } else if (result.status === 'failed') {
      console.log(result.index, result.error.message);
    }
  }
  if (report.results.some((r) => r.status === 'failed')) {
    // A chunk without an answer may be done: the same
    // keyPrefix re-sends each chunk under its first key,
    // so nobody is paid twice.
    const { keyPrefix } = report;
    report = await createPayoutsInBulk(client, payouts, { keyPrefix });
  }
  console.log(report.created.length, 'payouts created');
}
