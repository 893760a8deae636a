/**
 * The store under every table: creation order and declared indexes stay true through creates,
 * deletes, renames, field changes and rollbacks, and a walk visits only what it hands out.
 */
import { describe, expect, it } from 'vitest';
import { atomically, touch } from '../src/internal/journal.js';
import { RecordStore, recordsVisited } from '../src/internal/record-store.js';
import { update } from '../src/internal/state.js';

interface Thing {
  id: string;
  seq: number;
  colour: string | null;
}

class ThingStore extends RecordStore<Thing> {
  readonly byColour = this.index((thing) => (thing.colour ? [thing.colour] : []));
}

function filled(count: number): ThingStore {
  const store = new ThingStore();
  for (let i = 1; i <= count; i++) store.set(`t${i}`, { id: `t${i}`, seq: i, colour: i % 2 ? 'red' : 'blue' });
  return store;
}

const ids = (things: Iterable<Thing>): string[] => [...things].map((thing) => thing.id);
const rename = (store: ThingStore, thing: Thing, id: string) => {
  store.delete(thing.id);
  touch(thing);
  thing.id = id;
  store.set(id, thing);
};
const fails = (work: () => void) => expect(() => atomically(() => (work(), (() => { throw new Error('refused'); })()))).toThrow('refused');

describe('RecordStore order', () => {
  it('walks oldest and newest first through deletes, renames and rolled-back deletes', () => {
    const store = filled(6);
    store.delete('t2');
    rename(store, store.get('t4')!, 'four');
    expect(ids(store.oldest())).toEqual(['t1', 't3', 'four', 't5', 't6']);
    fails(() => store.delete('t3'));
    fails(() => rename(store, store.get('t5')!, 'five'));
    expect(ids(store.oldest())).toEqual(['t1', 't3', 'four', 't5', 't6']);
    expect(ids(store.newest())).toEqual(['t6', 't5', 'four', 't3', 't1']);
    store.set('t7', { id: 't7', seq: 7, colour: null });
    expect(ids(store.newest())[0]).toBe('t7');
  });

  it('stays ordered when most records are deleted (compaction) and after clear and its rollback', () => {
    const store = filled(200);
    for (let i = 1; i <= 190; i++) store.delete(`t${i}`);
    expect(ids(store.oldest())).toEqual(Array.from({ length: 10 }, (_, i) => `t${191 + i}`));
    fails(() => store.clear());
    expect(ids(store.oldest())).toHaveLength(10);
    store.clear();
    expect(ids(store.oldest())).toEqual([]);
  });

  it('a walk that stops early visits only what it handed out', () => {
    const store = filled(10_000);
    const before = recordsVisited();
    const firstThree: Thing[] = [];
    for (const thing of store.newest()) if (firstThree.push(thing) === 3) break;
    expect(recordsVisited() - before).toBe(3);
    const scan = recordsVisited();
    void [...store.values()];
    expect(recordsVisited() - scan).toBe(10_000);
  });
});

describe('RecordStore indexes', () => {
  it('follow field changes made through update and touch, and their rollbacks', () => {
    const store = filled(4);
    expect(ids(store.byColour.get('red'))).toEqual(['t1', 't3']);
    update(store.get('t1')!, { colour: 'blue' });
    expect(ids(store.byColour.get('red'))).toEqual(['t3']);
    expect(ids(store.byColour.get('blue')).sort()).toEqual(['t1', 't2', 't4']);
    fails(() => {
      update(store.get('t3')!, { colour: null });
      expect(store.byColour.get('red')).toEqual([]); // seen inside the transaction
    });
    expect(ids(store.byColour.get('red'))).toEqual(['t3']);
    const t2 = store.get('t2')!;
    touch(t2);
    t2.colour = 'green';
    expect(store.byColour.first('green')).toBe(t2);
  });

  it('follow deletes, renames and their rollbacks', () => {
    const store = filled(4);
    store.delete('t1');
    expect(ids(store.byColour.get('red'))).toEqual(['t3']);
    fails(() => store.delete('t3'));
    expect(ids(store.byColour.get('red'))).toEqual(['t3']);
    rename(store, store.get('t3')!, 'three');
    expect(ids(store.byColour.get('red'))).toEqual(['three']);
    fails(() => store.clear());
    expect(ids(store.byColour.get('blue')).sort()).toEqual(['t2', 't4']);
    store.clear();
    expect(store.byColour.get('blue')).toEqual([]);
  });

  it('a record that left the store is no longer re-filed when touched', () => {
    const store = filled(2);
    const t1 = store.get('t1')!;
    store.delete('t1');
    update(t1, { colour: 'blue' });
    expect(ids(store.byColour.get('blue'))).toEqual(['t2']);
  });
});
