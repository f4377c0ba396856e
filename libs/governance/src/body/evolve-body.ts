import { LayeredMap } from '../shared/layered-map';
import { BodyEvent, ChairAssigned, ViceChairSelected } from './body-events';
import { BodyState, EstablishedBody, Member, MemberStatus } from './body-state';

export function evolveBody(state: BodyState, event: BodyEvent): BodyState {
  if (event.type === 'BodyEstablished') {
    return {
      status: 'established',
      bodyId: event.data.bodyId,
      name: event.data.name,
      establishedAt: event.data.occurredAt,
      members: LayeredMap.empty(),
      chairs: LayeredMap.empty(),
      viceChairs: LayeredMap.empty(),
    };
  }
  if (state.status !== 'established') return state;
  switch (event.type) {
    case 'ParticipantAdmitted':
      return withMember(state, {
        id: event.data.participantId,
        role: 'participant',
        name: event.data.name,
        kind: event.data.kind,
        status: 'active',
        admittedAt: event.data.occurredAt,
        statusSince: event.data.occurredAt,
      });
    case 'ObserverAdmitted':
      return withMember(state, {
        id: event.data.observerId,
        role: 'observer',
        name: event.data.name,
        kind: null,
        status: 'active',
        admittedAt: event.data.occurredAt,
        statusSince: event.data.occurredAt,
      });
    case 'ParticipantSuspended':
      return withStatus(state, event.data.participantId, 'suspended', event.data.occurredAt);
    case 'ParticipantReinstated':
      return withStatus(state, event.data.participantId, 'active', event.data.occurredAt);
    case 'MemberWithdrew':
      return withStatus(state, event.data.memberId, 'withdrawn', event.data.occurredAt);
    case 'ViceChairSelected':
      return withOffice({ ...state, viceChairs: state.viceChairs.set(event.data.term, event.data.participantId) }, event);
    case 'ChairAssigned':
      return withOffice(
        {
          ...state,
          chairs: state.chairs.set(event.data.term, { participantId: event.data.participantId, basis: event.data.basis }),
        },
        event,
      );
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}

function withMember(state: EstablishedBody, member: Member): EstablishedBody {
  return { ...state, members: state.members.set(member.id, member) };
}

function withStatus(state: EstablishedBody, memberId: string, status: MemberStatus, statusSince: string): EstablishedBody {
  const member = state.members.get(memberId);
  if (!member) return state;
  return withMember(state, { ...member, status, statusSince });
}

/** The office noted on its holder, when it is the latest given to it in world time (of two on one date, the one recorded later). */
function withOffice(state: EstablishedBody, event: ViceChairSelected | ChairAssigned): EstablishedBody {
  const { participantId, term, occurredAt } = event.data;
  const member = state.members.get(participantId);
  if (!member || (member.latestOffice !== undefined && member.latestOffice.occurredAt > occurredAt)) return state;
  return withMember(state, { ...member, latestOffice: { type: event.type, term, occurredAt } });
}

/** How many events make folding with writable maps worth the one copy of them it takes. */
const WRITABLE_FOLD_FROM = 32;

/**
 * The same as `events.reduce(evolveBody, state)`, faster for many events: the maps are copied
 * once and written in place (`LayeredMap.transient`), instead of one new version per event. The
 * state passed in is left as it was.
 */
export function foldBodyEvents(state: BodyState, events: readonly BodyEvent[]): BodyState {
  if (events.length < WRITABLE_FOLD_FROM) return events.reduce(evolveBody, state);
  let draft = writable(state);
  for (const event of events) {
    draft = evolveBody(draft, event);
    // An establishment starts a body with new, immutable maps.
    if (event.type === 'BodyEstablished') draft = writable(draft);
  }
  return immutable(draft);
}

function writable(state: BodyState): BodyState {
  if (state.status !== 'established') return state;
  return { ...state, members: state.members.transient(), chairs: state.chairs.transient(), viceChairs: state.viceChairs.transient() };
}

function immutable(state: BodyState): BodyState {
  if (state.status !== 'established') return state;
  return { ...state, members: state.members.persistent(), chairs: state.chairs.persistent(), viceChairs: state.viceChairs.persistent() };
}
