import { EventStore, InMemoryEventStore, InMemoryProjectionStore, ProjectionStore } from '@concord/event-store';
import { BodyState, decodeState, DEFAULT_CONSENSUS_POLICY, encodeState, LayeredMap } from '@concord/governance';
import { loadBody, loadBodyAt } from '../commands/aggregate-loader';
import { MeetingCommandsHandler } from '../commands/meeting-commands.handler';
import { BodyCommandsHandler } from '../commands/body-commands.handler';
import { CommandExecutor } from '../commands/command-executor';
import { CorrectionCommandsHandler } from '../commands/correction-commands.handler';
import { at, ManualClock, metadata } from '../testing/ledger-fixture';
import { BodyWorldTimeline } from '../commands/body-world-timeline';
import { COMMAND_FOLDS_PROJECTION, FOLD_SHELF_SPACING, FoldShelf } from './fold-shelf';
import { StreamCachingStore } from './stream-caching-store';

/** One process of the command side over a shared log and shared rows, counting the stream events it reads. */
function commandSide(log: EventStore, rows: ProjectionStore, onError: (error: unknown) => void = failOnError) {
  const reads = { events: 0 };
  const counted = new Proxy(log, {
    get(target, property) {
      if (property === 'readStream') {
        return async (...args: Parameters<EventStore['readStream']>) => {
          const events = await target.readStream(...args);
          reads.events += events.length;
          return events;
        };
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  const shelf = new FoldShelf(rows, onError);
  const cache = new StreamCachingStore(counted, undefined, undefined, shelf);
  const executor = new CommandExecutor(cache, new ManualClock());
  return {
    reads,
    shelf,
    cache,
    bodies: new BodyCommandsHandler(cache, executor),
    meetings: new MeetingCommandsHandler(cache, executor),
    corrections: new CorrectionCommandsHandler(cache, executor, DEFAULT_CONSENSUS_POLICY),
    /** The body's state as this process keeps it for its next command. */
    keptBody: () => cache.foldedState<BodyState>('body', 'body-kp')?.state,
  };
}
type CommandSide = ReturnType<typeof commandSide>;

function failOnError(error: unknown): never {
  throw error;
}

async function establish(side: CommandSide): Promise<void> {
  await side.bodies.handle('kp', { type: 'EstablishBody', data: { bodyId: 'kp', name: 'KP', definition: 'D', occurredAt: at('2003-01-01') } }, metadata());
}

async function admit(side: CommandSide, count: number, from: number): Promise<void> {
  for (let index = from; index < from + count; index += 1) {
    await side.bodies.handle(
      'kp',
      { type: 'AdmitParticipant', data: { participantId: `s${index}`, name: `State ${index}`, kind: 'state', occurredAt: at('2004-01-01') } },
      metadata(),
    );
  }
}

/** The body folded whole from the log, with no cache or shelf: what every other way must equal. */
async function wholeFold(log: EventStore): Promise<BodyState> {
  return (await loadBody(log, 'kp')).state;
}

async function storedFolds(rows: ProjectionStore) {
  return rows.rows(COMMAND_FOLDS_PROJECTION, 'body', { key: 'body-kp', upTo: Number.MAX_SAFE_INTEGER });
}

describe("the command side's stored folds", () => {
  let log: InMemoryEventStore;
  let rows: InMemoryProjectionStore;

  beforeEach(() => {
    log = new InMemoryEventStore();
    rows = new InMemoryProjectionStore();
  });

  it('let the first command on a long stream after a start fold only what was recorded since the last one stored', async () => {
    const first = commandSide(log, rows);
    await establish(first);
    await admit(first, 1500, 0);
    await first.shelf.settled();
    // 1,501 events: stored once, when the stream reached 1,024, by the commands' own write-through.
    const [stored] = await storedFolds(rows);
    expect(stored?.value).toMatchObject({ length: FOLD_SHELF_SPACING });
    expect(stored?.position).toBe((await log.readStream('body-kp'))[FOLD_SHELF_SPACING - 1]?.position);

    const restarted = commandSide(log, rows);
    await admit(restarted, 1, 1500);
    // The stored fold's last event (to check it) and the 477 after it: not the 1,501 of the stream.
    expect(restarted.reads.events).toBe(1501 - FOLD_SHELF_SPACING + 1);
    expect(restarted.keptBody()).toEqual(await wholeFold(log));
  });

  it('are stored again each time the stream grows by the spacing, from a fold that came from the shelf', async () => {
    const first = commandSide(log, rows);
    await establish(first);
    await admit(first, 1500, 0);
    await first.shelf.settled();
    const restarted = commandSide(log, rows);
    await admit(restarted, 600, 1500);
    await restarted.shelf.settled();
    expect((await storedFolds(rows))[0]?.value).toMatchObject({ length: 2 * FOLD_SHELF_SPACING });

    const third = commandSide(log, rows);
    await admit(third, 1, 2100);
    // 2,101 events before this command: the stored fold's last one and the 53 after it.
    expect(third.reads.events).toBe(2101 - 2 * FOLD_SHELF_SPACING + 1);
    expect(third.keptBody()).toEqual(await wholeFold(log));
  });

  it('are not taken past a correction recorded after them: the stream is folded whole, the correction counts, and that fold is stored', async () => {
    const first = commandSide(log, rows);
    await establish(first);
    await admit(first, 1500, 0);
    const admission = (await log.readStream('body-kp')).find((event) => event.data['participantId'] === 's3');
    await first.corrections.handle(
      {
        type: 'RecordCorrection',
        data: { correctsEventId: admission?.eventId ?? '', reason: 'spelling', corrections: { name: 'Renamed' }, occurredAt: at('2005-01-01') },
      },
      metadata(),
    );
    await first.shelf.settled();

    const restarted = commandSide(log, rows);
    await admit(restarted, 1, 1500);
    expect(restarted.reads.events).toBeGreaterThan(1502);
    const kept = restarted.keptBody();
    expect(kept).toEqual(await wholeFold(log));
    expect(kept?.status === 'established' && kept.members.get('s3')?.name).toBe('Renamed');
    await restarted.shelf.settled();
    // Folded whole at 1,502 events (the correction the last), before its own admission.
    expect((await storedFolds(rows))[0]?.value).toMatchObject({ length: 1502 });

    const third = commandSide(log, rows);
    await admit(third, 1, 1501);
    expect(third.reads.events).toBe(2);
    expect(third.keptBody()).toEqual(await wholeFold(log));
  });

  it("let a body's world-time index resume after a start for a command dated after its events, and build it whole for one dated before", async () => {
    const first = commandSide(log, rows);
    await establish(first);
    await admit(first, 1500, 0);
    await first.meetings.convene(
      'kp',
      {
        type: 'ConveneMeeting',
        data: { meetingId: 'm1', kind: 'plenary', location: 'Gaborone', opensOn: '2026-01-05', closesOn: '2026-01-09', occurredAt: at('2026-01-05') },
      },
      metadata(),
    );
    const statement = (side: CommandSide, index: number) =>
      side.meetings.handle(
        'm1',
        { type: 'RecordStatement', data: { speakerId: 's1', proposalId: null, summary: `Said ${index}`, occurredAt: at('2026-01-06') } },
        metadata(),
      );
    await statement(first, 0);
    await first.shelf.settled();
    const [stored] = await rows.rows(COMMAND_FOLDS_PROJECTION, 'body-world-time', { key: 'body-kp', upTo: Number.MAX_SAFE_INTEGER });
    expect(stored?.value).toMatchObject({ length: 1501 });

    const restarted = commandSide(log, rows);
    await statement(restarted, 1);
    // The meeting's two events and the stored fold's last body event: none of the 1,500 others.
    expect(restarted.reads.events).toBe(3);
    const moment = at('2026-01-06');
    const index = restarted.cache.foldedState<BodyWorldTimeline>('body-world-time', 'body-kp')?.state;
    expect(index?.stateAt(moment)).toEqual((await loadBodyAt(log, 'kp', moment)).state);

    // A late entry recorded since: the resumed index cannot take it, so the next statement builds it whole.
    await restarted.bodies.handle(
      'kp',
      { type: 'AdmitParticipant', data: { participantId: 'late', name: 'Late', kind: 'state', occurredAt: at('2003-02-01') } },
      metadata(),
    );
    await statement(restarted, 2);
    const rebuilt = restarted.cache.foldedState<BodyWorldTimeline>('body-world-time', 'body-kp')?.state;
    expect(rebuilt?.floor).toBeUndefined();
    expect(rebuilt?.stateAt(moment)).toEqual((await loadBodyAt(log, 'kp', moment)).state);

    await restarted.shelf.settled();
    const resumedAgain = commandSide(log, rows);
    await statement(resumedAgain, 3);
    const before = resumedAgain.reads.events;
    const earlier = at('2003-06-01');
    // A moment before the stored fold's latest date: the index is built whole, once.
    expect((await loadBodyAt(resumedAgain.cache, 'kp', earlier)).state).toEqual((await loadBodyAt(log, 'kp', earlier)).state);
    expect(resumedAgain.reads.events - before).toBe(1502);
    expect((await loadBodyAt(resumedAgain.cache, 'kp', earlier)).state).toEqual((await loadBodyAt(log, 'kp', earlier)).state);
    expect(resumedAgain.reads.events - before).toBe(1502);
    await resumedAgain.shelf.settled();

    // A stored world-time fold without its latest date would pass for a whole index: it is refused.
    const [world] = await rows.rows(COMMAND_FOLDS_PROJECTION, 'body-world-time', { key: 'body-kp', upTo: Number.MAX_SAFE_INTEGER });
    const { latest: _dropped, ...withoutLatest } = decodeState<Record<string, unknown>>((world?.value as { state: string }).state);
    await rows.commit(COMMAND_FOLDS_PROJECTION, [{ ...world!, value: { ...(world?.value as object), state: encodeState(withoutLatest) } }], 0);
    const errors: unknown[] = [];
    const refusing = commandSide(log, rows, (error) => errors.push(error));
    await statement(refusing, 4);
    expect(errors.map(String)).toEqual(['TypeError: the stored fold body-world-time of body-kp is not one this build reads']);
    expect(refusing.reads.events).toBeGreaterThan(1502);
    const rebuiltAgain = refusing.cache.foldedState<BodyWorldTimeline>('body-world-time', 'body-kp')?.state;
    expect(rebuiltAgain?.stateAt(earlier)).toEqual((await loadBodyAt(log, 'kp', earlier)).state);
  });

  it('are ignored where they do not match the log, or cannot be read', async () => {
    const first = commandSide(log, rows);
    await establish(first);
    await admit(first, 1100, 0);
    await first.shelf.settled();
    const [stored] = await storedFolds(rows);
    if (stored === undefined) throw new Error('no fold stored');

    // Folds that are not this log's, of another body: the event they ended with is another one at the
    // same position (a log rolled back and written again), or the same one at another position.
    const otherBody = encodeState({ status: 'established', bodyId: 'other', name: 'Other', establishedAt: at('2003-01-01'), members: LayeredMap.empty() });
    const storedValue = stored.value as { eventId: string };
    let next = 1100;
    for (const [position, eventId] of [
      [stored.position, 'another-event'],
      [stored.position + 1, storedValue.eventId],
    ] as const) {
      const [current] = await storedFolds(rows);
      await rows.commit(
        COMMAND_FOLDS_PROJECTION,
        [{ ...stored, position: Math.max(position, current?.position ?? 0), value: { length: 1024, eventId, state: otherBody } }],
        0,
      );
      const mismatched = commandSide(log, rows);
      await admit(mismatched, 1, next);
      next += 1;
      expect(mismatched.reads.events).toBeGreaterThan(1100);
      expect(mismatched.keptBody()).toEqual(await wholeFold(log));
      await mismatched.shelf.settled();
    }

    const [restored] = await storedFolds(rows);
    const errors: unknown[] = [];
    await rows.commit(
      COMMAND_FOLDS_PROJECTION,
      [{ ...restored!, position: restored!.position + 1, value: { length: 1102, eventId: 'e', state: '{not json' } }],
      0,
    );
    const unreadable = commandSide(log, rows, (error) => errors.push(error));
    await admit(unreadable, 1, next);
    expect(errors).toHaveLength(1);
    expect(unreadable.reads.events).toBeGreaterThan(1100);
    expect(unreadable.keptBody()).toEqual(await wholeFold(log));

    const [again] = await storedFolds(rows);
    await rows.commit(COMMAND_FOLDS_PROJECTION, [{ ...again!, position: again!.position + 1, value: { length: 'many', state: 7 } }], 0);
    const malformed = commandSide(log, rows, (error) => errors.push(error));
    await admit(malformed, 1, next + 1);
    expect(errors.map(String)).toContain('TypeError: the stored fold body of body-kp is not one this build reads');
    expect(malformed.keptBody()).toEqual(await wholeFold(log));
    await malformed.shelf.settled();

    // One that matches the log, but whose state is not a state of a fold.
    const [matching] = await storedFolds(rows);
    await rows.commit(COMMAND_FOLDS_PROJECTION, [{ ...matching!, value: { ...(matching?.value as object), state: encodeState({ bodyId: 'kp' }) } }], 0);
    const shapeless = commandSide(log, rows, (error) => errors.push(error));
    await admit(shapeless, 1, next + 2);
    expect(errors).toHaveLength(3);
    expect(shapeless.keptBody()).toEqual(await wholeFold(log));
  });

  it('never fail a command: a store that refuses every read and write only costs reading the whole stream', async () => {
    const errors: unknown[] = [];
    const broken = new InMemoryProjectionStore();
    broken.rows = () => Promise.reject(new Error('rows unavailable'));
    broken.commit = () => Promise.reject(new Error('rows unavailable'));
    const side = commandSide(log, broken, (error) => errors.push(error));
    await establish(side);
    await admit(side, 1030, 0);
    await side.shelf.settled();
    // The body's first load looked for a stored fold; the fold due at 1,024 events was not stored.
    expect(errors.map(String)).toEqual(['Error: rows unavailable', 'Error: rows unavailable']);

    const restarted = commandSide(log, broken, (error) => errors.push(error));
    await admit(restarted, 1, 1030);
    expect(restarted.reads.events).toBe(1031);
    expect(restarted.keptBody()).toEqual(await wholeFold(log));
    await restarted.shelf.settled();
    expect(errors).toHaveLength(4);
  });
});
