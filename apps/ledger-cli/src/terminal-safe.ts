/**
 * Characters a terminal acts on rather than shows: C0 controls but newline and tab, DEL and the C1
 * controls (escape sequences that clear the screen, move the cursor or ring the bell), the bidi
 * embeddings, overrides and isolates (which reorder what follows), and lone surrogates.
 */
/* eslint-disable no-control-regex -- control characters are what this pattern finds */
const ACTS_ON_TERMINAL =
  /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/* eslint-enable no-control-regex */

/** Text from the ledger made safe to print: each such character shown as its `\u` escape. */
export function terminalSafe(text: string): string {
  return text.replace(ACTS_ON_TERMINAL, (character) => `\\u${(character.codePointAt(0) as number).toString(16).padStart(4, '0')}`);
}
