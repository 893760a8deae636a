/**
 * Lists the DRF way: filters, then page-number pagination with absolute `next`/`previous` links
 * built from the request's own URL (other query parameters kept).
 *
 * Timestamp filters: `X_null` (true: not happened yet), `X_before` (≤, inclusive) and
 * `X_after` (≥, inclusive), as django-filter's IsoDateTimeFromToRangeFilter does.
 * `search` is a case-insensitive substring match.
 */
import { parseTimestamp } from './clock.js';
import { detailError, fieldError } from './errors.js';

export const DEFAULT_PAGE_SIZE = 25;

export interface Page<T> {
  count: number;
  next: string | null;
  previous: string | null;
  results: T[];
}

function positiveInt(query: URLSearchParams, name: string, fallback: number): number {
  const raw = query.get(name);
  if (raw === null || raw === '') return fallback;
  const value = Number(raw);
  return Number.isInteger(value) && value >= 1 ? value : Number.NaN;
}

/** What a list pages through: how many objects match, and the matches in the list's order (walked lazily, so a page stops at its end). */
export interface Listing<T> {
  count: number;
  items: Iterable<T>;
}

/** What a store offers a list: its size and its records in creation order, both ways (`RecordStore`). */
export interface OrderedSource<T> {
  readonly size: number;
  oldest(): Iterable<T>;
  newest(): Iterable<T>;
}

/**
 * The records of `source` in `order` that pass every predicate. Unfiltered, a page walks only its
 * offset and itself; filtered, `count` needs one walk over the table, but never a sort.
 */
export function listed<T>(source: OrderedSource<T>, order: 'oldest' | 'newest', predicates: Predicate<T>[] = []): Listing<T> {
  const walk = order === 'oldest' ? source.oldest() : source.newest();
  if (predicates.length === 0) return { count: source.size, items: walk };
  const items: T[] = [];
  for (const item of walk) if (predicates.every((keep) => keep(item))) items.push(item);
  return { count: items.length, items };
}

/** The items of one page, from `offset`, at most `size` of them, without walking further. */
function pageOf<T>(items: Iterable<T>, offset: number, size: number): T[] {
  if (Array.isArray(items)) return items.slice(offset, offset + size);
  const page: T[] = [];
  let index = 0;
  for (const item of items) {
    if (index++ < offset) continue;
    page.push(item);
    if (page.length === size) break;
  }
  return page;
}

export function paginate<T, R>(list: readonly T[] | Listing<T>, url: URL, serialize: (item: T) => R): Page<R> {
  const { count, items }: Listing<T> = Array.isArray(list) ? { count: list.length, items: list } : (list as Listing<T>);
  const query = url.searchParams;
  const pageSize = positiveInt(query, 'page_size', DEFAULT_PAGE_SIZE);
  if (Number.isNaN(pageSize)) throw fieldError('page_size', 'A valid integer of at least 1 is required.');
  const page = positiveInt(query, 'page', 1);
  const pageCount = Math.max(1, Math.ceil(count / pageSize));
  // DRF: an empty first page is fine, any other page outside the range is a 404.
  if (Number.isNaN(page) || page > pageCount) throw detailError(404, 'Invalid page.');
  const link = (target: number): string => {
    const next = new URL(url);
    next.searchParams.set('page', String(target));
    return next.toString();
  };
  return {
    count,
    next: page < pageCount ? link(page + 1) : null,
    previous: page > 1 ? link(page - 1) : null,
    results: pageOf(items, (page - 1) * pageSize, pageSize).map(serialize),
  };
}

/**
 * One reading of the query for validation and handlers alike: of a repeated parameter the last
 * value counts (as Django's `QueryDict` reads it), and a repeatable one keeps each value once.
 */
export function canonicalQuery(search: URLSearchParams, isRepeatable: (name: string) => boolean): URLSearchParams {
  const canonical = new URLSearchParams();
  for (const name of new Set(search.keys())) {
    const values = search.getAll(name);
    for (const value of isRepeatable(name) ? new Set(values) : [values.at(-1)!]) canonical.append(name, value);
  }
  return canonical;
}

/** DRF's BooleanField literals; the docs write `True`. */
export function parseBoolean(raw: string): boolean | undefined {
  const value = raw.toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(value)) return true;
  if (['false', '0', 'no', 'off'].includes(value)) return false;
  return undefined;
}

export type Predicate<T> = (item: T) => boolean;

/** The three query parameters of a "timestamp filter" row, as one predicate. */
export function timestampFilter<T>(query: URLSearchParams, field: string, read: (item: T) => number | null): Predicate<T>[] {
  const predicates: Predicate<T>[] = [];
  const isNull = query.get(`${field}_null`);
  if (isNull !== null && isNull !== '') {
    const wanted = parseBoolean(isNull);
    if (wanted === undefined) throw fieldError(`${field}_null`, 'Must be a valid boolean.');
    predicates.push((item) => (read(item) === null) === wanted);
  }
  for (const [suffix, keep] of [
    ['before', (value: number, bound: number) => value <= bound],
    ['after', (value: number, bound: number) => value >= bound],
  ] as const) {
    const raw = query.get(`${field}_${suffix}`);
    if (raw === null || raw === '') continue;
    const bound = parseTimestamp(raw);
    if (bound === undefined) throw fieldError(`${field}_${suffix}`, 'Enter a valid date/time.');
    predicates.push((item) => {
      const value = read(item);
      return value !== null && keep(value, bound);
    });
  }
  return predicates;
}

export function searchFilter<T>(query: URLSearchParams, fields: (item: T) => (string | null)[]): Predicate<T>[] {
  const term = query.get('search')?.trim().toLowerCase();
  if (!term) return [];
  return [(item) => fields(item).some((value) => value !== null && value.toLowerCase().includes(term))];
}

/** A relational filter (`?employee=<id>`); an unknown id is a 400, as DRF's ModelChoiceFilter. */
export function relationFilter<T, R>(
  query: URLSearchParams,
  field: string,
  lookup: (id: string) => R | undefined,
  read: (item: T) => R,
): Predicate<T>[] {
  const id = query.get(field);
  if (id === null || id === '') return [];
  const target = lookup(id);
  if (target === undefined) throw fieldError(field, 'Select a valid choice. That choice is not one of the available choices.');
  return [(item) => read(item) === target];
}

export const applyAll = <T>(items: Iterable<T>, predicates: Predicate<T>[]): T[] =>
  [...items].filter((item) => predicates.every((keep) => keep(item)));

export const oldestFirst = <T extends { seq: number }>(items: T[]): T[] => items.sort((a, b) => a.seq - b.seq);
export const newestFirst = <T extends { seq: number }>(items: T[]): T[] => items.sort((a, b) => b.seq - a.seq);

/** Repeatable `?expand=` values (`?expand=employee&expand=invoice`). */
export const expandSet = (query: URLSearchParams): Set<string> => new Set(query.getAll('expand'));
