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
});
