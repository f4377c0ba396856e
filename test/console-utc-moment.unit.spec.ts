import { utcMomentOf } from '../apps/console/src/utc-moment';

describe('An instant as the console shows it', () => {
  it('gives the time of day to the minute, the seconds only when there are some, and none at midnight UTC (a date given alone)', () => {
    expect(utcMomentOf('2026-12-05T16:00:00.000Z')).toEqual({ day: '2026-12-05', time: '16:00' });
    expect(utcMomentOf('2026-12-05T16:00:30.000Z')).toEqual({ day: '2026-12-05', time: '16:00:30' });
    expect(utcMomentOf('2026-12-05T00:00:00.000Z')).toEqual({ day: '2026-12-05', time: null });
    expect(utcMomentOf('2026-12-05')).toEqual({ day: '2026-12-05', time: null });
  });
});
