import { applyDecorators } from '@nestjs/common';
import { ApiQuery } from '@nestjs/swagger';
import { InvalidQueryError } from '@concord/ledger';
import { TextSearch, textSearch } from '@concord/projections';

export const MAX_SEARCH_LENGTH = 200;
// eslint-disable-next-line no-control-regex -- control characters are what it finds; tab, newline and carriage return part words
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** The search `q` asks for; undefined when none is asked for. */
export function searchOf(parameters: Readonly<Record<string, string>>): TextSearch | undefined {
  const q = parameters['q'];
  if (q === undefined) return undefined;
  if (q.trim().length === 0 || q.length > MAX_SEARCH_LENGTH) {
    throw new InvalidQueryError([{ field: 'q', messages: [`must hold at least one word and at most ${MAX_SEARCH_LENGTH} characters`] }]);
  }
  // No text the ledger keeps holds a control character other than these three (its fields refuse
  // them), so such a search could only ever answer an empty list, which would read as "nothing
  // matches" rather than "this is no search".
  if (CONTROL_CHARACTER.test(q)) {
    throw new InvalidQueryError([{ field: 'q', messages: ['must not contain control characters other than tab, newline and carriage return'] }]);
  }
  const search = textSearch(q);
  // Punctuation alone asks for no word: answered as no search, not as "nothing matches".
  if (search.words.length === 0) throw new InvalidQueryError([{ field: 'q', messages: ['must hold at least one word: punctuation alone is no word'] }]);
  return search;
}

/** Documents `q` on a list query. */
export function ApiSearch(searched: string): MethodDecorator {
  return applyDecorators(
    ApiQuery({
      name: 'q',
      required: false,
      schema: { type: 'string', maxLength: MAX_SEARCH_LENGTH, example: 'conflict diamonds' },
      description: `Only those whose ${searched} hold every word of q, in any order, as a word or part of one, ignoring case, accents and the punctuation of q`,
    }),
  );
}
