import { sameText } from './same-text';

describe('sameText', () => {
  it.each([
    ['a trailing space', 'Text two', 'Text two '],
    ['a trailing line break', 'Text two', 'Text two\n'],
    ['white space at the end of a line', 'First line\nSecond line', 'First line  \nSecond line'],
    ['Windows line breaks', 'First line\nSecond line', 'First line\r\nSecond line'],
    ['another Unicode form of the same letters', 'Caf\u00e9', 'Cafe\u0301'],
  ])('reads texts differing only by %s as the same', (_case, a, b) => {
    expect(sameText(a, b)).toBe(true);
  });

  it.each([
    ['a word', 'Text two', 'Text three'],
    ['a space inside a line', 'Text two', 'Text  two'],
    ['a leading space of a line after the first', 'First line\nSecond line', 'First line\n  Second line'],
    ['a space or a blank line before the text', 'Text', '\n Text'],
    ['an empty line between two', 'First line\nSecond line', 'First line\n\nSecond line'],
    ['a letter that only looks alike', 'Text', 'Τext'],
  ])('tells texts differing by %s apart', (_case, a, b) => {
    expect(sameText(a, b)).toBe(false);
  });
});
