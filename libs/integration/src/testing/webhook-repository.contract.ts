import { ATTEMPTS_KEPT_PER_WEBHOOK, WebhookAttemptRecord } from '../webhooks/webhook-attempt';
import { initialDeliveryState, WebhookRegistration } from '../webhooks/webhook-record';
import { WebhookRepository } from '../webhooks/webhook-repository';

let counter = 0;

export function registration(overrides: Partial<WebhookRegistration> = {}): WebhookRegistration {
  counter += 1;
  return {
    webhookId: `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
    ownerKeyId: 'integrator-a',
    url: 'https://receiver.example.org/hook',
    types: ['ObjectionRaised', 'ConsensusDeclared'],
    bodyId: 'kp',
    description: 'registry sync',
    secret: 'whsec_c2VjcmV0',
    previousSecrets: [],
    createdAt: `2026-01-01T00:00:${String(counter % 60).padStart(2, '0')}.000Z`,
    ...overrides,
  };
}

const NOW = new Date('2026-06-01T12:00:00.000Z');

function attempt(webhookId: string, position: number, overrides: Partial<WebhookAttemptRecord> = {}): WebhookAttemptRecord {
  return {
    webhookId,
    kind: 'event',
    messageId: `00000000-0000-7000-8000-${String(position).padStart(12, '0')}`,
    position,
    type: 'org.concordledger.ObjectionRaised.v1',
    url: 'https://receiver.example.org/hook',
    startedAt: NOW.toISOString(),
    durationMs: 12,
    status: 200,
    delivered: true,
    error: null,
    ...overrides,
  };
}
const later = (ms: number): Date => new Date(NOW.getTime() + ms);

/** The one suite every webhook repository passes. */
export function webhookRepositoryContract(name: string, open: () => Promise<WebhookRepository>): void {
  describe(`${name} webhook repository`, () => {
    let repository: WebhookRepository;

    beforeEach(async () => {
      repository = await open();
    });

    afterEach(async () => {
      await repository.close();
    });

    it('keeps a registration exactly, secret included, at version 1', async () => {
      const given = registration({ types: null, bodyId: null, description: null });
      await repository.create(given, initialDeliveryState(7));
      expect(await repository.get(given.webhookId)).toEqual({ ...given, ...initialDeliveryState(7), version: 1 });
      expect(await repository.get('00000000-0000-4000-8000-999999999999')).toBeUndefined();
    });

    it("lists a key's webhooks only", async () => {
      const mine = registration({ ownerKeyId: 'integrator-mine' });
      await repository.create(mine, initialDeliveryState(0));
      await repository.create(registration({ ownerKeyId: 'integrator-other' }), initialDeliveryState(0));
      expect((await repository.listOwnedBy('integrator-mine')).map((record) => record.webhookId)).toEqual([mine.webhookId]);
    });

    it("lists every key's webhooks for the operator", async () => {
      const first = registration({ ownerKeyId: 'integrator-mine', createdAt: '2026-01-01T00:00:00.000Z' });
      const second = registration({ ownerKeyId: 'integrator-other', createdAt: '2026-01-02T00:00:00.000Z' });
      await repository.create(second, initialDeliveryState(0));
      await repository.create(first, initialDeliveryState(0));
      expect((await repository.listAll()).map((record) => record.webhookId)).toEqual([first.webhookId, second.webhookId]);
    });

    it('saves a state only at the version read, and bumps it', async () => {
      const given = registration();
      const created = await repository.create(given, initialDeliveryState(0));
      const state = {
        ...initialDeliveryState(5),
        consecutiveFailures: 2,
        lastError: 'HTTP 500',
        lastAttemptAt: NOW.toISOString(),
        nextAttemptAt: later(1000).toISOString(),
      };
      const saved = await repository.saveState(given.webhookId, created.version, state, null);
      expect(saved).toEqual({ ...given, ...state, version: 2 });
      expect(await repository.saveState(given.webhookId, created.version, initialDeliveryState(9), null)).toBeUndefined();
      expect((await repository.get(given.webhookId))?.deliveredThrough).toBe(5);
    });

    it('saves a changed registration, secrets and state only at the version read, and bumps it', async () => {
      const given = registration();
      const created = await repository.create(given, initialDeliveryState(3));
      const change = {
        url: 'https://elsewhere.example.org/hook?v=2',
        types: null,
        bodyId: null,
        description: 'moved',
        secret: 'whsec_bmV3',
        previousSecrets: [{ secret: given.secret, expiresAt: later(86_400_000).toISOString() }],
      };
      const state = { ...initialDeliveryState(3), consecutiveFailures: 0, lastError: 'HTTP 404 (event at position 4)' };
      const saved = await repository.saveRegistration(given.webhookId, created.version, change, state);
      expect(saved).toEqual({ ...given, ...change, ...state, version: 2 });
      expect(await repository.get(given.webhookId)).toEqual(saved);
      expect(await repository.saveRegistration(given.webhookId, created.version, { ...change, url: 'https://late.example.org/' }, state)).toBeUndefined();
      expect(await repository.saveState(given.webhookId, created.version, initialDeliveryState(9), null)).toBeUndefined();
      expect((await repository.get(given.webhookId))?.url).toBe(change.url);
    });

    it('gives a lease to one holder until it runs out, then to another', async () => {
      const given = registration();
      await repository.create(given, initialDeliveryState(0));
      expect(await repository.acquireLease(given.webhookId, 'a', NOW, 30_000)).toBe(true);
      expect(await repository.acquireLease(given.webhookId, 'b', later(10_000), 30_000)).toBe(false);
      expect(await repository.acquireLease(given.webhookId, 'a', later(10_000), 30_000)).toBe(true);
      expect(await repository.acquireLease(given.webhookId, 'b', later(39_000), 30_000)).toBe(false);
      expect(await repository.acquireLease(given.webhookId, 'b', later(40_001), 30_000)).toBe(true);
    });

    it("saves a holder's state only while the lease is its own", async () => {
      const given = registration();
      const created = await repository.create(given, initialDeliveryState(0));
      await repository.acquireLease(given.webhookId, 'a', NOW, 30_000);
      expect(await repository.saveState(given.webhookId, created.version, initialDeliveryState(1), 'b')).toBeUndefined();
      const saved = await repository.saveState(given.webhookId, created.version, initialDeliveryState(1), 'a');
      expect(saved?.deliveredThrough).toBe(1);
      await repository.releaseLease(given.webhookId, 'a');
      expect(await repository.acquireLease(given.webhookId, 'b', NOW, 30_000)).toBe(true);
    });

    it("lists as due the active webhooks whose time has come and whose lease is free or the holder's", async () => {
      const due = registration();
      const waiting = registration();
      const paused = registration();
      const leased = registration();
      for (const each of [due, waiting, paused, leased]) await repository.create(each, initialDeliveryState(0));
      const waitingRecord = await repository.get(waiting.webhookId);
      await repository.saveState(
        waiting.webhookId,
        waitingRecord?.version ?? 0,
        { ...initialDeliveryState(0), nextAttemptAt: later(60_000).toISOString() },
        null,
      );
      await repository.saveState(paused.webhookId, 1, { ...initialDeliveryState(0), status: 'paused' }, null);
      await repository.acquireLease(leased.webhookId, 'other', NOW, 30_000);
      const ids = async (holder: string, at: Date): Promise<string[]> => (await repository.listDue(holder, at)).map((record) => record.webhookId);
      expect(await ids('me', NOW)).toEqual([due.webhookId]);
      expect(await ids('other', NOW)).toEqual([due.webhookId, leased.webhookId]);
      expect(await ids('me', later(60_000))).toEqual([due.webhookId, waiting.webhookId, leased.webhookId]);
    });

    it('forgets a deleted webhook and its attempts', async () => {
      const given = registration();
      await repository.create(given, initialDeliveryState(0));
      await repository.recordAttempt(attempt(given.webhookId, 1));
      expect(await repository.delete(given.webhookId)).toBe(true);
      expect(await repository.get(given.webhookId)).toBeUndefined();
      expect(await repository.listAttempts(given.webhookId, null, 10)).toEqual({ attempts: [], next: null });
      expect(await repository.delete(given.webhookId)).toBe(false);
      expect(await repository.recordAttempt(attempt(given.webhookId, 2))).toBeUndefined();
      expect((await repository.listAttempts(given.webhookId, null, 10)).attempts).toEqual([]);
    });

    it('keeps each attempt exactly, newest first, numbered in the order recorded', async () => {
      const given = registration();
      await repository.create(given, initialDeliveryState(0));
      const failed = attempt(given.webhookId, 4, { status: null, delivered: false, error: 'ECONNREFUSED: connect ECONNREFUSED', durationMs: 3 });
      const ping = attempt(given.webhookId, 0, {
        kind: 'ping',
        position: null,
        type: 'org.concordledger.WebhookPing.v1',
        status: 503,
        delivered: false,
        error: 'HTTP 503',
      });
      const delivered = attempt(given.webhookId, 4, { startedAt: '2026-06-01T12:00:01.000Z' });
      const recorded = [await repository.recordAttempt(failed), await repository.recordAttempt(ping), await repository.recordAttempt(delivered)];
      const { attempts, next } = await repository.listAttempts(given.webhookId, null, 10);
      expect(attempts).toEqual(recorded.reverse());
      expect(attempts.map(({ attemptId: _id, ...rest }) => rest)).toEqual([delivered, ping, failed]);
      expect(attempts[0]?.attemptId).toBeGreaterThan(attempts[1]?.attemptId ?? Infinity);
      expect(attempts[1]?.attemptId).toBeGreaterThan(attempts[2]?.attemptId ?? Infinity);
      expect(next).toBeNull();
    });

    it("pages a webhook's attempts with `before`, and lists no other webhook's", async () => {
      const given = registration();
      const other = registration();
      await repository.create(given, initialDeliveryState(0));
      await repository.create(other, initialDeliveryState(0));
      for (let position = 1; position <= 5; position += 1) {
        await repository.recordAttempt(attempt(given.webhookId, position));
        await repository.recordAttempt(attempt(other.webhookId, position));
      }
      const first = await repository.listAttempts(given.webhookId, null, 2);
      expect(first.attempts.map((each) => each.position)).toEqual([5, 4]);
      const second = await repository.listAttempts(given.webhookId, first.next, 2);
      expect(second.attempts.map((each) => each.position)).toEqual([3, 2]);
      const last = await repository.listAttempts(given.webhookId, second.next, 2);
      expect(last).toEqual({ attempts: [expect.objectContaining({ position: 1, webhookId: given.webhookId })], next: null });
    });

    it(`keeps the latest ${ATTEMPTS_KEPT_PER_WEBHOOK} attempts of each webhook`, async () => {
      const given = registration();
      await repository.create(given, initialDeliveryState(0));
      for (let position = 1; position <= ATTEMPTS_KEPT_PER_WEBHOOK + 3; position += 1) await repository.recordAttempt(attempt(given.webhookId, position));
      const { attempts, next } = await repository.listAttempts(given.webhookId, null, ATTEMPTS_KEPT_PER_WEBHOOK + 10);
      expect(attempts).toHaveLength(ATTEMPTS_KEPT_PER_WEBHOOK);
      expect([attempts[0]?.position, attempts.at(-1)?.position, next]).toEqual([ATTEMPTS_KEPT_PER_WEBHOOK + 3, 4, null]);
    });

    it('numbers every attempt of one webhook made at once, a delivery among pings, and saves the delivery', async () => {
      const given = registration();
      const created = await repository.create(given, initialDeliveryState(0));
      await repository.acquireLease(given.webhookId, 'a', NOW, 30_000);
      const pings = Array.from({ length: 20 }, (_, index) => repository.recordAttempt(attempt(given.webhookId, 100 + index, { kind: 'ping', position: null })));
      const delivered = repository.saveState(given.webhookId, created.version, initialDeliveryState(1), 'a', attempt(given.webhookId, 1));
      const recorded = await Promise.all(pings);
      expect((await delivered)?.deliveredThrough).toBe(1);
      const { attempts } = await repository.listAttempts(given.webhookId, null, 100);
      expect(attempts).toHaveLength(21);
      expect(new Set(attempts.map((each) => each.attemptId)).size).toBe(21);
      expect(recorded.every((each) => each !== undefined)).toBe(true);
    });

    it('keeps no attempt of a webhook deleted while attempts were being recorded', async () => {
      for (let round = 0; round < 10; round += 1) {
        const given = registration();
        await repository.create(given, initialDeliveryState(0));
        const racing = [
          repository.recordAttempt(attempt(given.webhookId, 1)),
          repository.delete(given.webhookId),
          repository.recordAttempt(attempt(given.webhookId, 2)),
        ];
        await Promise.all(racing);
        expect(await repository.listAttempts(given.webhookId, null, 10)).toEqual({ attempts: [], next: null });
      }
    });

    it('records the attempt a state follows from even when the state is not saved', async () => {
      const given = registration();
      const created = await repository.create(given, initialDeliveryState(0));
      await repository.acquireLease(given.webhookId, 'a', NOW, 30_000);
      const saved = await repository.saveState(given.webhookId, created.version, initialDeliveryState(1), 'a', attempt(given.webhookId, 1));
      expect(saved?.deliveredThrough).toBe(1);
      const refused = await repository.saveState(given.webhookId, created.version, initialDeliveryState(2), 'a', attempt(given.webhookId, 2));
      expect(refused).toBeUndefined();
      expect((await repository.listAttempts(given.webhookId, null, 10)).attempts.map((each) => each.position)).toEqual([2, 1]);
    });
  });
}
