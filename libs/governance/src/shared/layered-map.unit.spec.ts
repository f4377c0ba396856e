import { seeded } from '../testing/seeded-random';
import { LayeredMap } from './layered-map';

describe('LayeredMap', () => {
  it.each([1, 2, 3, 4, 5])('reads exactly like a Map after any sequence of sets, order included (seed %i)', (seed) => {
    const random = seeded(seed);
    let layered = LayeredMap.empty<string, number>();
    const reference = new Map<string, number>();
    for (let step = 0; step < 3000; step += 1) {
      // Few keys early and more later: both updates of known keys and new keys, across merges.
      const key = `k${Math.floor(random() * (10 + step / 3))}`;
      layered = layered.set(key, step);
      reference.set(key, step);
      if (step % 97 === 0) expect([...layered]).toEqual([...reference]);
    }
    expect([...layered.entries()]).toEqual([...reference.entries()]);
    expect([...layered.keys()]).toEqual([...reference.keys()]);
    expect([...layered.values()]).toEqual([...reference.values()]);
    expect(layered.size).toBe(reference.size);
    for (const key of ['k0', 'k5', 'k999', 'absent']) {
      expect(layered.get(key)).toBe(reference.get(key));
      expect(layered.has(key)).toBe(reference.has(key));
    }
    const visited: [string, number][] = [];
    layered.forEach((value, key, map) => {
      expect(map).toBe(layered);
      visited.push([key, value]);
    });
    expect(visited).toEqual([...reference]);
  });

  it('leaves every earlier version as it was, before and after merges', () => {
    const versions: LayeredMap<number, string>[] = [LayeredMap.empty()];
    for (let step = 0; step < 500; step += 1) {
      const previous = versions[versions.length - 1] as LayeredMap<number, string>;
      versions.push(previous.set(step % 200, `v${step}`));
    }
    versions.forEach((version, index) => {
      const expected = new Map<number, string>();
      for (let step = 0; step < index; step += 1) expected.set(step % 200, `v${step}`);
      expect([...version]).toEqual([...expected]);
    });
  });

  it('builds from entries', () => {
    const map = LayeredMap.of([
      ['a', 1],
      ['b', 2],
    ]);
    expect(map.set('a', 3).get('a')).toBe(3);
    expect(map.get('a')).toBe(1);
    expect([...map.keys()]).toEqual(['a', 'b']);
  });
});

describe('LayeredMap equality', () => {
  it('is deep-equal to another with the same entries in the same order, however each is layered', () => {
    let stepwise = LayeredMap.empty<number, number>();
    for (let key = 0; key < 100; key += 1) stepwise = stepwise.set(key, key * 2);
    const atOnce = LayeredMap.of(Array.from({ length: 100 }, (_, key) => [key, key * 2] as const));
    expect(stepwise).toStrictEqual(atOnce);
    expect(stepwise).not.toEqual(atOnce.set(5, 0));
  });
});

describe('LayeredMap, transient', () => {
  it('writes in place while a fold builds it, leaves the map it came from alone, and freezes into an equal persistent map', () => {
    const original = LayeredMap.of([
      ['a', 1],
      ['b', 2],
    ]);
    const draft = original.transient();
    expect(draft.set('c', 3)).toBe(draft);
    draft.set('a', 10);
    const built = draft.persistent();

    expect([...built]).toEqual([
      ['a', 10],
      ['b', 2],
      ['c', 3],
    ]);
    expect(built.size).toBe(3);
    expect([...original]).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
    expect(() => draft.set('d', 4)).toThrow(/transient/);
    expect(built.set('d', 4)).not.toBe(built);
    expect(built.has('d')).toBe(false);
  });
});
