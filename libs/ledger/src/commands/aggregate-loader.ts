import {
  applyCorrections,
  assertNotBefore,
  BodyEvent,
  BodyState,
  bodyStream,
  foldBodyEvents,
  evolveMeeting,
  evolveProposal,
  GovernanceEvent,
  IdentifiedEvent,
  initialBodyState,
  initialMeetingState,
  initialProposalState,
  isBodyEvent,
  isMeetingEvent,
  isProposalEvent,
  MeetingState,
  meetingStream,
  ProposalState,
  proposalStream,
} from '@concord/governance';
import { EventStore, StoredEvent } from '@concord/event-store';
import { toDomainEvent } from '../support/stored-to-domain';
import { FoldedState, LastEvent, StreamCachingStore } from '../support/stream-caching-store';
import { BodyWorldTimeline, WorldFold } from './body-world-timeline';

/** An aggregate's state, folded from its stream, and the revision it was read at (-1: no stream). */
export interface Loaded<S> {
  readonly stream: string;
  readonly state: S;
  readonly revision: number;
}

/**
 * How a command reads the stream it appends to. Unless `mayTakeKeptState`, from the store, so the
 * state is current. Otherwise the command side's kept state is taken as it is, with no read at
 * all, where one is kept (the append's expected revision refuses it if the stream grew meanwhile:
 * see `CommandExecutor`), and `tookKeptState` says that it was.
 */
export class TargetRead {
  tookKeptState = false;

  constructor(readonly mayTakeKeptState: boolean) {}
}

/** A command's target aggregate, which can keep the state its own append leads to (write-through). */
export interface LoadedTarget<S> extends Loaded<S> {
  /** Keeps, through the cache, the state after `events`, recorded right after `revision`, the last as `last` says. */
  recorded(events: readonly GovernanceEvent[], last: LastEvent): void;
}

/** A stream's events as they read now, each correction merged into the event it names. */
export function readAsCorrected(events: readonly StoredEvent[]): IdentifiedEvent[] {
  return applyCorrections(events.map((stored) => ({ eventId: stored.eventId, event: toDomainEvent(stored) })));
}

/**
 * Folds a stream as it reads now: corrected values count for the rules as they show in reads.
 * Through a `StreamCachingStore` the fold goes on from the state it reached last time, over the
 * events recorded since only (read with `fromRevision`); after a start, from the fold the cache's
 * shelf stored last for a long stream (see `FoldShelf`). A correction among the events since
 * changes events already folded, so then it folds the whole stream again. A `read` that may take
 * the kept state takes it as it is, unread. `recorded` keeps the state after the command's own
 * events, which are then never read back; after a correction it leaves the kept state behind, so
 * the next command's append collides and that command reads and folds the stream again.
 */
export async function loadFolded<S>(
  store: EventStore,
  stream: string,
  fold: string,
  initial: S,
  evolve: (state: S, events: readonly GovernanceEvent[]) => S,
  read?: TargetRead,
): Promise<LoadedTarget<S>> {
  const cache = store instanceof StreamCachingStore ? store : undefined;
  const earlier = cache?.foldedState<S>(fold, stream);
  let folded: FoldedState<S>;
  if (earlier !== undefined && read?.mayTakeKeptState === true) {
    folded = earlier;
    read.tookKeptState = true;
  } else {
    const start: FoldStart<S> | undefined = earlier ?? (await cache?.shelvedFold(fold, stream, isFoldedState<S>));
    const newer = start === undefined ? undefined : await eventsAfter(store, stream, start);
    let since: number;
    let last: StoredEvent | undefined;
    if (start !== undefined && newer !== undefined && !newer.some(isCorrection)) {
      folded = { length: start.length + newer.length, state: evolve(start.state, domainEventsOf(newer)) };
      since = start.length;
      last = newer.at(-1);
    } else {
      const events = await store.readStream(stream);
      folded = { length: events.length, state: evolve(initial, domainEventsOf(events)) };
      since = 0;
      last = events.at(-1);
    }
    cache?.keepFold(fold, stream, since, folded, last);
  }
  const recorded = (events: readonly GovernanceEvent[], last: LastEvent): void => {
    if (cache === undefined || events.some((event) => event.type === 'CorrectionRecorded')) return;
    let after: S;
    try {
      after = evolve(folded.state, events);
    } catch {
      // The events are recorded already: their command must not fail now. The kept state stays
      // behind, so the next command's append collides and it reads and folds the stream itself.
      return;
    }
    cache.keepFold(fold, stream, folded.length, { length: folded.length + events.length, state: after }, last);
  };
  return { stream, state: folded.state, revision: folded.length - 1, recorded };
}

