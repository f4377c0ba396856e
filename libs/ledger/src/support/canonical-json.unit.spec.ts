import { canonicalJson } from './canonical-json';

describe('canonicalJson', () => {
  it('reads two objects that differ only in key order as the same text', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: null } })).toBe(canonicalJson({ a: { c: null, d: [2, { y: 2, z: 1 }] }, b: 1 }));
  });

  it('keeps the order of array elements, which carries meaning', () => {
    expect(canonicalJson([1, 2])).not.toBe(canonicalJson([2, 1]));
  });

  it('writes exactly the text fingerprints in the log were made of, for request bodies and for anything else', () => {
    // How fingerprints were made before the text was written directly: it must never change.
    const sortKeys = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(sortKeys);
      if (value === null || typeof value !== 'object') return value;
      return Object.fromEntries(
        Object.keys(value)
          .sort()
          .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
      );
    };
    const made = (value: unknown): string => JSON.stringify(sortKeys(value));
    let seed = 20261203;
    const next = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
    const names = ['a', 'b', 'Z', 'occurredAt', '__proto__', 'toJSON', '0', '10', '9', '4294967295', '01', '-1', 'é', '\ud83d\ude00', ''];
    const leaves: unknown[] = [
      0,
      -0,
      1.5,
      1e21,
      Number.NaN,
      Infinity,
      '',
      'text',
      'a"b',
      'a\\b',
      '~\u007f',
      '\ud800',
      '€',
      true,
      false,
      null,
      undefined,
      () => 1,
      new Date(0),
      10n,
    ];
    const random = (depth: number): unknown => {
      const kind = Math.floor(next() * (depth > 3 ? 1 : 4));
      if (kind === 0) return pick(leaves.filter((leaf) => typeof leaf !== 'bigint'));
      if (kind === 1) return Array.from({ length: Math.floor(next() * 4) }, () => random(depth + 1));
      const record: Record<string, unknown> = kind === 2 ? {} : (Object.create(null) as Record<string, unknown>);
      for (let count = Math.floor(next() * 5); count > 0; count--)
        Object.defineProperty(record, pick(names), { value: random(depth + 1), enumerable: true, writable: true, configurable: true });
      return record;
    };
    for (let round = 0; round < 3000; round++) {
      const value = random(0);
      expect(canonicalJson(value)).toBe(made(value));
      const parsed: unknown = JSON.parse(JSON.stringify(value) ?? 'null');
      expect(canonicalJson(parsed)).toBe(made(parsed));
    }
    const deep = Array.from({ length: 100 }).reduce<unknown>((inner) => ({ inner }), 'core');
    expect(canonicalJson(deep)).toBe(made(deep));
    class Listed extends Array {
      toJSON(): string {
        return 'listed';
      }
    }
    const ofSubclass = { list: Listed.from([1]), own: Object.assign([2], { constructor: Listed }) };
    expect(canonicalJson(ofSubclass)).toBe(made(ofSubclass));
    const arrays = Array.prototype as unknown as { toJSON?: () => string };
    arrays.toJSON = () => 'an array';
    try {
      expect(canonicalJson({ a: [1] })).toBe(made({ a: [1] }));
    } finally {
      delete arrays.toJSON;
    }
    // eslint-disable-next-line no-sparse-arrays -- a hole, which JSON.stringify writes as null
    const withHole = { b: 1, 10: 'x', 9: 'y', a: [1, , 3] };
    expect(canonicalJson(withHole)).toBe(made(withHole));
  });
});
