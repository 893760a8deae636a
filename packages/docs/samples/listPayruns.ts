import type { GigapayClient } from '@gigapay/client';

export default async function listPayruns(client: GigapayClient<true>) {
  // The open Payruns: those still collecting Payouts.
  const { data } = await client.GET('/payruns/', {
    params: { query: { open: true } },
  });
  for (const payrun of data.results) {
    console.log(payrun.id, payrun.price, payrun.currency);
  }
}
