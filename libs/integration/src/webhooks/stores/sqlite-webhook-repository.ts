import Database from 'better-sqlite3';
import { neverWaitOnTheEventLoop, openSqliteDatabase, writeWhenUnlocked } from '@concord/event-store';
import { ATTEMPTS_KEPT_PER_WEBHOOK, WebhookAttempt, WebhookAttemptPage, WebhookAttemptRecord } from '../webhook-attempt';
import { DeliveryState, RegistrationChange, WebhookRecord, WebhookRegistration } from '../webhook-record';
import { WebhookRepository } from '../webhook-repository';
import { ATTEMPT_COLUMNS, attemptPage, attemptValues, WebhookAttemptRow } from './webhook-attempt-rows';
import { REGISTRATION_COLUMNS, registrationValues, rowValues, STATE_COLUMNS, stateValues, toWebhookRecord, WEBHOOK_COLUMNS, WebhookRow } from './webhook-rows';

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
    previous_secrets     TEXT,
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
  CREATE TABLE IF NOT EXISTS webhook_attempts (
    attempt_id  INTEGER PRIMARY KEY AUTOINCREMENT,
    webhook_id  TEXT    NOT NULL,
    kind        TEXT    NOT NULL,
    message_id  TEXT    NOT NULL,
    position    INTEGER,
    type        TEXT    NOT NULL,
    url         TEXT    NOT NULL,
    started_at  TEXT    NOT NULL,
    duration_ms INTEGER NOT NULL,
    status      INTEGER,
    delivered   INTEGER NOT NULL,
    error       TEXT
  ) STRICT;
  CREATE INDEX IF NOT EXISTS webhook_attempts_by_webhook ON webhook_attempts (webhook_id, attempt_id);
