import { ATTEMPTS_KEPT_PER_WEBHOOK, WebhookAttempt, WebhookAttemptPage, WebhookAttemptRecord } from '../webhook-attempt';
import { DeliveryState, RegistrationChange, WebhookRecord, WebhookRegistration } from '../webhook-record';
import { WebhookRepository } from '../webhook-repository';

interface Lease {
  readonly holder: string;
  readonly untilMs: number;
}

/** For unit tests: the repository's contract, in a map. */
export class InMemoryWebhookRepository implements WebhookRepository {
  private readonly records = new Map<string, WebhookRecord>();
  private readonly leases = new Map<string, Lease>();
  /** Each webhook's attempts, oldest first. */
  private readonly attempts = new Map<string, WebhookAttempt[]>();
  private lastAttemptId = 0;

  async create(registration: WebhookRegistration, state: DeliveryState): Promise<WebhookRecord> {
    if (this.records.has(registration.webhookId)) throw new Error(`webhook ${registration.webhookId} exists`);
    const record = { ...registration, ...state, version: 1 };
    this.records.set(record.webhookId, record);
    return record;
  }

  async get(webhookId: string): Promise<WebhookRecord | undefined> {
    return this.records.get(webhookId);
  }

  async listAll(): Promise<WebhookRecord[]> {
    return [...this.records.values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.webhookId.localeCompare(b.webhookId));
  }

  async listOwnedBy(ownerKeyId: string): Promise<WebhookRecord[]> {
    return [...this.records.values()]
      .filter((record) => record.ownerKeyId === ownerKeyId)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.webhookId.localeCompare(b.webhookId));
  }

  async listDue(holder: string, now: Date): Promise<WebhookRecord[]> {
    return [...this.records.values()]
      .filter((record) => record.status === 'active' && (record.nextAttemptAt === null || record.nextAttemptAt <= now.toISOString()))
      .filter((record) => this.leaseFree(record.webhookId, holder, now))
      .sort((a, b) => a.webhookId.localeCompare(b.webhookId));
  }

  async delete(webhookId: string): Promise<boolean> {
    this.leases.delete(webhookId);
    this.attempts.delete(webhookId);
    return this.records.delete(webhookId);
  }

  async saveState(
    webhookId: string,
    expectedVersion: number,
    state: DeliveryState,
    holder: string | null,
    attempt?: WebhookAttemptRecord,
  ): Promise<WebhookRecord | undefined> {
    if (attempt !== undefined) await this.recordAttempt(attempt);
    const record = this.records.get(webhookId);
    if (record === undefined || record.version !== expectedVersion) return undefined;
    if (holder !== null && this.leases.get(webhookId)?.holder !== holder) return undefined;
    const saved = { ...record, ...state, version: record.version + 1 };
    this.records.set(webhookId, saved);
    return saved;
  }

  async saveRegistration(webhookId: string, expectedVersion: number, change: RegistrationChange, state: DeliveryState): Promise<WebhookRecord | undefined> {
    const record = this.records.get(webhookId);
    if (record === undefined || record.version !== expectedVersion) return undefined;
    const saved = { ...record, ...change, ...state, version: record.version + 1 };
    this.records.set(webhookId, saved);
    return saved;
  }

  async recordAttempt(attempt: WebhookAttemptRecord): Promise<WebhookAttempt | undefined> {
    if (!this.records.has(attempt.webhookId)) return undefined;
    this.lastAttemptId += 1;
    const recorded = { ...attempt, attemptId: this.lastAttemptId };
    this.attempts.set(attempt.webhookId, [...(this.attempts.get(attempt.webhookId) ?? []), recorded].slice(-ATTEMPTS_KEPT_PER_WEBHOOK));
    return recorded;
  }

  async listAttempts(webhookId: string, before: number | null, limit: number): Promise<WebhookAttemptPage> {
    const older = (this.attempts.get(webhookId) ?? []).filter((attempt) => before === null || attempt.attemptId < before).reverse();
    const attempts = older.slice(0, limit);
    return { attempts, next: older.length > limit ? (attempts.at(-1)?.attemptId ?? null) : null };
  }

  async acquireLease(webhookId: string, holder: string, now: Date, durationMs: number): Promise<boolean> {
    if (!this.records.has(webhookId) || !this.leaseFree(webhookId, holder, now)) return false;
    this.leases.set(webhookId, { holder, untilMs: now.getTime() + durationMs });
    return true;
  }

  async releaseLease(webhookId: string, holder: string): Promise<void> {
    if (this.leases.get(webhookId)?.holder === holder) this.leases.delete(webhookId);
  }

  async close(): Promise<void> {}

  private leaseFree(webhookId: string, holder: string, now: Date): boolean {
    const lease = this.leases.get(webhookId);
    return lease === undefined || lease.holder === holder || lease.untilMs < now.getTime();
  }
}
