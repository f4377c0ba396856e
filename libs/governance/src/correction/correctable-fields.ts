import { PARTICIPANT_KINDS } from '../body/body-events';
import { unprintableProblem } from '../shared/printable-text';
import { isMeaningfulText, TEXT_LIMITS } from '../shared/text-limits';
import { isIsoDate, isIsoDateOrDateTime } from '../shared/time';

type FieldRule = 'text' | 'moment' | 'date' | 'participant-kind';

/**
 * What a correction may change, per event type. Only descriptive facts are correctable: identities,
 * offices and outcomes decide what later rules allowed, so a mistake there is undone by a new
 * command (a withdrawal, a reinstatement), not rewritten.
 */
export const CORRECTABLE_FIELDS: Readonly<Record<string, Readonly<Record<string, FieldRule>>>> = {
  // The definition in force changes only by an adopted amendment (rule 6), never by a correction.
  BodyEstablished: { name: 'text', occurredAt: 'moment' },
  ParticipantAdmitted: { name: 'text', kind: 'participant-kind', occurredAt: 'moment' },
  ObserverAdmitted: { name: 'text', occurredAt: 'moment' },
  ParticipantSuspended: { reason: 'text', occurredAt: 'moment' },
  ParticipantReinstated: { occurredAt: 'moment' },
  MemberWithdrew: { occurredAt: 'moment' },
  ViceChairSelected: { occurredAt: 'moment' },
  ChairAssigned: { occurredAt: 'moment' },
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
  ConsensusDeclared: { occurredAt: 'moment' },
  NoConsensusRecorded: { occurredAt: 'moment' },
  ProposalDeferred: { occurredAt: 'moment' },
  // Not `withdrawnBy` (v2): who withdrew a proposal is an identity, checked against its proposers when
  // recorded; a stored v1 event's `null` ("not recorded") stays so.
  ProposalWithdrawn: { reason: 'text', occurredAt: 'moment' },
};

/** Why a proposed value does not fit the field's rule, or undefined when it fits. */
export function fieldValueProblem(field: string, rule: FieldRule, value: unknown): string | undefined {
  switch (rule) {
    case 'text': {
      if (!isMeaningfulText(value)) return 'must be a string with something other than white space';
      const limit = TEXT_LIMITS[field as keyof typeof TEXT_LIMITS] ?? TEXT_LIMITS.text;
      return value.length <= limit ? unprintableProblem(field, value) : `must be at most ${limit} characters`;
    }
    case 'moment':
      return typeof value === 'string' && isIsoDateOrDateTime(value) ? undefined : 'must be an ISO 8601 date or date-time';
    case 'date':
      return typeof value === 'string' && isIsoDate(value) ? undefined : 'must be an ISO 8601 date (YYYY-MM-DD)';
    case 'participant-kind':
      return typeof value === 'string' && (PARTICIPANT_KINDS as readonly string[]).includes(value)
        ? undefined
        : `must be one of ${PARTICIPANT_KINDS.join(', ')}`;
    default: {
      const unhandled: never = rule;
      return unhandled;
    }
  }
}
