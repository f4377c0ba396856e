import type { Pool, PoolClient } from 'pg';

/**
 * Runs `work` in one READ COMMITTED transaction on a pooled connection, committing when it
 * resolves and rolling back when it throws. Explicit, not the server default: the append relies on
 * READ COMMITTED (see postgres-append.ts).
 */
export async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let connectionBroken = false;
  // A checked-out client has no 'error' listener of the pool's, and one that loses its connection
  // between queries emits 'error': unheard, Node would crash the process. Its failure reaches us
  // through the query in flight or the next one, so here it only marks the client as broken.
  const onConnectionError = (): void => {
    connectionBroken = true;
  };
  client.on('error', onConnectionError);
  try {
    await client.query('BEGIN ISOLATION LEVEL READ COMMITTED');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    // A failed ROLLBACK means the connection is gone; it is then destroyed, not reused.
    await client.query('ROLLBACK').catch(() => {
      connectionBroken = true;
    });
    throw error;
  } finally {
    client.off('error', onConnectionError);
    client.release(connectionBroken);
  }
}
