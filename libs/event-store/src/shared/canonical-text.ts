import { canonicalJson } from '@concord/verifier';

/**
 * Data and metadata are stored as RFC 8785 text, so that the transparency log's entry for an event
 * can be assembled from the stored text without parsing it (see ledgerEntryOfCanonicalText). A
 * value holding what JSON.stringify normalises (a Date, an undefined member) is normalised the same
 * way first. A value RFC 8785 cannot write (a lone surrogate, a non-finite number) is refused: its
 * event could never be hashed into the log.
 */
export function canonicalText(value: unknown, what: string): string {
  try {
    return canonicalJson(value);
  } catch (first) {
    if (!(first instanceof TypeError)) throw first;
    try {
      return canonicalJson(JSON.parse(JSON.stringify(value)));
    } catch (error) {
      throw new TypeError(`${what} cannot be stored: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
