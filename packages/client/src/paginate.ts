import { errorFromResult } from './client.js';
import type { CallInit, ExpandableField, GigapayClient, ListItem, ListPath, Operations } from './types.js';

/**
 * Every item of a list endpoint, page by page: one page in memory at a time, each page a call of
 * its own (so retried on its own). Follows `next`, taking its query (page, page_size, filters) but
 * keeping the client's own base URL, so the token is never sent to a host named by a response.
 * Errors are thrown whatever `throwOnError` says: an iterator cannot return them.
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
  for (;;) {
    const { data, error, response } = await get(path, pageInit);
    if (!response.ok || !data) throw errorFromResult(response, error);
    yield* data.results as ListItem<Path, Expanded>[];
    if (!data.next) return;
    const query = new URL(data.next).search.slice(1);
    // A `next` back to a page already fetched (itself, or further back) would loop for ever.
    if (fetched.has(query)) throw new Error(`paginate: ${path} loops: next is a page already fetched (${data.next})`);
    fetched.add(query);
    pageInit = { ...init, querySerializer: () => query };
  }
}

interface Page {
  data?: { results: unknown[]; next?: string | null };
  error?: unknown;
  response: Response;
}
