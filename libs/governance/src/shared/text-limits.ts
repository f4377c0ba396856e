/**
 * The longest text each kind of field may hold, in characters: one table for the API's input and
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
