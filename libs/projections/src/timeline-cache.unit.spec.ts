import { TimelineCache } from './timeline-cache';

interface Entry {
  readonly name: string;
  readonly size: number;
}

const held = (cache: TimelineCache<Entry>, streams: string[]) => streams.map((stream) => cache.peek(stream)?.size ?? 0);

describe('TimelineCache', () => {
  it('drops the least recently read first and keeps the newest even when it alone is larger', () => {
    const cache = new TimelineCache<Entry>(10);
    cache.add('a', { name: 'a', size: 4 });
    cache.add('b', { name: 'b', size: 4 });
    cache.get('a');
    cache.add('c', { name: 'c', size: 4 });
    expect(held(cache, ['a', 'b', 'c'])).toEqual([4, 0, 4]);
    cache.add('huge', { name: 'huge', size: 50 });
    expect(held(cache, ['a', 'c', 'huge'])).toEqual([0, 0, 50]);
    expect(cache.records).toBe(50);
  });

  it('keeps the order of reads when the newest is read again and one in the middle is read', () => {
    const cache = new TimelineCache<Entry>(12);
    for (const stream of ['a', 'b', 'c']) cache.add(stream, { name: stream, size: 4 });
    cache.get('a');
    cache.get('a');
    cache.get('c');
    // Read order now b, a, c: b leaves first, then a.
    cache.add('d', { name: 'd', size: 4 });
    expect(held(cache, ['a', 'b', 'c', 'd'])).toEqual([4, 0, 4, 4]);
    cache.add('e', { name: 'e', size: 4 });
    expect(held(cache, ['a', 'c', 'd', 'e'])).toEqual([0, 4, 4, 4]);
    expect(cache.size).toBe(3);
  });

  it('keeps a lighter form of what leaves, and drops lighter forms only once everything older has left', () => {
    const cache = new TimelineCache<Entry>(10, (stream, entry) => (entry.size > 1 ? { name: stream, size: 1 } : undefined));
    cache.add('a', { name: 'a', size: 4 });
    cache.add('b', { name: 'b', size: 4 });
    cache.add('c', { name: 'c', size: 4 });
    expect(held(cache, ['a', 'b', 'c'])).toEqual([1, 4, 4]);
    cache.add('d', { name: 'd', size: 4 });
    expect(held(cache, ['a', 'b', 'c', 'd'])).toEqual([1, 1, 4, 4]);
    for (const stream of ['e', 'f', 'g', 'h', 'i', 'j']) cache.add(stream, { name: stream, size: 4 });
    expect(cache.records).toBeLessThanOrEqual(10);
    expect(held(cache, ['j'])).toEqual([4]);
  });

  it('adds for a reading only what room can be made for from what was last read before the reading began', () => {
    const cache = new TimelineCache<Entry>(10, (stream, entry) => (entry.size > 1 ? { name: stream, size: 1 } : undefined));
    cache.add('old', { name: 'old', size: 4 });
    cache.add('listed', { name: 'listed', size: 4 });
    const began = cache.reads;
    cache.get('listed');
    expect(cache.addIfRoom('a', { name: 'a', size: 2 }, began)).toBe(true);
    // No room left: the one read before the reading began gives way, as its lighter form.
    expect(cache.addIfRoom('b', { name: 'b', size: 2 }, began)).toBe(true);
    expect(held(cache, ['old', 'listed', 'a', 'b'])).toEqual([1, 4, 2, 2]);
    // What the reading read itself stays, and what does not fit is left out.
    expect(cache.addIfRoom('c', { name: 'c', size: 2 }, began)).toBe(false);
    expect(held(cache, ['old', 'listed', 'a', 'b', 'c'])).toEqual([1, 4, 2, 2, 0]);
    expect(cache.records).toBe(9);
    // The next reading may make room from what the last one read.
    expect(cache.addIfRoom('c', { name: 'c', size: 2 }, cache.reads)).toBe(true);
    expect(held(cache, ['old', 'listed', 'a', 'b', 'c'])).toEqual([1, 1, 2, 2, 2]);
  });

  it('replaces what it holds of a stream by a heavier form only within the bound', () => {
    const cache = new TimelineCache<Entry>(6);
    cache.add('a', { name: 'a', size: 1 });
    cache.add('b', { name: 'b', size: 4 });
    const began = cache.reads;
    cache.get('a');
    cache.get('b');
    expect(cache.addIfRoom('a', { name: 'a', size: 3 }, began)).toBe(false);
    expect(cache.addIfRoom('a', { name: 'a', size: 2 }, began)).toBe(true);
    expect(held(cache, ['a', 'b'])).toEqual([2, 4]);
    expect(cache.records).toBe(6);
  });
});
