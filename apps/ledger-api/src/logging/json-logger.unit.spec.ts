import { JsonLogger } from './json-logger';

function capture(threshold: 'debug' | 'info' | 'warn' | 'error' | 'silent'): { logger: JsonLogger; lines: () => Record<string, unknown>[] } {
  const written: string[] = [];
  const logger = new JsonLogger(threshold, { write: (chunk: string) => void written.push(chunk) });
  return {
    logger,
    lines: () =>
      written
        .join('')
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

describe('JsonLogger', () => {
  it("writes one JSON object per line: time, level by name, context, message and the entry's fields", () => {
    const { logger, lines } = capture('info');
    logger.log({ msg: 'request', status: 201 }, 'http');
    logger.warn('plain text', 'auth');
    logger.error({ msg: 'request failed', code: 'internal-error' }, 'stack', 'http');
    expect(lines()).toEqual([
      { time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/), level: 'info', context: 'http', msg: 'request', status: 201 },
      { time: expect.any(String), level: 'warn', context: 'auth', msg: 'plain text' },
      { time: expect.any(String), level: 'error', context: 'http', msg: 'request failed', code: 'internal-error' },
    ]);
  });

  it('leaves out what is below its level, and everything when silent', () => {
    const warn = capture('warn');
    warn.logger.log({ msg: 'request' }, 'http');
    warn.logger.debug('detail');
    warn.logger.warn('kept');
    expect(warn.lines().map((line) => line.msg)).toEqual(['kept']);
    const silent = capture('silent');
    silent.logger.error('nothing');
    expect(silent.lines()).toEqual([]);
  });
});
