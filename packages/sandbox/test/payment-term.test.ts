import { describe, expect, it } from 'vitest';
import { SandboxCore } from '../src/internal/core.js';
import { integrationsOf } from '../src/resources/integrations/record.js';
import { paymentTermOf } from '../src/resources/payment-term/index.js';
import { startForFile } from './helpers.js';

const { sandbox, call } = await startForFile();

describe('payment term', () => {
  it('is one object per integration with the documented defaults', async () => {
    const term = await call('GET', 'payment_term/');
    expect(term.status).toBe(200);
    expect(term.body).toEqual({
      batching_duration: 86400,
      due_days: 14,
      batching_interval: 'weekly',
      credit_terms: [
        { currency: 'SEK', credit_limit: '100000.00', credit_used: '0.00' },
        { currency: 'EUR', credit_limit: '10000.00', credit_used: '0.00' },
      ],
    });
    expect(sandbox.violations).toEqual([]);
  });

  it('needs Integration-ID (403 without)', async () => {
    expect((await call('GET', 'payment_term/', undefined, { 'integration-id': '' })).status).toBe(403);
  });

  it('paymentTermOf gives the life cycles the same terms (due_days for an invoice’s due date)', () => {
    const core = new SandboxCore();
    expect(paymentTermOf(integrationsOf(core).get(core.defaultCredentials.integrationId)!).due_days).toBe(14);
  });
});
