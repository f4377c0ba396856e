import { RecordedTimeIndex } from './recorded-time-index';

describe('RecordedTimeIndex', () => {
  const index = new RecordedTimeIndex();
  // Two writers whose clocks disagree: position 3 was stamped before position 2 but committed after it.
  const times = ['2026-01-01T10:00:00.000Z', '2026-01-01T10:00:05.000Z', '2026-01-01T10:00:04.000Z', '2026-01-01T10:00:09.000Z'];
  times.forEach((recordedAt, i) => index.add(i + 1, recordedAt));

  it('ends "as of T" before the first event stamped after T', () => {
    expect(index.lastPositionBy('2026-01-01T09:59:59.999Z')).toBe(0);
    expect(index.lastPositionBy('2026-01-01T10:00:00.000Z')).toBe(1);
    expect(index.lastPositionBy('2026-01-01T10:00:04.500Z')).toBe(1);
    expect(index.lastPositionBy('2026-01-01T10:00:05.000Z')).toBe(3);
    expect(index.lastPositionBy('2030-01-01T00:00:00.000Z')).toBe(4);
  });

  it("gives the ledger's clock after a position as the latest time stamped so far", () => {
    expect(index.momentAfter(3)).toBe('2026-01-01T10:00:05.000Z');
    expect(index.momentAfter(0)).toBeUndefined();
    expect(index.momentAfter(5)).toBeUndefined();
  });

  it('grows past its first allocation and tolerates a missing position', () => {
    const long = new RecordedTimeIndex();
    for (let position = 1; position <= 3000; position += 1)
      long.add(position === 2000 ? 2001 : position, new Date(Date.UTC(2026, 0, 1, 0, 0, position)).toISOString());
    expect(long.lastPositionBy(new Date(Date.UTC(2026, 0, 1, 0, 0, 2500)).toISOString())).toBe(2500);
  });
});
