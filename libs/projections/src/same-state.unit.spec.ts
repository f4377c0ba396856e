import { LayeredMap } from '@concord/governance';
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
});
