import { GrowingTerms, mayMatch, searchTermsOf, textSearch } from './text-match';

describe('textSearch', () => {
  const title = 'Widen the definition of conflict diamonds';
  const text = "Rough diamonds used to finance aggression by a state against another state, as in Côte d'Ivoire";

  it.each([
    ['one word, in any case', 'DIAMONDS'],
    ['every word, in any order, across title and text', 'aggression widen'],
    ['a word without its accents', "cote d'ivoire"],
    ['part of a word', 'defin'],
    ['words spaced and tabbed', '  conflict\tdiamonds '],
    ['words with punctuation the texts do not have beside them', 'Widen, definition: (conflict) diamonds?!'],
    ['words joined by punctuation', 'state/aggression'],
  ])('finds %s', (_case, query) => {
    expect(textSearch(query).matches(title, text)).toBe(true);
  });

  it('takes a typeset apostrophe, quote or dash for the one a keyboard types, either way round, in texts and in their terms', () => {
    const typeset = 'Côte d’Ivoire — the “conflict diamonds” of 2003';
    for (const query of ["d'ivoire", 'd’ivoire', '"conflict', '(ivoire)', '—diamonds”']) {
      expect({ query, found: textSearch(query).matches(typeset) }).toEqual({ query, found: true });
      expect({ query, found: mayMatch(textSearch(query), searchTermsOf([typeset])) }).toEqual({ query, found: true });
    }
    expect(textSearch('d’ivoire').matches(text)).toBe(true);
  });

  it.each([
    ['a word that is not there', 'sanctions'],
    ['one word of two that is not there', 'diamonds sanctions'],
    ['an empty query', ''],
    ['a query of spaces', '   '],
    ['a query of punctuation', ' ?! ,'],
    ['a word beside punctuation that is not there', 'diamonds, sanctions.'],
    ['a word with an apostrophe, parted where it is not', "rough'diamonds"],
    ['a hyphenated word, parted where it is not', 'co-state'],
  ])('does not find %s', (_case, query) => {
    expect(textSearch(query).matches(title, text)).toBe(false);
  });
});

describe('searchTermsOf', () => {
  /** A small seeded generator (mulberry32), so that a failure can be replayed. */
  function random(seed: number): () => number {
    let state = seed;
    return () => {
      state = (state + 0x6d2b79f5) | 0;
      let t = Math.imul(state ^ (state >>> 15), 1 | state);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  // Letters with and without accents, a combining mark, the Greek capital sigma (whose lower case
  // depends on what follows it), the German sharp s, a ligature, and spaces of several kinds,
  // among them a no-break space that NFKD turns into a plain one.
  const ALPHABET = ['a', 'b', 'e', 'é', 'E', 'Ê', 'o', 'ô', 'Σ', 'σ', 'ß', 'ﬁ', '\u0301', '-', "'", '1', ' ', ' ', '\u00a0', '\t', '\n', '\u2003'];
  const textOf = (next: () => number, length: number): string =>
    Array.from({ length }, () => ALPHABET[Math.floor(next() * ALPHABET.length)] as string).join('');

  it('keeps every word a search can find in any version of the texts: a search that matches a version may match the terms', () => {
    for (let seed = 1; seed <= 300; seed += 1) {
      const next = random(seed);
      const versions = Array.from({ length: 1 + Math.floor(next() * 3) }, () => [
        textOf(next, 1 + Math.floor(next() * 24)),
        textOf(next, Math.floor(next() * 40)),
      ]);
      let terms = '';
      for (const texts of versions) terms = searchTermsOf(texts, terms);
      for (let query = 0; query < 40; query += 1) {
        // Pieces of the texts themselves, so that most queries do match, and random ones besides.
        const [title, text] = versions[Math.floor(next() * versions.length)] as [string, string];
        const source = `${title}\n${text}`;
        const start = Math.floor(next() * source.length);
        const asked = next() < 0.7 ? source.slice(start, start + 1 + Math.floor(next() * 8)) : textOf(next, 1 + Math.floor(next() * 6));
        const search = textSearch(asked);
        const matched = versions.some((version) => search.matches(...version));
        if (matched) expect({ seed, asked, versions, may: mayMatch(search, terms) }).toEqual({ seed, asked, versions, may: true });
      }
    }
  });

  it('passes over texts that lack a word, and keeps each word once', () => {
    const terms = searchTermsOf(['Widen the definition', 'the definition of conflict diamonds']);
    expect(terms).toBe('widen the definition of conflict diamonds');
    expect(mayMatch(textSearch('conflict sanctions'), terms)).toBe(false);
    expect(mayMatch(textSearch('DEFIN diamond'), terms)).toBe(true);
    expect(mayMatch(textSearch('   '), terms)).toBe(false);
    expect(searchTermsOf(['widen conflict'], terms)).toBe(terms);
    expect(searchTermsOf(['Côte'], terms)).toBe(`${terms} cote`);
  });
});

describe('GrowingTerms', () => {
  it('holds what searchTermsOf makes of the same texts, added one by one, also when it starts from stored terms', () => {
    const texts = ['On the budget, round 1', 'ON THE BUDGET', 'Côte d’Ivoire speaks', 'on  rough\tdiamonds', 'Ελλάς ΣΑΣ', 'the budget'];
    const growing = new GrowingTerms();
    let expected = '';
    const added: boolean[] = [];
    for (const text of texts) {
      const next = searchTermsOf([text], expected);
      added.push(growing.add(text));
      expect(added.at(-1)).toBe(next !== expected);
      expected = next;
      expect(growing.text).toBe(expected);
    }
    // "budget," and "budget" are two words: a comma is not a space.
    expect(added).toEqual([true, true, true, true, true, false]);
    const restored = new GrowingTerms(growing.text);
    expect(restored.text).toBe(expected);
    expect(restored.add('round 1 budget')).toBe(false);
    expect(restored.add('round 2')).toBe(true);
    expect(restored.text).toBe(`${expected} 2`);
    expect(new GrowingTerms().text).toBe('');
    // Settled (its set let go), it grows again from its text alone.
    expect(restored.settle()).toBe(`${expected} 2`);
    expect(restored.add('ROUND 2 budget')).toBe(false);
    expect(restored.add('round 3')).toBe(true);
    expect(restored.text).toBe(`${expected} 2 3`);
  });
});
