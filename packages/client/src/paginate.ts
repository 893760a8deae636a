import { errorFromResult } from './client.js';
import { GigapayError } from './errors.js';
import { responseContext } from './internal/transport.js';
import type { CallInit, ExpandableField, GigapayClient, ListItem, ListPath, Operations } from './types.js';

/**
 * Every item of a list endpoint, page by page: one page in memory at a time, each page a call of
 * its own (so retried on its own). Follows `next`, taking its query (page, page_size, filters) but
 * keeping the client's own base URL, so the token is never sent to a host named by a response; a
 * `next` on another origin, or back to a page already fetched, throws a `GigapayError`.
 * Errors are thrown whatever `throwOnError` says: an iterator cannot return them. Ends at the
 * last page, an empty page, or the `count` of the first page, whichever comes first: a server
 * cannot keep it paging.
 *
 * @example
 * for await (const payout of paginate(client, '/payouts/', { params: { query: { expand: ['employee'] } } })) {
 *   console.log(payout.employee.name);
 * }
 */
export async function* paginate<Path extends ListPath, Expanded extends ExpandableField = never>(
  client: GigapayClient<boolean>,
  path: Path,
  init?: CallInit<Operations<'get'>[Path], Expanded>,
): AsyncGenerator<ListItem<Path, Expanded>, void, undefined> {
  const get = client.GET as unknown as (path: string, init: object) => Promise<Page>;
  let pageInit: object = init ?? {};
  const fetched = new Set<string>();
  let remaining: number | undefined;
  for (;;) {
    const { data, error, response } = await get(path, pageInit);
    if (!response.ok || !data) throw errorFromResult(response, error);
    // The first page's `count` bounds the whole listing, the listing as it stood then: a count that
    // grows on every page would keep us paging for ever. A page without one is the only page.
    remaining ??= data.count ?? data.results.length;
    const items = data.results.slice(0, remaining) as ListItem<Path, Expanded>[];
    yield* items;
    remaining -= items.length;
    // An empty page ends the listing too, whatever its `next` says: else a server could page us for ever.
    if (!data.next || !items.length || !remaining) return;
    const next = new URL(data.next);
    const origin = new URL(responseContext(response)!.url).origin;
    const refuse = (why: string) => new GigapayError(`paginate: ${path}: ${why}`);
    if (next.origin !== origin) throw refuse(`next leads to another origin (${next.origin}), not to ${origin}: not followed`);
    const query = next.search.slice(1);
    // A `next` back to a page already fetched (itself, or further back) would loop for ever.
    if (fetched.has(query)) throw refuse(`loops: next is a page already fetched (${data.next})`);
    fetched.add(query);
    pageInit = { ...init, querySerializer: () => query };
  }
}

interface Page {
  data?: { results: unknown[]; next?: string | null; count?: number };
  error?: unknown;
  response: Response;
}
