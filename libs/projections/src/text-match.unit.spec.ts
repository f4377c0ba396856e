import { textMatcher } from './text-match';

describe('textMatcher', () => {
  const title = 'Widen the definition of conflict diamonds';
  const text = "Rough diamonds used to finance aggression by a state against another state, as in Côte d'Ivoire";

  it.each([
    ['one word, in any case', 'DIAMONDS'],
    ['every word, in any order, across title and text', 'aggression widen'],
    ['a word without its accents', "cote d'ivoire"],
    ['part of a word', 'defin'],
    ['words spaced and tabbed', '  conflict\tdiamonds '],
  ])('finds %s', (_case, query) => {
    expect(textMatcher(query)(title, text)).toBe(true);
  });

  it.each([
    ['a word that is not there', 'sanctions'],
    ['one word of two that is not there', 'diamonds sanctions'],
    ['an empty query', ''],
    ['a query of spaces', '   '],
  ])('does not find %s', (_case, query) => {
    expect(textMatcher(query)(title, text)).toBe(false);
  });
});
