import Database from 'better-sqlite3';
import { DeliveryState, WebhookRecord, WebhookRegistration } from '../webhook-record';
import { WebhookRepository } from '../webhook-repository';
import { rowValues, STATE_COLUMNS, stateValues, toWebhookRecord, WEBHOOK_COLUMNS, WebhookRow } from './webhook-rows';

const BUSY_TIMEOUT_MS = 5000;

const CREATE_TABLE = `
  CREATE TABLE IF NOT EXISTS webhooks (
    webhook_id           TEXT    PRIMARY KEY,
    owner_key_id         TEXT    NOT NULL,
    url                  TEXT    NOT NULL,
    types                TEXT,
    body_id              TEXT,
    description          TEXT,
    secret               TEXT    NOT NULL,
    created_at           TEXT    NOT NULL,
    status               TEXT    NOT NULL,
    delivered_through    INTEGER NOT NULL,
    consecutive_failures INTEGER NOT NULL,
    last_error           TEXT,
    last_attempt_at      TEXT,
    next_attempt_at      TEXT,
    last_delivered_at    TEXT,
    version              INTEGER NOT NULL,
    lease_holder         TEXT,
    lease_until_ms       INTEGER NOT NULL DEFAULT 0
  ) STRICT;
  CREATE INDEX IF NOT EXISTS webhooks_by_owner ON webhooks (owner_key_id);
`;

const SELECT = `SELECT ${WEBHOOK_COLUMNS.join(', ')} FROM webhooks`;

/**
 * Webhooks in the ledger's own SQLite file (a table beside `events`, on a connection of its own),
 * with the same durability: WAL and synchronous=FULL, so an acknowledged checkpoint survives a crash.
 * Processes sharing the file share the leases.
 */
export class SqliteWebhookRepository implements WebhookRepository {
  private constructor(private readonly db: Database.Database) {}

  static open(filePath: string): SqliteWebhookRepository {
    const db = new Database(filePath, { timeout: BUSY_TIMEOUT_MS });
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec(CREATE_TABLE);
    return new SqliteWebhookRepository(db);
  }

  async create(registration: WebhookRegistration, state: DeliveryState): Promise<WebhookRecord> {
    const placeholders = WEBHOOK_COLUMNS.map(() => '?').join(', ');
    this.db.prepare(`INSERT INTO webhooks (${WEBHOOK_COLUMNS.join(', ')}) VALUES (${placeholders})`).run(...rowValues(registration, state, 1));
    return { ...registration, ...state, version: 1 };
  }

  async get(webhookId: string): Promise<WebhookRecord | undefined> {
    const row = this.db.prepare<[string], WebhookRow>(`${SELECT} WHERE webhook_id = ?`).get(webhookId);
    return row === undefined ? undefined : toWebhookRecord(row);
  }

  async listOwnedBy(ownerKeyId: string): Promise<WebhookRecord[]> {
    return this.db.prepare<[string], WebhookRow>(`${SELECT} WHERE owner_key_id = ? ORDER BY created_at, webhook_id`).all(ownerKeyId).map(toWebhookRecord);
  }

  async listDue(holder: string, now: Date): Promise<WebhookRecord[]> {
    const rows = this.db
      .prepare<[string, string, number], WebhookRow>(
        `${SELECT} WHERE status = 'active' AND (next_attempt_at IS NULL OR next_attempt_at <= ?)
           AND (lease_holder IS NULL OR lease_holder = ? OR lease_until_ms < ?) ORDER BY webhook_id`,
      )
      .all(now.toISOString(), holder, now.getTime());
    return rows.map(toWebhookRecord);
  }

  async delete(webhookId: string): Promise<boolean> {
    return this.db.prepare('DELETE FROM webhooks WHERE webhook_id = ?').run(webhookId).changes === 1;
  }

  async saveState(webhookId: string, expectedVersion: number, state: DeliveryState, holder: string | null): Promise<WebhookRecord | undefined> {
    const assignments = STATE_COLUMNS.map((column) => `${column} = ?`).join(', ');
    const leaseCondition = holder === null ? '' : ' AND lease_holder = ?';
    const changed = this.db
      .prepare(`UPDATE webhooks SET ${assignments}, version = version + 1 WHERE webhook_id = ? AND version = ?${leaseCondition}`)
      .run(...stateValues(state), webhookId, expectedVersion, ...(holder === null ? [] : [holder])).changes;
    return changed === 1 ? this.get(webhookId) : undefined;
  }

  async acquireLease(webhookId: string, holder: string, now: Date, durationMs: number): Promise<boolean> {
    const changed = this.db
      .prepare(
        `UPDATE webhooks SET lease_holder = ?, lease_until_ms = ?
          WHERE webhook_id = ? AND (lease_holder IS NULL OR lease_holder = ? OR lease_until_ms < ?)`,
      )
      .run(holder, now.getTime() + durationMs, webhookId, holder, now.getTime()).changes;
    return changed === 1;
  }

  async releaseLease(webhookId: string, holder: string): Promise<void> {
    this.db.prepare('UPDATE webhooks SET lease_holder = NULL, lease_until_ms = 0 WHERE webhook_id = ? AND lease_holder = ?').run(webhookId, holder);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
