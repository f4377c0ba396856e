import { BodyEvent, ChairAssigned, ChairBasis, MemberRole, ViceChairSelected } from '../body/body-events';
import { BodyState, EstablishedBody, initialBodyState } from '../body/body-state';
import { evolveBody } from '../body/evolve-body';
import { MeetingConvened, MeetingEvent } from '../meeting/meeting-events';
import { evolveMeeting, initialMeetingState, MeetingState } from '../meeting/meeting-state';
import { evolveProposal } from '../proposal/evolve-proposal';
import { ProposalFacts } from '../proposal/decide-proposal';
import {
  DefinitionAmendmentProposed,
  ObjectionRaised,
  ObjectionWithdrawn,
  ProposalEvent,
  ProposalRevised,
  SupportExpressed,
} from '../proposal/proposal-events';
import { initialProposalState, KnownProposal } from '../proposal/proposal-state';
import { CommandContext, DEFAULT_CONSENSUS_POLICY } from '../shared/command-context';
import { IsoDateTime, normaliseIsoDateTime } from '../shared/time';
import { fold } from './given-when-then';

/** Shared fixtures: the Kimberley Process as the ledger would have recorded it. */

export const at = (value: string): IsoDateTime => normaliseIsoDateTime(value);

export const KP = 'kimberley-process';
export const OTHER_BODY = 'another-body';

/** The ledger's clock for most tests: nothing the fixtures record lies after it. */
export const CONTEXT: CommandContext = { now: at('2025-12-31T23:59:59Z') };

export const CONFLICT_DIAMONDS = 'Rough diamonds used by rebel movements or their allies to finance conflict aimed at undermining legitimate governments';
export const WIDENED_DEFINITION = `${CONFLICT_DIAMONDS}, or used to finance aggression by a state against another state`;

export const PARTICIPANTS = {
  ru: 'Russian Federation',
  by: 'Belarus',
  ua: 'Ukraine',
  bw: 'Botswana',
  eu: 'European Union',
  ae: 'United Arab Emirates',
  zw: 'Zimbabwe',
} as const;
export const OBSERVERS = { csc: 'KP Civil Society Coalition', wdc: 'World Diamond Council' } as const;

// ---- body events -------------------------------------------------------------------------------

export const kpEstablished: BodyEvent = {
  type: 'BodyEstablished',
  data: { bodyId: KP, name: 'Kimberley Process', definition: CONFLICT_DIAMONDS, occurredAt: at('2003-01-01') },
};

export function participantAdmitted(participantId: keyof typeof PARTICIPANTS, occurredAt = at('2003-01-01')): BodyEvent {
  const kind = participantId === 'eu' ? 'regional-organisation' : 'state';
  return { type: 'ParticipantAdmitted', data: { bodyId: KP, participantId, name: PARTICIPANTS[participantId], kind, occurredAt } };
}

export function observerAdmitted(observerId: keyof typeof OBSERVERS, occurredAt = at('2003-01-01')): BodyEvent {
  return { type: 'ObserverAdmitted', data: { bodyId: KP, observerId, name: OBSERVERS[observerId], occurredAt } };
}

export function participantSuspended(participantId: string, occurredAt = at('2022-03-01')): BodyEvent {
  return { type: 'ParticipantSuspended', data: { bodyId: KP, participantId, reason: 'suspended for the test', occurredAt } };
}

export function participantReinstated(participantId: string, occurredAt = at('2022-04-01')): BodyEvent {
  return { type: 'ParticipantReinstated', data: { bodyId: KP, participantId, occurredAt } };
}

export function memberWithdrew(memberId: string, role: MemberRole = 'participant', occurredAt = at('2022-03-01')): BodyEvent {
  return { type: 'MemberWithdrew', data: { bodyId: KP, memberId, role, occurredAt } };
}

/** A Vice-Chair for `term` is selected at the plenary of the year before. */
export function viceChairSelected(participantId: string, term: number, occurredAt = at(`${term - 1}-11-15`)): ViceChairSelected {
  return { type: 'ViceChairSelected', data: { bodyId: KP, participantId, term, occurredAt } };
}

export function chairAssigned(
  participantId: string,
  term: number,
  basis: ChairBasis,
  previousViceChair: string | null,
  occurredAt = at(`${term}-01-01`),
): ChairAssigned {
  return { type: 'ChairAssigned', data: { bodyId: KP, participantId, term, basis, previousViceChair, occurredAt } };
}

/** The body, its seven participants and two observers. */
export const KP_MEMBERSHIP: readonly BodyEvent[] = [
  kpEstablished,
  ...(Object.keys(PARTICIPANTS) as (keyof typeof PARTICIPANTS)[]).map((id) => participantAdmitted(id)),
  ...(Object.keys(OBSERVERS) as (keyof typeof OBSERVERS)[]).map((id) => observerAdmitted(id)),
];

