/**
 * The session every client consumer runs against the installed `gigapay-sandbox`: the calls a new
 * integration makes first. Web APIs only (fetch, console), so that the browser and edge bundles run
 * it too. The client modules come in as arguments, imported the way each consumer imports them.
 */
import type * as Gigapay from '@gigapay/client';
import type * as GigapayWebhooks from '@gigapay/client/webhooks';

export interface SessionTarget {
  /** The API base, ending in `/v2/`. */
  baseUrl: string;
  token: string;
  integrationId: string;
  /** Where the sandbox delivers webhooks; GET `${hookUrl}received` lists what arrived. */
  hookUrl: string;
  /** A tag that keeps this session's objects apart from other sessions' on the same sandbox. */
  tag: string;
}

/** Runs `action`, naming `name` in its error: the suite reports the failed step. */
async function step<T>(name: string, action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    throw new Error(`step ${name}: ${message}`);
  }
}

function check(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

export async function runSession(gigapay: typeof Gigapay, webhooks: typeof GigapayWebhooks, target: SessionTarget): Promise<void> {
  const client = await step('create client', async () =>
    gigapay.createGigapayClient({ token: target.token, integrationId: target.integrationId, server: target.baseUrl, throwOnError: true }),
  );
  const secret = `whsec-${target.tag}`;

  const webhook = await step('create webhook', async () => {
    const { data } = await client.POST('/webhooks/', { body: { url: target.hookUrl, events: ['Employee.created'], secret_key: secret } });
    return data;
  });

  const employee = await step('register employee', async () => {
    const { data } = await client.POST('/employees/', {
      body: { name: `Consumer ${target.tag}`, email: `${target.tag}@example.com`, country: 'SWE' },
    });
    return data;
  });

  await step('create payout', async () => {
    const { data: payout } = await client.POST('/payouts/', {
      body: { employee: employee.id, currency: 'SEK', description: `Gig ${target.tag}`, amount: '1000.00' },
    });
    check(payout.cost === '1379.91', `cost ${payout.cost}, expected 1379.91`);
  });

  await step('list payouts with expand=employee', async () => {
    const { data } = await client.GET('/payouts/', { params: { query: { expand: ['employee'], search: target.tag } } });
    const names = data.results.map((payout) => payout.employee.name);
    check(names.includes(employee.name ?? ''), `no payout of ${employee.name} among ${JSON.stringify(names)}`);
  });

  await step('typed ValidationError', async () => {
    try {
      await client.POST('/payouts/', { body: { employee: `nobody-${target.tag}`, currency: 'SEK', description: 'Gig', amount: '1000.00' } });
    } catch (error) {
      check(error instanceof gigapay.ValidationError, `threw ${String(error)}, expected a ValidationError`);
      check(error.status === 400 && Array.isArray(error.fields['employee']), `fields ${JSON.stringify(error.fields)}`);
      return;
    }
    throw new Error('an unknown employee was accepted');
  });

  await step('verify signed webhook delivery', async () => {
    const origin = new URL(target.baseUrl).origin;
    await fetch(`${origin}/_sandbox/webhook-deliveries?wait=true&webhook=${encodeURIComponent(webhook.id)}`);
    const received: Array<{ body: string; signature: string | null }> = await (await fetch(`${target.hookUrl}received`)).json();
    check(received.length > 0, 'no webhook delivery arrived');
    const delivered = await webhooks.parseWebhook({ payload: received[0]!.body, header: received[0]!.signature, secret, event: 'Employee.created' });
    check(delivered.id === employee.id, `delivered ${delivered.id}, expected ${employee.id}`);
    let forged = false;
    try {
      const changed = received[0]!.body.replace(employee.id, `${employee.id}-changed`);
      await webhooks.verifyWebhookSignature({ payload: changed, header: received[0]!.signature, secret });
    } catch (error) {
      forged = error instanceof webhooks.WebhookSignatureError && error.reason === 'no_matching_signature';
    }
    check(forged, 'a changed body passed verification');
  });
}
