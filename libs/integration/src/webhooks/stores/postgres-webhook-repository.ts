import type { Pool, PoolClient } from 'pg';
import { inTransaction, openSideTablePool, PostgresWaits } from '@concord/event-store';
import { ATTEMPTS_KEPT_PER_WEBHOOK, WebhookAttempt, WebhookAttemptPage, WebhookAttemptRecord } from '../webhook-attempt';
import { DeliveryState, RegistrationChange, WebhookRecord, WebhookRegistration } from '../webhook-record';
import { WebhookRepository } from '../webhook-repository';
import { ATTEMPT_COLUMNS, attemptPage, attemptValues, WebhookAttemptRow } from './webhook-attempt-rows';
import { REGISTRATION_COLUMNS, registrationValues, rowValues, STATE_COLUMNS, stateValues, toWebhookRecord, WEBHOOK_COLUMNS, WebhookRow } from './webhook-rows';

const POOL_SIZE = 4;

function createTable(schema: string): string {
  return `
    CREATE TABLE IF NOT EXISTS ${schema}.webhooks (
      webhook_id           text    PRIMARY KEY,
      owner_key_id         text    NOT NULL,
      url                  text    NOT NULL,
      types                text,
      body_id              text,
      description          text,
      secret               text    NOT NULL,
      previous_secrets     text,
      created_at           text    NOT NULL,
      status               text    NOT NULL,
      delivered_through    bigint  NOT NULL,
      consecutive_failures integer NOT NULL,
      last_error           text,
      last_attempt_at      text,
      next_attempt_at      text,
      last_delivered_at    text,
      version              bigint  NOT NULL,
      lease_holder         text,
      lease_until_ms       bigint  NOT NULL DEFAULT 0
    );
    CREATE INDEX IF NOT EXISTS webhooks_by_owner ON ${schema}.webhooks (owner_key_id);
    -- A table made before secrets could be rotated.
    ALTER TABLE ${schema}.webhooks ADD COLUMN IF NOT EXISTS previous_secrets text;
    -- Numbered per webhook (no sequence: the schema holds plain tables only, which a copy or dump takes whole).
    CREATE TABLE IF NOT EXISTS ${schema}.webhook_attempts (
      webhook_id  text     NOT NULL,
      attempt_id  bigint   NOT NULL,
      kind        text     NOT NULL,
      message_id  text     NOT NULL,
      position    bigint,
      type        text     NOT NULL,
      url         text     NOT NULL,
      started_at  text     NOT NULL,
      duration_ms integer  NOT NULL,
      status      integer,
      delivered   smallint NOT NULL,
      error       text,
      PRIMARY KEY (webhook_id, attempt_id)
    );`;
}

const placeholders = (from: number, count: number): string => Array.from({ length: count }, (_, index) => `$${from + index}`).join(', ');

/**
 * Webhooks in the ledger's PostgreSQL schema, a table beside `events`. Every instance of the API
 * on the database shares the leases, so each webhook is delivered by one instance at a time.
 */
export class PostgresWebhookRepository implements WebhookRepository {
  private readonly select: string;
  private readonly attemptsTable: string;

  private constructor(
    private readonly pool: Pool,
    quotedSchema: string,
    private readonly table = `${quotedSchema}.webhooks`,
  ) {
    this.select = `SELECT ${WEBHOOK_COLUMNS.join(', ')} FROM ${table}`;
    this.attemptsTable = `${quotedSchema}.webhook_attempts`;
  }

  /** `quotedSchema` must already exist (the event store creates it) and be quoted as an identifier. */
  static async open(connectionString: string, quotedSchema: string, waits: PostgresWaits = {}): Promise<PostgresWebhookRepository> {
    const pool = await openSideTablePool({
      connectionString,
      quotedSchema,
      table: 'webhooks',
      createTable: createTable(quotedSchema),
      poolSize: POOL_SIZE,
      applicationName: 'concord-ledger webhooks',
      waits,
    });
    return new PostgresWebhookRepository(pool, quotedSchema);
  }

