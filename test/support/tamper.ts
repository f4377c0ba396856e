import Database from 'better-sqlite3';
import { Client } from 'pg';
import { LedgerStorage } from './ledger-storage';

/**
 * Runs SQL straight on a stopped ledger's database, behind the ledger's back, as someone with
 * access to the file or the table would. `T.` in the statement stands for the ledger's schema.
 */
export async function tamper(storage: LedgerStorage, statements: readonly [sql: string, params?: unknown[]][]): Promise<unknown[][]> {
  const selection = storage.selection;
  if (selection.kind === 'sqlite') {
    const db = new Database(selection.file);
    try {
      return statements.map(([sql, params = []]) => {
        const statement = db.prepare(sql.replace(/\bT\./g, '').replace(/\$\d+/g, '?'));
        return statement.reader ? statement.all(...params) : (statement.run(...params), []);
      });
    } finally {
      db.close();
    }
  }
  if (selection.kind !== 'postgres') throw new Error(`no tampering with ${selection.kind}`);
  const client = new Client({ connectionString: selection.url });
  await client.connect();
  try {
    const results: unknown[][] = [];
    for (const [sql, params = []] of statements) results.push((await client.query(sql.replace(/\bT\./g, `"${selection.schema}".`), params)).rows);
    return results;
  } finally {
    await client.end();
  }
}