`;

const SELECT = `SELECT ${WEBHOOK_COLUMNS.join(', ')} FROM webhooks`;

/**
 * Webhooks in the ledger's own SQLite file (a table beside `events`, on a connection of its own),
 * with the same durability: WAL and synchronous=FULL, so an acknowledged checkpoint survives a crash.
 * Processes sharing the file share the leases.
 */
export class SqliteWebhookRepository implements WebhookRepository {
  private readonly statements: Statements;

  /** Made once, as the statements are: a delivery saves its state after every event. */
  private readonly transactions: {
    readonly forget: Database.Transaction<(webhookId: string) => Database.RunResult>;
    readonly saveWithAttempt: Database.Transaction<(attempt: WebhookAttemptRecord, save: () => Database.RunResult) => Database.RunResult>;
    readonly record: Database.Transaction<(attempt: WebhookAttemptRecord) => Database.RunResult>;
  };

  private constructor(private readonly db: Database.Database) {
    this.statements = prepareStatements(db);
    this.transactions = {
      forget: db.transaction((webhookId: string) => {
        this.statements.deleteAttempts.run(webhookId);
        return this.statements.delete.run(webhookId);
      }),
      // One transaction, so one sync to disk for the attempt and the state it leads to.
      saveWithAttempt: db.transaction((attempt: WebhookAttemptRecord, save: () => Database.RunResult) => {
        this.insertAttempt(attempt);
        return save();
      }),
      record: db.transaction((attempt: WebhookAttemptRecord) => this.insertAttempt(attempt)),
    };
  }

  static open(filePath: string): SqliteWebhookRepository {
    const db = openSqliteDatabase(filePath, BUSY_TIMEOUT_MS, 'webhooks', (opened) => {
      opened.exec(CREATE_TABLE);
      addPreviousSecrets(opened);
    });
    // Its writes (a delivery's state after every event, leases) wait for another connection's write lock without blocking the event loop.
    neverWaitOnTheEventLoop(db);
    return new SqliteWebhookRepository(db);
  }

  async create(registration: WebhookRegistration, state: DeliveryState): Promise<WebhookRecord> {
    const values = rowValues(registration, state, 1);
    await this.write(() => this.statements.insert.run(...values));
    return { ...registration, ...state, version: 1 };
  }

  async get(webhookId: string): Promise<WebhookRecord | undefined> {
    const row = this.statements.get.get(webhookId);
    return row === undefined ? undefined : toWebhookRecord(row);
  }

  async listAll(): Promise<WebhookRecord[]> {
    return this.statements.listAll.all().map(toWebhookRecord);
  }

  async listOwnedBy(ownerKeyId: string): Promise<WebhookRecord[]> {
    return this.statements.listOwnedBy.all(ownerKeyId).map(toWebhookRecord);
  }

  async listDue(holder: string, now: Date): Promise<WebhookRecord[]> {
    return this.statements.listDue.all(now.toISOString(), holder, now.getTime()).map(toWebhookRecord);
  }

  async delete(webhookId: string): Promise<boolean> {
    return (await this.write(() => this.transactions.forget.immediate(webhookId))).changes === 1;
  }

  async saveState(
    webhookId: string,
    expectedVersion: number,
    state: DeliveryState,
    holder: string | null,
    attempt?: WebhookAttemptRecord,
  ): Promise<WebhookRecord | undefined> {
    const values = [...stateValues(state), webhookId, expectedVersion];
    const save = (): Database.RunResult => (holder === null ? this.statements.saveState.run(...values) : this.statements.saveHeldState.run(...values, holder));
    const { changes: changed } = await this.write(() => (attempt === undefined ? save() : this.transactions.saveWithAttempt.immediate(attempt, save)));
    return changed === 1 ? this.get(webhookId) : undefined;
  }

  async recordAttempt(attempt: WebhookAttemptRecord): Promise<WebhookAttempt | undefined> {
    const { changes, lastInsertRowid } = await this.write(() => this.transactions.record.immediate(attempt));
    return changes === 1 ? { ...attempt, attemptId: Number(lastInsertRowid) } : undefined;
  }

  async listAttempts(webhookId: string, before: number | null, limit: number): Promise<WebhookAttemptPage> {
    const rows = this.statements.listAttempts.all(webhookId, before ?? Number.MAX_SAFE_INTEGER, limit + 1);
    return attemptPage(rows, limit);
  }

  async saveRegistration(webhookId: string, expectedVersion: number, change: RegistrationChange, state: DeliveryState): Promise<WebhookRecord | undefined> {
    const values = [...registrationValues(change), ...stateValues(state), webhookId, expectedVersion];
    const { changes: changed } = await this.write(() => this.statements.saveRegistration.run(...values));
    return changed === 1 ? this.get(webhookId) : undefined;
  }

  async acquireLease(webhookId: string, holder: string, now: Date, durationMs: number): Promise<boolean> {
    const until = now.getTime() + durationMs;
    return (await this.write(() => this.statements.acquireLease.run(holder, until, webhookId, holder, now.getTime()))).changes === 1;
  }

  async releaseLease(webhookId: string, holder: string): Promise<void> {
    await this.write(() => this.statements.releaseLease.run(webhookId, holder));
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  /** Inside a transaction: the attempt, if its webhook is still registered, and the oldest beyond those kept dropped. */
  private insertAttempt(attempt: WebhookAttemptRecord): Database.RunResult {
    const inserted = this.statements.insertAttempt.run(...attemptValues(attempt), attempt.webhookId);
    if (inserted.changes === 1) this.statements.pruneAttempts.run(attempt.webhookId, attempt.webhookId, ATTEMPTS_KEPT_PER_WEBHOOK);
    return inserted;
  }

  private write(work: () => Database.RunResult): Promise<Database.RunResult> {
    return writeWhenUnlocked(work, BUSY_TIMEOUT_MS);
  }
}

/**
 * A table made before secrets could be rotated lacks their column: added once, in the same start.
 * Looked for and added under the write lock, as the event store migrates: instances starting
 * together on an older file would otherwise both find it missing, and the second fail to add it.
 */
function addPreviousSecrets(db: Database.Database): void {
  db.transaction(() => {
    const columns = db.prepare<[], { name: string }>("SELECT name FROM pragma_table_info('webhooks')").all();
    if (!columns.some((column) => column.name === 'previous_secrets')) db.exec('ALTER TABLE webhooks ADD COLUMN previous_secrets TEXT');
  }).immediate();
}

type Value = string | number | null;

interface Statements {
  readonly insert: Database.Statement<Value[]>;
  readonly get: Database.Statement<[string], WebhookRow>;
  readonly listOwnedBy: Database.Statement<[string], WebhookRow>;
  readonly listAll: Database.Statement<[], WebhookRow>;
  readonly listDue: Database.Statement<[string, string, number], WebhookRow>;
  readonly delete: Database.Statement<[string]>;
  readonly saveState: Database.Statement<Value[]>;
  readonly saveHeldState: Database.Statement<Value[]>;
  readonly saveRegistration: Database.Statement<Value[]>;
  readonly acquireLease: Database.Statement<[string, number, string, string, number]>;
  readonly releaseLease: Database.Statement<[string, string]>;
  readonly insertAttempt: Database.Statement<Value[]>;
  readonly pruneAttempts: Database.Statement<[string, string, number]>;
  readonly deleteAttempts: Database.Statement<[string]>;
  readonly listAttempts: Database.Statement<[string, number, number], WebhookAttemptRow>;
}

/** Prepared once: a delivery saves its checkpoint after every event. */
function prepareStatements(db: Database.Database): Statements {
  const assignments = STATE_COLUMNS.map((column) => `${column} = ?`).join(', ');
  const save = `UPDATE webhooks SET ${assignments}, version = version + 1 WHERE webhook_id = ? AND version = ?`;
  return {
    insert: db.prepare<Value[]>(`INSERT INTO webhooks (${WEBHOOK_COLUMNS.join(', ')}) VALUES (${WEBHOOK_COLUMNS.map(() => '?').join(', ')})`),
    get: db.prepare<[string], WebhookRow>(`${SELECT} WHERE webhook_id = ?`),
    listOwnedBy: db.prepare<[string], WebhookRow>(`${SELECT} WHERE owner_key_id = ? ORDER BY created_at, webhook_id`),
    listAll: db.prepare<[], WebhookRow>(`${SELECT} ORDER BY created_at, webhook_id`),
    listDue: db.prepare<[string, string, number], WebhookRow>(
      `${SELECT} WHERE status = 'active' AND (next_attempt_at IS NULL OR next_attempt_at <= ?)
         AND (lease_holder IS NULL OR lease_holder = ? OR lease_until_ms < ?) ORDER BY webhook_id`,
    ),
    delete: db.prepare<[string]>('DELETE FROM webhooks WHERE webhook_id = ?'),
    saveState: db.prepare<Value[]>(save),
    saveHeldState: db.prepare<Value[]>(`${save} AND lease_holder = ?`),
    saveRegistration: db.prepare<Value[]>(
      `UPDATE webhooks SET ${[...REGISTRATION_COLUMNS, ...STATE_COLUMNS].map((column) => `${column} = ?`).join(', ')}, version = version + 1
        WHERE webhook_id = ? AND version = ?`,
    ),
    acquireLease: db.prepare<[string, number, string, string, number]>(
      `UPDATE webhooks SET lease_holder = ?, lease_until_ms = ?
        WHERE webhook_id = ? AND (lease_holder IS NULL OR lease_holder = ? OR lease_until_ms < ?)`,
    ),
    releaseLease: db.prepare<[string, string]>('UPDATE webhooks SET lease_holder = NULL, lease_until_ms = 0 WHERE webhook_id = ? AND lease_holder = ?'),
    insertAttempt: db.prepare<Value[]>(
      `INSERT INTO webhook_attempts (${ATTEMPT_COLUMNS.join(', ')})
        SELECT ${ATTEMPT_COLUMNS.map(() => '?').join(', ')} WHERE EXISTS (SELECT 1 FROM webhooks WHERE webhook_id = ?)`,
    ),
    pruneAttempts: db.prepare<[string, string, number]>(
      `DELETE FROM webhook_attempts WHERE webhook_id = ? AND attempt_id <=
        (SELECT attempt_id FROM webhook_attempts WHERE webhook_id = ? ORDER BY attempt_id DESC LIMIT 1 OFFSET ?)`,
    ),
    deleteAttempts: db.prepare<[string]>('DELETE FROM webhook_attempts WHERE webhook_id = ?'),
    listAttempts: db.prepare<[string, number, number], WebhookAttemptRow>(
      `SELECT attempt_id, ${ATTEMPT_COLUMNS.join(', ')} FROM webhook_attempts WHERE webhook_id = ? AND attempt_id < ? ORDER BY attempt_id DESC LIMIT ?`,
    ),
  };
}
