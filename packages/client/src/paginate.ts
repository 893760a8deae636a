import { errorFromResult } from './client.js';
import type { GigapayClient, ListInit, ListItem, ListPath } from './types.js';

/**
 * Every item of a list endpoint, page by page: one page in memory at a time, each page a call of
 * its own (so retried on its own). Follows `next`, taking its query (page, page_size, filters) but
 * keeping the client's own base URL, so the token is never sent to a host named by a response.
 * Errors are thrown whatever `throwOnError` says: an iterator cannot return them. Ends at the
 * last page, an empty page, or `count` items, whichever comes first.
 *
 * @example
 * for await (const payout of paginate(client, '/payouts/', { params: { query: { expand: ['employee'] } } })) {
 *   console.log(payout.employee.name);
 * }
 */
export async function* paginate<Path extends ListPath, Init extends ListInit<Path>>(
  client: GigapayClient<boolean>,
  path: Path,
  init?: Init,
): AsyncGenerator<ListItem<Path, Init>, void, undefined> {
  const get = client.GET as unknown as (path: string, init: object) => Promise<Page>;
  let pageInit: object = init ?? {};
  const fetched = new Set<string>();
  let yielded = 0;
  for (;;) {
    const { data, error, response } = await get(path, pageInit);
    if (!response.ok || !data) throw errorFromResult(response, error);
    // `count` bounds the whole listing: a server that keeps handing out pages past it is not followed.
    const remaining = typeof data.count === 'number' ? data.count - yielded : Infinity;
    const items = data.results.slice(0, Math.max(0, remaining)) as ListItem<Path, Init>[];
    yield* items;
    yielded += items.length;
    // An empty page ends the listing too, whatever its `next` says: else a server could page us for ever.
    if (!data.next || !items.length || items.length === remaining) return;
    const query = new URL(data.next).search.slice(1);
    // A `next` back to a page already fetched (itself, or further back) would loop for ever.
    if (fetched.has(query)) throw new Error(`paginate: ${path} loops: next is a page already fetched (${data.next})`);
    fetched.add(query);
    pageInit = { ...init, querySerializer: () => query };
  }
}

interface Page {
  data?: { results: unknown[]; next?: string | null; count?: number };
  error?: unknown;
  response: Response;
}