/** Where a fold goes on from: a state kept in memory, or one stored, whose last event is known. */
type FoldStart<S> = FoldedState<S> & { readonly position?: number; readonly eventId?: string };

/**
 * The events after `start`. A stored fold is checked against the stream first: the event it ended
 * with must still be there, the same event at the same position in the log. If not (a log restored
 * from elsewhere, or rolled back and written again), it is not this stream's fold, and `undefined`
 * makes the caller fold the whole stream.
 */
async function eventsAfter<S>(store: EventStore, stream: string, start: FoldStart<S>): Promise<StoredEvent[] | undefined> {
  if (start.position === undefined) return store.readStream(stream, { fromRevision: start.length });
  const [last, ...newer] = await store.readStream(stream, { fromRevision: start.length - 1 });
  return last?.position === start.position && last.eventId === start.eventId ? newer : undefined;
}

/** What a stored aggregate's state at least looks like: every state of a fold has a status. */
function isFoldedState<S>(state: unknown): state is S {
  return state !== null && typeof state === 'object' && typeof (state as { status?: unknown }).status === 'string';
}

const isCorrection = (stored: StoredEvent): boolean => stored.type === 'CorrectionRecorded';

function domainEventsOf(events: readonly StoredEvent[]): GovernanceEvent[] {
  return readAsCorrected(events).map(({ event }) => event);
}

/** Folds with `evolve` one event at a time the events it is given (for aggregates without a faster fold). */
const oneByOne =
  <S>(evolve: (state: S, event: GovernanceEvent) => S) =>
  (state: S, events: readonly GovernanceEvent[]): S =>
    events.reduce(evolve, state);

export const loadBody = (store: EventStore, bodyId: string, read?: TargetRead): Promise<LoadedTarget<BodyState>> =>
  loadFolded(store, bodyStream(bodyId), 'body', initialBodyState, (state, events) => foldBodyEvents(state, events.filter(isBodyEvent)), read);

export const loadMeeting = (store: EventStore, meetingId: string, read?: TargetRead): Promise<LoadedTarget<MeetingState>> =>
  loadFolded(
    store,
    meetingStream(meetingId),
    'meeting',
    initialMeetingState,
    oneByOne((state, event) => (isMeetingEvent(event) ? evolveMeeting(state, event) : state)),
    read,
  );

export const loadProposal = (store: EventStore, proposalId: string, read?: TargetRead): Promise<LoadedTarget<ProposalState>> =>
  loadFolded(
    store,
    proposalStream(proposalId),
    'proposal',
    initialProposalState,
    oneByOne((state, event) => (isProposalEvent(event) ? evolveProposal(state, event) : state)),
    read,
  );

/**
 * The body as it stood in the world at `moment` (see `bodyAsItStood`). Proposal and meeting
 * commands are judged against it, so a late entry is held to the membership and offices of its own
 * day, not today's. A body established only after `moment` refuses. Through a `StreamCachingStore`
 * the body's world-time index is kept between commands and only new events are added to it; after
 * a start it resumes from the world-time fold stored beside the log, which answers any moment from
 * the latest date among the events it covers on. A moment before that (a late entry) builds the
 * whole index from the stream once.
 */
