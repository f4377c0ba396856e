import { DomainError } from '@concord/governance';
import { AppendResult, EventStore, EventToAppend, ExpectedRevision, InMemoryEventStore, StoreUnavailableError } from '@concord/event-store';
import { IdempotencyKeyReusedError, PreconditionFailedError } from '../errors/application-errors';
import { StreamCachingStore } from '../support/stream-caching-store';
import { at, ledgerFixture, metadata, recordKimberleyProcess, tableDefinition } from '../testing/ledger-fixture';

const objection = (participantId: string) => ({
  type: 'RaiseObjection' as const,
  data: { participantId, grounds: 'politicisation', revision: null, occurredAt: at('2022-06-22') },
});

describe('CommandExecutor', () => {
  describe('when a command is retried with the same command id', () => {
    it('returns the first result, says it was replayed, and records nothing new', async () => {
      const ledger = ledgerFixture();
      await recordKimberleyProcess(ledger);
      await ledger.proposals.table('kp', tableDefinition(), metadata());
      const meta = metadata({ commandId: 'objection-ru-1' });
      const first = await ledger.proposals.handle('p-def', objection('ru'), meta);
      const head = await ledger.store.headPosition();

      const retry = await ledger.proposals.handle('p-def', objection('ru'), meta);

      expect(first.replayed).toBe(false);
      expect(retry).toEqual({ ...first, replayed: true });
      expect(await ledger.store.headPosition()).toBe(head);
    });

    it('returns the first result even though deciding again would now be refused', async () => {
      const ledger = ledgerFixture();
      await recordKimberleyProcess(ledger);
      await ledger.proposals.table('kp', tableDefinition(), metadata());
      const meta = metadata({ commandId: 'objection-ru-2' });
      await ledger.proposals.handle('p-def', objection('ru'), meta);

      await expect(ledger.proposals.handle('p-def', objection('ru'), metadata())).rejects.toMatchObject({ code: 'objection-already-standing' });
      await expect(ledger.proposals.handle('p-def', objection('ru'), meta)).resolves.toMatchObject({ replayed: true });
    });

    it('refuses a command id reused for a different command', async () => {
      const ledger = ledgerFixture();
      await recordKimberleyProcess(ledger);
      await ledger.proposals.table('kp', tableDefinition(), metadata({ commandId: 'shared-key', fingerprint: 'a' }));

      await expect(ledger.proposals.handle('p-def', objection('ru'), metadata({ commandId: 'shared-key', fingerprint: 'b' }))).rejects.toBeInstanceOf(
        IdempotencyKeyReusedError,
      );
    });

    it('answers no request as the retry of a record entered without its request’s digest (imported), and records nothing for it', async () => {
      const ledger = ledgerFixture();
      await recordKimberleyProcess(ledger);
      // As `concord import` stores a hand-written line whose metadata has no `commandFingerprint`.
      const withoutDigest = metadata({ commandId: 'handwritten-7', fingerprint: undefined as unknown as string });
      await ledger.proposals.table('kp', tableDefinition(), withoutDigest);
      const head = await ledger.store.headPosition();

      const refused = ledger.proposals.handle('p-def', objection('ru'), metadata({ commandId: 'handwritten-7' }));
      await expect(refused).rejects.toBeInstanceOf(IdempotencyKeyReusedError);
      await expect(refused).rejects.toMatchObject({
        firstUse: { type: 'DefinitionAmendmentProposed', stream: 'proposal-p-def', fingerprinted: false },
        message: expect.stringContaining('no request can be its retry'),
      });
      expect(await ledger.store.headPosition()).toBe(head);
    });

    it('looks a command up only once its decision is refused: a first command costs no look-up, and a retry is answered by the store', async () => {
      const inner = new InMemoryEventStore();
      const ledger = ledgerFixture(inner);
      await recordKimberleyProcess(ledger);
      await ledger.proposals.table('kp', tableDefinition(), metadata());
      let lookUps = 0;
      const counting: EventStore = { ...bindAll(inner), findCommand: async (id) => (lookUps++, inner.findCommand(id)) };
      const counted = ledgerFixture(counting, ledger.clock);
      const meta = metadata({ commandId: 'objection-counted' });

      const first = await counted.proposals.handle('p-def', objection('ru'), meta);
      expect(lookUps).toBe(0);

      // Deciding again is refused (Russia's objection stands): the look-up after the refusal answers.
      const retry = await counted.proposals.handle('p-def', objection('ru'), meta);
      expect(retry).toEqual({ ...first, replayed: true });
      expect(lookUps).toBe(1);

      // Deciding again would succeed (a statement may be made again): the store's append answers.
      const said = metadata({ commandId: 'statement-counted' });
      const statement = {
        type: 'RecordStatement' as const,
        data: { speakerId: 'ua', proposalId: null, summary: 'Ukraine speaks.', occurredAt: at('2022-06-21') },
      };
      const recorded = await counted.meetings.handle('is-2022', statement, said);
      const again = await counted.meetings.handle('is-2022', statement, said);
      expect(again).toEqual({ ...recorded, replayed: true });
      expect(lookUps).toBe(1);
      expect(await inner.headPosition()).toBe(recorded.position);
    });

    it('records once when the same command races itself', async () => {
      const ledger = ledgerFixture();
      await recordKimberleyProcess(ledger);
      await ledger.proposals.table('kp', tableDefinition(), metadata());
      const meta = metadata({ commandId: 'racing-objection' });
      const head = await ledger.store.headPosition();

      const results = await Promise.all([1, 2, 3, 4].map(() => ledger.proposals.handle('p-def', objection('ru'), meta)));

      expect(new Set(results.map((r) => r.position)).size).toBe(1);
      expect(results.filter((r) => !r.replayed)).toHaveLength(1);
      expect(await ledger.store.headPosition()).toBe(head + 1);
    });
  });

  describe('when If-Match names the stream revision', () => {
    it('records when the revision is current', async () => {
      const ledger = ledgerFixture();
      await recordKimberleyProcess(ledger);
      const tabled = await ledger.proposals.table('kp', tableDefinition(), metadata({ expectedRevision: -1 }));
      const result = await ledger.proposals.handle('p-def', objection('ru'), metadata({ expectedRevision: tabled.streamRevision }));
      expect(result.streamRevision).toBe(tabled.streamRevision + 1);
    });

    it('refuses a stale revision and records nothing', async () => {
      const ledger = ledgerFixture();
      await recordKimberleyProcess(ledger);
      await ledger.proposals.table('kp', tableDefinition(), metadata());
      await ledger.proposals.handle('p-def', objection('ru'), metadata());
      const head = await ledger.store.headPosition();

      const stale = ledger.proposals.handle('p-def', objection('by'), metadata({ expectedRevision: 0 }));

      await expect(stale).rejects.toBeInstanceOf(PreconditionFailedError);
      await expect(stale).rejects.toMatchObject({ expectedRevision: 0, actualRevision: 1 });
      expect(await ledger.store.headPosition()).toBe(head);
    });
  });

  describe('when other writers append to the same stream concurrently', () => {
    it('re-reads and re-decides, so every independent command is recorded once', async () => {
      const ledger = ledgerFixture();
      await recordKimberleyProcess(ledger);
      await ledger.proposals.table('kp', tableDefinition(), metadata());

      const results = await Promise.all(['ru', 'by', 'ua', 'bw'].map((id) => ledger.proposals.handle('p-def', objection(id), metadata())));

      expect(results.map((r) => r.streamRevision).sort()).toEqual([1, 2, 3, 4]);
      const proposal = await (await ledger.queries.at()).models.proposal('p-def');
      expect(proposal?.blockingParticipants).toEqual(['bw', 'by', 'ru', 'ua']);
    });

    it('re-decides against the new state, refusing what the winner made impossible', async () => {
      const ledger = ledgerFixture();
      await recordKimberleyProcess(ledger);
      await ledger.proposals.table('kp', tableDefinition(), metadata());

      const outcomes = await Promise.allSettled([1, 2, 3].map(() => ledger.proposals.handle('p-def', objection('ru'), metadata())));

      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      for (const outcome of outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected')) {
        expect(outcome.reason).toBeInstanceOf(DomainError);
        expect((outcome.reason as DomainError).code).toBe('objection-already-standing');
      }
    });
  });

  describe('the envelope of each recorded event', () => {
    it('carries the command metadata, the actor and the ledger clock as recordedAt', async () => {
      const store = new InMemoryEventStore();
      const ledger = ledgerFixture(store);
      ledger.clock.set('2026-03-04T05:06:07.089Z');
      await ledger.bodies.handle(
        'kp',
        { type: 'EstablishBody', data: { bodyId: 'kp', name: 'KP', definition: 'text', occurredAt: at('2003-01-01') } },
        metadata({ commandId: 'establish-kp', correlationId: 'corr-1', causationId: 'cause-1', fingerprint: 'fp' }),
      );

      const [event] = await store.readStream('body-kp');
      expect(event?.eventId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(event?.schemaVersion).toBe(1);
      expect(event?.data).toEqual({ bodyId: 'kp', name: 'KP', definition: 'text', occurredAt: '2003-01-01T00:00:00.000Z' });
      expect(event?.metadata).toEqual({
        commandId: 'establish-kp',
        correlationId: 'corr-1',
        causationId: 'cause-1',
        actor: { id: 'secretariat-test', role: 'secretariat' },
        recordedAt: '2026-03-04T05:06:07.089Z',
        commandFingerprint: 'fp',
      });
    });

    it('refuses a world time after the ledger clock', async () => {
      const ledger = ledgerFixture();
      ledger.clock.set('2026-01-01T00:00:00Z');
      const command = { type: 'EstablishBody' as const, data: { bodyId: 'kp', name: 'KP', definition: 'text', occurredAt: at('2026-01-02') } };
      await expect(ledger.bodies.handle('kp', command, metadata())).rejects.toMatchObject({ code: 'occurred-in-future' });
    });
  });

  describe('when commands of this process write to one stream at once', () => {
    it('lets them take turns there: all are recorded, none collides, none runs out of attempts', async () => {
      const inner = new InMemoryEventStore();
      const ledger = ledgerFixture(inner);
      await recordKimberleyProcess(ledger);
      let conflicts = 0;
      // A store whose appends take a while, as PostgreSQL's do: reads made meanwhile go stale.
      const slow: EventStore = {
        ...bindAll(inner),
        append: async (stream: string, events: readonly EventToAppend[], options: { expectedRevision: ExpectedRevision }): Promise<AppendResult> => {
          await new Promise((resolve) => setTimeout(resolve, 2));
          try {
            return await inner.append(stream, events, options);
          } catch (error) {
            conflicts += 1;
            throw error;
          }
        },
      };
      const busy = ledgerFixture(slow, ledger.clock);
      const statement = (index: number) => ({
        type: 'RecordStatement' as const,
        data: { speakerId: 'ua', proposalId: null, summary: `Statement ${index}`, occurredAt: at('2022-06-21') },
      });
      const writers = 40;

      const results = await Promise.all(Array.from({ length: writers }, (_, index) => busy.meetings.handle('is-2022', statement(index), metadata())));

      expect(new Set(results.map((result) => result.streamRevision)).size).toBe(writers);
      expect((await inner.readStream('meeting-is-2022')).filter((event) => event.type === 'StatementRecorded')).toHaveLength(writers);
      // Each takes its turn at the meeting before reading it, so none collides with another
      // (without turns every retry collided again with the others', up to 12 attempts each).
      expect(conflicts).toBe(0);
    });
  });

  describe('when a command collides with another process and backs off', () => {
    it('keeps its turn at the stream until it is recorded: a command of this process arriving meanwhile waits behind it', async () => {
      const inner = new InMemoryEventStore();
      const ledger = ledgerFixture(inner);
      await recordKimberleyProcess(ledger);
      const statement = (summary: string) => ({
        type: 'RecordStatement' as const,
        data: { speakerId: 'ua', proposalId: null, summary, occurredAt: at('2022-06-21') },
      });
      const recorded: string[] = [];
      let arriving: Promise<unknown> | undefined;
      const store: EventStore = {
        ...bindAll(inner),
        append: async (stream: string, events: readonly EventToAppend[], options: { expectedRevision: ExpectedRevision }): Promise<AppendResult> => {
          const summary = (events[0]?.data as { summary?: string }).summary ?? '';
          if (summary === 'first' && arriving === undefined) {
            // Another process records a statement between the first command's read and its append…
            const other = {
              ...(events[0] as EventToAppend),
              eventId: '0190a000-0000-7000-8000-000000000001',
              metadata: { ...(events[0] as EventToAppend).metadata, commandId: 'other' },
            };
            await inner.append(stream, [{ ...other, data: { ...other.data, summary: 'other' } }], { expectedRevision: 'any' });
            // …and, once the first is refused, a second command of this process arrives while the first backs off.
            arriving = new Promise((resolve) => setTimeout(resolve, 0)).then(() => busy.meetings.handle('is-2022', statement('second'), metadata()));
          }
          const appended = await inner.append(stream, events, options);
          recorded.push(summary);
          return appended;
        },
      };
      const busy = ledgerFixture(store, ledger.clock);

      await busy.meetings.handle('is-2022', statement('first'), metadata());
      await arriving;
      expect(recorded).toEqual(['first', 'second']);
      const summaries = (await inner.readStream('meeting-is-2022')).map((event) => (event.data as { summary?: string }).summary);
      expect(summaries.filter((summary) => summary !== undefined)).toEqual(['other', 'first', 'second']);
    });
  });

  describe('when commands of this process for one stream arrive together', () => {
    /**
     * A store on which another process records two statements at the meeting between the command
     * 'first' reading it and appending, so that 'first' collides twice and takes the meeting's
     * turns; commands 'joining 1..3' arrive while it backs off there. It logs what reaches it.
     */
    function contendedMeeting(inner: InMemoryEventStore, joining: () => void) {
      const log: string[] = [];
      let interference = 0;
      const store: EventStore = {
        ...bindAll(inner),
        readStream: (stream, options) => (log.push(`read ${stream}`), inner.readStream(stream, options)),
        findCommand: (commandId) => (log.push(`look up ${commandId}`), inner.findCommand(commandId)),
        append: async (stream: string, events: readonly EventToAppend[], options: { expectedRevision: ExpectedRevision }): Promise<AppendResult> => {
          const summary = (events[0]?.data as { summary?: string }).summary ?? '';
          log.push(`try ${summary}`);
          if (summary === 'first' && interference < 2) {
            interference += 1;
            const other = {
              ...(events[0] as EventToAppend),
              eventId: `0190a000-0000-7000-8000-00000000000${interference}`,
              data: { ...(events[0] as EventToAppend).data, summary: `other ${interference}` },
              metadata: { ...(events[0] as EventToAppend).metadata, commandId: `other-${interference}` },
            };
            await inner.append(stream, [other], { expectedRevision: 'any' });
            if (interference === 2) joining();
          }
          const appended = await inner.append(stream, events, options);
          log.push(`append ${summary}`);
          return appended;
        },
      };
      return { store, log };
    }

    const statement = (summary: string) => ({
      type: 'RecordStatement' as const,
      data: { speakerId: 'ua', proposalId: null, summary, occurredAt: at('2022-06-21') },
    });

    it('take their turns before reading, and their first try neither looks them up nor reads the stream again', async () => {
      const inner = new InMemoryEventStore();
      const ledger = ledgerFixture(inner);
      await recordKimberleyProcess(ledger);
      await ledger.meetings.handle('is-2022', statement('before'), metadata());
      let joined: Promise<unknown>[] = [];
      const { store, log } = contendedMeeting(inner, () => {
        joined = [1, 2, 3].map((index) => busy.meetings.handle('is-2022', statement(`joining ${index}`), metadata({ commandId: `joining-${index}` })));
      });
      const busy = ledgerFixture(new StreamCachingStore(store), ledger.clock);

      await busy.meetings.handle('is-2022', statement('first'), metadata({ commandId: 'first' }));
      await Promise.all(joined);

      const summaries = (await inner.readStream('meeting-is-2022')).map((event) => (event.data as { summary?: string }).summary).filter(Boolean);
      expect(summaries).toEqual(['before', 'other 1', 'other 2', 'first', 'joining 1', 'joining 2', 'joining 3']);
      // 'first' collided twice in its turn and was looked up before each later attempt; the three
      // behind it were not, and decided on the state 'first' left, reading only the body (who may speak).
      const afterFirst = log.slice(log.indexOf('append first') + 1);
      expect(log.filter((entry) => entry.startsWith('look up'))).toEqual(['look up first', 'look up first']);
      expect(afterFirst.filter((entry) => entry === 'read meeting-is-2022')).toEqual([]);
      expect(afterFirst.filter((entry) => entry === 'read body-kp')).toHaveLength(3);
    });

    it('decide again on a fresh read, at once, when the state kept for their turn was stale, and read afresh after colliding on a read', async () => {
      const inner = new InMemoryEventStore();
      const ledger = ledgerFixture(inner);
      await recordKimberleyProcess(ledger);
      const { store, log } = contendedMeeting(inner, () => undefined);
      const busy = ledgerFixture(new StreamCachingStore(store), ledger.clock);
      await busy.meetings.handle('is-2022', statement('before'), metadata());
      log.length = 0;

      // Its first try, in its turn, takes the kept state and collides with 'other 1': it is made
      // again at once on a fresh read, before the attempt counts. That read misses 'other 2' and
      // collides too: the second attempt looks the command up and reads afresh, since the state
      // kept from that read is known to be stale.
      const recorded = await busy.meetings.handle('is-2022', statement('first'), metadata({ commandId: 'first' }));

      expect(recorded.replayed).toBe(false);
      expect(log.filter((entry) => !entry.startsWith('read body'))).toEqual([
        'try first',
        'read meeting-is-2022',
        'try first',
        'look up first',
        'read meeting-is-2022',
        'try first',
        'append first',
      ]);
      expect((await inner.readStream('meeting-is-2022')).at(-1)?.eventId).toBe(recorded.eventIds[0]);
    });
  });

  describe('when every attempt collides', () => {
    it('gives up with a concurrency error after a bounded number of attempts, recording nothing of its own', async () => {
      const inner = new InMemoryEventStore();
      const ledger = ledgerFixture(inner);
      await recordKimberleyProcess(ledger);
      await ledger.proposals.table('kp', tableDefinition(), metadata());
      let interference = 0;
      // Another writer always gets in first: a deferral lands between every read and append.
      const contended: EventStore = {
        ...bindAll(inner),
        append: async (stream: string, events: readonly EventToAppend[], options: { expectedRevision: ExpectedRevision }): Promise<AppendResult> => {
          interference += 1;
          const deferral: EventToAppend = {
            eventId: `0190a000-0000-7000-8000-${String(interference).padStart(12, '0')}`,
            type: 'ProposalDeferred',
            schemaVersion: 1,
            data: { proposalId: 'p-def', toMeetingId: null, occurredAt: at('2022-06-22') },
            metadata: { ...(events[0] as EventToAppend).metadata, commandId: `other-writer-${interference}` },
          };
          await inner.append(stream, [deferral], { expectedRevision: 'any' });
          return inner.append(stream, events, options);
        },
      };
      const contendedLedger = ledgerFixture(contended, ledger.clock);
      const revise = { type: 'ReviseProposal' as const, data: { text: 'new text', occurredAt: at('2022-06-22') } };

      await expect(contendedLedger.proposals.handle('p-def', revise, metadata())).rejects.toMatchObject({ name: 'ConcurrencyExhaustedError' });
      expect(interference).toBe(12);
      expect((await inner.readStream('proposal-p-def')).map((e) => e.type)).not.toContain('ProposalRevised');

      // Through the command side's cache: one more try, the first, on the kept state (left by an
      // earlier command's reads); after a collision the kept state is known to be behind, so no
      // other try takes it.
      const cachedLedger = ledgerFixture(new StreamCachingStore(contended), ledger.clock);
      const warm = { type: 'ReviseProposal' as const, data: { text: 'warm', occurredAt: at('2022-06-22') } };
      const beforeWarm = interference;
      await expect(cachedLedger.proposals.handle('p-def', warm, metadata())).rejects.toMatchObject({ name: 'ConcurrencyExhaustedError' });
      // Nothing was kept before it: twelve tries, each on a fresh read.
      expect(interference - beforeWarm).toBe(12);
      const before = interference;
      await expect(cachedLedger.proposals.handle('p-def', revise, metadata())).rejects.toMatchObject({ name: 'ConcurrencyExhaustedError' });
      expect(interference - before).toBe(13);
    });
  });

  describe('when the store cannot be reached', () => {
    /** The ledger's store, each named call of which fails with `StoreUnavailableError` once named in `down`. */
    function unreachableWhenDown(inner: EventStore) {
      const down = new Set<string>();
      const callsWhileDown: string[] = [];
      const unreachable =
        <T extends unknown[], R>(name: string, work: (...args: T) => Promise<R>) =>
        async (...args: T): Promise<R> => {
          if (!down.has(name)) return work(...args);
          callsWhileDown.push(name);
          throw new StoreUnavailableError('the store is unreachable');
        };
      const bound = bindAll(inner);
      const store: EventStore = {
        ...bound,
        append: unreachable('append', bound.append),
        readStream: unreachable('readStream', bound.readStream),
        findCommand: unreachable('findCommand', bound.findCommand),
      };
      return { store, down, callsWhileDown };
    }

    it('fails the command at the first refusal, without a fresh read or a look-up that would each wait for the store again', async () => {
      const inner = new InMemoryEventStore();
      const ledger = ledgerFixture(inner);
      await recordKimberleyProcess(ledger);
      await ledger.proposals.table('kp', tableDefinition(), metadata());
      const { store, down, callsWhileDown } = unreachableWhenDown(inner);
      // Through the command side's cache, warmed by a first objection: the next command decides on
      // the kept state.
      const cached = ledgerFixture(new StreamCachingStore(store), ledger.clock);
      await cached.proposals.handle('p-def', objection('ru'), metadata());

      // Reads still answered, writes refused (a standby, a full disk): the append alone was tried.
      down.add('append').add('findCommand');
      await expect(cached.proposals.handle('p-def', objection('ua'), metadata())).rejects.toBeInstanceOf(StoreUnavailableError);
      expect(callsWhileDown).toEqual(['append']);

      // Nothing answered: the attempt's reads, and nothing after them.
      down.add('readStream');
      callsWhileDown.length = 0;
      await expect(cached.proposals.handle('p-def', objection('ua'), metadata())).rejects.toBeInstanceOf(StoreUnavailableError);
      expect(callsWhileDown).not.toContain('findCommand');
      expect(callsWhileDown).not.toContain('append');
    });

    it('fails a command decided outside the stream turns (a correction) at its append, without looking it up', async () => {
      const inner = new InMemoryEventStore();
      const ledger = ledgerFixture(inner);
      await recordKimberleyProcess(ledger);
      const admission = (await inner.readStream('body-kp')).find((event) => event.type === 'ParticipantAdmitted');
      const { store, down, callsWhileDown } = unreachableWhenDown(inner);
      const unreachableLedger = ledgerFixture(new StreamCachingStore(store), ledger.clock);
      down.add('append').add('findCommand');

      const correction = {
        type: 'RecordCorrection' as const,
        data: { correctsEventId: admission?.eventId ?? '', reason: 'spelling', corrections: { name: 'Renamed' }, occurredAt: at('2005-01-01') },
      };
      await expect(unreachableLedger.corrections.handle(correction, metadata())).rejects.toBeInstanceOf(StoreUnavailableError);
      expect(callsWhileDown).toEqual(['append']);
    });
  });
});

function bindAll(store: EventStore): EventStore {
  return {
    append: store.append.bind(store),
    readStream: store.readStream.bind(store),
    readAll: store.readAll.bind(store),
    headPosition: store.headPosition.bind(store),
    streamOf: store.streamOf.bind(store),
    findCommand: store.findCommand.bind(store),
    subscribe: store.subscribe.bind(store),
    close: store.close.bind(store),
  };
}
