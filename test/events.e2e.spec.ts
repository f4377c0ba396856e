import { admitParticipant, conveneMeeting, establishBody } from './support/kimberley-process';
import { record } from './support/ledger-client';
import { LedgerHarness, TEST_KEYS, TestRole } from './support/ledger-harness';
import { expectInvalidField, expectProblem } from './support/problems';
import { SseClient } from './support/sse-client';

jest.setTimeout(60_000);

interface FeedPage {
  events: { id: string; position: number; type: string; bodyid: string; subject: string; source: string; sequence: string; data: Record<string, unknown> }[];
  next: number;
  headPosition: number;
}

const auth = (role: TestRole): Record<string, string> => ({ authorization: `Bearer ${TEST_KEYS[role]}` });

describe('the event feed, GET /v1/events', () => {
  let ledger: LedgerHarness;
  beforeAll(async () => {
    ledger = await LedgerHarness.start({ CONCORD_PUBLIC_URL: 'https://ledger.example.org/' });
  });
  afterAll(async () => {
    await ledger.stop();
  });

  const page = async (query: string, role: TestRole = 'integrator'): Promise<FeedPage> => {
    const answer = await ledger.get(`/v1/events${query}`, { role });
    expect({ status: answer.status, body: answer.body }).toMatchObject({ status: 200 });
    return answer.body as unknown as FeedPage;
  };

  it('shows an event acknowledged by a 201 in the next page, as a CloudEvent, to every role', async () => {
    const before = (await page('?limit=1')).headPosition;
    const bodyId = await establishBody(ledger);
    const admitted = await admitParticipant(ledger, bodyId, 'ru');
    for (const role of ['integrator', 'auditor', 'secretariat'] as const) {
      const { events, next, headPosition } = await page(`?after=${before}`, role);
      expect(events.map((event) => event.position)).toEqual([before + 1, before + 2]);
      expect(next).toBe(before + 2);
      expect(headPosition).toBe(before + 2);
    }
    const [, last] = (await page(`?after=${before}`)).events;
    expect(last).toMatchObject({
      specversion: '1.0',
      id: admitted.eventIds[0],
      source: `https://ledger.example.org/v1/bodies/${bodyId}`,
      type: 'org.concordledger.ParticipantAdmitted.v1',
      subject: `body-${bodyId}`,
      time: '2003-01-01T00:00:00.000Z',
      datacontenttype: 'application/json',
      dataschema: 'https://ledger.example.org/v1/schemas/ParticipantAdmitted/v1',
      sequence: String(admitted.position).padStart(20, '0'),
      position: admitted.position,
      bodyid: bodyId,
      actor: expect.stringMatching(/^secretariat-/),
      correlationid: expect.any(String),
      causationid: null,
      data: { bodyId, participantId: 'ru', name: 'RU', kind: 'state', occurredAt: '2003-01-01T00:00:00.000Z' },
    });
  });

  it('filters by type and body, and next moves past what it filtered out', async () => {
    const start = (await page('?limit=1')).headPosition;
    const kp = await establishBody(ledger);
    const other = await establishBody(ledger);
    await admitParticipant(ledger, other, 'ua');
    const meetingId = await conveneMeeting(ledger, kp);
    await admitParticipant(ledger, kp, 'bw');
    const onlyKp = await page(`?after=${start}&bodyId=${kp}`);
    expect(onlyKp.events.map((event) => event.type)).toEqual([
      'org.concordledger.BodyEstablished.v1',
      'org.concordledger.MeetingConvened.v1',
      'org.concordledger.ParticipantAdmitted.v1',
    ]);
    expect(onlyKp.events[1]).toMatchObject({ subject: `meeting-${meetingId}`, bodyid: kp });
    const meetings = await page(`?after=${start}&types=MeetingConvened&limit=5`);
    expect(meetings.events.map((event) => event.subject)).toEqual([`meeting-${meetingId}`]);
    expect(meetings.next).toBe(meetings.headPosition);
    const firstOnly = await page(`?after=${start}&types=ParticipantAdmitted&bodyId=${kp}&limit=1`);
    expect(firstOnly.events).toHaveLength(1);
    expect(await page(`?after=${firstOnly.next}&types=ParticipantAdmitted&bodyId=${kp}`)).toMatchObject({ events: [] });
  });

  it('refuses what it cannot read, with problems naming the field', async () => {
    const head = (await page('?limit=1')).headPosition;
    expectProblem(await ledger.get('/v1/events?after=-1', { role: 'integrator' }), 400, 'validation-failed');
    expectProblem(await ledger.get('/v1/events?limit=0', { role: 'integrator' }), 400, 'validation-failed');
    expectProblem(await ledger.get('/v1/events?limit=1001', { role: 'integrator' }), 400, 'validation-failed');
    const unknownType = expectProblem(await ledger.get('/v1/events?types=ObjectionRasied', { role: 'integrator' }), 400, 'validation-failed');
    expect(unknownType.errors).toEqual([{ field: 'types', messages: [expect.stringContaining('ObjectionRasied')] }]);
    expectProblem(await ledger.get('/v1/events?afterr=1', { role: 'integrator' }), 400, 'validation-failed');
    expectProblem(await ledger.get('/v1/events?after=1&after=2', { role: 'integrator' }), 400, 'validation-failed');
    // A position is digits only, as the schema's pattern says: no sign, no white space around it.
    for (const written of ['%201', '1%20', '+1', '%2B1']) {
      expectInvalidField(await ledger.get(`/v1/events?after=${written}`, { role: 'integrator' }), 'after');
      expectInvalidField(await ledger.get(`/v1/events?limit=${written}`, { role: 'integrator' }), 'limit');
    }
    expectProblem(await ledger.get('/v1/events?bodyId=KP', { role: 'integrator' }), 400, 'validation-failed');
    expectInvalidField(await ledger.get('/v1/events?after=1&afterEventId=not-an-event-id', { role: 'integrator' }), 'afterEventId');
    // No event lies at position 0 for the id to name.
    expectInvalidField(await ledger.get('/v1/events?afterEventId=0b5e8a52-1f47-4a55-9d4e-2f4c1e6b7a90', { role: 'integrator' }), 'afterEventId');
    expect(expectProblem(await ledger.get(`/v1/events?after=${head + 5}`, { role: 'integrator' }), 404, 'position-not-found')).toMatchObject({
      headPosition: head,
    });
    // A whole number too large to be any position is refused, saying the bound it passed.
    expect(expectInvalidField(await ledger.get('/v1/events?after=9007199254740993', { role: 'integrator' }), 'after').detail).toContain(
      'an integer from 0 to 9007199254740991',
    );
    expectProblem(await ledger.get('/v1/events', { role: null }), 401, 'unauthorized');
  });
});

