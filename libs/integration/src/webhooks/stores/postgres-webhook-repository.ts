import type { Pool } from 'pg';
import { openSideTablePool, PostgresWaits } from '@concord/event-store';
import { DeliveryState, RegistrationChange, WebhookRecord, WebhookRegistration } from '../webhook-record';
import { WebhookRepository } from '../webhook-repository';
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
    ALTER TABLE ${schema}.webhooks ADD COLUMN IF NOT EXISTS previous_secrets text;`;
}

const placeholders = (from: number, count: number): string => Array.from({ length: count }, (_, index) => `$${from + index}`).join(', ');

/**
 * Webhooks in the ledger's PostgreSQL schema, a table beside `events`. Every instance of the API
 * on the database shares the leases, so each webhook is delivered by one instance at a time.
 */
export class PostgresWebhookRepository implements WebhookRepository {
  private readonly select: string;

  private constructor(
    private readonly pool: Pool,
    private readonly table: string,
  ) {
    this.select = `SELECT ${WEBHOOK_COLUMNS.join(', ')} FROM ${table}`;
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
    return new PostgresWebhookRepository(pool, `${quotedSchema}.webhooks`);
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
    return ((await this.pool.query(`DELETE FROM ${this.table} WHERE webhook_id = $1`, [webhookId])).rowCount ?? 0) === 1;
  }

  async saveState(webhookId: string, expectedVersion: number, state: DeliveryState, holder: string | null): Promise<WebhookRecord | undefined> {
    const values = stateValues(state);
    const assignments = STATE_COLUMNS.map((column, index) => `${column} = $${index + 1}`).join(', ');
    const next = values.length + 1;
    const leaseCondition = holder === null ? '' : ` AND lease_holder = $${next + 2}`;
    const { rows } = await this.pool.query<WebhookRow>(
      `UPDATE ${this.table} SET ${assignments}, version = version + 1 WHERE webhook_id = $${next} AND version = $${next + 1}${leaseCondition}
       RETURNING ${WEBHOOK_COLUMNS.join(', ')}`,
      [...values, webhookId, expectedVersion, ...(holder === null ? [] : [holder])],
    );
    return rows[0] === undefined ? undefined : toWebhookRecord(rows[0]);
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
