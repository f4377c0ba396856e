import { admitParticipants, conveneMeeting, establishBody } from '../testing/ledger-events';
import { eventually, failing, Receiver, Received, SETTINGS, setUp, startedDispatchers } from '../testing/scripted-receiver';
import { WebhookDispatcher } from './webhook-dispatcher';
import { PostOutcome, WebhookPost } from './webhook-post';
import { verifyWebhook } from './webhook-signature';
import { WebhookNotFoundError } from './webhook-service';

const HOUR_MS = 60 * 60 * 1000;
const EVERYTHING = { types: null, bodyId: null };

/** A clock the test moves: deliveries judge a previous secret's expiry by it. */
function settableClock(start = '2026-06-01T12:00:00.000Z'): { now: () => Date; advance: (ms: number) => void } {
  let at = Date.parse(start);
  return { now: () => new Date(at), advance: (ms) => (at += ms) };
}

const verifies = (secret: string, delivery: Received | undefined): boolean => delivery !== undefined && verifyWebhook(secret, delivery.signed, delivery.body);
const signatureCount = (delivery: Received | undefined): number => delivery?.signed['webhook-signature'].split(' ').length ?? 0;

describe('WebhookService: changing a registration and rotating its secret', () => {
  const started = startedDispatchers();
  afterEach(() => started.stopAll());
  const start = started.start;

  it('signs with the replaced secret beside the new one until it expires, then with the new one only', async () => {
    const clock = settableClock();
    const receiver = new Receiver();
    const { store, service, dispatchers } = setUp([receiver], SETTINGS, clock.now);
    await establishBody(store, 'kp');
    const { webhookId, secret: first } = await service.register('integrator-a', { url: 'http://127.0.0.1:9/hook', selection: EVERYTHING });
    start(dispatchers);

    const rotated = await service.rotateSecret('integrator-a', webhookId, HOUR_MS);
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(rotated.secret).not.toBe(first);
    expect(rotated).not.toHaveProperty('previousSecrets');
    expect(rotated.previousSecretsExpireAt).toEqual(['2026-06-01T13:00:00.000Z']);
    await admitParticipants(store, 'kp', 1);
    await eventually(() => receiver.received.length === 1, 'a delivery after the rotation');
    expect([verifies(rotated.secret, receiver.received[0]), verifies(first, receiver.received[0])]).toEqual([true, true]);
    expect(signatureCount(receiver.received[0])).toBe(2);

    clock.advance(HOUR_MS + 1000);
    expect((await service.get('integrator-a', webhookId)).previousSecretsExpireAt).toEqual([]);
    await admitParticipants(store, 'kp', 1, 'q');
    await eventually(() => receiver.received.length === 2, 'a delivery once the previous secret expired');
    expect([verifies(rotated.secret, receiver.received[1]), verifies(first, receiver.received[1])]).toEqual([true, false]);
    expect(signatureCount(receiver.received[1])).toBe(1);
  });

  it('keeps every earlier secret still signing when a rotation is sent again after a lost answer, and stops them all with 0', async () => {
    const receiver = new Receiver();
    const { store, service, dispatchers } = setUp([receiver]);
    await establishBody(store, 'kp');
    const { webhookId, secret: original } = await service.register('integrator-a', { url: 'http://127.0.0.1:9/hook', selection: EVERYTHING });
    start(dispatchers);

    const lost = await service.rotateSecret('integrator-a', webhookId, HOUR_MS);
    const retried = await service.rotateSecret('integrator-a', webhookId, 2 * HOUR_MS);
    expect(retried.previousSecretsExpireAt).toHaveLength(2);
    await admitParticipants(store, 'kp', 1);
    await eventually(() => receiver.received.length === 1, 'a delivery after two rotations');
    expect([original, lost.secret, retried.secret].map((secret) => verifies(secret, receiver.received[0]))).toEqual([true, true, true]);

    const leaked = await service.rotateSecret('integrator-a', webhookId, 0);
    expect(leaked.previousSecretsExpireAt).toEqual([]);
    await admitParticipants(store, 'kp', 1, 'q');
    await eventually(() => receiver.received.length === 2, 'a delivery after a rotation with 0');
    expect([original, lost.secret, retried.secret, leaked.secret].map((secret) => verifies(secret, receiver.received[1]))).toEqual([false, false, false, true]);
  });

  it('sends an event in flight during a rotation again, signed by the new secret', async () => {
    const attempts: Received[] = [];
    let answerFirst: (outcome: PostOutcome) => void = () => undefined;
    const receiver = new Receiver();
    const holdingFirst: WebhookPost = async (url, body, headers, options) => {
      if (attempts.length === 0) {
        attempts.push({ id: '', position: 0, verified: false, url, body, signed: headers as unknown as Received['signed'] });
        return new Promise((resolve) => (answerFirst = resolve));
      }
      return receiver.post(url, body, headers, options);
    };
    const { store, service, repository, feed } = setUp([]);
    const dispatcher = new WebhookDispatcher(repository, store, feed, SETTINGS, { info: () => undefined, warn: () => undefined }, { post: holdingFirst });
    await establishBody(store, 'kp');
    const { webhookId, secret: first } = await service.register('integrator-a', { url: 'http://127.0.0.1:9/hook', selection: EVERYTHING });
    start([dispatcher]);
    const position = (await admitParticipants(store, 'kp', 1))[0] ?? 0;
    await eventually(() => attempts.length === 1, 'the first attempt');

    const rotated = await service.rotateSecret('integrator-a', webhookId, 0);
    answerFirst({ status: 204, retryAfter: undefined, error: null });
    dispatcher.wake();
    await eventually(() => receiver.received.length === 1, 'the event sent again');
    expect(receiver.received[0]?.position).toBe(position);
    expect([verifies(rotated.secret, receiver.received[0]), verifies(first, receiver.received[0])]).toEqual([true, false]);
    await eventually(async () => (await service.get('integrator-a', webhookId)).deliveredThrough === position, 'the checkpoint');
  });

  it('tries a new target at once, with the failures counted at the old one cleared and nothing acknowledged skipped', async () => {
    const receiver = new Receiver([failing(404), failing(404)]);
    const { store, service, dispatchers } = setUp([receiver], { ...SETTINGS, retryBaseMs: HOUR_MS, maxAttempts: 10 });
    await establishBody(store, 'kp');
    const { webhookId } = await service.register('integrator-a', { url: 'http://127.0.0.1:9/wrong', selection: EVERYTHING });
    start(dispatchers);
    const position = (await admitParticipants(store, 'kp', 1))[0] ?? 0;
    await eventually(() => receiver.received.length === 1, 'the attempt at the wrong target');
    await eventually(async () => (await service.get('integrator-a', webhookId)).consecutiveFailures === 1, 'the failure counted');

    const moved = await service.update('integrator-a', webhookId, { url: 'http://127.0.0.1:9/right' });
    expect(moved).toMatchObject({
      url: 'http://127.0.0.1:9/right',
      consecutiveFailures: 0,
      nextAttemptAt: null,
      status: 'active',
      deliveredThrough: position - 1,
    });
    await eventually(() => receiver.received.length === 2, 'the attempt at the new target, without the hour of backoff');
    expect(receiver.received.map((delivery) => [delivery.url, delivery.position])).toEqual([
      ['http://127.0.0.1:9/wrong', position],
      ['http://127.0.0.1:9/right', position],
    ]);
  });

  it('leaves the backoff of an event a changed selection no longer takes, and goes on at once', async () => {
    const receiver = new Receiver([failing(503)]);
    const { store, service, dispatchers } = setUp([receiver], { ...SETTINGS, retryBaseMs: HOUR_MS, maxAttempts: 10 });
    await establishBody(store, 'kp');
    const { webhookId } = await service.register('integrator-a', { url: 'http://127.0.0.1:9/hook', selection: EVERYTHING });
    start(dispatchers);
    await admitParticipants(store, 'kp', 1);
    await eventually(async () => (await service.get('integrator-a', webhookId)).consecutiveFailures === 1, 'the refused admission, waiting out its backoff');
    await conveneMeeting(store, 'kp', 'plenary-2026');

    const narrowed = await service.update('integrator-a', webhookId, { types: new Set(['MeetingConvened']) });
    expect(narrowed).toMatchObject({ consecutiveFailures: 0, nextAttemptAt: null, status: 'active' });
    await eventually(() => receiver.received.length === 2, 'the meeting, without the hour of backoff');
    expect(JSON.parse(receiver.received[1]?.body ?? '{}')).toMatchObject({ type: 'org.concordledger.MeetingConvened.v1' });
  });

  it('applies a changed selection from the next event not yet acknowledged, and keeps what a change leaves out', async () => {
    const receiver = new Receiver();
    const { store, service, dispatchers } = setUp([receiver]);
    await establishBody(store, 'kp');
    await establishBody(store, 'other');
    const { webhookId } = await service.register('integrator-a', {
      url: 'http://127.0.0.1:9/hook',
      selection: { types: new Set(['ParticipantAdmitted']), bodyId: 'kp' },
      description: 'admissions',
    });
    start(dispatchers);
    const admitted = await admitParticipants(store, 'kp', 2);
    await eventually(() => receiver.received.length === 2, 'the admissions');
    await eventually(async () => (await service.get('integrator-a', webhookId)).deliveredThrough === admitted[1], 'their checkpoint');

    const changed = await service.update('integrator-a', webhookId, { types: new Set(['MeetingConvened', 'ParticipantAdmitted']), bodyId: null });
    expect(changed).toMatchObject({ types: ['MeetingConvened', 'ParticipantAdmitted'], bodyId: null, description: 'admissions' });
    const [other] = await admitParticipants(store, 'other', 1, 'o');
    const meeting = await conveneMeeting(store, 'kp', 'm1');
    await eventually(() => receiver.received.length === 4, 'the events the new selection takes');
    expect(receiver.positions).toEqual([...admitted, other, meeting]);

    expect(await service.update('integrator-a', webhookId, { types: null, description: null })).toMatchObject({ types: null, description: null });
  });

  it("refuses another key's webhook as not found, changing nothing", async () => {
    const { service } = setUp([]);
    const { webhookId } = await service.register('integrator-a', { url: 'http://127.0.0.1:9/hook', selection: EVERYTHING });
    await expect(service.update('integrator-b', webhookId, { url: 'http://127.0.0.1:9/mine' })).rejects.toThrow(WebhookNotFoundError);
    await expect(service.rotateSecret('integrator-b', webhookId, 0)).rejects.toThrow(WebhookNotFoundError);
    expect((await service.get('integrator-a', webhookId)).url).toBe('http://127.0.0.1:9/hook');
  });
});
