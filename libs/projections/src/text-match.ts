/** Lower case, without accents or other combining marks, so that "Cote" finds "Côte". */
function folded(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * Whether some text matches a search as a desk types one: every word of `query`, in any order,
 * appears somewhere in the texts, ignoring case and accents. A query of no words matches nothing.
 */
export function textMatcher(query: string): (...texts: readonly string[]) => boolean {
  const words = folded(query)
    .split(/\s+/u)
    .filter((word) => word.length > 0);
  return (...texts) => {
    if (words.length === 0) return false;
    const haystack = folded(texts.join('\n'));
    return words.every((word) => haystack.includes(word));
  };
}