describe('the event stream, GET /v1/events/stream', () => {
  let ledger: LedgerHarness;
  beforeAll(async () => {
    ledger = await LedgerHarness.start({ CONCORD_SSE_HEARTBEAT_S: '1' });
  });
  afterAll(async () => {
    await ledger.stop();
  });

  const open = (query: string, headers: Record<string, string> = {}): Promise<SseClient> =>
    SseClient.open(`${ledger.baseUrl}/v1/events/stream${query}`, { ...auth('integrator'), ...headers });

  it('delivers every event exactly once and in order to a client that drops mid-stream and resumes with Last-Event-ID, while writers append', async () => {
    const bodyId = await establishBody(ledger);
    const start = (await ledger.get('/health', { role: null })).body.headPosition as number;
    let writing = true;
    const writers = [0, 1, 2].map(async (writer) => {
      for (let index = 0; writing && index < 400; index += 1) await admitParticipant(ledger, bodyId, `w${writer}-${index}`);
    });
    const first = await open(`?after=${start}`);
    expect(first.status).toBe(200);
    expect(first.contentType).toMatch(/^text\/event-stream/);
    await first.until((client) => client.events.length >= 40, 'forty events');
    first.close();
    const resumeFrom = first.lastEventId ?? '';
    await new Promise((resolve) => setTimeout(resolve, 200));
    // `after` is ignored when Last-Event-ID is given: it is where the client really stopped.
    const second = await open('?after=0', { 'last-event-id': resumeFrom });
    await new Promise((resolve) => setTimeout(resolve, 300));
    writing = false;
    await Promise.all(writers);
    const head = (await ledger.get('/health', { role: null })).body.headPosition as number;
    await second.until((client) => client.events.at(-1)?.position === head, 'the head');
    second.close();
    const received = [...first.events.map((event) => event.position), ...second.events.map((event) => event.position)];
    expect(received).toEqual(Array.from({ length: head - start }, (_, index) => start + 1 + index));
    expect(second.messages[0]?.id).toBe(String(Number(resumeFrom) + 1));
    expect(new Set([...first.events, ...second.events].map((event) => event.id)).size).toBe(head - start);
  });

  it('writes ids naming each event with ids=position-and-event, resumes after such an id once it is checked, and refuses one whose event is not at its position', async () => {
    for (let made = 0; made < 3; made += 1) await establishBody(ledger);
    const first = await open('?after=1&ids=position-and-event');
    await first.until((c) => c.events.length >= 2, 'two events');
    first.close();
    const [second, third] = first.events;
    expect(first.messages.slice(0, 2).map((message) => message.id)).toEqual([`2:${second?.id}`, `3:${third?.id}`]);
    const resumed = await open('?after=0&ids=position-and-event', { 'last-event-id': `2:${second?.id}` });
    await resumed.until((c) => c.events.length > 0, 'the event after position 2');
    resumed.close();
    expect(resumed.messages[0]?.id).toBe(`3:${third?.id}`);
    // Another event's id at position 2: the log read is not this one.
    const rewritten = await ledger.get('/v1/events/stream', { role: 'integrator', headers: { 'last-event-id': `2:${third?.id}` } });
    expect(expectProblem(rewritten, 409, 'feed-position-rewritten')).toMatchObject({ position: 2, expectedEventId: third?.id, eventId: second?.id });
    expectProblem(await ledger.get(`/v1/events/stream?after=2&afterEventId=${third?.id}`, { role: 'integrator' }), 409, 'feed-position-rewritten');
    for (const malformed of [`0:${second?.id}`, '2:not-an-event-id', `2:${second?.id?.toUpperCase()}`]) {
      expectInvalidField(await ledger.get('/v1/events/stream', { role: 'integrator', headers: { 'last-event-id': malformed } }), 'Last-Event-ID');
    }
    expectInvalidField(await ledger.get('/v1/events/stream?ids=uuid', { role: 'integrator' }), 'ids');
  });

  it('follows only the types and body asked for', async () => {
    const kp = await establishBody(ledger);
    const other = await establishBody(ledger);
    const start = (await ledger.get('/health', { role: null })).body.headPosition as number;
    const client = await open(`?after=${start}&types=ParticipantAdmitted,MeetingConvened&bodyId=${kp}`);
    await admitParticipant(ledger, other, 'ua');
    await admitParticipant(ledger, kp, 'ru');
    await conveneMeeting(ledger, other);
    const meetingId = await conveneMeeting(ledger, kp);
    await record(ledger, `/v1/meetings/${meetingId}/closure`, { occurredAt: '2022-06-21' });
    await client.until((c) => c.events.length === 2, 'two events');
    await new Promise((resolve) => setTimeout(resolve, 200));
    client.close();
    expect(client.events.map((event) => [event.type, event.bodyid])).toEqual([
      ['org.concordledger.ParticipantAdmitted.v1', kp],
      ['org.concordledger.MeetingConvened.v1', kp],
    ]);
  });

  it('sends a comment heartbeat to an idle client', async () => {
    const head = (await ledger.get('/health', { role: null })).body.headPosition as number;
    const client = await open(`?after=${head}`);
    const comments = client.comments;
    await client.until((c) => c.comments > comments + 1, 'two heartbeats', 5000);
    client.close();
  });

  it("answers HEAD with the stream's headers and no body, and reads an empty Last-Event-ID as none", async () => {
    const head = await fetch(`${ledger.baseUrl}/v1/events/stream`, { method: 'HEAD', headers: auth('integrator'), signal: AbortSignal.timeout(5000) });
    expect({ status: head.status, type: head.headers.get('content-type') }).toEqual({ status: 200, type: expect.stringMatching(/^text\/event-stream/) });
    const client = await open('?after=0', { 'last-event-id': '' });
    await client.until((c) => c.events.length > 0, 'the first event');
    client.close();
    expect(client.events[0]?.position).toBe(1);
  });

  it('resumes after a lastEventId query parameter, as EventSource polyfills send it, and lets the header win over it', async () => {
    // Three events at least, whichever tests ran before.
    for (let made = 0; made < 3; made += 1) await establishBody(ledger);
    const queried = await open('?after=0&lastEventId=2', {});
    await queried.until((c) => c.events.length > 0, 'an event after position 2');
    queried.close();
    expect(queried.events[0]?.position).toBe(3);
    const both = await open('?lastEventId=2', { 'last-event-id': '1' });
    await both.until((c) => c.events.length > 0, 'an event after position 1');
    both.close();
    expect(both.events[0]?.position).toBe(2);
    const empty = await open('?lastEventId=', {});
    await empty.until((c) => c.events.length > 0, 'the first event');
    empty.close();
    expect(empty.events[0]?.position).toBe(1);
    for (const malformed of ['abc', '%202', '-1']) {
      expectInvalidField(await ledger.get(`/v1/events/stream?lastEventId=${malformed}`, { role: 'integrator' }), 'lastEventId');
      expectInvalidField(
        await ledger.get(`/v1/events/stream?lastEventId=${malformed}`, { role: 'integrator', headers: { 'last-event-id': '1' } }),
        'lastEventId',
      );
    }
    expectInvalidField(await ledger.get('/v1/events?lastEventId=1', { role: 'integrator' }), 'lastEventId');
  });

  it('refuses a bad request before the stream opens, as problem+json', async () => {
    const head = (await ledger.get('/health', { role: null })).body.headPosition as number;
    expectProblem(await ledger.get(`/v1/events/stream?after=${head + 10}`, { role: 'integrator' }), 404, 'position-not-found');
    expectProblem(
      await ledger.get('/v1/events/stream', { role: 'integrator', headers: { 'last-event-id': '99999999999999999999999' } }),
      400,
      'validation-failed',
    );
    expectProblem(await ledger.get('/v1/events/stream', { role: 'integrator', headers: { 'last-event-id': 'abc' } }), 400, 'validation-failed');
    // Last-Event-ID wins over `after`, but a malformed `after` is refused all the same.
    expectProblem(await ledger.get('/v1/events/stream?after=abc', { role: 'integrator', headers: { 'last-event-id': '1' } }), 400, 'validation-failed');
    expectProblem(await ledger.get('/v1/events/stream?after=-5', { role: 'integrator', headers: { 'last-event-id': '1' } }), 400, 'validation-failed');
    expectProblem(await ledger.get('/v1/events/stream?limit=5', { role: 'integrator' }), 400, 'validation-failed');
    expectProblem(await ledger.get('/v1/events/stream', { role: null }), 401, 'unauthorized');
  });
});

