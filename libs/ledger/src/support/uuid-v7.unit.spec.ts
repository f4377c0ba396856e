import { uuidV7 } from './uuid-v7';

describe('uuidV7', () => {
  it('is an RFC 9562 version 7 UUID whose first 48 bits are the Unix milliseconds', () => {
    const now = new Date('2026-11-30T14:05:06.789Z');
    const id = uuidV7(now);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(now.getTime());
  });

  it('never repeats across many ids in one millisecond, also across refills of its random pool', () => {
    const now = new Date();
    const ids = Array.from({ length: 5000 }, () => uuidV7(now));
    expect(new Set(ids).size).toBe(5000);
    expect(new Set(ids.map((id) => id.slice(19))).size).toBe(5000);
  });

  it('sorts by time across milliseconds', () => {
    const ids = [0, 1, 2, 1000, 86_400_000].map((offset) => uuidV7(new Date(Date.UTC(2026, 0, 1) + offset)));
    expect([...ids].sort()).toEqual(ids);
  });
});
