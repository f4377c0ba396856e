import { verifyReport } from './verify-command';

describe('verifyReport', () => {
  it('claims nothing unaltered of events no signed checkpoint was checked against', () => {
    const { text } = verifyReport({ eventsChecked: 16, checkpointsChecked: 0, signedThrough: 0, problems: [] }, false);
    expect(text).toMatch(/^verified 16 events against no signed checkpoint: they agree with the stored tree, but nothing signed proves them unaltered/);
    expect(text).not.toContain('nothing altered');
  });

  it('says how much of the stored tree there was to compare with, and names no trusted keys, when no checkpoint was checked', () => {
    const none = verifyReport({ eventsChecked: 16, checkpointsChecked: 0, signedThrough: 0, storedLeaves: 0, problems: [] }, true).text;
    expect(none).toMatch(/^verified 16 events against no signed checkpoint: the store holds no tree of them to compare with/);
    expect(none).not.toContain('agree with the stored tree');
    expect(none).not.toContain('signatures checked with');
    const part = verifyReport({ eventsChecked: 16, checkpointsChecked: 0, signedThrough: 0, storedLeaves: 10, problems: [] }, true).text;
    expect(part).toMatch(/^verified 16 events against no signed checkpoint: the first 10 agree with the stored tree, which holds no leaf of the 6 after them/);
  });

  it('says nothing altered of events checked against signed checkpoints, and which it did not prove', () => {
    const { text } = verifyReport({ eventsChecked: 16, checkpointsChecked: 2, signedThrough: 12, problems: [] }, false);
    expect(text).toBe(
      'verified 16 events against 2 signed checkpoints: nothing altered\n(events after position 12 are covered by no signed checkpoint checked here: they were hashed, not proven)',
    );
  });

  it('says of an empty ledger that nothing is altered', () => {
    expect(verifyReport({ eventsChecked: 0, checkpointsChecked: 0, signedThrough: 0, problems: [] }, false).text).toBe(
      'verified 0 events against 0 signed checkpoints: nothing altered',
    );
  });

  it('counts one signed checkpoint as one', () => {
    expect(verifyReport({ eventsChecked: 4, checkpointsChecked: 1, signedThrough: 4, problems: [] }, false).text).toBe(
      'verified 4 events against 1 signed checkpoint: nothing altered',
    );
  });
});
