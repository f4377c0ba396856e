import Database from 'better-sqlite3';
import { Client } from 'pg';
import { LedgerStorage } from './ledger-storage';

/**
 * The process id of the instance holding a webhook's delivery lease, read from the database as an
 * operator would: the holder is `<host>/<pid>/<uuid>`.
 */
export async function leaseHolderPid(storage: LedgerStorage, webhookId: string): Promise<number | undefined> {
  let holder: string | null | undefined;
  if (storage.selection.kind === 'sqlite') {
    const db = new Database(storage.selection.file, { readonly: true });
    try {
      holder = db.prepare<[string], { lease_holder: string | null }>('SELECT lease_holder FROM webhooks WHERE webhook_id = ?').get(webhookId)?.lease_holder;
    } finally {
      db.close();
    }
  } else if (storage.selection.kind === 'postgres') {
    const client = new Client({ connectionString: storage.selection.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ lease_holder: string | null }>(
        `SELECT lease_holder FROM "${storage.selection.schema}".webhooks WHERE webhook_id = $1`,
        [webhookId],
      );
      holder = rows[0]?.lease_holder;
    } finally {
      await client.end();
    }
  }
  const pid = holder?.split('/')[1];
  return pid === undefined ? undefined : Number(pid);
}
