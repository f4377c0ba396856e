import { describePoint, isAfterNow, pointOf, pointProblem } from '../apps/console/src/time-point';

describe('the time-travel point an address names', () => {
  it('reads a zone typed into the address with its +, which a query would read as a space', () => {
    expect(pointOf(new URLSearchParams('effectiveAt=2022-06-24T14:30+02:00'))).toEqual({ kind: 'effectiveAt', value: '2022-06-24T14:30+02:00' });
    expect(pointOf(new URLSearchParams('asOf=2022-06-24T14:30:00.5+05:45'))).toEqual({ kind: 'asOf', value: '2022-06-24T14:30:00.5+05:45' });
    // As the console writes it: encoded.
    expect(pointOf(new URLSearchParams('effectiveAt=2022-06-24T14%3A30%2B02%3A00'))?.value).toBe('2022-06-24T14:30+02:00');
    expect(pointOf(new URLSearchParams('atPosition=12'))).toEqual({ kind: 'atPosition', value: '12' });
  });

  it('says of a misspelt name that the ledger now is shown, and of two points that the first is', () => {
    expect(pointProblem(new URLSearchParams('asof=2013-01-01'))).toMatch(/names "asof", which the console does not read.*Did you mean "asOf"\?/);
    expect(pointProblem(new URLSearchParams('EffectiveAt=2013-01-01'))).toMatch(/Did you mean "effectiveAt"\?/);
    expect(pointProblem(new URLSearchParams('effectiveAt=2022-06-24&atPosition=5'))).toBe(
      'The address names effectiveAt and atPosition: the console shows effectiveAt only.',
    );
    // Whatever order the address gives them in: the one shown is named.
    expect(pointProblem(new URLSearchParams('atPosition=5&effectiveAt=2022-06-24'))).toBe(
      'The address names effectiveAt and atPosition: the console shows effectiveAt only.',
    );
    expect(pointOf(new URLSearchParams('atPosition=5&effectiveAt=2022-06-24'))?.kind).toBe('effectiveAt');
    expect(pointProblem(new URLSearchParams('effectiveAt=2022-06-24&q=diamonds'))).toBeNull();
  });

  it('says of a point the ledger cannot read that it is none, before a page is asked for with it', () => {
    for (const search of ['effectiveAt=2022-06-24T24:00:00Z', 'effectiveAt=2022-02-30', 'asOf=yesterday', 'atPosition=-1'])
      expect(pointProblem(new URLSearchParams(search))).toMatch(/^Write a (date|position)/);
    for (const search of ['effectiveAt=2022-06-24T23:59:59Z', 'asOf=2022-06-24T14:30+02:00', 'atPosition=0'])
      expect(pointProblem(new URLSearchParams(search))).toBeNull();
  });

  it('says of a moment still to come that the ledger as read is shown', () => {
    const now = Date.parse('2026-12-05T12:00:00Z');
    expect(isAfterNow({ kind: 'effectiveAt', value: '2099-01-01' }, now)).toBe(true);
    expect(isAfterNow({ kind: 'asOf', value: '2026-12-05T11:00:00Z' }, now)).toBe(false);
    expect(isAfterNow({ kind: 'atPosition', value: '99999' }, now)).toBe(false);
    expect(describePoint({ kind: 'effectiveAt', value: '2099-01-01' })).toMatch(/2099-01-01, which is still to come/);
  });
});