describe('the event streams one key may hold open', () => {
  let ledger: LedgerHarness;
  beforeAll(async () => {
    ledger = await LedgerHarness.start({ CONCORD_SSE_STREAMS_PER_KEY: '2' });
  });
  afterAll(async () => {
    await ledger.stop();
  });

  it('refuses a key one stream more than CONCORD_SSE_STREAMS_PER_KEY with 429 and Retry-After, other keys still served, and opens one again once one ends', async () => {
    const open = (role: TestRole): Promise<SseClient> => SseClient.open(`${ledger.baseUrl}/v1/events/stream`, auth(role));
    const held = [await open('integrator'), await open('integrator')];
    for (const client of held) await client.until((c) => c.comments > 0, 'the stream opened');
    const refused = await ledger.get('/v1/events/stream', { role: 'integrator' });
    expect(expectProblem(refused, 429, 'rate-limited')).toMatchObject({ limit: 'streams', most: 2 });
    expect(refused.headers.get('retry-after')).toBe('5');
    const other = await open('auditor');
    expect(other.status).toBe(200);
    other.close();
    held[0]?.close();
    let reopened: SseClient | undefined;
    for (let tries = 0; tries < 50 && reopened === undefined; tries += 1) {
      const attempt = await open('integrator');
      if (attempt.status === 200) reopened = attempt;
      else {
        attempt.close();
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
    expect(reopened?.status).toBe(200);
    reopened?.close();
    held[1]?.close();
  });
});
