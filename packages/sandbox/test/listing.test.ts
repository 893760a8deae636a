/** The listing helpers on their own: DRF's page-number pagination and django-filter's filters. */
import { describe, expect, it } from 'vitest';
import { ApiError } from '../src/internal/errors.js';
import {
  applyAll,
  canonicalQuery,
  DEFAULT_PAGE_SIZE,
  expandSet,
  newestFirst,
  oldestFirst,
  paginate,
  parseBoolean,
  relationFilter,
  searchFilter,
  timestampFilter,
} from '../src/internal/listing.js';

const items = Array.from({ length: 60 }, (_, i) => ({ seq: i + 1 }));
const url = (query: string) => new URL(`http://sandbox.local/v2/things/${query}`);
const refusal = (run: () => unknown): { status: number; body: unknown } => {
  try {
    run();
  } catch (error) {
    if (error instanceof ApiError) return { status: error.status, body: error.body };
    throw error;
  }
  throw new Error('expected an ApiError');
};

describe('paginate', () => {
  it('pages of 25 by default, with absolute links that keep the other parameters', () => {
    expect(DEFAULT_PAGE_SIZE).toBe(25);
    const first = paginate(items, url('?search=x'), (item) => item.seq);
    expect(first).toEqual({ count: 60, next: 'http://sandbox.local/v2/things/?search=x&page=2', previous: null, results: items.slice(0, 25).map((i) => i.seq) });
    const middle = paginate(items, url('?page=2&search=x'), (item) => item.seq);
    expect(middle.next).toBe('http://sandbox.local/v2/things/?page=3&search=x');
    expect(middle.previous).toBe('http://sandbox.local/v2/things/?page=1&search=x');
    expect(middle.results).toEqual(items.slice(25, 50).map((i) => i.seq));
    const last = paginate(items, url('?page=3'), (item) => item.seq);
    expect(last.next).toBeNull();
    expect(last.results).toEqual([51, 52, 53, 54, 55, 56, 57, 58, 59, 60]);
  });

  it('page_size sets the size; an empty page or page_size means the default', () => {
    expect(paginate(items, url('?page_size=7&page=9'), (i) => i.seq)).toMatchObject({ next: null, results: [57, 58, 59, 60] });
    expect(paginate(items, url('?page_size=60'), (i) => i.seq)).toMatchObject({ next: null, previous: null });
    expect(paginate(items, url('?page_size=59'), (i) => i.seq).next).not.toBeNull();
    expect(paginate(items, url('?page=&page_size='), (i) => i.seq).results).toHaveLength(25);
  });

  it('an empty list has one empty page; any page past the last is a 404; a bad page_size is a 400', () => {
    expect(paginate([], url(''), (i) => i)).toEqual({ count: 0, next: null, previous: null, results: [] });
    expect(refusal(() => paginate([], url('?page=2'), (i) => i))).toEqual({ status: 404, body: { detail: 'Invalid page.' } });
    expect(refusal(() => paginate(items, url('?page=4'), (i) => i)).status).toBe(404);
    for (const page of ['0', '-1', '1.5', 'x']) expect(refusal(() => paginate(items, url(`?page=${page}`), (i) => i)).status).toBe(404);
    for (const size of ['0', '-2', '2.5', 'x']) {
      expect(refusal(() => paginate(items, url(`?page_size=${size}`), (i) => i))).toEqual({ status: 400, body: { page_size: ['A valid integer of at least 1 is required.'] } });
    }
  });
});

