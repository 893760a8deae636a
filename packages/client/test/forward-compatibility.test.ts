/**
 * Open responses, closed requests: a value Gigapay adds tomorrow (a payout `latest_status` of
 * "on_hold") passes through a response, typed as the known values or
 * any other string; a request still takes only the known ones. End to end, over real HTTP.
 */
import type { PayoutStatus } from '@gigapay/types';
import { afterEach, describe, expect, expectTypeOf, it } from 'vitest';
import { createGigapayClient, paginate } from '../src/index.js';
import { answer, httpServer } from './http-server.js';
import { payout, TOKEN } from './helpers.js';

let close: (() => Promise<void>) | undefined;
afterEach(() => close?.());

describe('a response value this version does not know', () => {
  it('passes through single answers and pages, typed as another string', async () => {
    const later = payout('p1', { latest_status: 'on_hold' });
    const server = await httpServer((request, response) =>
      answer(response, 200, request.path.startsWith('/v2/payouts/p1/') ? later : { count: 1, next: null, previous: null, results: [later] }),
    );
    close = server.close;
    const gigapay = createGigapayClient({ token: TOKEN, integrationId: 'integration-1', server: server.url, throwOnError: true });

    const { data } = await gigapay.GET('/payouts/{id}/', { params: { path: { id: 'p1' } } });
    expect(data.latest_status).toBe('on_hold');
    expectTypeOf(data.latest_status).toEqualTypeOf<PayoutStatus | undefined>();
    // Known values still narrow and complete; any other string is accepted.
    const status: PayoutStatus = 'on_hold';
    expect(status).toBe('on_hold');
    expectTypeOf<'accepted'>().toExtend<PayoutStatus>();

    const statuses: (PayoutStatus | undefined)[] = [];
    for await (const item of paginate(gigapay, '/payouts/')) statuses.push(item.latest_status);
    expect(statuses).toEqual(['on_hold']);
  });

  it('while a request enum stays closed: a webhook subscribes only to the events of this version', () => {
    const gigapay = createGigapayClient({ token: TOKEN });
    const neverCalled = () =>
      // @ts-expect-error: 'Payout.reversed' is not an event this version can subscribe to
      gigapay.POST('/webhooks/', { body: { url: 'https://example.com/hook/', events: ['Payout.reversed'] } });
    expect(neverCalled).toBeTypeOf('function');
  });
});
