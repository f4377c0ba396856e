import { EventStore, InMemoryEventStore, UnreadableEventError } from '@concord/event-store';
import { admitParticipants, conveneMeeting, establishBody, event as ledgerEvent } from '../testing/ledger-events';
import { EventFeed, FeedPositionAheadError, FeedPositionRewrittenError, MAX_SCANNED_PER_PAGE } from './event-feed';
import { EVERY_EVENT, readSelection } from './event-selection';

const PUBLIC_URL = 'https://ledger.example.org';

async function ledger(): Promise<InMemoryEventStore> {
  const store = new InMemoryEventStore();
  await establishBody(store, 'kp');
  await admitParticipants(store, 'kp', 3);
  await establishBody(store, 'other');
  await conveneMeeting(store, 'kp', 'plenary-2022');
  await admitParticipants(store, 'other', 2, 'o');
  return store;
}

describe('EventFeed', () => {
  it('reads the log as CloudEvents in position order, with the envelope the integrators read', async () => {
    const store = await ledger();
    const page = await new EventFeed(store, PUBLIC_URL).page(0, 100, EVERY_EVENT);
    expect(page.events.map((event) => event.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(page).toMatchObject({ next: 8, headPosition: 8 });
    const [stored] = await store.readAll({ after: 5, limit: 1 });
    expect(page.events[5]).toEqual({
      specversion: '1.0',
      id: stored?.eventId,
      source: 'https://ledger.example.org/v1/bodies/kp',
      type: 'org.concordledger.MeetingConvened.v1',
      subject: 'meeting-plenary-2022',
      time: '2022-06-20T00:00:00.000Z',
      datacontenttype: 'application/json',
      dataschema: 'https://ledger.example.org/v1/schemas/MeetingConvened/v1',
      sequence: '00000000000000000006',
      position: 6,
      recordedat: '2026-01-01T00:00:00.000Z',
      bodyid: 'kp',
      actor: 'secretariat-test',
      correlationid: stored?.metadata.correlationId,
      causationid: null,
      data: stored?.data,
    });
  });

  it('pages with next, and next moves past the events a filter leaves out', async () => {
    const store = await ledger();
    const feed = new EventFeed(store, PUBLIC_URL);
    const { selection } = readSelection('MeetingConvened,BodyEstablished', 'kp');
    const first = await feed.page(0, 1, selection);
    expect(first.events.map((event) => event.position)).toEqual([1]);
    const second = await feed.page(first.next, 1, selection);
    expect(second.events.map((event) => event.position)).toEqual([6]);
    const last = await feed.page(second.next, 1, selection);
    const [eighth] = await store.readAll({ after: 7, limit: 1 });
    expect(last).toEqual({ events: [], next: 8, nextEventId: eighth?.eventId, headPosition: 8 });
  });

  it('gives the id of the event at next, read or left out, and at the position a page at the head stays at', async () => {
    const store = await ledger();
    const feed = new EventFeed(store, PUBLIC_URL);
    const ids = (await store.readAll()).map((event) => event.eventId);
    const filtered = await feed.page(0, 1, readSelection('MeetingConvened', null).selection);
    expect(filtered).toMatchObject({ next: 6, nextEventId: ids[5] });
    expect(await feed.page(3, 2, EVERY_EVENT)).toMatchObject({ next: 5, nextEventId: ids[4] });
    expect(await feed.page(8, 10, EVERY_EVENT)).toEqual({ events: [], next: 8, nextEventId: ids[7], headPosition: 8 });
    expect(await new EventFeed(new InMemoryEventStore(), PUBLIC_URL).page(0, 10, EVERY_EVENT)).toEqual({
      events: [],
      next: 0,
      nextEventId: null,
      headPosition: 0,
    });
  });

  it('reads on after the event a reader names at its position, and refuses a log whose event there is another', async () => {
    const followed = await ledger();
    const read = await new EventFeed(followed, PUBLIC_URL).page(0, 5, EVERY_EVENT);
    await admitParticipants(followed, 'kp', 1, 'late');
    expect((await new EventFeed(followed, PUBLIC_URL).page(read.next, 10, EVERY_EVENT, read.nextEventId!)).events.map((event) => event.position)).toEqual([
      6, 7, 8, 9,
    ]);
    // The same positions in a log written anew after a rollback: other events lie there.
    const restored = await ledger();
    const [fifth] = await restored.readAll({ after: 4, limit: 1 });
    const refusal = new EventFeed(restored, PUBLIC_URL).page(read.next, 10, EVERY_EVENT, read.nextEventId!);
    await expect(refusal).rejects.toThrow(FeedPositionRewrittenError);
    await expect(refusal).rejects.toMatchObject({ position: 5, expectedEventId: read.nextEventId, eventId: fifth?.eventId, headPosition: 8 });
  });

  it('names the body of a meeting stream that began before the page, on a fresh feed', async () => {
    const store = await ledger();
    const page = await new EventFeed(store, PUBLIC_URL).page(5, 100, readSelection(undefined, 'kp').selection);
    expect(page.events.map((event) => [event.position, event.bodyid])).toEqual([[6, 'kp']]);
  });

  it('refuses a position beyond the head: the reader has seen more than this ledger holds', async () => {
    const store = await ledger();
    await expect(new EventFeed(store, PUBLIC_URL).page(9, 10, EVERY_EVENT)).rejects.toThrow(FeedPositionAheadError);
  });

  it('bounds the events one page scans', async () => {
    const store = new InMemoryEventStore();
    await establishBody(store, 'kp');
    await admitParticipants(store, 'kp', MAX_SCANNED_PER_PAGE + 10);
    const page = await new EventFeed(store, PUBLIC_URL).page(0, 10, readSelection('MeetingConvened', null).selection);
    expect(page).toMatchObject({ events: [], next: MAX_SCANNED_PER_PAGE, headPosition: MAX_SCANNED_PER_PAGE + 11 });
  });
});

describe('readSelection', () => {
  it('refuses unknown event types and malformed bodies, naming them', () => {
    const { problems } = readSelection('ObjectionRaised,ObjectionRasied', 'Not A Slug');
    expect(problems).toEqual([
      { field: 'types', messages: [expect.stringContaining('unknown event types: ObjectionRasied')] },
      { field: 'bodyId', messages: ['must be a lowercase slug (a-z, 0-9, -)'] },
    ]);
    expect(readSelection(',', null).problems).toEqual([{ field: 'types', messages: ['must name at least one event type'] }]);
  });

  it('says to filter by the name alone a type written with its version, as the envelope gives it', () => {
    const [problem] = readSelection('org.concordledger.ObjectionRaised.v1,ConsensusDeclared.v1,Nope.v1', null).problems;
    expect(problem?.messages[0]).toContain(
      "unknown event types: org.concordledger.ObjectionRaised.v1, ConsensusDeclared.v1, Nope.v1; filter by the type's name without its version (ObjectionRaised, ConsensusDeclared)",
    );
    expect(readSelection('ObjectionRasied', null).problems[0]?.messages[0]).not.toContain('without its version');
  });

  it('ends a page before an event it will not serve, so that the events before it are read; the page starting at it is refused', async () => {
    const store = await ledger();
    const forgedAt5 = new EventFeed(store, PUBLIC_URL, (event) => (event.position === 5 ? 'a row written by hand' : undefined));

    const before = await forgedAt5.page(2, 100, EVERY_EVENT);
    expect(before.events.map((event) => event.position)).toEqual([3, 4]);
    expect(before).toMatchObject({ next: 4, headPosition: 8 });
    const { selection } = readSelection('BodyEstablished', null);
    const selected = await forgedAt5.page(0, 100, selection);
    expect(selected.events.map((event) => event.position)).toEqual([1]);
    expect(selected.next).toBe(4);
    expect(await forgedAt5.page(1, 100, selection)).toMatchObject({ events: [], next: 4 });
    await expect(forgedAt5.page(4, 100, EVERY_EVENT)).rejects.toEqual(new UnreadableEventError(5, 'a row written by hand'));
  });

  it('serves the events before a gap in the log, and names the first position missing to a reader at it or past it', async () => {
    const store = await ledger();
    // The row at position 5 removed by hand: the log reads 4, then 6.
    const readAll: EventStore['readAll'] = async (options) => (await store.readAll(options)).filter((event) => event.position !== 5);
    const gapped = Object.assign(Object.create(store) as EventStore, { readAll });
    const gap = { position: 5, reason: expect.stringMatching(/^the log holds no event at position 5, but one at 6/) };

    const before = await new EventFeed(gapped, PUBLIC_URL).page(2, 100, EVERY_EVENT);
    expect(before.events.map((event) => event.position)).toEqual([3, 4]);
    expect(before.next).toBe(4);
    await expect(new EventFeed(gapped, PUBLIC_URL).page(4, 100, EVERY_EVENT)).rejects.toMatchObject(gap);
    // A fresh feed asked from past the gap reads what precedes it first, and stops there too.
    await expect(new EventFeed(gapped, PUBLIC_URL).page(6, 100, EVERY_EVENT)).rejects.toMatchObject(gap);
    await expect(new EventFeed(gapped, PUBLIC_URL).page(6, 100, EVERY_EVENT)).rejects.toBeInstanceOf(UnreadableEventError);

    // A store that reads by position range (SQLite's) finds nothing where the row was removed.
    const byRange: EventStore['readAll'] = async (options) =>
      (await store.readAll()).filter(
        (event) => event.position !== 5 && event.position > (options?.after ?? 0) && event.position <= (options?.after ?? 0) + (options?.limit ?? 1e9),
      );
    const ranged = new EventFeed(Object.assign(Object.create(store) as EventStore, { readAll: byRange }), PUBLIC_URL);
    expect((await ranged.page(2, 100, EVERY_EVENT)).next).toBe(4);
    await expect(ranged.page(5, 100, EVERY_EVENT)).rejects.toMatchObject({
      position: 5,
      reason: expect.stringMatching(/^the log holds no event at position 5/),
    });
  });

  it('serves the events before one the store cannot read at all (its text not JSON), and names it to a reader at it', async () => {
    const store = await ledger();
    // As the SQLite store reads a row whose data is not JSON: the read that would return it fails.
    const readAll: EventStore['readAll'] = async (options) => {
      const events = await store.readAll(options);
      if (events.some((event) => event.position === 5)) throw new UnreadableEventError(5, 'its data is not JSON as stored');
      return events;
    };
    const unparsable = new EventFeed(Object.assign(Object.create(store) as EventStore, { readAll }), PUBLIC_URL);
    const before = await unparsable.page(2, 100, EVERY_EVENT);
    expect(before.events.map((event) => event.position)).toEqual([3, 4]);
    expect(before.next).toBe(4);
    await expect(unparsable.page(4, 100, EVERY_EVENT)).rejects.toMatchObject({ position: 5, reason: 'its data is not JSON as stored' });
  });

  it('serves no event of a stream nothing opened (a row written by hand), and passes over it where the selection leaves it out', async () => {
    const store = await ledger();
    const ghostAt = (
      await store.append(
        'proposal-ghost',
        [ledgerEvent('SupportExpressed', { proposalId: 'ghost', participantId: 'p0', occurredAt: '2022-06-21T00:00:00.000Z' })],
        { expectedRevision: 'no-stream' },
      )
    ).lastPosition;
    const [after] = await admitParticipants(store, 'kp', 1, 'late');
    const feed = new EventFeed(store, PUBLIC_URL, () => undefined);

    expect(await feed.page(ghostAt - 2, 100, EVERY_EVENT)).toMatchObject({ next: ghostAt - 1 });
    const refused = feed.page(ghostAt - 1, 100, EVERY_EVENT);
    await expect(refused).rejects.toBeInstanceOf(UnreadableEventError);
    await expect(refused).rejects.toMatchObject({ position: ghostAt, reason: expect.stringMatching(/^no event before it opened proposal-ghost/) });
    for (const selection of [readSelection('ParticipantAdmitted', null).selection, readSelection(null, 'kp').selection])
      expect((await feed.page(ghostAt - 1, 100, selection)).events.map((event) => event.position)).toEqual([after]);
  });
});
