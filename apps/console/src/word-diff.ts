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
 * the `same` and `added` parts give `after`.
 */
export function wordDiff(before: string, after: string): DiffPart[] | null {
  const a = tokens(before);
  const b = tokens(after);
  // Each token's word, worked out once: the comparison below runs for every pair.
  const wordsA = a.map(wordOf);
  const wordsB = b.map(wordOf);
  if ((a.length + 1) * (b.length + 1) > MAX_CELLS) return null;
  // common[i][j]: the longest common subsequence of a[i..] and b[j..], one row of width b.length + 1 per i.
  const width = b.length + 1;
  const common = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i -= 1) {
    for (let j = b.length - 1; j >= 0; j -= 1) {
      common[i * width + j] =
        wordsA[i] === wordsB[j]
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
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && wordsA[i] === wordsB[j]) {
      // The same word; only the white space after it may differ, and then only that is marked.
      const word = wordsA[i] as string;
      push('same', word);
      if ((a[i] as string) === (b[j] as string)) push('same', (a[i] as string).slice(word.length));
      else {
        push('removed', (a[i] as string).slice(word.length));
        push('added', (b[j] as string).slice(word.length));
      }
      i += 1;
      j += 1;
    } else if (i < a.length && (j === b.length || (common[(i + 1) * width + j] as number) >= (common[i * width + j + 1] as number))) {
      push('removed', a[i] as string);
      i += 1;
    } else {
      push('added', b[j] as string);
      j += 1;
    }
  }
  return parts;
}