  async create(registration: WebhookRegistration, state: DeliveryState): Promise<WebhookRecord> {
    const values = rowValues(registration, state, 1);
    await this.pool.query(`INSERT INTO ${this.table} (${WEBHOOK_COLUMNS.join(', ')}) VALUES (${placeholders(1, values.length)})`, values);
    return { ...registration, ...state, version: 1 };
  }

  async get(webhookId: string): Promise<WebhookRecord | undefined> {
    const { rows } = await this.pool.query<WebhookRow>(`${this.select} WHERE webhook_id = $1`, [webhookId]);
    return rows[0] === undefined ? undefined : toWebhookRecord(rows[0]);
  }

  async listAll(): Promise<WebhookRecord[]> {
    const { rows } = await this.pool.query<WebhookRow>(`${this.select} ORDER BY created_at, webhook_id`);
    return rows.map(toWebhookRecord);
  }

  async listOwnedBy(ownerKeyId: string): Promise<WebhookRecord[]> {
    const { rows } = await this.pool.query<WebhookRow>(`${this.select} WHERE owner_key_id = $1 ORDER BY created_at, webhook_id`, [ownerKeyId]);
    return rows.map(toWebhookRecord);
  }

  async listDue(holder: string, now: Date): Promise<WebhookRecord[]> {
    const { rows } = await this.pool.query<WebhookRow>(
      `${this.select} WHERE status = 'active' AND (next_attempt_at IS NULL OR next_attempt_at <= $1)
         AND (lease_holder IS NULL OR lease_holder = $2 OR lease_until_ms < $3) ORDER BY webhook_id`,
      [now.toISOString(), holder, now.getTime()],
    );
    return rows.map(toWebhookRecord);
  }

  async delete(webhookId: string): Promise<boolean> {
    // The webhook's row first: an attempt being recorded holds it, and is waited for, so that the
    // attempts deleted next (read afresh by the statement) include it.
    return inTransaction(this.pool, async (client) => {
      const deleted = ((await client.query(`DELETE FROM ${this.table} WHERE webhook_id = $1`, [webhookId])).rowCount ?? 0) === 1;
      await client.query(`DELETE FROM ${this.attemptsTable} WHERE webhook_id = $1`, [webhookId]);
      return deleted;
    });
  }

  async saveState(
    webhookId: string,
    expectedVersion: number,
    state: DeliveryState,
    holder: string | null,
    attempt?: WebhookAttemptRecord,
  ): Promise<WebhookRecord | undefined> {
    const values = stateValues(state);
    const assignments = STATE_COLUMNS.map((column, index) => `${column} = $${index + 1}`).join(', ');
    const next = values.length + 1;
    const leaseCondition = holder === null ? '' : ` AND lease_holder = $${next + 2}`;
    const save = async (client: Pool | PoolClient): Promise<WebhookRecord | undefined> => {
      const { rows } = await client.query<WebhookRow>(
        `UPDATE ${this.table} SET ${assignments}, version = version + 1 WHERE webhook_id = $${next} AND version = $${next + 1}${leaseCondition}
         RETURNING ${WEBHOOK_COLUMNS.join(', ')}`,
        [...values, webhookId, expectedVersion, ...(holder === null ? [] : [holder])],
      );
      return rows[0] === undefined ? undefined : toWebhookRecord(rows[0]);
    };
    if (attempt === undefined) return save(this.pool);
    return inTransaction(this.pool, async (client) => {
      await this.insertAttempt(client, attempt);
      return save(client);
    });
  }

  async recordAttempt(attempt: WebhookAttemptRecord): Promise<WebhookAttempt | undefined> {
    const attemptId = await inTransaction(this.pool, (client) => this.insertAttempt(client, attempt));
    return attemptId === undefined ? undefined : { ...attempt, attemptId };
  }

