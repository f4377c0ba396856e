import { TextField } from './text-limits';

/** Names are one line; free text may also hold newlines and tabs. */
const SINGLE_LINE: ReadonlySet<string> = new Set<TextField>(['name', 'location', 'title']);

/**
 * Characters no record needs and a reader's screen would act on: control characters (in free text
 * newline, carriage return and tab excepted), the bidi embeddings, overrides and isolates that
 * reorder what follows them, and lone surrogates (half a character).
 */
/* eslint-disable no-control-regex -- control characters are what these patterns find */
const UNPRINTABLE_IN_NAMES = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const UNPRINTABLE_IN_TEXT =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/* eslint-enable no-control-regex */

const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const UNPRINTABLE_ANYWHERE = new RegExp(UNPRINTABLE_IN_NAMES.source, 'g');

/**
 * Text from outside the ledger (a webhook receiver's answer) made safe to show on one line of an
 * answer or a log: each character a name may not hold shown as U+FFFD.
 */
export function withUnprintableReplaced(text: string): string {
  return text.replace(UNPRINTABLE_ANYWHERE, '\uFFFD');
}

/** Whether `value` holds half a character, which no JSON text the ledger hashes can hold (RFC 8785). */
export function hasUnpairedSurrogate(value: string): boolean {
  return UNPAIRED_SURROGATE.test(value);
}

/** Why a text field's value cannot be recorded as printed text, or undefined when it can. */
export function unprintableProblem(field: string, value: string): string | undefined {
  const singleLine = SINGLE_LINE.has(field);
  if (!(singleLine ? UNPRINTABLE_IN_NAMES : UNPRINTABLE_IN_TEXT).test(value)) return undefined;
  return `must not contain control characters${singleLine ? '' : ' other than newline, carriage return and tab'}, bidirectional overrides or unpaired surrogates`;
}
