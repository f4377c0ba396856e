import type { Pool, PoolClient } from 'pg';
import { isQueryTimeout } from './postgres-errors';

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
    // A connection whose server stopped answering cannot take a ROLLBACK (it would wait behind
    // the unanswered query for another timeout): it is destroyed, and the server, seeing it
    // close, rolls the transaction back itself. A failed ROLLBACK means the same.
    if (isQueryTimeout(error)) {
      connectionBroken = true;
    } else {
      await client.query('ROLLBACK').catch(() => {
        connectionBroken = true;
      });
    }
    throw error;
  } finally {
    client.off('error', onConnectionError);
    client.release(connectionBroken);
  }
}
