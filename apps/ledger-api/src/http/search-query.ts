import { applyDecorators } from '@nestjs/common';
import { ApiQuery } from '@nestjs/swagger';
import { InvalidQueryError } from '@concord/ledger';
import { TextSearch, textSearch } from '@concord/projections';

export const MAX_SEARCH_LENGTH = 200;

/** The search `q` asks for; undefined when none is asked for. */
export function searchOf(parameters: Readonly<Record<string, string>>): TextSearch | undefined {
  const q = parameters['q'];
  if (q === undefined) return undefined;
  if (q.trim().length === 0 || q.length > MAX_SEARCH_LENGTH) {
    throw new InvalidQueryError([{ field: 'q', messages: [`must hold at least one word and at most ${MAX_SEARCH_LENGTH} characters`] }]);
  }
  return textSearch(q);
}

/** Documents `q` on a list query. */
export function ApiSearch(searched: string): MethodDecorator {
  return applyDecorators(
    ApiQuery({
      name: 'q',
      required: false,
      schema: { type: 'string', maxLength: MAX_SEARCH_LENGTH, example: 'conflict diamonds' },
      description: `Only those whose ${searched} hold every word of q, in any order, ignoring case and accents`,
    }),
  );
}
