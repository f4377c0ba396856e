import { wordDiff } from '../apps/console/src/word-diff';

const joined = (parts: { kind: string; text: string }[], keep: string): string =>
  parts
    .filter((part) => part.kind === 'same' || part.kind === keep)
    .map((part) => part.text)
    .join('');

describe("The console's word diff of two revisions", () => {
  it('marks the words added and removed, keeping the rest', () => {
    expect(wordDiff('Rough diamonds used by rebel movements', 'Rough diamonds used by rebel movements or by states')).toEqual([
      { kind: 'same', text: 'Rough diamonds used by rebel movements' },
      { kind: 'added', text: ' or by states' },
    ]);
    expect(wordDiff('a b c', 'a c')).toEqual([
      { kind: 'same', text: 'a ' },
      { kind: 'removed', text: 'b ' },
      { kind: 'same', text: 'c' },
    ]);
  });

  it('marks no word changed where only the white space after it did: a blank line taken out is the line break removed', () => {
    const parts = wordDiff('1. The Plenary decides:\n\n(a) first point.', '1. The Plenary decides:\n(a) first point.') ?? [];
    expect(parts.filter((part) => part.kind !== 'same')).toEqual([
      { kind: 'removed', text: '\n\n' },
      { kind: 'added', text: '\n' },
    ]);
  });

  it('gives both texts back exactly, white space included, for random edits', () => {
    const words = ['rough', 'diamonds', 'rebel', 'states', 'war', 'the', 'KP', '\n', 'é'];
    let seed = 7;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const text = (): string => Array.from({ length: random(30) }, () => words[random(words.length)] + (random(4) === 0 ? '  ' : ' ')).join('');
    for (let round = 0; round < 200; round += 1) {
      const before = text();
      const after = text();
      const parts = wordDiff(before, after);
      expect(parts).not.toBeNull();
      expect(joined(parts ?? [], 'removed')).toBe(before);
      expect(joined(parts ?? [], 'added')).toBe(after);
    }
  });

  it('marks a word changed in a text of 20,000 words, comparing only what lies between the words both begin and end with', () => {
    const words = Array.from({ length: 20_000 }, (_, index) => `w${index}`);
    const before = words.join(' ');
    const after = [...words.slice(0, 9_000), 'changed', ...words.slice(9_001)].join(' ');
    const parts = wordDiff(before, after);
    expect(parts?.filter((part) => part.kind !== 'same')).toEqual([
      { kind: 'removed', text: 'w9000 ' },
      { kind: 'added', text: 'changed ' },
    ]);
    expect(joined(parts ?? [], 'removed')).toBe(before);
    expect(joined(parts ?? [], 'added')).toBe(after);
  });

  it('declines texts whose differing middles are too long to compare in the page', () => {
    expect(wordDiff('a '.repeat(3000), 'b '.repeat(3000))).toBeNull();
  });
});