  async listAttempts(webhookId: string, before: number | null, limit: number): Promise<WebhookAttemptPage> {
    const { rows } = await this.pool.query<WebhookAttemptRow>(
      `SELECT attempt_id, ${ATTEMPT_COLUMNS.join(', ')} FROM ${this.attemptsTable}
        WHERE webhook_id = $1 AND attempt_id < $2 ORDER BY attempt_id DESC LIMIT $3`,
      [webhookId, before ?? Number.MAX_SAFE_INTEGER, limit + 1],
    );
    return attemptPage(rows, limit);
  }

  /**
   * Inside a transaction: the attempt, if its webhook is still registered, and the oldest beyond
   * those kept dropped; its number. The webhook's row is locked first, so that its attempts are
   * numbered one after another (a ping beside a delivery) and none is recorded for a webhook a
   * deletion removed meanwhile: the deletion takes the same row first.
   */
  private async insertAttempt(client: PoolClient, attempt: WebhookAttemptRecord): Promise<number | undefined> {
    const locked = await client.query(`SELECT 1 FROM ${this.table} WHERE webhook_id = $1 FOR UPDATE`, [attempt.webhookId]);
    if ((locked.rowCount ?? 0) === 0) return undefined;
    const values = attemptValues(attempt);
    const { rows } = await client.query<{ attempt_id: string }>(
      `INSERT INTO ${this.attemptsTable} (attempt_id, ${ATTEMPT_COLUMNS.join(', ')})
        VALUES (COALESCE((SELECT max(attempt_id) FROM ${this.attemptsTable} WHERE webhook_id = $1), 0) + 1, ${placeholders(1, values.length)})
        RETURNING attempt_id`,
      values,
    );
    await client.query(
      `DELETE FROM ${this.attemptsTable} WHERE webhook_id = $1 AND attempt_id <=
        (SELECT attempt_id FROM ${this.attemptsTable} WHERE webhook_id = $1 ORDER BY attempt_id DESC LIMIT 1 OFFSET $2)`,
      [attempt.webhookId, ATTEMPTS_KEPT_PER_WEBHOOK],
    );
    return Number(rows[0]?.attempt_id);
  }

  async saveRegistration(webhookId: string, expectedVersion: number, change: RegistrationChange, state: DeliveryState): Promise<WebhookRecord | undefined> {
    const values = [...registrationValues(change), ...stateValues(state)];
    const assignments = [...REGISTRATION_COLUMNS, ...STATE_COLUMNS].map((column, index) => `${column} = $${index + 1}`).join(', ');
    const next = values.length + 1;
    const { rows } = await this.pool.query<WebhookRow>(
      `UPDATE ${this.table} SET ${assignments}, version = version + 1 WHERE webhook_id = $${next} AND version = $${next + 1}
       RETURNING ${WEBHOOK_COLUMNS.join(', ')}`,
      [...values, webhookId, expectedVersion],
    );
    return rows[0] === undefined ? undefined : toWebhookRecord(rows[0]);
  }

  async acquireLease(webhookId: string, holder: string, now: Date, durationMs: number): Promise<boolean> {
    const result = await this.pool.query(
      `UPDATE ${this.table} SET lease_holder = $1, lease_until_ms = $2
        WHERE webhook_id = $3 AND (lease_holder IS NULL OR lease_holder = $1 OR lease_until_ms < $4)`,
      [holder, now.getTime() + durationMs, webhookId, now.getTime()],
    );
    return (result.rowCount ?? 0) === 1;
  }

  async releaseLease(webhookId: string, holder: string): Promise<void> {
    await this.pool.query(`UPDATE ${this.table} SET lease_holder = NULL, lease_until_ms = 0 WHERE webhook_id = $1 AND lease_holder = $2`, [webhookId, holder]);
  }

  async close(): Promise<void> {
    await this.pool.end().catch(() => undefined);
  }
}
