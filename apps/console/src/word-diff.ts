/** A piece of a revised text: kept from the earlier text, added, or removed. */
export interface DiffPart {
  readonly kind: 'same' | 'added' | 'removed';
  readonly text: string;
}

/** Past this many word pairs a diff costs too much to compute in the page: the revision is shown whole. */
const MAX_CELLS = 4_000_000;

/** Words and the white space after each, so that joining the parts gives the texts back exactly. */
function tokens(text: string): string[] {
  return text.match(/\S+\s*|\s+/g) ?? [];
}

/**
 * A word without the white space after it: two tokens of one word are the same word whatever
 * follows it (a line break or a space: "decides:" before a blank line and before a single one).
 */
const wordOf = (token: string): string => token.trimEnd();

/**
 * The word-level difference between two texts (longest common subsequence of words), or null when
 * the texts are too long to compare here. Joining the `same` and `removed` parts gives `before`;
 * the `same` and `added` parts give `after`. The words both texts begin and end with are taken as
 * they are before any comparing: a revision of a few words in a long text costs little.
 */
export function wordDiff(before: string, after: string): DiffPart[] | null {
  const a = tokens(before);
  const b = tokens(after);
  // Each token's word, worked out once: the comparison below runs for every pair.
  const wordsA = a.map(wordOf);
  const wordsB = b.map(wordOf);
  let start = 0;
  while (start < a.length && start < b.length && wordsA[start] === wordsB[start]) start += 1;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && wordsA[endA - 1] === wordsB[endB - 1]) {
    endA -= 1;
    endB -= 1;
  }
  const rows = endA - start;
  const width = endB - start + 1;
  if ((rows + 1) * width > MAX_CELLS) return null;
  // common[i][j]: the longest common subsequence of the middles of a from i and b from j, one row of width per i.
  const common = new Uint32Array((rows + 1) * width);
  for (let i = rows - 1; i >= 0; i -= 1) {
    for (let j = width - 2; j >= 0; j -= 1) {
      common[i * width + j] =
        wordsA[start + i] === wordsB[start + j]
          ? (common[(i + 1) * width + j + 1] as number) + 1
          : Math.max(common[(i + 1) * width + j] as number, common[i * width + j + 1] as number);
    }
  }
  const parts: DiffPart[] = [];
  const push = (kind: DiffPart['kind'], text: string): void => {
    if (text === '') return;
    const last = parts[parts.length - 1];
    if (last?.kind === kind) parts[parts.length - 1] = { kind, text: last.text + text };
    else parts.push({ kind, text });
  };
  // The same word in both; only the white space after it may differ, and then only that is marked.
  const same = (tokenA: string, tokenB: string): void => {
    const word = wordOf(tokenA);
    push('same', word);
    if (tokenA === tokenB) push('same', tokenA.slice(word.length));
    else {
      push('removed', tokenA.slice(word.length));
      push('added', tokenB.slice(word.length));
    }
  };
  for (let k = 0; k < start; k += 1) same(a[k] as string, b[k] as string);
  let i = 0;
  let j = 0;
  const columns = width - 1;
  while (i < rows || j < columns) {
    if (i < rows && j < columns && wordsA[start + i] === wordsB[start + j]) {
      same(a[start + i] as string, b[start + j] as string);
      i += 1;
      j += 1;
    } else if (i < rows && (j === columns || (common[(i + 1) * width + j] as number) >= (common[i * width + j + 1] as number))) {
      push('removed', a[start + i] as string);
      i += 1;
    } else {
      push('added', b[start + j] as string);
      j += 1;
    }
  }
  for (let k = 0; k < a.length - endA; k += 1) same(a[endA + k] as string, b[endB + k] as string);
  return parts;
}
