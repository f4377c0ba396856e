import { DEFAULT_CONNECT_TIMEOUT_MS, DEFAULT_QUERY_TIMEOUT_MS, poolWaits } from './postgres-waits';

describe('poolWaits', () => {
  it('bounds connecting and every query by default, and keeps idle connections probed', () => {
    expect(poolWaits({})).toEqual({
      connectionTimeoutMillis: DEFAULT_CONNECT_TIMEOUT_MS,
      query_timeout: DEFAULT_QUERY_TIMEOUT_MS,
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
    });
  });

  it('takes the waits given', () => {
    expect(poolWaits({ connectTimeoutMs: 700, queryTimeoutMs: 9000 })).toMatchObject({ connectionTimeoutMillis: 700, query_timeout: 9000 });
  });

  it('keeps a lock wait below the query timeout, so the server ends it on a connection that stays usable', () => {
    expect(poolWaits({ queryTimeoutMs: 30_000 }, 5000)).toMatchObject({ lock_timeout: 5000 });
    expect(poolWaits({ queryTimeoutMs: 4000 }, 30_000)).toMatchObject({ lock_timeout: 2000 });
    expect(poolWaits({}, 30_000)).toMatchObject({ lock_timeout: DEFAULT_QUERY_TIMEOUT_MS / 2 });
  });
});
