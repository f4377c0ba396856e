import { boundedMemo } from './bounded-memo';

describe('boundedMemo', () => {
  it('computes each argument once while it is held, and forgets all once the limit is reached', () => {
    const computed: string[] = [];
    const upper = boundedMemo((text) => {
      computed.push(text);
      return text.toUpperCase();
    }, 3);
    expect(['a', 'b', 'c', 'a', 'b', 'c'].map(upper)).toEqual(['A', 'B', 'C', 'A', 'B', 'C']);
    expect(computed).toEqual(['a', 'b', 'c']);
    expect(upper('d')).toBe('D');
    expect(upper('a')).toBe('A');
    expect(upper('d')).toBe('D');
    expect(computed).toEqual(['a', 'b', 'c', 'd', 'a']);
  });
});
