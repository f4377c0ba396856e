/** How a correctable field is entered; the ledger's own rule names. */
export type FieldRule = 'text' | 'moment' | 'date' | 'participant-kind' | 'participant-id' | 'chair-basis' | 'decision-outcome';

/**
 * The fields a correction may change, per event type, as the ledger's governance rules list them
 * (a unit test keeps the two equal). Identities (who tabled, who objected) and the definition in
 * force are not here: the README says why.
 */
export const CORRECTABLE: Readonly<Record<string, Readonly<Record<string, FieldRule>>>> = {
  BodyEstablished: { name: 'text', occurredAt: 'moment' },
  ParticipantAdmitted: { name: 'text', kind: 'participant-kind', occurredAt: 'moment' },
  ObserverAdmitted: { name: 'text', occurredAt: 'moment' },
  ParticipantSuspended: { reason: 'text', occurredAt: 'moment' },
  ParticipantReinstated: { occurredAt: 'moment' },
  MemberWithdrew: { occurredAt: 'moment' },
  ViceChairSelected: { participantId: 'participant-id', occurredAt: 'moment' },
  ChairAssigned: { participantId: 'participant-id', basis: 'chair-basis', occurredAt: 'moment' },
  MeetingConvened: { location: 'text', opensOn: 'date', closesOn: 'date', occurredAt: 'moment' },
  StatementRecorded: { summary: 'text', occurredAt: 'moment' },
  CommuniqueAdopted: { text: 'text', occurredAt: 'moment' },
  CommuniqueNotAdopted: { reason: 'text', occurredAt: 'moment' },
  MeetingClosed: { occurredAt: 'moment' },
  DefinitionAmendmentProposed: { title: 'text', occurredAt: 'moment' },
  ProposalTabled: { title: 'text', occurredAt: 'moment' },
  ProposalRevised: { occurredAt: 'moment' },
  SupportExpressed: { occurredAt: 'moment' },
  ObjectionRaised: { grounds: 'text', occurredAt: 'moment' },
  ObjectionWithdrawn: { occurredAt: 'moment' },
  ConsensusDeclared: { outcome: 'decision-outcome', declaredBy: 'participant-id', occurredAt: 'moment' },
  NoConsensusRecorded: { outcome: 'decision-outcome', declaredBy: 'participant-id', occurredAt: 'moment' },
  ProposalDeferred: { occurredAt: 'moment' },
  ProposalWithdrawn: { reason: 'text', occurredAt: 'moment' },
};
