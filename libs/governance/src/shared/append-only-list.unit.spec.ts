import { seeded } from '../testing/seeded-random';
import { AppendOnlyList } from './append-only-list';
import { decodeState, encodeState } from './state-codec';

describe('AppendOnlyList', () => {
  it.each([1, 2, 3, 4, 5])('leaves every version as it was while any of them is appended to, in any order (seed %i)', (seed) => {
    const random = seeded(seed);
    const versions: { list: AppendOnlyList<string>; items: string[] }[] = [{ list: AppendOnlyList.empty(), items: [] }];
    for (let step = 0; step < 2000; step += 1) {
      // Mostly the latest version, as a fold does; sometimes an earlier one, as a fold from a snapshot does.
      const from =
        random() < 0.8 ? (versions.at(-1) as (typeof versions)[number]) : (versions[Math.floor(random() * versions.length)] as (typeof versions)[number]);
      const item = `i${step}`;
      versions.push({ list: from.list.append(item), items: [...from.items, item] });
    }
    for (const { list, items } of versions) {
      expect(list.toArray()).toEqual(items);
      expect([...list]).toEqual(items);
      expect(list.length).toBe(items.length);
      expect(list.at(items.length - 1)).toBe(items.at(-1));
      expect(list.at(items.length)).toBeUndefined();
    }
  });

  it('copies nothing while the latest version is appended to, and only the forked version when an earlier one is', () => {
    const slice = jest.spyOn(Array.prototype, 'slice');
    try {
      let list = AppendOnlyList.empty<number>();
      for (let item = 0; item < 10_000; item += 1) list = list.append(item);
      expect(slice).not.toHaveBeenCalled();
      const earlier = AppendOnlyList.of([1, 2, 3]);
      const later = earlier.append(4);
      const fork = earlier.append(5);
      expect(slice).toHaveBeenCalledTimes(1);
      expect([later.toArray(), fork.toArray(), earlier.toArray()]).toEqual([
        [1, 2, 3, 4],
        [1, 2, 3, 5],
        [1, 2, 3],
      ]);
    } finally {
      slice.mockRestore();
    }
  });

  it('reads items by index and slices within its own length only', () => {
    const longer = AppendOnlyList.of(['a', 'b', 'c']);
    const shorter = AppendOnlyList.of(['a', 'b']);
    const shared = shorter.append('x').append('y');
    expect(shorter.slice(1)).toEqual(['b']);
    expect(shared.slice(1, 10)).toEqual(['b', 'x', 'y']);
    expect(shared.slice(-5, 2)).toEqual(['a', 'b']);
    expect([longer.at(-1), longer.at(1.5), longer.at(3), longer.at(0)]).toEqual([undefined, undefined, undefined, 'a']);
  });

  it('is stored as its items and read back as a list, among maps and plain data', () => {
    const state = { statements: AppendOnlyList.of([{ summary: 'one' }]).append({ summary: 'two' }), others: [1, 2], members: new Map([['kp', 1]]) };
    const text = encodeState(state);
    expect(JSON.parse(text)).toEqual({ statements: { $list: [{ summary: 'one' }, { summary: 'two' }] }, others: [1, 2], members: { $map: [['kp', 1]] } });
    const decoded = decodeState<typeof state>(text);
    expect(decoded.statements).toBeInstanceOf(AppendOnlyList);
    expect(decoded.statements.append({ summary: 'three' }).toArray()).toEqual([{ summary: 'one' }, { summary: 'two' }, { summary: 'three' }]);
    expect(decoded).toEqual(state);
  });
});
