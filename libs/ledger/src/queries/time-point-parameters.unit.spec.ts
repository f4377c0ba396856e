import { parseTimePoint } from './time-point-parameters';

describe('parseTimePoint', () => {
  const now = new Date('2026-12-05T16:45:35.000Z');

  it('reads an asOf after now as now: the ledger cannot know more than it holds', () => {
    expect(parseTimePoint({ asOf: '2026-12-06' }, now)).toEqual({ kind: 'as-of', at: '2026-12-05T16:45:35.000Z' });
  });

  it('reads an effectiveAt after now as the latest moment a record may be dated by now, a day begun at UTC+14', () => {
    expect(parseTimePoint({ effectiveAt: '2026-12-06' }, now)).toEqual({ kind: 'effective-at', at: '2026-12-06T06:45:35.000Z' });
    expect(parseTimePoint({ effectiveAt: '2099-01-01T00:00:00Z' }, now)).toEqual({ kind: 'effective-at', at: '2026-12-06T06:45:35.000Z' });
    expect(parseTimePoint({ effectiveAt: '2026-12-05T12:00:00Z' }, now)).toEqual({ kind: 'effective-at', at: '2026-12-05T12:00:00.000Z' });
  });
});
