import { afterEach, beforeEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import type { Employee } from '@gigapay/types';
import { createGigapayClient, GigapayError, NotFoundError, paginate } from '../src/index.js';
import { clientWith, employee, json, payout, recordingFetch, sequence, TOKEN } from './helpers.js';

/** Three pages of payouts; `next` is absolute. */
function pages(call: { url: string }) {
  const page = Number(new URL(call.url).searchParams.get('page') ?? '1');
  const next = page < 3 ? `https://api.demo.gigapay.com/v2/payouts/?expand=employee&page=${page + 1}` : null;
  const results = [1, 2].map((n) => payout(`p${page}-${n}`, { employee: employee(`e${page}-${n}`) }));
  return json(200, { count: 6, next, previous: null, results });
}

describe('paginate', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('yields every item of every page, following next on the client’s own base URL', async () => {
    const { client, calls } = clientWith(pages);
    const ids: string[] = [];
    for await (const item of paginate(client, '/payouts/', { params: { query: { expand: ['employee'] } } })) {
      expectTypeOf(item.employee).toEqualTypeOf<Employee>();
      ids.push(`${item.id}:${item.employee.id}`);
    }
    expect(ids).toEqual(['p1-1:e1-1', 'p1-2:e1-2', 'p2-1:e2-1', 'p2-2:e2-2', 'p3-1:e3-1', 'p3-2:e3-2']);
    expect(calls.map((call) => call.url)).toEqual([
      'https://api.demo.gigapay.com/v2/payouts/?expand=employee',
      'https://api.demo.gigapay.com/v2/payouts/?expand=employee&page=2',
      'https://api.demo.gigapay.com/v2/payouts/?expand=employee&page=3',
    ]);
    expect(calls.every((call) => call.headers.get('authorization') === `Token ${TOKEN}`)).toBe(true);
  });

  it('is lazy: one page at a time, and stopping early fetches no more', async () => {
    const { client, calls } = clientWith(pages);
    const iterator = paginate(client, '/payouts/');
    await iterator.next();
    await iterator.next();
    expect(calls).toHaveLength(1);
    await iterator.next();
    expect(calls).toHaveLength(2);
    await iterator.return();
    expect(calls).toHaveLength(2);
  });

  it('types items as ids without expand', async () => {
    const { client } = clientWith(pages);
    for await (const item of paginate(client, '/payouts/')) {
      expectTypeOf(item.employee).toEqualTypeOf<string>();
      break;
    }
    const neverCalled = () =>
      // @ts-expect-error: retrieving one payout is not a list
      paginate(client, '/payouts/{id}/');
    expect(neverCalled).toBeTypeOf('function');
  });

  it('retries each page on its own', async () => {
    let failedOnce = false;
    const { client, calls } = clientWith((call) => {
      if (call.url.includes('page=2') && !failedOnce) {
        failedOnce = true;
        return json(503, { detail: 'Down' }, { 'Retry-After': '1' });
      }
      return pages(call);
    });
    const collected = (async () => {
      const ids = [];
      for await (const item of paginate(client, '/payouts/')) ids.push(item.id);
      return ids;
    })();
    await vi.runAllTimersAsync();
    expect(await collected).toHaveLength(6);
    expect(calls.map((call) => new URL(call.url).searchParams.get('page'))).toEqual([null, '2', '2', '3']);
  });

  it('throws the typed error of a failed page, whatever throwOnError says', async () => {
    const { client } = clientWith(sequence(pages, () => json(404, { detail: 'Invalid page.' })));
    const ids: string[] = [];
    const error = await (async () => {
      for await (const item of paginate(client, '/payouts/')) ids.push(item.id);
    })().catch((e: unknown) => e);
    expect(ids).toEqual(['p1-1', 'p1-2']);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).message).toContain('Invalid page.');

    const { fetch } = recordingFetch(() => json(404, { detail: 'Invalid page.' }));
    const throwing = createGigapayClient({ token: TOKEN, fetch, throwOnError: true });
    await expect(paginate(throwing, '/employees/').next()).rejects.toBeInstanceOf(NotFoundError);
  });

  it('stops on a next that does not move', async () => {
    const { client } = clientWith(() => json(200, { count: 99, next: 'https://api.demo.gigapay.com/v2/invoices/?page=2', previous: null, results: [{ id: 'i' }] }));
    const run = async () => {
      for await (const _ of paginate(client, '/invoices/'));
    };
    await expect(run()).rejects.toThrow('loops: next is a page already fetched');
  });

  it('stops on a next that leads back to an earlier page', async () => {
    // page 2 → page 3 → page 2 → …
    const { client, calls } = clientWith((call, index) => {
      if (index > 5) return json(404, { detail: 'Invalid page.' }); // ends the loop if it is not caught
      const page = new URL(call.url).searchParams.get('page');
      const next = `https://api.demo.gigapay.com/v2/invoices/?page=${page === '2' ? 3 : 2}`;
      return json(200, { count: 99, next, previous: null, results: [{ id: `i${index}` }] });
    });
    const run = async () => {
      for await (const _ of paginate(client, '/invoices/'));
    };
    await expect(run()).rejects.toThrow('paginate: /invoices/: loops: next is a page already fetched (https://api.demo.gigapay.com/v2/invoices/?page=2)');
    expect(calls.map((call) => new URL(call.url).search)).toEqual(['', '?page=2', '?page=3']);
  });

  it('stops on an empty page, whatever next says', async () => {
    // A server that answers every page empty, with a next to a new page each time.
    const { client, calls } = clientWith((call, index) => {
      if (index > 20) return json(404, { detail: 'Invalid page.' }); // ends the loop if it is not caught
      const page = Number(new URL(call.url).searchParams.get('page') ?? '1');
      return json(200, { count: 0, next: `https://api.demo.gigapay.com/v2/invoices/?page=${page + 1}`, previous: null, results: [] });
    });
    const items = [];
    for await (const item of paginate(client, '/invoices/')) items.push(item);
    expect(items).toEqual([]);
    expect(calls).toHaveLength(1);
  });

  it('stops once it has yielded `count` items, whatever next says', async () => {
    // Full pages for ever, each with a next to a new page, and a count of 5.
    const { client, calls } = clientWith((call, index) => {
      if (index > 20) return json(404, { detail: 'Invalid page.' });
      const page = Number(new URL(call.url).searchParams.get('page') ?? '1');
      const results = [1, 2].map((n) => payout(`p${page}-${n}`));
      return json(200, { count: 5, next: `https://api.demo.gigapay.com/v2/payouts/?page=${page + 1}`, previous: null, results });
    });
    const ids = [];
    for await (const item of paginate(client, '/payouts/')) ids.push(item.id);
    expect(ids).toEqual(['p1-1', 'p1-2', 'p2-1', 'p2-2', 'p3-1']);
    expect(calls).toHaveLength(3);
  });

  it('stops at the count of the first page, however the count grows (a server cannot keep it paging)', async () => {
    // Each page claims two more objects than were listed so far, with a next to a new page.
    const { client, calls } = clientWith((call, index) => {
      if (index > 20) return json(404, { detail: 'Invalid page.' });
      const page = Number(new URL(call.url).searchParams.get('page') ?? '1');
      const next = `https://api.demo.gigapay.com/v2/payouts/?page=${page + 1}`;
      return json(200, { count: 2 * page + 2, next, previous: null, results: [1, 2].map((n) => payout(`p${page}-${n}`)) });
    });
    const ids = [];
    for await (const item of paginate(client, '/payouts/')) ids.push(item.id);
    expect(ids).toEqual(['p1-1', 'p1-2', 'p2-1', 'p2-2']);
    expect(calls).toHaveLength(2);
  });

  it('takes a page without a count as the only one', async () => {
    const { client, calls } = clientWith(() => json(200, { next: 'https://api.demo.gigapay.com/v2/payouts/?page=2', previous: null, results: [payout('p1')] }));
    const ids = [];
    for await (const item of paginate(client, '/payouts/')) ids.push(item.id);
    expect(ids).toEqual(['p1']);
    expect(calls).toHaveLength(1);
  });

  it('refuses a next on another origin, naming it, and sends nothing there', async () => {
    for (const next of ['http://internal-host/v2/payouts/?page=2', 'http://api.demo.gigapay.com/v2/payouts/?page=2', 'https://api.demo.gigapay.com:8443/v2/payouts/?page=2']) {
      const { client, calls } = clientWith(() => json(200, { count: 99, next, previous: null, results: [payout('p1')] }));
      const ids: string[] = [];
      const error = await (async () => {
        for await (const item of paginate(client, '/payouts/')) ids.push(item.id);
      })().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GigapayError);
      expect((error as Error).message).toBe(
        `paginate: /payouts/: next leads to another origin (${new URL(next).origin}), not to https://api.demo.gigapay.com: not followed`,
      );
      expect(ids).toEqual(['p1']);
      expect(calls).toHaveLength(1);
    }
  });
});
