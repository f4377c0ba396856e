/**
 * The longest text each kind of field may hold, in characters (Unicode code points, as JSON Schema's
 * `maxLength` counts them, not the UTF-16 units of a JavaScript string's `length`): one table for the API's input and
 * for corrections, so a correction can never store what a first record could not.
 */
export const TEXT_LIMITS = {
  name: 200,
  location: 200,
  title: 300,
  reason: 20_000,
  grounds: 20_000,
  summary: 20_000,
  definition: 100_000,
  text: 100_000,
} as const;

export type TextField = keyof typeof TEXT_LIMITS;

/** Text that says something: not empty, not only white space or invisible format characters (U+200B, …). */
export function isMeaningfulText(value: unknown): value is string {
  return typeof value === 'string' && /[^\s\p{Cf}]/u.test(value);
}

/** Characters as `TEXT_LIMITS` counts them: code points, so an emoji or a CJK Extension B letter is one. */
export function characterCount(value: string): number {
  let count = 0;
  for (let index = 0; index < value.length; index += 1) {
    const unit = value.charCodeAt(index);
    // A high surrogate followed by a low one is one character.
    if (unit >= 0xd800 && unit <= 0xdbff && index + 1 < value.length) {
      const next = value.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) index += 1;
    }
    count += 1;
  }
  return count;
}
