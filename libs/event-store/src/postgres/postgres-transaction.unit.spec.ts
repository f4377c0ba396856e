import type { Pool, PoolClient } from 'pg';
import { inTransaction } from './postgres-transaction';

/** A pooled client that records what it is asked, failing the statement named in `failOn`. */
function recordingPool(failOn: string, failure: Error): { pool: Pool; sent: string[]; released: unknown[] } {
  const sent: string[] = [];
  const released: unknown[] = [];
  const client = {
    on: () => client,
    off: () => client,
    query: async (text: string) => {
      sent.push(text);
      if (text === failOn) throw failure;
      return { rows: [] };
    },
    release: (destroy?: unknown) => released.push(destroy),
  };
  const pool = { connect: async () => client as unknown as PoolClient } as unknown as Pool;
  return { pool, sent, released };
}

describe('inTransaction', () => {
  it('rolls back after a failed statement and returns the connection to the pool', async () => {
    const { pool, sent, released } = recordingPool('INSERT', Object.assign(new Error('duplicate key'), { code: '23505' }));
    await expect(inTransaction(pool, async (client) => client.query('INSERT'))).rejects.toThrow('duplicate key');
    expect(sent).toEqual(['BEGIN ISOLATION LEVEL READ COMMITTED', 'INSERT', 'ROLLBACK']);
    expect(released).toEqual([false]);
  });

  it('destroys a connection whose server stopped answering, without a ROLLBACK that would wait behind it', async () => {
    const { pool, sent, released } = recordingPool('INSERT', new Error('Query read timeout'));
    await expect(inTransaction(pool, async (client) => client.query('INSERT'))).rejects.toThrow('Query read timeout');
    expect(sent).toEqual(['BEGIN ISOLATION LEVEL READ COMMITTED', 'INSERT']);
    expect(released).toEqual([true]);
  });

  it('destroys the connection when the ROLLBACK itself fails', async () => {
    const { pool, sent, released } = recordingPool('ROLLBACK', new Error('Connection terminated'));
    await expect(
      inTransaction(pool, async () => {
        throw new Error('refused by a rule');
      }),
    ).rejects.toThrow('refused by a rule');
    expect(sent).toEqual(['BEGIN ISOLATION LEVEL READ COMMITTED', 'ROLLBACK']);
    expect(released).toEqual([true]);
  });
});
