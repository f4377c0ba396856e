const WHITESPACE = /\s+/u;
const ASCII_ONLY = /^\p{ASCII}*$/u;
/** Quotes and dashes as typeset, each as a keyboard types it: "Côte d’Ivoire" is found by d'ivoire, and the other way round. */
const AS_TYPED: Readonly<Record<string, string>> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u02bc': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u2010': '-',
  '\u2011': '-',
  '\u2013': '-',
  '\u2014': '-',
};
const TYPOGRAPHIC_MARKS = new RegExp(`[${Object.keys(AS_TYPED).join('')}]`, 'gu');

/**
 * Lower case, without accents or other combining marks, so that "Cote" finds "Côte". ASCII text
 * has neither marks nor compatibility forms, so it is only lowered: most texts are, and an index
 * folds every statement's summary.
 */
function folded(text: string): string {
  if (ASCII_ONLY.test(text)) return text.toLowerCase();
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(TYPOGRAPHIC_MARKS, (mark) => AS_TYPED[mark] ?? mark)
    .toLowerCase();
}

function wordsOf(text: string): string[] {
  return folded(text)
    .split(WHITESPACE)
    .filter((word) => word.length > 0);
}

/**
 * Punctuation typed or pasted with the words of a search (but not a text's terms): "Budget, KP"
 * and "KP (Secretariat)" ask for words a title holds with other punctuation beside them, or none.
 * It is taken off the ends of each word, and parts it at any other mark, but an apostrophe, a
 * hyphen or a full stop within a word stays ("d'Ivoire", "co-chair", "U.S.A"): parted there, its
 * pieces would be found inside other words. Each part still lies within one word of the texts, so
 * `searchTermsOf` holds it.
 */
const PARTING_PUNCTUATION = /(?![.'-])\p{P}+/gu;
const PUNCTUATION_AT_ENDS = /^\p{P}+|\p{P}+$/gu;

function searchWordsOf(query: string): string[] {
  return wordsOf(query)
    .flatMap((word) => word.split(PARTING_PUNCTUATION))
    .map((word) => word.replace(PUNCTUATION_AT_ENDS, ''))
    .filter((word) => word.length > 0);
}

/** A search as a desk types one: its words, and whether some texts hold them. */
export interface TextSearch {
  /** The words asked for, folded (lower case, no accents), parted at punctuation; none for a query of spaces and punctuation. */
  readonly words: readonly string[];
  /**
   * Whether every word appears somewhere in the texts, in any order, ignoring case and accents, as
   * a word or part of one ("diamond" finds "diamonds": texts in scripts written without spaces
   * have no words to match whole). A query of no words matches nothing.
   */
  matches(...texts: readonly string[]): boolean;
}

export function textSearch(query: string): TextSearch {
  const words = searchWordsOf(query);
  return {
    words,
    matches: (...texts) => {
      if (words.length === 0) return false;
      const haystack = folded(texts.join('\n'));
      return words.every((word) => haystack.includes(word));
    },
  };
}

/**
 * What an index keeps of some texts so that a search can pass over those it cannot match without
 * reading them: their folded words, each once, joined by spaces. A word of a search holds no
 * space, so wherever it appears in the folded texts it lies within one of their words, and so
 * within these terms: every texts a search matches have terms it `mayMatch`. `known` (terms kept
 * before, of earlier versions of the texts) is extended, so that one entry stands for every
 * version, and answered as it is when the texts add no word.
 */
export function searchTermsOf(texts: readonly string[], known = ''): string {
  const terms = new Set(known === '' ? [] : known.split(' '));
  const before = terms.size;
  for (const text of texts) for (const word of wordsOf(text)) terms.add(word);
  return terms.size === before ? known : [...terms].join(' ');
}

/**
 * Terms (as `searchTermsOf` makes them) that grow text by text, such as a meeting's, one statement
 * after another: while they grow, the words are kept as a set besides, so that each text costs its
 * own words, not every word kept so far; `settle` lets the set go.
 */
export class GrowingTerms {
  private words: Set<string> | undefined;
  private joined: string | undefined;

  constructor(terms = '') {
    this.joined = terms;
  }

  /** Adds the words of the text; whether any was new. */
  add(text: string): boolean {
    const words = (this.words ??= new Set(this.joined === '' || this.joined === undefined ? [] : this.joined.split(' ')));
    const before = words.size;
    for (const word of wordsOf(text)) words.add(word);
    if (words.size === before) return false;
    this.joined = undefined;
    return true;
  }

  /** The terms, joined as `searchTermsOf` joins them. */
  get text(): string {
    return (this.joined ??= [...(this.words ?? [])].join(' '));
  }

  /**
   * The terms, and the set let go: kept, it would hold its words (and, through them, the texts
   * they were cut from) beside the joined text for as long as the terms are. The next `add` makes
   * it again from the text.
   */
  settle(): string {
    const text = this.text;
    this.words = undefined;
    return text;
  }
}

/** Whether texts with these terms can hold every word of the search (see `searchTermsOf`). */
export function mayMatch(search: TextSearch, terms: string): boolean {
  return search.words.length > 0 && search.words.every((word) => terms.includes(word));
}
