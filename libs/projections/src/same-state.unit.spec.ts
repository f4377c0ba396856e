import { AppendOnlyList, LayeredMap } from '@concord/governance';
import { sameState } from './same-state';

describe('sameState', () => {
  it('compares maps by their entries, a layered map as much as a plain one', () => {
    const members = LayeredMap.of([
      ['uz', { name: 'Uzbekstan' }],
      ['ru', { name: 'Russia' }],
    ]);
    expect(sameState({ members }, { members: members.set('uz', { name: 'Uzbekstan' }) })).toBe(true);
    expect(sameState({ members }, { members: members.set('uz', { name: 'Uzbekistan' }) })).toBe(false);
    expect(sameState({ members }, { members: members.set('by', { name: 'Belarus' }) })).toBe(false);
    expect(sameState(new Map([[1, { a: 1 }]]), new Map([[1, { a: 2 }]]))).toBe(false);
    expect(sameState(new Map([[1, 'a']]), LayeredMap.of([[1, 'a']]))).toBe(true);
  });

  it('compares plain objects and arrays structurally', () => {
    expect(sameState({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toBe(true);
    expect(sameState({ a: [1, { b: 2 }] }, { a: [1, { b: 3 }] })).toBe(false);
    expect(sameState({ a: 1 }, { a: 1, b: undefined })).toBe(false);
  });

  it('compares append-only lists by their items, however they were built', () => {
    const base = AppendOnlyList.of([{ summary: 'one' }]);
    const grown = base.append({ summary: 'two' });
    expect(sameState({ statements: grown }, { statements: AppendOnlyList.of([{ summary: 'one' }, { summary: 'two' }]) })).toBe(true);
    expect(sameState({ statements: grown }, { statements: base.append({ summary: 'three' }) })).toBe(false);
    expect(sameState({ statements: grown }, { statements: base })).toBe(false);
    expect(sameState(AppendOnlyList.empty(), AppendOnlyList.empty())).toBe(true);
    expect(sameState(AppendOnlyList.of([1]), [1])).toBe(false);
  });
});