/** The offices 2020–2025: Russia's postponed chair, Botswana and Zimbabwe by succession, the UAE twice. */
export const KP_OFFICES: readonly BodyEvent[] = [
  viceChairSelected('bw', 2020),
  chairAssigned('ru', 2021, 'postponement', 'bw'),
  viceChairSelected('bw', 2021),
  chairAssigned('bw', 2022, 'succession', 'bw'),
  viceChairSelected('zw', 2022),
  chairAssigned('zw', 2023, 'succession', 'zw'),
  viceChairSelected('ae', 2023),
  chairAssigned('ae', 2024, 'succession', 'ae'),
  chairAssigned('ae', 2025, 'custodial', null),
];

export function bodyOf(events: readonly BodyEvent[]): BodyState {
  return fold(evolveBody, initialBodyState, events);
}

/** The KP with its members and offices, plus whatever later events a test adds. */
export function kpBody(...later: BodyEvent[]): EstablishedBody {
  const body = bodyOf([...KP_MEMBERSHIP, ...KP_OFFICES, ...later]);
  if (body.status !== 'established') throw new Error('the KP fixture did not establish the body');
  return body;
}

// ---- meetings ----------------------------------------------------------------------------------

export const INTERSESSIONAL_2022 = 'is-2022';
export const PLENARY_2022 = 'plenary-2022';

export const intersessional2022: MeetingConvened = {
  type: 'MeetingConvened',
  data: {
    meetingId: INTERSESSIONAL_2022,
    bodyId: KP,
    kind: 'intersessional',
    location: 'Kasane, Botswana',
    opensOn: '2022-06-20',
    closesOn: '2022-06-24',
    occurredAt: at('2022-06-20'),
  },
};

export const plenary2022: MeetingConvened = {
  type: 'MeetingConvened',
  data: {
    meetingId: PLENARY_2022,
    bodyId: KP,
    kind: 'plenary',
    location: 'Gaborone, Botswana',
    opensOn: '2022-11-07',
    closesOn: '2022-11-11',
    occurredAt: at('2022-11-07'),
  },
};

export const meetingOfAnotherBody: MeetingConvened = {
  type: 'MeetingConvened',
  data: { ...plenary2022.data, meetingId: 'elsewhere-2022', bodyId: OTHER_BODY, location: 'Elsewhere' },
};

export function meetingOf(...events: MeetingEvent[]): MeetingState {
  return fold(evolveMeeting, initialMeetingState, events);
}

// ---- proposals ---------------------------------------------------------------------------------

export const DEFINITION_PROPOSAL = 'p-2022-definition';

export const definitionAmendmentProposed: DefinitionAmendmentProposed = {
  type: 'DefinitionAmendmentProposed',
  data: {
    proposalId: DEFINITION_PROPOSAL,
    bodyId: KP,
    title: 'Widen the definition of conflict diamonds',
    text: WIDENED_DEFINITION,
    proposedBy: ['ua', 'eu'],
    meetingId: INTERSESSIONAL_2022,
    occurredAt: at('2022-06-21'),
  },
};

export function proposalRevised(revision: number, text: string, occurredAt = at('2022-06-22')): ProposalRevised {
  return { type: 'ProposalRevised', data: { proposalId: DEFINITION_PROPOSAL, revision, text, occurredAt } };
}

export function supportExpressed(participantId: string, revision = 1, occurredAt = at('2022-06-21')): SupportExpressed {
  return { type: 'SupportExpressed', data: { proposalId: DEFINITION_PROPOSAL, participantId, revision, occurredAt } };
}

export function objectionRaised(
  participantId: string,
  grounds = 'an attempt to politicise the Kimberley Process',
  revision = 1,
  occurredAt = at('2022-06-21'),
): ObjectionRaised {
  return { type: 'ObjectionRaised', data: { proposalId: DEFINITION_PROPOSAL, participantId, grounds, revision, occurredAt } };
}

export function objectionWithdrawn(participantId: string, occurredAt = at('2022-06-23')): ObjectionWithdrawn {
  return { type: 'ObjectionWithdrawn', data: { proposalId: DEFINITION_PROPOSAL, participantId, occurredAt } };
}

/** The proposal after its history; throws when the history does not table it. */
export function proposalOf(...events: ProposalEvent[]): KnownProposal {
  const proposal = fold(evolveProposal, initialProposalState, events);
  if (proposal.status === 'unknown') throw new Error('the history does not table the proposal');
  return proposal;
}

/** Facts for the proposal decider: the KP body, the 2022 plenary, and the default consensus policy. */
export function kpFacts(overrides: Partial<ProposalFacts> = {}): ProposalFacts {
  return { body: kpBody(), meeting: meetingOf(plenary2022), policy: DEFAULT_CONSENSUS_POLICY, ...overrides };
}
