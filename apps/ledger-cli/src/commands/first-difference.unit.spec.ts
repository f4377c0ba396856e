import { firstDifference } from './first-difference';

describe('firstDifference', () => {
  it('finds none between values JSON reads alike, whatever the order of their keys', () => {
    expect(firstDifference({ a: 1, b: [1, { c: 'x' }] }, { b: [1, { c: 'x' }], a: 1 })).toBeUndefined();
    expect(firstDifference(undefined, undefined)).toBeUndefined();
    // An undefined field is not sent: it is no difference from a missing one.
    expect(firstDifference({ a: 1, b: undefined }, { a: 1 })).toBeUndefined();
  });

  it('names the first path that differs, and the value on each side', () => {
    expect(firstDifference({ members: [{ id: 'ru', status: 'active' }] }, { members: [{ id: 'ru', status: 'suspended' }] })).toEqual({
      path: '$.members[0].status',
      stored: 'active',
      folded: 'suspended',
    });
    expect(firstDifference([1, 2], [1, 2, 3])).toEqual({ path: '$[2]', stored: undefined, folded: 3 });
    expect(firstDifference({ a: 1 }, { a: 1, b: 2 })).toEqual({ path: '$.b', stored: undefined, folded: 2 });
    expect(firstDifference(undefined, { a: 1 })).toEqual({ path: '$', stored: undefined, folded: { a: 1 } });
    expect(firstDifference([1], { 0: 1 })).toEqual({ path: '$', stored: [1], folded: { 0: 1 } });
  });
});
