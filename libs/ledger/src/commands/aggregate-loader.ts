import {
  applyCorrections,
  assertNotBefore,
  BodyState,
  bodyStream,
  evolveBody,
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
import { StreamCachingStore } from '../support/stream-caching-store';

/** An aggregate's state, folded from its stream, and the revision it was read at (-1: no stream). */
export interface Loaded<S> {
  readonly stream: string;
  readonly state: S;
  readonly revision: number;
}

/** A stream's events as they read now, each correction merged into the event it names. */
export function readAsCorrected(events: readonly StoredEvent[]): IdentifiedEvent[] {
  return applyCorrections(events.map((stored) => ({ eventId: stored.eventId, event: toDomainEvent(stored) })));
}

/**
 * Folds a stream as it reads now: corrected values count for the rules as they show in reads.
 * Through a `StreamCachingStore` the fold goes on from the state it reached last time, over the
 * new events only; a correction among them changes events already folded, so then it folds again.
 */
export async function loadFolded<S>(store: EventStore, stream: string, fold: string, initial: S, evolve: (state: S, event: GovernanceEvent) => S): Promise<Loaded<S>> {
  const events = await store.readStream(stream);
  const last = events[events.length - 1];
  const revision = last ? last.streamRevision : -1;
  const cache = store instanceof StreamCachingStore ? store : undefined;
  const earlier = cache?.foldedState<S>(fold, stream);
  const newer = earlier === undefined ? [] : events.slice(earlier.length);
  const state =
    earlier !== undefined && earlier.length <= events.length && !newer.some((stored) => stored.type === 'CorrectionRecorded')
      ? readAsCorrected(newer).reduce((folded, { event }) => evolve(folded, event), earlier.state)
      : readAsCorrected(events).reduce((folded, { event }) => evolve(folded, event), initial);
  cache?.rememberFoldedState(fold, stream, events.length, state);
  return { stream, state, revision };
}

export const loadBody = (store: EventStore, bodyId: string): Promise<Loaded<BodyState>> =>
  loadFolded(store, bodyStream(bodyId), 'body', initialBodyState, (state, event) => (isBodyEvent(event) ? evolveBody(state, event) : state));

export const loadMeeting = (store: EventStore, meetingId: string): Promise<Loaded<MeetingState>> =>
  loadFolded(store, meetingStream(meetingId), 'meeting', initialMeetingState, (state, event) =>
    isMeetingEvent(event) ? evolveMeeting(state, event) : state,
  );

export const loadProposal = (store: EventStore, proposalId: string): Promise<Loaded<ProposalState>> =>
  loadFolded(store, proposalStream(proposalId), 'proposal', initialProposalState, (state, event) =>
    isProposalEvent(event) ? evolveProposal(state, event) : state,
  );

/**
 * The body as it stood in the world at `moment`: its events dated up to then, in world-time order.
 * Proposal and meeting commands are judged against it, so a late entry is held to the membership
 * and offices of its own day, not today's. A body established only after `moment` refuses.
 */
export async function loadBodyAt(store: EventStore, bodyId: string, moment: string): Promise<Loaded<BodyState>> {
  const stream = bodyStream(bodyId);
  const events = await store.readStream(stream);
  const dated = readAsCorrected(events)
    .map(({ event }) => event)
    .filter(isBodyEvent)
    .map((event, index) => ({ event, index }))
    .sort((a, b) => a.event.data.occurredAt.localeCompare(b.event.data.occurredAt) || a.index - b.index);
  const established = dated.find(({ event }) => event.type === 'BodyEstablished');
  if (established) assertNotBefore(moment, established.event.data.occurredAt, `body ${bodyId} was established`);
  const state = dated.filter(({ event }) => event.data.occurredAt <= moment).reduce((folded, { event }) => evolveBody(folded, event), initialBodyState);
  const last = events[events.length - 1];
  return { stream, state, revision: last ? last.streamRevision : -1 };
}
