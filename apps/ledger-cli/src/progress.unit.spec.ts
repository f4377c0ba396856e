import { Progress } from './progress';

/** A pipe's stderr: one plain line per report, kept for the test to read. */
function pipe(): { stream: NodeJS.WriteStream; lines: string[] } {
  const lines: string[] = [];
  const stream = { isTTY: false, write: (text: string) => lines.push(text) } as unknown as NodeJS.WriteStream;
  return { stream, lines };
}

describe('Progress', () => {
  let nowMs: number;
  beforeEach(() => {
    nowMs = 1_000_000;
    jest.spyOn(Date, 'now').mockImplementation(() => nowMs);
  });
  afterEach(() => jest.restoreAllMocks());

  it('rates the work done since it began', () => {
    const { stream, lines } = pipe();
    const progress = new Progress('import', 30_000, { stream });
    nowMs += 2_000;
    progress.advance(100);
    progress.finish();
    expect(lines).toEqual(['import: 100/30000 events, 50/s\n', 'import: 100/30000 events, 50/s, done\n']);
  });

  it('counts the work a resumed run finds done, but rates only its own', () => {
    const { stream, lines } = pipe();
    const progress = new Progress('import', 30_000, { stream });
    progress.resumeFrom(500);
    nowMs += 2_000;
    progress.advance(85);
    expect(lines).toEqual(['import: 585/30000 events, 43/s\n']);
  });
});
