// Guide 2, onboarding in advance: the company you pay people for registers with Gigapay and, once
// approved (on the demo server you approve it yourself), has an integration of its own. It
// subscribes to Employee.verified, registers each person when they sign up, lets them work once
// the (signature-checked) webhook says they are verified, then pays by id.
import type { GuideEnv } from './env.js';
import { listenFor } from './receiver.js';

export async function onboardInAdvance({ client, clientFor, sandbox, log }: GuideEnv) {
  // A registration is your user's, not an integration's: the client sends no Integration-ID.
  const { data: registration } = await client.POST('/registrations/', {
    body: {
      registered_name: 'Acme Deliveries ApS',
      friendly_name: 'Acme Deliveries',
      tin_number: '12345678',
      country: 'DNK',
      address_line_1: 'Vesterbrogade 1',
      zip_code: '1620',
      city: 'København',
      email: 'hello@acme.example',
      phone_number: '+4570123456',
      signatory_name: 'Mette Hansen',
      signatory_email: 'mette@acme.example',
      finance_email: 'billing@acme.example',
      technical_email: 'dev@acme.example',
      invoice_email: 'invoices@acme.example',
    },
  });
  // Demo only; in production Gigapay reviews it and posts Registration.verified.
  const { data: approved } = await client.POST('/registrations/{id}/approve/', { params: { path: { id: registration.id } } });
  log(`registered ${approved.friendly_name}: approved, integration ${approved.integration_id}`);
  const acme = clientFor(approved.integration_id);

  const secret = crypto.randomUUID();
  const receiver = await listenFor('Employee.verified', secret);
  try {
    await acme.POST('/webhooks/', { body: { url: receiver.url, events: ['Employee.verified'], secret_key: secret } });

    // At sign-up: register the person; Gigapay invites them by email to onboard.
    const { data: employee } = await acme.POST('/employees/', {
      body: { id: 'user-1847', name: 'Karl Karlsson', email: 'karl@example.com', country: 'SWE', metadata: { user_id: 1847 } },
    });
    log(`registered employee ${employee.id}; waiting for Employee.verified`);

    sandbox.control.verifyEmployee(employee.id, approved.integration_id); // Gigapay verifies them (simulated)
    const verified = await receiver.first;
    log(`webhook: ${verified.name} verified at ${verified.verified_at} (signature checked)`);

    // The task is done: pay by id.
    const { data: payout } = await acme.POST('/payouts/', {
      body: { employee: verified.id, currency: 'SEK', description: 'Weekend shift', invoiced_amount: '2500.00' },
    });
    log(`paid employee ${payout.employee}: invoiced ${payout.invoiced_amount} ${payout.currency}`);
    return { integrationId: approved.integration_id, employee: verified, payout };
  } finally {
    await receiver.close();
  }
}
