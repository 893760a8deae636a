import type { GigapayClient } from '@gigapay/client';

export default async function listRegistrations(client: GigapayClient<true>) {
  // Registrations are the user's, not an Integration's:
  // the client never sends Integration-ID with them.
  const { data } = await client.GET('/registrations/');
  for (const company of data.results) {
    console.log(company.registered_name, company.needs_review);
  }
}