export async function loadBodyAt(store: EventStore, bodyId: string, moment: string): Promise<Loaded<BodyState>> {
  const stream = bodyStream(bodyId);
  let { timeline, length } = await bodyTimeline(store, stream, true);
  let state = timeline.stateAt(moment);
  if (state === undefined) {
    ({ timeline, length } = await bodyTimeline(store, stream, false));
    state = timeline.stateAt(moment) ?? initialBodyState;
  }
  if (timeline.establishedAt !== undefined) assertNotBefore(moment, timeline.establishedAt, `body ${bodyId} was established`);
  return { stream, state, revision: length - 1 };
}

const WORLD_TIME_INDEX = 'body-world-time';

/**
 * The body's world-time index over the first `length` events of its stream. A cached index grows
 * by the events recorded since; a correction among them changes events already indexed, and a
 * resumed index cannot take a late entry, so then the index is built again from the whole stream,
 * as it is when `mayResume` is false and the cached index is a resumed one. The index is shared and
 * may have grown while this read was under way, so only the events it does not hold yet are added.
 */
async function bodyTimeline(store: EventStore, stream: string, mayResume: boolean): Promise<{ timeline: BodyWorldTimeline; length: number }> {
  const cache = store instanceof StreamCachingStore ? store : undefined;
  const kept = (): FoldedState<BodyWorldTimeline> | undefined => {
    const index = cache?.foldedState<BodyWorldTimeline>(WORLD_TIME_INDEX, stream);
    return index !== undefined && (mayResume || index.state.floor === undefined) ? index : undefined;
  };
  const start: FoldStart<BodyWorldTimeline> | undefined = kept() ?? (mayResume ? await resumedTimeline(cache, stream) : undefined);
  const newer = start === undefined ? undefined : await eventsAfter(store, stream, start);
  // A kept index is shared and may have grown while the read was under way; a resumed one is this call's own.
  const current = start?.position === undefined ? kept() : start;
  const unseen = current === undefined || newer === undefined ? undefined : newer.filter((stored) => stored.streamRevision >= current.length);
  const unseenEvents = unseen === undefined || unseen.some(isCorrection) ? undefined : bodyEventsOf(unseen);
  let indexed: FoldedState<BodyWorldTimeline>;
  let since: number;
  let last: StoredEvent | undefined;
  // A kept index evicted and stored again shorter meanwhile lacks events before `newer`'s first: not gone on from.
  const complete = current !== undefined && start !== undefined && current.length >= start.length;
  if (complete && unseen !== undefined && unseenEvents !== undefined && current.state.takes(unseenEvents)) {
    current.state.add(unseenEvents);
    indexed = { length: current.length + unseen.length, state: current.state };
    since = current.length;
    last = unseen.at(-1);
  } else {
    const events = await store.readStream(stream);
    const timeline = new BodyWorldTimeline();
    timeline.add(bodyEventsOf(events));
    indexed = { length: events.length, state: timeline };
    since = 0;
    last = events.at(-1);
  }
  const timeline = indexed.state;
  cache?.keepFold(WORLD_TIME_INDEX, stream, since, indexed, last, () => timeline.worldFold());
  return { timeline, length: indexed.length };
}

/** The index resumed from the world-time fold stored beside the log, if there is one. */
async function resumedTimeline(cache: StreamCachingStore | undefined, stream: string): Promise<FoldStart<BodyWorldTimeline> | undefined> {
  const shelved = await cache?.shelvedFold(WORLD_TIME_INDEX, stream, isWorldFold);
  if (shelved === undefined) return undefined;
  return { ...shelved, state: BodyWorldTimeline.resumed(shelved.state) };
}

/** A stored world-time fold: without its latest date it would pass for a whole index. */
function isWorldFold(value: unknown): value is WorldFold {
  const fold = value as Partial<WorldFold> | null;
  return typeof fold?.latest === 'string' && isFoldedState<BodyState>(fold.state);
}

function bodyEventsOf(events: readonly StoredEvent[]): BodyEvent[] {
  return domainEventsOf(events).filter(isBodyEvent);
}
