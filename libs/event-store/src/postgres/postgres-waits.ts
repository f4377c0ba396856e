import type { PoolConfig } from 'pg';

/** How long the ledger waits for PostgreSQL, the same on every pool of its tables. */
export interface PostgresWaits {
  /** For a connection: a new one, or a free one of a pool whose connections are all busy. Default 5000 ms. */
  readonly connectTimeoutMs?: number;
  /**
   * For the answer to any one query. A server that stays silent longer (hung, or behind a network
   * that drops packets without closing the connection) is taken as unavailable: the query fails
   * with `StoreUnavailableError` and its connection is dropped, not reused. Default 30000 ms.
   */
  readonly queryTimeoutMs?: number;
}

export const DEFAULT_CONNECT_TIMEOUT_MS = 5000;
export const DEFAULT_QUERY_TIMEOUT_MS = 30_000;

/**
 * TCP keepalive probes start after this long without traffic, so that a connection whose peer
 * vanished is found dead by the system even while the pool holds it idle.
 */
const KEEPALIVE_AFTER_MS = 10_000;

/**
 * The pool settings for `waits`. `connectionTimeoutMillis` also bounds the wait for a free
 * connection of a pool that is fully busy: a request then fails with `StoreUnavailableError`
 * rather than queueing without end.
 */
export function poolWaits(waits: PostgresWaits): PoolConfig {
  return {
    connectionTimeoutMillis: waits.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
    query_timeout: waits.queryTimeoutMs ?? DEFAULT_QUERY_TIMEOUT_MS,
    keepAlive: true,
    keepAliveInitialDelayMillis: KEEPALIVE_AFTER_MS,
  };
}
