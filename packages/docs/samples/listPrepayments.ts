import type { GigapayClient } from '@gigapay/client';

export default async function listPrepayments(client: GigapayClient<true>) {
  const { data } = await client.GET('/prepayments/');
  for (const prepayment of data.results) {
    // status may be a value added after this release.
    console.log(prepayment.status, prepayment.available_balance);
  }
}
