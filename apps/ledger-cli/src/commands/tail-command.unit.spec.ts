import { PassThrough } from 'node:stream';
import { EventStore, InMemoryEventStore, StoreUnavailableError, SubscribeOptions } from '@concord/event-store';
import { EVERY_EVENT, LedgerCloudEvent } from '@concord/integration';
import { admitParticipants, establishBody } from '../../../../libs/integration/src/testing/ledger-events';
import { tailLine, tailLog } from './tail-command';

/** A store whose subscription fails once, as a database restarting would, after the event at `failAfter`. */
function failingOnceAfter(store: InMemoryEventStore, failAfter: number): EventStore {
  let failed = false;
  return Object.assign(Object.create(store) as EventStore, {
    async *subscribe(options: SubscribeOptions) {
      for await (const event of store.subscribe(options)) {
        yield event;
        if (!failed && event.position === failAfter) {
          failed = true;
          throw new StoreUnavailableError('the database is restarting');
        }
      }
    },
  });
}

describe('concord tail', () => {
  it('names the holder of a named key beside its id, made safe for the terminal, and the key id alone otherwise', () => {
    const event = {
      position: 3,
      recordedat: '2026-12-05T16:45:35.000Z',
      type: 'org.concordledger.SupportExpressed.v1',
      subject: 'proposal-p',
      actor: 'key-0815317317fa',
    };
    expect(tailLine({ ...event, actorname: 'Ama Mensah\u001b[2J' } as unknown as LedgerCloudEvent, false)).toMatch(
      / {2}Ama Mensah\\u001b\[2J \(key-0815317317fa\)\n$/,
    );
    expect(tailLine(event as unknown as LedgerCloudEvent, false)).toMatch(/proposal-p +key-0815317317fa\n$/);
  });

  it('follows again from the last event read once a store that failed for a moment answers: nothing skipped, nothing twice', async () => {
    const store = new InMemoryEventStore();
    await establishBody(store, 'kp');
    await admitParticipants(store, 'kp', 4);
    const out = new PassThrough();
    let text = '';
    out.on('data', (chunk: Buffer) => (text += chunk.toString()));
    const stop = new AbortController();
    const interruptions: [number, string][] = [];
    const following = tailLog(failingOnceAfter(store, 2), out, {
      after: 0,
      selection: EVERY_EVENT,
      json: true,
      publicUrl: 'https://ledger.example.org',
      signal: stop.signal,
      retryDelaysMs: [10],
      onInterrupted: (after, reason) => interruptions.push([after, reason]),
    });
    for (let waited = 0; text.split('\n').length <= 5 && waited < 200; waited += 1) await new Promise((resolve) => setTimeout(resolve, 10));
    stop.abort();
    expect(await following).toBe(5);
    expect(
      text
        .trimEnd()
        .split('\n')
        .map((line) => (JSON.parse(line) as { position: number }).position),
    ).toEqual([1, 2, 3, 4, 5]);
    expect(interruptions).toEqual([[2, 'the database is restarting']]);
  });

  it('ends on any other failure, as before', async () => {
    const store = new InMemoryEventStore();
    await establishBody(store, 'kp');
    const broken = Object.assign(Object.create(store) as EventStore, {
      // eslint-disable-next-line require-yield
      async *subscribe() {
        throw new Error('a defect');
      },
    });
    const options = { after: 0, selection: EVERY_EVENT, json: true, publicUrl: 'https://ledger.example.org', signal: new AbortController().signal };
    await expect(tailLog(broken, new PassThrough(), options)).rejects.toThrow('a defect');
  });
});
