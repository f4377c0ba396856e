import {
  BodyState,
  bodyStream,
  evolveBody,
  evolveMeeting,
  evolveProposal,
  GovernanceEvent,
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
import { EventStore } from '@concord/event-store';
import { toDomainEvent } from '../support/stored-to-domain';

/** An aggregate's state, folded from its stream, and the revision it was read at (-1: no stream). */
export interface Loaded<S> {
  readonly stream: string;
  readonly state: S;
  readonly revision: number;
}

async function load<S>(store: EventStore, stream: string, initial: S, evolve: (state: S, event: GovernanceEvent) => S): Promise<Loaded<S>> {
  const events = await store.readStream(stream);
  const state = events.map(toDomainEvent).reduce(evolve, initial);
  const last = events[events.length - 1];
  return { stream, state, revision: last ? last.streamRevision : -1 };
}

// Corrections share the streams but only amend descriptive fields, which no rule reads, so the
// deciders' folds pass over them.
export const loadBody = (store: EventStore, bodyId: string): Promise<Loaded<BodyState>> =>
  load(store, bodyStream(bodyId), initialBodyState, (state, event) => (isBodyEvent(event) ? evolveBody(state, event) : state));

export const loadMeeting = (store: EventStore, meetingId: string): Promise<Loaded<MeetingState>> =>
  load(store, meetingStream(meetingId), initialMeetingState, (state, event) =>
    isMeetingEvent(event) ? evolveMeeting(state, event) : state,
  );

export const loadProposal = (store: EventStore, proposalId: string): Promise<Loaded<ProposalState>> =>
  load(store, proposalStream(proposalId), initialProposalState, (state, event) =>
    isProposalEvent(event) ? evolveProposal(state, event) : state,
  );
