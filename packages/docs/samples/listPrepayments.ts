import type { GigapayClient } from '@gigapay/client';

export default async function listPrepayments(client: GigapayClient<true>) {
  const { data } = await client.GET('/prepayments/');
  // status may be a value added after this release.
  for (const { status, available_balance } of data.results) {
    console.log(status, available_balance);
  }
}
