import type { GigapayClient } from '@gigapay/client';

export default async function retrieveApiRoot(client: GigapayClient<true>) {
  // Checks your credentials: resources and their URLs.
  const { data: root } = await client.GET('/');
  console.log(Object.keys(root));
}
