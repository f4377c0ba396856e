import { CHAIR_BASES, PARTICIPANT_KINDS } from '../body/body-events';
import { isSlug } from '../shared/ids';
import { unprintableProblem } from '../shared/printable-text';
import { characterCount, isMeaningfulText, TEXT_LIMITS } from '../shared/text-limits';
import { isIsoDate, isIsoDateOrDateTime } from '../shared/time';

export type FieldRule = 'text' | 'moment' | 'date' | 'participant-kind' | 'participant-id' | 'chair-basis' | 'decision-outcome' | 'term';

export const DECISION_OUTCOMES = ['consensus', 'no-consensus'] as const;

/**
 * What a correction could change when `CorrectionRecorded` was at version 1: descriptive facts
 * only. Frozen, because the version 1 schema describes the corrections stored then.
 */
export const CORRECTABLE_FIELDS_V1: Readonly<Record<string, Readonly<Record<string, FieldRule>>>> = {
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

/**
 * What a correction could change at `CorrectionRecorded` version 2: descriptive facts, and who
 * holds an office and on what basis. Frozen, because the version 2 schema describes the corrections
 * stored then.
 */
export const CORRECTABLE_FIELDS_V2: Readonly<Record<string, Readonly<Record<string, FieldRule>>>> = {
  ...CORRECTABLE_FIELDS_V1,
  ViceChairSelected: { participantId: 'participant-id', occurredAt: 'moment' },
  ChairAssigned: { participantId: 'participant-id', basis: 'chair-basis', occurredAt: 'moment' },
};

const DECISION_FIELDS: Readonly<Record<string, FieldRule>> = { outcome: 'decision-outcome', declaredBy: 'participant-id', occurredAt: 'moment' };

/**
 * What a correction could change at `CorrectionRecorded` version 3: descriptive facts, who holds an
 * office and on what basis, and a decision's outcome and who declared it. Frozen, because the
 * version 3 schema describes the corrections stored then.
 */
export const CORRECTABLE_FIELDS_V3: Readonly<Record<string, Readonly<Record<string, FieldRule>>>> = {
  ...CORRECTABLE_FIELDS_V2,
  ConsensusDeclared: DECISION_FIELDS,
  NoConsensusRecorded: DECISION_FIELDS,
};

/**
 * What a correction may change now (`CorrectionRecorded` version 4), per event type: descriptive
 * facts, who holds an office, on what basis and for which term, and a decision's outcome and who
 * declared it, all of which a clerk can mistype. A corrected office or decision is held to the
 * rules its command was (`rejudge-record.ts`, `rejudge-decision.ts`). An office's term is
 * correctable because nothing else undoes a mistyped year: no command takes an office back, and
 * the office blocks the term it names. A decision closes its proposal, so no later record depends
 * on it, except that an adopted definition amendment changes the definition in force: that outcome
 * is not correctable (rule 6). Identities of members and proposals are not correctable either: they
 * decide what later records were allowed, so a mistake there is undone by a new command (a
 * withdrawal, a reinstatement), not rewritten.
 */
export const CORRECTABLE_FIELDS: Readonly<Record<string, Readonly<Record<string, FieldRule>>>> = {
  ...CORRECTABLE_FIELDS_V3,
  ViceChairSelected: { ...CORRECTABLE_FIELDS_V3.ViceChairSelected, term: 'term' },
  ChairAssigned: { ...CORRECTABLE_FIELDS_V3.ChairAssigned, term: 'term' },
};

/** Why a proposed value does not fit the field's rule, or undefined when it fits. */
export function fieldValueProblem(field: string, rule: FieldRule, value: unknown): string | undefined {
  switch (rule) {
    case 'text': {
      if (!isMeaningfulText(value)) return 'must be a string with something other than white space';
      const limit = TEXT_LIMITS[field as keyof typeof TEXT_LIMITS] ?? TEXT_LIMITS.text;
      return characterCount(value) <= limit ? unprintableProblem(field, value) : `must be at most ${limit} characters`;
    }
    case 'moment':
      // Worded as a command's own date is refused: a date-time without its zone is the usual slip.
      return typeof value === 'string' && isIsoDateOrDateTime(value)
        ? undefined
        : 'must be an ISO 8601 date (YYYY-MM-DD) or date-time with a zone (2022-06-21T10:30:00Z), in the years 0000 to 9999 in UTC';
    case 'date':
      return typeof value === 'string' && isIsoDate(value) ? undefined : 'must be an ISO 8601 date (YYYY-MM-DD)';
    case 'participant-kind':
      return typeof value === 'string' && (PARTICIPANT_KINDS as readonly string[]).includes(value)
        ? undefined
        : `must be one of ${PARTICIPANT_KINDS.join(', ')}`;
    case 'participant-id':
      return typeof value === 'string' && isSlug(value) ? undefined : 'must be a participant id (a lowercase slug)';
    case 'chair-basis':
      return typeof value === 'string' && (CHAIR_BASES as readonly string[]).includes(value) ? undefined : `must be one of ${CHAIR_BASES.join(', ')}`;
    case 'decision-outcome':
      return typeof value === 'string' && (DECISION_OUTCOMES as readonly string[]).includes(value)
        ? undefined
        : `must be one of ${DECISION_OUTCOMES.join(', ')}`;
    case 'term':
      return Number.isInteger(value) && (value as number) >= 1 ? undefined : 'must be a calendar year, as a whole number (e.g. 2024)';
    default: {
      const unhandled: never = rule;
      return unhandled;
    }
  }
}
