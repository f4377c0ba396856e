import { terminalSafe } from './terminal-safe';

describe('terminalSafe', () => {
  it('escapes what a terminal would act on and keeps the rest as it is', () => {
    expect(terminalSafe('Evil\u001b[2J\u001b[31mNAME\u0007')).toBe('Evil\\u001b[2J\\u001b[31mNAME\\u0007');
    expect(terminalSafe('a\u0000b\u009bc\u007fd')).toBe('a\\u0000b\\u009bc\\u007fd');
    expect(terminalSafe('abc\u202Eevil\u2066x')).toBe('abc\\u202eevil\\u2066x');
    expect(terminalSafe('lone \uD800 and \uDC00')).toBe('lone \\ud800 and \\udc00');
    expect(terminalSafe('Côte d’Ivoire 😀 — line one\nline two\twith a tab')).toBe('Côte d’Ivoire 😀 — line one\nline two\twith a tab');
  });
});
