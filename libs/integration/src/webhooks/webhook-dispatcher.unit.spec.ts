import { EventStore, InMemoryEventStore } from '@concord/event-store';
import { EventFeed } from '../feed/event-feed';
import { admitParticipants, conveneMeeting, establishBody } from '../testing/ledger-events';
import { eventually, failing, OK, Receiver, SETTINGS, setUp, startedDispatchers } from '../testing/scripted-receiver';
import { InMemoryWebhookRepository } from './stores/in-memory-webhook-repository';
import { WebhookDispatcher } from './webhook-dispatcher';
import { WebhookPost } from './webhook-post';
import { ReplayAheadError, WebhookService } from './webhook-service';

describe('WebhookDispatcher', () => {
  const started = startedDispatchers();
  afterEach(() => started.stopAll());
  const start = started.start;

  it('delivers the selected events one at a time, in position order, signed, and checkpoints each', async () => {
    const receiver = new Receiver();
    const { store, service, dispatchers } = setUp([receiver]);
    await establishBody(store, 'kp');
    await establishBody(store, 'other');
    const registered = await service.register('integrator-a', {
      url: 'http://127.0.0.1:9/hook',
      selection: { types: new Set(['ParticipantAdmitted', 'MeetingConvened']), bodyId: 'kp' },
      after: 0,
    });
    receiver.secret = registered.secret;
    start(dispatchers);
    const kp = await admitParticipants(store, 'kp', 5);
    await admitParticipants(store, 'other', 3, 'o');
    const meeting = await conveneMeeting(store, 'kp', 'm1');
    await eventually(() => receiver.received.length === 6, 'six deliveries');
    expect(receiver.positions).toEqual([...kp, meeting]);
    expect(receiver.received.every((entry) => entry.verified)).toBe(true);
    expect(receiver.maxInFlight).toBe(1);
    await eventually(async () => (await service.get('integrator-a', registered.webhookId)).deliveredThrough === meeting, 'the checkpoint');
  });

  it('cuts an attempt still waiting on its receiver once a stop’s grace has passed, counting no failure, and the next start sends the event again', async () => {
    const ids: string[] = [];
    const silent: WebhookPost = (_url, _body, headers, options) =>
      new Promise((resolve) => {
        ids.push(headers['webhook-id'] ?? '');
        options.cancel?.addEventListener('abort', () => resolve({ status: null, retryAfter: undefined, error: 'cancelled', cancelled: true }));
      });
    const store = new InMemoryEventStore();
    const repository = new InMemoryWebhookRepository();
    const feed = new EventFeed(store, 'https://ledger.example.org');
    const quiet = { info: () => undefined, warn: () => undefined };
    const service = new WebhookService(repository, feed, { allowPrivate: true, timeoutMs: 1000, changed: () => undefined });
    await establishBody(store, 'kp');
    const { webhookId } = await service.register('integrator-a', { url: 'http://127.0.0.1:9/hook', selection: { types: null, bodyId: null } });
    const first = new WebhookDispatcher(repository, store, feed, { ...SETTINGS, timeoutMs: 60_000 }, quiet, { post: silent });
    first.start();
    await admitParticipants(store, 'kp', 1);
    await eventually(() => ids.length === 1, 'the first attempt');

    const stopping = Date.now();
    await first.stop(50);
    expect(Date.now() - stopping).toBeLessThan(1000);
    expect(await service.get('integrator-a', webhookId)).toMatchObject({ deliveredThrough: 1, status: 'active', lastError: null, consecutiveFailures: 0 });

    const receiver = new Receiver();
    const next = new WebhookDispatcher(repository, store, feed, SETTINGS, quiet, { post: receiver.post });
    start([next]);
    await eventually(() => receiver.received.length === 1, 'the event sent again');
    expect(receiver.received[0]?.id).toBe(ids[0]);
  });

  it('retries a failing event with the same webhook-id until it succeeds, then goes on in order', async () => {
    const receiver = new Receiver([failing(500), failing(503), OK]);
    const { store, service, dispatchers } = setUp([receiver], { ...SETTINGS, maxAttempts: 5 });
    await establishBody(store, 'kp');
    receiver.secret = (await service.register('integrator-a', { url: 'http://127.0.0.1:9/hook', selection: { types: null, bodyId: null } })).secret;
    start(dispatchers);
    const positions = await admitParticipants(store, 'kp', 2);
    await eventually(() => receiver.received.length === 4, 'three attempts at the first event and one at the second');
    expect(receiver.positions).toEqual([positions[0], positions[0], positions[0], positions[1]]);
    expect(new Set(receiver.received.slice(0, 3).map((entry) => entry.id)).size).toBe(1);
  });

  it('sends a retry when it falls due, not at the next poll after it', async () => {
    const receiver = new Receiver([failing(503, '2')]);
    // Due about 2 s after the start, between the polls at 1.5 s and 3 s: only its own timer sends it on time.
    const { store, service, dispatchers } = setUp([receiver], { ...SETTINGS, pollMs: 1500 });
    await establishBody(store, 'kp');
    const { webhookId } = await service.register('integrator-a', { url: 'http://127.0.0.1:9/hook', selection: { types: null, bodyId: null } });
    start(dispatchers);
    await admitParticipants(store, 'kp', 1);
    await eventually(async () => (await service.get('integrator-a', webhookId)).consecutiveFailures === 1, 'the failure');
    const due = Date.parse((await service.get('integrator-a', webhookId)).nextAttemptAt ?? '');
    await eventually(() => receiver.received.length === 2, 'the retry', 4000);
    expect(Date.now() - due).toBeLessThan(300);
  });

  it('records the failure and waits as Retry-After says', async () => {
    const receiver = new Receiver([failing(429, '120')]);
    const { store, service, dispatchers } = setUp([receiver]);
    await establishBody(store, 'kp');
    const { webhookId } = await service.register('integrator-a', { url: 'http://127.0.0.1:9/hook', selection: { types: null, bodyId: null } });
    start(dispatchers);
    await admitParticipants(store, 'kp', 1);
    await eventually(async () => (await service.get('integrator-a', webhookId)).consecutiveFailures === 1, 'the failure');
    const view = await service.get('integrator-a', webhookId);
    expect(view).toMatchObject({ status: 'active', lastError: expect.stringContaining('HTTP 429'), deliveredThrough: 1 });
    const waitMs = Date.parse(view.nextAttemptAt ?? '') - Date.parse(view.lastAttemptAt ?? '');
    expect(waitMs).toBe(120_000);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(receiver.received).toHaveLength(1);
  });

  it('disables a webhook whose receiver answers 410 Gone', async () => {
    const receiver = new Receiver([failing(410)]);
    const { store, service, dispatchers } = setUp([receiver]);
    await establishBody(store, 'kp');
    const { webhookId } = await service.register('integrator-a', { url: 'http://127.0.0.1:9/hook', selection: { types: null, bodyId: null } });
    start(dispatchers);
    await admitParticipants(store, 'kp', 3);
    await eventually(async () => (await service.get('integrator-a', webhookId)).status === 'disabled', 'disabled');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(receiver.received).toHaveLength(1);
  });

  it('pauses after the maximum of failures in a row, and resume delivers from where it stopped', async () => {
    const receiver = new Receiver([failing(500), failing(500), failing(500)]);
    const { store, service, dispatchers } = setUp([receiver]);
    await establishBody(store, 'kp');
    const { webhookId } = await service.register('integrator-a', { url: 'http://127.0.0.1:9/hook', selection: { types: null, bodyId: null } });
    start(dispatchers);
    const positions = await admitParticipants(store, 'kp', 2);
    await eventually(async () => (await service.get('integrator-a', webhookId)).status === 'paused', 'paused');
    expect(await service.get('integrator-a', webhookId)).toMatchObject({
      consecutiveFailures: 3,
      lastError: expect.stringContaining('HTTP 500'),
      nextAttemptAt: null,
    });
    expect(receiver.received).toHaveLength(3);
    await service.resume('integrator-a', webhookId);
    await eventually(() => receiver.received.length === 5, 'the two events after resume');
    expect(receiver.positions.slice(3)).toEqual(positions);
  });

  it('replays from a position on request, keeping what happened before it', async () => {
    // The second event is answered 410 Gone: the webhook is disabled with a last error and a last delivery.
    const receiver = new Receiver([OK, failing(410)]);
    const { store, service, dispatchers } = setUp([receiver]);
    await establishBody(store, 'kp');
    const { webhookId } = await service.register('integrator-a', { url: 'http://127.0.0.1:9/hook', selection: { types: null, bodyId: null } });
    start(dispatchers);
    const positions = await admitParticipants(store, 'kp', 3);
    await eventually(async () => (await service.get('integrator-a', webhookId)).status === 'disabled', 'the 410');
    const disabled = await service.get('integrator-a', webhookId);
    expect(disabled).toMatchObject({ lastDeliveredAt: expect.any(String), lastAttemptAt: expect.any(String), lastError: expect.stringContaining('410') });

    const replayed = await service.replay('integrator-a', webhookId, positions[1] ?? 0);

    expect(replayed).toMatchObject({ status: 'active', deliveredThrough: (positions[1] ?? 0) - 1, consecutiveFailures: 0, nextAttemptAt: null });
    expect(replayed).toMatchObject({ lastDeliveredAt: disabled.lastDeliveredAt, lastAttemptAt: disabled.lastAttemptAt, lastError: disabled.lastError });
    await eventually(() => receiver.received.length === 4, 'the replay');
    expect(receiver.positions).toEqual([positions[0], positions[1], positions[1], positions[2]]);
  });

  it('with several dispatchers on one repository, sends each event once', async () => {
    const receiver = new Receiver();
    const { store, service, dispatchers } = setUp([receiver, receiver, receiver]);
    await establishBody(store, 'kp');
    await service.register('integrator-a', { url: 'http://127.0.0.1:9/hook', selection: { types: null, bodyId: null } });
    start(dispatchers);
    const positions = await admitParticipants(store, 'kp', 30);
    await eventually(() => receiver.received.length >= 30, 'thirty deliveries');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(receiver.positions).toEqual(positions);
    expect(receiver.maxInFlight).toBe(1);
  });

  it('hands its leases back when it stops, so another instance goes on at once', async () => {
    const receiver = new Receiver();
    const { store, repository, service, dispatchers } = setUp([receiver]);
    await establishBody(store, 'kp');
    const { webhookId } = await service.register('integrator-a', { url: 'http://127.0.0.1:9/hook', selection: { types: null, bodyId: null } });
    start(dispatchers);
    await admitParticipants(store, 'kp', 2);
    await eventually(() => receiver.received.length === 2, 'two deliveries');
    expect(await repository.acquireLease(webhookId, 'another-instance', new Date(), 30_000)).toBe(false);
    await dispatchers[0]?.stop();
    expect(await repository.acquireLease(webhookId, 'another-instance', new Date(), 30_000)).toBe(true);
  });

  it('replays only backwards: a replay past the checkpoint would skip unacknowledged events', async () => {
    const receiver = new Receiver([failing(500), failing(500)]);
    const { store, service, dispatchers } = setUp([receiver], { ...SETTINGS, maxAttempts: 2 });
    await establishBody(store, 'kp');
    const { webhookId } = await service.register('integrator-a', { url: 'http://127.0.0.1:9/hook', selection: { types: null, bodyId: null } });
    start(dispatchers);
    const [stuck, next] = await admitParticipants(store, 'kp', 2);
    await eventually(async () => (await service.get('integrator-a', webhookId)).status === 'paused', 'paused on the first event');
    await expect(service.replay('integrator-a', webhookId, next ?? 0)).rejects.toThrow(ReplayAheadError);
    await service.replay('integrator-a', webhookId, stuck ?? 0);
    await eventually(() => receiver.received.length === 4, 'the two events after the replay');
    expect(receiver.positions.slice(2)).toEqual([stuck, next]);
  });

  it('never sends an acknowledged event again when a delivery ends while a look waits on another webhook’s lease', async () => {
    const store = new InMemoryEventStore();
    const repository = new InMemoryWebhookRepository();
    const feed = new EventFeed(store, 'https://ledger.example.org');
    const service = new WebhookService(repository, feed, { allowPrivate: true, timeoutMs: 1000, changed: () => undefined });
    await establishBody(store, 'kp');
    // `quiet` selects nothing, so it is always due and listed first; its lease waits while `held` is set.
    const quiet = await service.register('integrator-a', { url: 'http://127.0.0.1:9/quiet', selection: { types: new Set(['ObjectionRaised']), bodyId: null } });
    const busy = await service.register('integrator-a', { url: 'http://127.0.0.1:9/busy', selection: { types: null, bodyId: null } });
    const gate: { held?: Promise<void> } = {};
    const listDue = repository.listDue.bind(repository);
    repository.listDue = async (holder, now) => (await listDue(holder, now)).sort((a) => (a.webhookId === quiet.webhookId ? -1 : 1));
    const acquireLease = repository.acquireLease.bind(repository);
    repository.acquireLease = async (webhookId, holder, now, durationMs) => {
      if (webhookId === quiet.webhookId) await gate.held;
      return acquireLease(webhookId, holder, now, durationMs);
    };
    const sent: number[] = [];
    let answerFirst: () => void = () => undefined;
    const post: WebhookPost = async (url, body) => {
      if (url.endsWith('/busy')) {
        sent.push((JSON.parse(body) as { position: number }).position);
        if (sent.length === 1) await new Promise<void>((resolve) => (answerFirst = resolve));
      }
      return OK;
    };
    const dispatcher = new WebhookDispatcher(repository, store, feed, SETTINGS, { info: () => undefined, warn: () => undefined }, { post });
    start([dispatcher]);
    const [first] = await admitParticipants(store, 'kp', 1);
    await eventually(() => sent.length === 1, 'the first event sent, its answer held');

    let letGo: () => void = () => undefined;
    gate.held = new Promise<void>((resolve) => (letGo = resolve));
    const [second] = await admitParticipants(store, 'kp', 1, 'q');
    dispatcher.wake();
    // The look now lists `busy` at its first event and waits on `quiet`'s lease; meanwhile `busy` delivers both and ends.
    await new Promise((resolve) => setTimeout(resolve, 100));
    answerFirst();
    await eventually(async () => (await service.get('integrator-a', busy.webhookId)).deliveredThrough === second, 'both acknowledged');
    await new Promise((resolve) => setTimeout(resolve, 50));
    letGo();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sent).toEqual([first, second]);
  });

  it('pauses a webhook at an event the ledger will not serve, saying why, instead of trying it at every look', async () => {
    const store = new InMemoryEventStore();
    const repository = new InMemoryWebhookRepository();
    const feed = new EventFeed(store, 'https://ledger.example.org', (event) => (event.data['participantId'] === 'p1' ? 'written by hand' : undefined));
    const service = new WebhookService(repository, feed, { allowPrivate: true, timeoutMs: 1000, changed: () => undefined });
    await establishBody(store, 'kp');
    const receiver = new Receiver();
    const { webhookId } = await service.register('integrator-a', { url: 'http://127.0.0.1:9/hook', selection: { types: null, bodyId: null } });
    const warnings: Record<string, unknown>[] = [];
    const dispatcher = new WebhookDispatcher(
      repository,
      store,
      feed,
      SETTINGS,
      { info: () => undefined, warn: (entry) => warnings.push(entry) },
      { post: receiver.post },
    );
    start([dispatcher]);
    const [served, refused] = await admitParticipants(store, 'kp', 2);
    await eventually(async () => (await service.get('integrator-a', webhookId)).status === 'paused', 'the webhook paused');
    expect(receiver.positions).toEqual([served]);
    expect(await service.get('integrator-a', webhookId)).toMatchObject({ deliveredThrough: served, lastError: expect.stringContaining(`position ${refused}`) });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(warnings.filter((entry) => entry['msg'] === 'webhook paused: the log holds an event the ledger will not serve')).toHaveLength(1);
  });

  it('pauses a webhook whose delivery stands past a gap in the log, naming the first position missing', async () => {
    const store = new InMemoryEventStore();
    await establishBody(store, 'kp');
    await admitParticipants(store, 'kp', 5);
    // The row at position 3 removed by hand: a webhook delivered through 4 reads on from past the gap.
    const readAll: EventStore['readAll'] = async (options) => (await store.readAll(options)).filter((event) => event.position !== 3);
    const gapped = Object.assign(Object.create(store) as EventStore, { readAll });
    const repository = new InMemoryWebhookRepository();
    const feed = new EventFeed(gapped, 'https://ledger.example.org');
    const service = new WebhookService(repository, feed, { allowPrivate: true, timeoutMs: 1000, changed: () => undefined });
    const receiver = new Receiver();
    const { webhookId } = await service.register('integrator-a', { url: 'http://127.0.0.1:9/hook', selection: { types: null, bodyId: null }, after: 4 });
    start([new WebhookDispatcher(repository, gapped, feed, SETTINGS, { info: () => undefined, warn: () => undefined }, { post: receiver.post })]);
    await eventually(async () => (await service.get('integrator-a', webhookId)).status === 'paused', 'the webhook paused');
    expect(receiver.positions).toEqual([]);
    expect(await service.get('integrator-a', webhookId)).toMatchObject({ deliveredThrough: 4, lastError: expect.stringContaining('position 3') });
  });

  it("keeps another key's webhooks hidden", async () => {
    const { service } = setUp([]);
    const { webhookId } = await service.register('integrator-a', { url: 'http://127.0.0.1:9/hook', selection: { types: null, bodyId: null } });
    await expect(service.get('integrator-b', webhookId)).rejects.toThrow(/no webhook/);
    await expect(service.delete('integrator-b', webhookId)).rejects.toThrow(/no webhook/);
    expect(await service.list('integrator-b')).toEqual([]);
    expect(await service.list('integrator-a')).toHaveLength(1);
  });
});
