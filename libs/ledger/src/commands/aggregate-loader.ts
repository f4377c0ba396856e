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
import { FoldedState, StreamCachingStore } from '../support/stream-caching-store';
import { BodyWorldTimeline } from './body-world-timeline';

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
  /** Keeps, through the cache, the state after `events`, recorded right after `revision`. */
  recorded(events: readonly GovernanceEvent[]): void;
}

/** A stream's events as they read now, each correction merged into the event it names. */
export function readAsCorrected(events: readonly StoredEvent[]): IdentifiedEvent[] {
  return applyCorrections(events.map((stored) => ({ eventId: stored.eventId, event: toDomainEvent(stored) })));
}

/**
 * Folds a stream as it reads now: corrected values count for the rules as they show in reads.
 * Through a `StreamCachingStore` the fold goes on from the state it reached last time, over the
 * events recorded since only (read with `fromRevision`); a correction among them changes events
 * already folded, so then it folds the whole stream again. A `read` that may take the kept state
 * takes it as it is, unread. `recorded` keeps the state after the command's own events, which are
 * then never read back; after a correction it leaves the kept state behind, so the next command's
 * append collides and that command reads and folds the stream again.
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
    const newer = earlier === undefined ? undefined : await store.readStream(stream, { fromRevision: earlier.length });
    if (earlier !== undefined && newer !== undefined && !newer.some(isCorrection)) {
      folded = { length: earlier.length + newer.length, state: evolve(earlier.state, domainEventsOf(newer)) };
    } else {
      const events = await store.readStream(stream);
      folded = { length: events.length, state: evolve(initial, domainEventsOf(events)) };
    }
    cache?.rememberFoldedState(fold, stream, folded.length, folded.state);
  }
  const recorded = (events: readonly GovernanceEvent[]): void => {
    if (cache === undefined || events.some((event) => event.type === 'CorrectionRecorded')) return;
    let after: S;
    try {
      after = evolve(folded.state, events);
    } catch {
      // The events are recorded already: their command must not fail now. The kept state stays
      // behind, so the next command's append collides and it reads and folds the stream itself.
      return;
    }
    cache.rememberFoldedState(fold, stream, folded.length + events.length, after);
  };
  return { stream, state: folded.state, revision: folded.length - 1, recorded };
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
 * the body's world-time index is kept between commands and only new events are added to it.
 */
export async function loadBodyAt(store: EventStore, bodyId: string, moment: string): Promise<Loaded<BodyState>> {
  const stream = bodyStream(bodyId);
  const { timeline, length } = await bodyTimeline(store, stream);
  if (timeline.establishedAt !== undefined) assertNotBefore(moment, timeline.establishedAt, `body ${bodyId} was established`);
  return { stream, state: timeline.stateAt(moment), revision: length - 1 };
}

const WORLD_TIME_INDEX = 'body-world-time';

/**
 * The body's world-time index over the first `length` events of its stream. A cached index grows
 * by the events recorded since; a correction among them changes events already indexed, so then the
 * index is built again. The index is shared and may have grown while this read was under way, so
 * only the events it does not hold yet are added.
 */
async function bodyTimeline(store: EventStore, stream: string): Promise<{ timeline: BodyWorldTimeline; length: number }> {
  const cache = store instanceof StreamCachingStore ? store : undefined;
  const before = cache?.foldedState<BodyWorldTimeline>(WORLD_TIME_INDEX, stream);
  const newer = before === undefined ? undefined : await store.readStream(stream, { fromRevision: before.length });
  const cached = cache?.foldedState<BodyWorldTimeline>(WORLD_TIME_INDEX, stream);
  const unseen = cached === undefined || newer === undefined ? undefined : newer.filter((stored) => stored.streamRevision >= cached.length);
  let indexed: FoldedState<BodyWorldTimeline>;
  if (cached !== undefined && unseen !== undefined && !unseen.some(isCorrection)) {
    cached.state.add(bodyEventsOf(unseen));
    indexed = { length: cached.length + unseen.length, state: cached.state };
  } else {
    const events = await store.readStream(stream);
    const timeline = new BodyWorldTimeline();
    timeline.add(bodyEventsOf(events));
    indexed = { length: events.length, state: timeline };
  }
  cache?.rememberFoldedState(WORLD_TIME_INDEX, stream, indexed.length, indexed.state);
  return { timeline: indexed.state, length: indexed.length };
}

function bodyEventsOf(events: readonly StoredEvent[]): BodyEvent[] {
  return domainEventsOf(events).filter(isBodyEvent);
}
