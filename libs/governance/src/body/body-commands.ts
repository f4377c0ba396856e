import { IsoDateTime } from '../shared/time';
import { ChairBasis, ParticipantKind } from './body-events';

export type EstablishBody = {
  readonly type: 'EstablishBody';
  readonly data: { bodyId: string; name: string; definition: string; occurredAt: IsoDateTime };
};
export type AdmitParticipant = {
  readonly type: 'AdmitParticipant';
  readonly data: { participantId: string; name: string; kind: ParticipantKind; occurredAt: IsoDateTime };
};
export type AdmitObserver = {
  readonly type: 'AdmitObserver';
  readonly data: { observerId: string; name: string; occurredAt: IsoDateTime };
};
export type SuspendParticipant = {
  readonly type: 'SuspendParticipant';
  readonly data: { participantId: string; reason: string; occurredAt: IsoDateTime };
};
export type ReinstateParticipant = {
  readonly type: 'ReinstateParticipant';
  readonly data: { participantId: string; occurredAt: IsoDateTime };
};
export type WithdrawMember = {
  readonly type: 'WithdrawMember';
  readonly data: { memberId: string; occurredAt: IsoDateTime };
};
export type SelectViceChair = {
  readonly type: 'SelectViceChair';
  readonly data: { participantId: string; term: number; occurredAt: IsoDateTime };
};
export type AssignChair = {
  readonly type: 'AssignChair';
  readonly data: { participantId: string; term: number; basis: ChairBasis; occurredAt: IsoDateTime };
};

export type BodyCommand =
  EstablishBody | AdmitParticipant | AdmitObserver | SuspendParticipant | ReinstateParticipant | WithdrawMember | SelectViceChair | AssignChair;
