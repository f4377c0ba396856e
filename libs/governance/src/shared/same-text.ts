/**
 * Whether two texts read the same: equal once written in one Unicode form (NFC: "é" as one
 * character or as "e" and an accent), with one kind of line break, and without the white space
 * that ends a line or the text. Such differences are invisible on any page, so a text that differs
 * only by them is no new revision (its supporters would be dropped for nothing).
 */
export function sameText(a: string, b: string): boolean {
  return a === b || readingOf(a) === readingOf(b);
}

function readingOf(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[^\S\n]+$/gm, '')
    .replace(/\s+$/, '');
}
