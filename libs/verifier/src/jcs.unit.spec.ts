import { canonicalJson, MAX_JSON_DEPTH } from './index';

// Expected texts are from RFC 8785 (JSON Canonicalization Scheme), as cited beside each case.

/** The IEEE 754 double with the given big-endian bit pattern. */
function double(bits: string): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, BigInt(`0x${bits}`));
  return view.getFloat64(0);
}

describe('canonicalJson (RFC 8785)', () => {
  it('§3.2.2 / §3.2.3: the sample, parsed from its JSON text, sorted and with primitives written canonically', () => {
    const text = String.raw`{
      "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
      "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
      "literals": [null, true, false]
    }`;
    expect(canonicalJson(JSON.parse(text))).toBe(
      String.raw`{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}`,
    );
  });

  it('§3.2.3: member names sort by UTF-16 code units (so U+1F600, a surrogate pair, comes before U+FB33)', () => {
    const value = {
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One',
      '\ud83d\ude00': 'Emoji: Grinning Face',
      '\u0080': 'Control',
      '\u00f6': 'Latin Small Letter O With Diaeresis',
    };
    expect(canonicalJson(value)).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis","\u20ac":"Euro Sign","\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
  });

  it('Appendix B: number serialization', () => {
    const table: [string, string][] = [
      ['0000000000000000', '0'],
      ['8000000000000000', '0'],
      ['0000000000000001', '5e-324'],
      ['8000000000000001', '-5e-324'],
      ['7fefffffffffffff', '1.7976931348623157e+308'],
      ['ffefffffffffffff', '-1.7976931348623157e+308'],
      ['4340000000000000', '9007199254740992'],
      ['c340000000000000', '-9007199254740992'],
      ['4430000000000000', '295147905179352830000'],
      ['44b52d02c7e14af5', '9.999999999999997e+22'],
      ['44b52d02c7e14af6', '1e+23'],
      ['44b52d02c7e14af7', '1.0000000000000001e+23'],
      ['444b1ae4d6e2ef4e', '999999999999999700000'],
      ['444b1ae4d6e2ef4f', '999999999999999900000'],
      ['444b1ae4d6e2ef50', '1e+21'],
      ['3eb0c6f7a0b5ed8c', '9.999999999999997e-7'],
      ['3eb0c6f7a0b5ed8d', '0.000001'],
      ['41b3de4355555553', '333333333.3333332'],
      ['41b3de4355555554', '333333333.33333325'],
      ['41b3de4355555555', '333333333.3333333'],
      ['41b3de4355555556', '333333333.3333334'],
      ['41b3de4355555557', '333333333.33333343'],
      ['becbf647612f3696', '-0.0000033333333333333333'],
      ['43143ff3c1cb0959', '1424953923781206.2'],
    ];
    for (const [bits, expected] of table) expect([bits, canonicalJson(double(bits))]).toEqual([bits, expected]);
    // The table's two error rows: NaN and Infinity.
    expect(() => canonicalJson(double('7fffffffffffffff'))).toThrow(TypeError);
    expect(() => canonicalJson(double('7ff0000000000000'))).toThrow(TypeError);
  });

  it('Appendix B is not a locale sort: "peach" < "péché" < "pêche" < "sin"', () => {
    expect(canonicalJson({ sin: 4, pêche: 3, péché: 2, peach: 1 })).toBe('{"peach":1,"péché":2,"pêche":3,"sin":4}');
  });

  it('sorts nested objects, keeps array order, writes no whitespace', () => {
    const value = { b: [3, { z: null, a: [true, { y: 'x', x: 'y' }] }, 1], a: {}, c: [], '': 0, A: -0, aa: 1.5 };
    expect(canonicalJson(value)).toBe('{"":0,"A":0,"a":{},"aa":1.5,"b":[3,{"a":[true,{"x":"y","y":"x"}],"z":null},1],"c":[]}');
    expect(canonicalJson('\u2028\u0000\u001f\u007f"\\/')).toBe('"\u2028\\u0000\\u001f\u007f\\"\\\\/"');
    expect(canonicalJson([1, 'two', null, false])).toBe('[1,"two",null,false]');
  });

  it('refuses values outside JSON with a TypeError', () => {
    const refused: unknown[] = [
      undefined,
      NaN,
      Infinity,
      -Infinity,
      10n,
      Symbol('s'),
      () => 1,
      { a: undefined },
      [undefined],
      [1, , 3], // eslint-disable-line no-sparse-arrays
      new Date(0),
      new Map(),
      new Uint8Array(2),
      { [Symbol('k')]: 1 },
      '\ud800',
      'a\udc00b',
      { '\udead': 1 },
    ];
    for (const value of refused) expect(() => canonicalJson(value)).toThrow(TypeError);
    expect(canonicalJson(Object.assign(Object.create(null) as object, { b: 1, a: 2 }))).toBe('{"a":2,"b":1}');
  });

  it(`refuses nesting deeper than ${MAX_JSON_DEPTH} and cycles, without exhausting the stack`, () => {
    const nest = (depth: number): unknown => {
      let value: unknown = 0;
      for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { k: value };
      return value;
    };
    // One key per object and integers only, so JSON.stringify already writes the canonical text.
    expect(canonicalJson(nest(MAX_JSON_DEPTH))).toBe(JSON.stringify(nest(MAX_JSON_DEPTH)));
    expect(() => canonicalJson(nest(MAX_JSON_DEPTH + 1))).toThrow(TypeError);
    expect(() => canonicalJson(nest(1_000_000))).toThrow(TypeError);
    const cycle: Record<string, unknown> = {};
    cycle.self = { again: cycle };
    expect(() => canonicalJson(cycle)).toThrow(/contains itself/);
    const shared = { x: 1 };
    expect(canonicalJson({ a: shared, b: [shared] })).toBe('{"a":{"x":1},"b":[{"x":1}]}'); // repeated, not cyclic
  });
  it('writes random values as the RFC defines member by member, names such as "__proto__" and "17" included', () => {
    // The definition, written plainly: JSON.stringify's primitives, members in UTF-16 order.
    const reference = (value: unknown): string => {
      if (Array.isArray(value)) return `[${value.map(reference).join(',')}]`;
      if (value !== null && typeof value === 'object') {
        const record = value as Record<string, unknown>;
        return `{${Object.keys(record)
          .sort()
          .map((name) => `${JSON.stringify(name)}:${reference(record[name])}`)
          .join(',')}}`;
      }
      return JSON.stringify(value);
    };
    let seed = 20261203;
    const next = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const names = ['a', 'b', 'Z', '__proto__', 'toJSON', '0', '17', '4294967294', '4294967295', '01', '-1', '1e3', 'é', '\u20ac', '\ud83d\ude00', '\n', ''];
    const numbers = [0, -0, 1, -1, 0.1, 1e21, 1e-7, 5e-324, Number.MAX_VALUE, 333333333.3333333, 2 ** 53 + 2];
    const strings = ['', 'plain', 'a"b', 'a\\b', '~\u007f', 'quote " and \\ backslash', '\u0000\u001f\u007f', '\u2028\u2029', '€😀', '\ud83d\ude00x'];
    const random = (depth: number): unknown => {
      const kind = Math.floor(next() * (depth > 3 ? 4 : 6));
      if (kind === 0) return numbers[Math.floor(next() * numbers.length)];
      if (kind === 1) return strings[Math.floor(next() * strings.length)];
      if (kind === 2) return [null, true, false][Math.floor(next() * 3)];
      if (kind === 3) return null;
      if (kind === 4) return Array.from({ length: Math.floor(next() * 4) }, () => random(depth + 1));
      const record = Object.create(null) as Record<string, unknown>;
      for (let count = Math.floor(next() * 5); count > 0; count--) record[names[Math.floor(next() * names.length)] ?? 'a'] = random(depth + 1);
      return record;
    };
    for (let round = 0; round < 2000; round++) {
      const value = random(0);
      expect(canonicalJson(value)).toBe(reference(value));
      // The same value as JSON.parse gives it: plain objects, their index-like names listed first.
      expect(canonicalJson(JSON.parse(JSON.stringify(value)))).toBe(reference(value));
    }
  });
});
