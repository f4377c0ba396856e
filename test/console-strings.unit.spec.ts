import { STRINGS } from '../apps/console/src/strings';

describe("The console's strings", () => {
  it('say what a checkpoint covers in words for an empty log, one event and many', () => {
    expect(STRINGS.audit.size(0)).toBe('It covers no events: the log was empty when it was signed.');
    expect(STRINGS.audit.size(1)).toBe('It covers position 1.');
    expect(STRINGS.audit.size(57)).toBe('It covers positions 1 to 57.');
  });
});
