import { IsoDateTime } from '../shared/time';

export type ParticipantKind = 'state' | 'regional-organisation';
export type ChairBasis = 'succession' | 'election' | 'postponement' | 'custodial';
export type MemberRole = 'participant' | 'observer';

export const CHAIR_BASES: readonly ChairBasis[] = ['succession', 'election', 'postponement', 'custodial'];
export const PARTICIPANT_KINDS: readonly ParticipantKind[] = ['state', 'regional-organisation'];

export type BodyEstablished = {
  readonly type: 'BodyEstablished';
  readonly data: { bodyId: string; name: string; definition: string; occurredAt: IsoDateTime };
};
export type ParticipantAdmitted = {
  readonly type: 'ParticipantAdmitted';
  readonly data: { bodyId: string; participantId: string; name: string; kind: ParticipantKind; occurredAt: IsoDateTime };
};
export type ObserverAdmitted = {
  readonly type: 'ObserverAdmitted';
  readonly data: { bodyId: string; observerId: string; name: string; occurredAt: IsoDateTime };
};
export type ParticipantSuspended = {
  readonly type: 'ParticipantSuspended';
  readonly data: { bodyId: string; participantId: string; reason: string; occurredAt: IsoDateTime };
};
export type ParticipantReinstated = {
  readonly type: 'ParticipantReinstated';
  readonly data: { bodyId: string; participantId: string; occurredAt: IsoDateTime };
};
export type MemberWithdrew = {
  readonly type: 'MemberWithdrew';
  readonly data: { bodyId: string; memberId: string; role: MemberRole; occurredAt: IsoDateTime };
};
export type ViceChairSelected = {
  readonly type: 'ViceChairSelected';
  readonly data: { bodyId: string; participantId: string; term: number; occurredAt: IsoDateTime };
};
export type ChairAssigned = {
  readonly type: 'ChairAssigned';
  readonly data: {
    bodyId: string;
    participantId: string;
    term: number;
    basis: ChairBasis;
    /** The previous term's Vice-Chair, when there was one: it makes a non-succession basis visible. */
    previousViceChair: string | null;
    occurredAt: IsoDateTime;
  };
};

export type BodyEvent =
  BodyEstablished | ParticipantAdmitted | ObserverAdmitted | ParticipantSuspended | ParticipantReinstated | MemberWithdrew | ViceChairSelected | ChairAssigned;

export const BODY_EVENT_TYPES = [
  'BodyEstablished',
  'ParticipantAdmitted',
  'ObserverAdmitted',
  'ParticipantSuspended',
  'ParticipantReinstated',
  'MemberWithdrew',
  'ViceChairSelected',
  'ChairAssigned',
] as const satisfies readonly BodyEvent['type'][];
