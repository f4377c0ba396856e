import { admitParticipants, establishBody } from '../testing/ledger-events';
import { eventually, failing, Receiver, setUp, startedDispatchers } from '../testing/scripted-receiver';
import { WEBHOOK_PING_TYPE } from './webhook-ping';
import { PAUSED_BY_OWNER, WebhookNotFoundError } from './webhook-service';

const EVERYTHING = { types: null, bodyId: null };
const URL = 'http://127.0.0.1:9/hook';

describe("WebhookService: a webhook's attempts and pings", () => {
  const started = startedDispatchers();
  afterEach(() => started.stopAll());

  it('keeps every attempt the dispatcher makes, newest first, a failure with its error and the retry that delivered', async () => {
    const receiver = new Receiver([failing(500)]);
    const { store, service, dispatchers } = setUp([receiver]);
    await establishBody(store, 'kp');
    const { webhookId } = await service.register('integrator-a', { url: URL, selection: EVERYTHING, after: 0 });
    started.start(dispatchers);
    await eventually(() => receiver.received.length === 2, 'a failed attempt and its retry');
    await eventually(async () => (await service.get('integrator-a', webhookId)).deliveredThrough === 1, 'the checkpoint');

    const { attempts, next } = await service.attempts('integrator-a', webhookId, null, 10);
    const [retry, failure] = attempts;
    expect(attempts).toHaveLength(2);
    expect(next).toBeNull();
    const sent = { webhookId, kind: 'event', messageId: receiver.received[0]?.id, position: 1, type: 'org.concordledger.BodyEstablished.v1', url: URL };
    expect(failure).toEqual(expect.objectContaining({ ...sent, status: 500, delivered: false, error: 'HTTP 500' }));
    expect(retry).toEqual(expect.objectContaining({ ...sent, status: 204, delivered: true, error: null }));
    expect(retry?.attemptId).toBeGreaterThan(failure?.attemptId ?? Infinity);
    expect(failure?.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('pings a paused webhook with a signed test message, keeps it among the attempts, and moves nothing', async () => {
    const receiver = new Receiver([failing(503), failing(503), failing(503)]);
    const { store, service, dispatchers } = setUp([receiver]);
    await establishBody(store, 'kp');
    const { webhookId, secret } = await service.register('integrator-a', { url: URL, selection: EVERYTHING, after: 0 });
    receiver.secret = secret;
    started.start(dispatchers);
    await eventually(async () => (await service.get('integrator-a', webhookId)).status === 'paused', 'the webhook paused after three failures');
    const before = await service.get('integrator-a', webhookId);

    const ping = await service.ping('integrator-a', webhookId);

    const received = receiver.received.at(-1);
    const body = JSON.parse(received?.body ?? '{}') as Record<string, unknown>;
    expect(received?.verified).toBe(true);
    expect(body).toEqual({
      specversion: '1.0',
      id: received?.id,
      source: `https://ledger.example.org/v1/webhooks/${webhookId}`,
      type: WEBHOOK_PING_TYPE,
      time: expect.any(String),
      datacontenttype: 'application/json',
      data: { webhookId, note: expect.stringContaining('no event of the log') },
    });
    expect(body).not.toHaveProperty('position');
    expect(ping).toEqual(
      expect.objectContaining({ kind: 'ping', messageId: received?.id, position: null, type: WEBHOOK_PING_TYPE, status: 204, delivered: true }),
    );
    expect((await service.attempts('integrator-a', webhookId, null, 1)).attempts).toEqual([ping]);
    expect(await service.get('integrator-a', webhookId)).toEqual(before);
  });

  it('answers how a failing ping went, and keeps it', async () => {
    const receiver = new Receiver([failing(401)]);
    const { service } = setUp([receiver]);
    const { webhookId } = await service.register('integrator-a', { url: URL, selection: EVERYTHING });

    const ping = await service.ping('integrator-a', webhookId);

    expect(ping).toEqual(expect.objectContaining({ kind: 'ping', status: 401, delivered: false, error: 'HTTP 401' }));
    expect((await service.attempts('integrator-a', webhookId, null, 10)).attempts).toEqual([ping]);
    expect((await service.get('integrator-a', webhookId)).lastError).toBeNull();
  });

  it("neither pings nor lists the attempts of another key's webhook", async () => {
    const receiver = new Receiver();
    const { store, service } = setUp([receiver]);
    await establishBody(store, 'kp');
    await admitParticipants(store, 'kp', 1);
    const { webhookId } = await service.register('integrator-a', { url: URL, selection: EVERYTHING });

    await expect(service.ping('integrator-b', webhookId)).rejects.toBeInstanceOf(WebhookNotFoundError);
    await expect(service.attempts('integrator-b', webhookId, null, 10)).rejects.toBeInstanceOf(WebhookNotFoundError);
    expect(receiver.received).toEqual([]);
  });

  it("pauses an active webhook on its owner's word, delivering nothing until it is resumed from where it stood", async () => {
    const receiver = new Receiver();
    const { store, service, dispatchers } = setUp([receiver]);
    await establishBody(store, 'kp');
    const { webhookId } = await service.register('integrator-a', { url: URL, selection: EVERYTHING });
    started.start(dispatchers);

    const paused = await service.pause('integrator-a', webhookId);
    expect(paused).toMatchObject({ status: 'paused', lastError: PAUSED_BY_OWNER, deliveredThrough: 1 });
    expect(await service.pause('integrator-a', webhookId)).toEqual(paused);
    await admitParticipants(store, 'kp', 2);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(receiver.received).toEqual([]);

    expect(await service.resume('integrator-a', webhookId)).toMatchObject({ status: 'active' });
    await eventually(() => receiver.received.length === 2, 'the events recorded while it was paused');
    expect(receiver.positions).toEqual([2, 3]);
    await expect(service.pause('integrator-b', webhookId)).rejects.toBeInstanceOf(WebhookNotFoundError);
  });
});