describe('filters', () => {
  it("parseBoolean reads DRF's literals, case-insensitively, and nothing else", () => {
    for (const text of ['true', 'True', '1', 'yes', 'ON']) expect(parseBoolean(text)).toBe(true);
    for (const text of ['false', 'FALSE', '0', 'no', 'off']) expect(parseBoolean(text)).toBe(false);
    for (const text of ['', 'maybe', '2', 'y']) expect(parseBoolean(text)).toBeUndefined();
  });

  const records = [
    { seq: 1, at: 1_000_000 as number | null },
    { seq: 2, at: 2_000_000 as number | null },
    { seq: 3, at: null as number | null },
  ];
  const by = (query: string) => applyAll(records, timestampFilter(new URLSearchParams(query), 'at', (r) => r.at)).map((r) => r.seq);

  it('timestamp filters: _null, and inclusive _before / _after bounds', () => {
    expect(by('')).toEqual([1, 2, 3]);
    expect(by('at_null=true')).toEqual([3]);
    expect(by('at_null=false')).toEqual([1, 2]);
    expect(by('at_null=')).toEqual([1, 2, 3]);
    expect(by('at_before=1970-01-01T00:00:01Z')).toEqual([1]);
    expect(by('at_before=1970-01-01T00:00:00.999999Z')).toEqual([]);
    expect(by('at_after=1970-01-01T00:00:01Z')).toEqual([1, 2]);
    expect(by('at_after=1970-01-01T00:00:01.000001Z')).toEqual([2]);
    expect(by('at_after=1970-01-01T00:00:01Z&at_before=1970-01-01T00:00:01Z')).toEqual([1]);
    expect(by('at_before=')).toEqual([1, 2, 3]);
    expect(refusal(() => by('at_null=maybe'))).toEqual({ status: 400, body: { at_null: ['Must be a valid boolean.'] } });
    expect(refusal(() => by('at_before=soon'))).toEqual({ status: 400, body: { at_before: ['Enter a valid date/time.'] } });
    expect(refusal(() => by('at_after=soon'))).toEqual({ status: 400, body: { at_after: ['Enter a valid date/time.'] } });
  });

  it('search: trimmed, case-insensitive substring of any of the fields', () => {
    const people = [
      { seq: 1, name: 'Anna Andersson', email: null as string | null },
      { seq: 2, name: 'Bo', email: 'ANNA@example.com' },
      { seq: 3, name: 'Cy', email: null },
    ];
    const search = (term: string) => applyAll(people, searchFilter(new URLSearchParams({ search: term }), (p) => [p.name, p.email])).map((p) => p.seq);
    expect(search('anna')).toEqual([1, 2]);
    expect(search('  DERS ')).toEqual([1]);
    expect(search('   ')).toEqual([1, 2, 3]);
    expect(searchFilter(new URLSearchParams(''), () => [])).toEqual([]);
  });

  it('relational filters: only those pointing at the target; an unknown id is a 400', () => {
    const targets = new Map([['t1', { id: 't1' }], ['t2', { id: 't2' }]]);
    const rows = [{ seq: 1, target: targets.get('t1')! }, { seq: 2, target: targets.get('t2')! }];
    const filter = (query: string) => applyAll(rows, relationFilter(new URLSearchParams(query), 'target', (id) => targets.get(id), (r) => r.target)).map((r) => r.seq);
    expect(filter('target=t2')).toEqual([2]);
    expect(filter('target=')).toEqual([1, 2]);
    expect(refusal(() => filter('target=nope'))).toEqual({ status: 400, body: { target: ['Select a valid choice. That choice is not one of the available choices.'] } });
  });

  it('orders by creation (seq), both ways, and reads repeatable expand values', () => {
    const shuffled = () => [{ seq: 2 }, { seq: 3 }, { seq: 1 }];
    expect(oldestFirst(shuffled()).map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(newestFirst(shuffled()).map((r) => r.seq)).toEqual([3, 2, 1]);
    expect(expandSet(new URLSearchParams('expand=employee&expand=invoice&expand=employee'))).toEqual(new Set(['employee', 'invoice']));
  });
});

describe('canonicalQuery', () => {
  it('keeps the last value of a repeated parameter, and each value of a repeatable one once, in order', () => {
    const query = canonicalQuery(new URLSearchParams('page=1&expand=b&page=3&expand=a&expand=b&x=1'), (name) => name === 'expand');
    expect([...query]).toEqual([['page', '3'], ['expand', 'b'], ['expand', 'a'], ['x', '1']]);
    expect(canonicalQuery(new URLSearchParams(''), () => true).toString()).toBe('');
  });
});
