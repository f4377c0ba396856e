import { CHAIR_BASES, PARTICIPANT_KINDS } from '../body/body-events';
import {
  CORRECTABLE_FIELDS,
  CORRECTABLE_FIELDS_V1,
  CORRECTABLE_FIELDS_V2,
  CORRECTABLE_FIELDS_V3,
  DECISION_OUTCOMES,
  FieldRule,
} from '../correction/correctable-fields';
import { CorrectionRecorded } from '../correction/correction-events';
import { EVENT_TYPES, GovernanceEvent, GovernanceEventType } from '../events';
import { MEETING_KINDS } from '../meeting/meeting-events';
import { PROPOSAL_KINDS, ProposalWithdrawnV1Data, TabledProposalKind } from '../proposal/proposal-events';
import { SLUG_PATTERN } from '../shared/ids';

/**
 * JSON Schemas (draft-07) of the `data` of every governance event, per schema version.
 *
 * A published version is never changed in a way that rejects data it accepted: stored events are
 * history. To change an event's shape, add version N+1 here, bump `CURRENT_SCHEMA_VERSION`, and
 * register an upcaster N -> N+1 in `upcasters.ts` (see the comment there). `docs/events.md` is
 * generated from these schemas and a unit test fails when the two disagree.
 */

export type JsonPrimitive = string | number | boolean | null;
export type JsonValue = JsonPrimitive | readonly JsonValue[] | { readonly [key: string]: JsonValue };
export type JsonSchemaTypeName = 'string' | 'number' | 'integer' | 'boolean' | 'null' | 'object' | 'array';

/** The subset of draft-07 used by the ledger's schemas. */
export type JsonSchema = {
  readonly $schema?: string;
  readonly $id?: string;
  readonly title?: string;
  readonly description?: string;
  readonly type?: JsonSchemaTypeName | readonly JsonSchemaTypeName[];
  readonly enum?: readonly JsonPrimitive[];
  readonly const?: JsonPrimitive;
  readonly pattern?: string;
  readonly format?: string;
  readonly minLength?: number;
  readonly minimum?: number;
  readonly items?: JsonSchema;
  readonly minItems?: number;
  readonly uniqueItems?: boolean;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean | JsonSchema;
  readonly propertyNames?: JsonSchema;
  readonly minProperties?: number;
  readonly allOf?: readonly JsonSchema[];
  readonly if?: JsonSchema;
  readonly then?: JsonSchema;
  readonly examples?: readonly JsonValue[];
  readonly readOnly?: boolean;
};

export const JSON_SCHEMA_DIALECT = 'http://json-schema.org/draft-07/schema#';

export function eventSchemaId(type: string, version: number): string {
  return `https://concord-ledger.dev/schemas/events/${type}/v${version}.json`;
}

export function isGovernanceEventType(value: string): value is GovernanceEventType {
  return (EVENT_TYPES as readonly string[]).includes(value);
}

// ---------------------------------------------------------------------------------------------
// Field building blocks
// ---------------------------------------------------------------------------------------------

/** The stored form of `occurredAt`: what `normaliseIsoDateTime` produces (UTC, milliseconds, Z). */
export const NORMALISED_DATE_TIME_PATTERN = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$';
export const ISO_DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';

const slug = (description: string): JsonSchema => ({ type: 'string', pattern: SLUG_PATTERN.source, description });
const nullableSlug = (description: string): JsonSchema => ({ type: ['string', 'null'], pattern: SLUG_PATTERN.source, description });
const text = (description: string): JsonSchema => ({ type: 'string', minLength: 1, description });
const revision = (description: string): JsonSchema => ({ type: 'integer', minimum: 1, description });
const term = (description: string): JsonSchema => ({ type: 'integer', minimum: 1, description });
const isoDate = (description: string): JsonSchema => ({ type: 'string', pattern: ISO_DATE_PATTERN, format: 'date', description });
const dateTime = (description: string): JsonSchema => ({
  type: 'string',
  format: 'date-time',
  pattern: NORMALISED_DATE_TIME_PATTERN,
  description,
});
const oneOf = (values: readonly string[], description: string): JsonSchema => ({ type: 'string', enum: [...values], description });
const slugList = (description: string, minItems: number): JsonSchema => ({
  type: 'array',
  items: { type: 'string', pattern: SLUG_PATTERN.source },
  minItems,
  uniqueItems: true,
  description,
});
const occurredAt = (what: string, note = ''): JsonSchema =>
  dateTime(`World time: when ${what}, as given by the secretariat, stored as a UTC date-time (never later than recordedAt).${note ? ` ${note}` : ''}`);

const bodyId = slug('The body, whose stream (`body-<bodyId>`) holds this event.');
const meetingIdOfStream = slug('The meeting, whose stream (`meeting-<meetingId>`) holds this event.');
const proposalIdOfStream = slug('The proposal, whose stream (`proposal-<proposalId>`) holds this event.');

// ---------------------------------------------------------------------------------------------
// Schemas, version 1
// ---------------------------------------------------------------------------------------------

type DataOf<T extends GovernanceEventType> = Extract<GovernanceEvent, { type: T }>['data'];
/** Exactly the fields of the data type: a field added there without a schema fails to compile. */
type FieldSchemas<D> = { readonly [K in keyof D]-?: JsonSchema };

interface EventSchemaSpec<D> {
  readonly description: string;
  readonly properties: FieldSchemas<D>;
  readonly example: D & JsonValue;
  readonly allOf?: readonly JsonSchema[];
}

/**
 * The schema of one version of an event's data. `D` is the event's current TypeScript data type;
 * the schema of an older version names the data type of that version explicitly (`NoInfer` keeps
 * a spec from quietly defining its own type, which would defeat the compile-time check).
 */
function eventDataSchema<T extends GovernanceEventType, D = DataOf<T>>(type: T, version: number, spec: EventSchemaSpec<NoInfer<D>>): JsonSchema {
  const properties: Readonly<Record<string, JsonSchema>> = spec.properties;
  return {
    $schema: JSON_SCHEMA_DIALECT,
    $id: eventSchemaId(type, version),
    title: type,
    description: spec.description,
    type: 'object',
    properties,
    required: Object.keys(properties),
    additionalProperties: false,
    ...(spec.allOf ? { allOf: spec.allOf } : {}),
    examples: [spec.example],
  };
}

const proposalOpening = (what: string) => ({
  proposalId: slug('The proposal, chosen by the secretariat; its stream is `proposal-<proposalId>`.'),
  bodyId: slug('The body the proposal is put to.'),
  title: text('Short title of the proposal.'),
  text: text(what),
  proposedBy: slugList('The participants who table it: at least one, each an active (not suspended) participant, no duplicates.', 1),
  meetingId: nullableSlug('The meeting at which it was tabled, or null when tabled between meetings.'),
  occurredAt: occurredAt('the proposal was tabled'),
});

const decision = {
  proposalId: proposalIdOfStream,
  revision: revision("The revision of the text the decision is on: the proposal's current revision."),
  declaredBy: slug('The participant that declared the outcome: the Chair of the term the decision falls in, or its Vice-Chair acting for it.'),
  declaredAs: oneOf(['chair', 'acting-chair'], 'The capacity in which it declared: chair, or acting-chair for the Vice-Chair.'),
  meetingId: slug('The meeting at which the outcome was declared.'),
} as const;

/** What a correction may change in each correctable event type, and the shape of the new value. */
function correctedValueSchema(rule: string): JsonSchema {
  switch (rule) {
    case 'text':
      return { type: 'string', minLength: 1 };
    case 'moment':
      return { type: 'string', format: 'date-time', pattern: NORMALISED_DATE_TIME_PATTERN };
    case 'date':
      return { type: 'string', pattern: ISO_DATE_PATTERN, format: 'date' };
    case 'participant-kind':
      return { type: 'string', enum: [...PARTICIPANT_KINDS] };
    case 'participant-id':
      return { type: 'string', pattern: SLUG_PATTERN.source };
    case 'chair-basis':
      return { type: 'string', enum: [...CHAIR_BASES] };
    case 'decision-outcome':
      return { type: 'string', enum: [...DECISION_OUTCOMES] };
    // The derived fields are `readOnly` (JSON Schema's word for values the owner sets): the ledger
    // stores them when it decides the record again, and refuses them in a request.
    case 'chair-capacity':
      return { type: 'string', enum: ['chair', 'acting-chair'], readOnly: true };
    case 'participant-ids':
      return { type: 'array', items: { type: 'string', pattern: SLUG_PATTERN.source }, uniqueItems: true, readOnly: true };
    case 'term':
      return { type: 'integer', minimum: 1 };
    case 'participant-id-or-null':
      return { type: ['string', 'null'], pattern: SLUG_PATTERN.source, readOnly: true };
    default:
      throw new Error(`no schema for correctable-field rule ${rule}`);
  }
}

type CorrectableFields = Readonly<Record<string, Readonly<Record<string, FieldRule | DerivedFieldRule>>>>;

/** Fields a correction carries that the ledger works out when it re-decides a record, never given by a clerk. */
type DerivedFieldRule = 'chair-capacity' | 'participant-ids' | 'participant-id-or-null';

const DECISION_FIELDS_STORED = { ...CORRECTABLE_FIELDS_V3.ConsensusDeclared, declaredAs: 'chair-capacity', blockingParticipants: 'participant-ids' } as const;

/** The fields a v3 correction may hold: what a clerk may correct, and what re-deciding a decision works out. */
const STORED_FIELDS_V3: CorrectableFields = {
  ...CORRECTABLE_FIELDS_V3,
  ConsensusDeclared: DECISION_FIELDS_STORED,
  NoConsensusRecorded: DECISION_FIELDS_STORED,
};

/** The fields a v4 correction may hold: v3's, an office's term, and the previous term's Vice-Chair that a Chair's new term works out. */
const STORED_FIELDS_V4: CorrectableFields = {
  ...CORRECTABLE_FIELDS,
  ConsensusDeclared: DECISION_FIELDS_STORED,
  NoConsensusRecorded: DECISION_FIELDS_STORED,
  ChairAssigned: { ...CORRECTABLE_FIELDS.ChairAssigned, previousViceChair: 'participant-id-or-null' },
};

const correctionRules = (correctable: CorrectableFields): readonly JsonSchema[] =>
  Object.entries(correctable).map(([correctedType, fields]) => ({
    if: { type: 'object', properties: { correctedType: { const: correctedType } } },
    then: {
      type: 'object',
      properties: {
        corrections: {
          type: 'object',
          propertyNames: { enum: Object.keys(fields) },
          properties: Object.fromEntries(Object.entries(fields).map(([field, rule]) => [field, correctedValueSchema(rule)])),
        },
      },
    },
  }));

/** The members of a correction, of every version: the types it may correct differ, and from v3 a value may be a list. */
const correctionProperties = (correctable: CorrectableFields, lists = false): FieldSchemas<CorrectionRecorded['data']> => ({
  correctsEventId: {
    type: 'string',
    format: 'uuid',
    description: 'The eventId (UUIDv7) of the event corrected, in the same stream.',
  },
  correctedType: oneOf(Object.keys(correctable), 'The type of the event corrected.'),
  reason: text('Why the correction was made.'),
  corrections: {
    type: 'object',
    minProperties: 1,
    additionalProperties: lists
      ? { type: ['string', 'number', 'boolean', 'null', 'array'], items: { type: 'string' } }
      : { type: ['string', 'number', 'boolean', 'null'] },
    description:
      "Field name -> corrected value, at least one. Only the correctable fields of the corrected type may appear (see below); each value has that field's shape, date-times stored normalised.",
  },
  occurredAt: occurredAt('the correction was made'),
});

const TABLED_KINDS: readonly TabledProposalKind[] = PROPOSAL_KINDS.filter((k): k is TabledProposalKind => k !== 'definition-amendment');

const V1: { readonly [T in GovernanceEventType]: JsonSchema } = {
  BodyEstablished: eventDataSchema('BodyEstablished', 1, {
    description:
      "Records that a consensus body came into being, with its name and founding definition. It is the first event of the body's stream: every later record of the body presupposes it.",
    properties: {
      bodyId: slug('The body, chosen by the secretariat; its stream is `body-<bodyId>`.'),
      name: text("The body's full name."),
      definition: text('The founding definition the body works to (e.g. what counts as a conflict diamond), as adopted at establishment.'),
      occurredAt: occurredAt('the body was established'),
    },
    example: {
      bodyId: 'kimberley-process',
      name: 'Kimberley Process Certification Scheme',
      definition:
        'Conflict diamonds means rough diamonds used by rebel movements or their allies to finance conflict aimed at undermining legitimate governments.',
      occurredAt: '2002-11-05T00:00:00.000Z',
    },
  }),
  ParticipantAdmitted: eventDataSchema('ParticipantAdmitted', 1, {
    description:
      'Records that a state or regional organisation was admitted as a participant: from then on consensus needs its consent, and it may table, support or object to proposals and take office. Recorded when the body admits it, including on readmission after a withdrawal.',
    properties: {
      bodyId,
      participantId: slug('The new participant.'),
      name: text("The participant's name as the body records it."),
      kind: oneOf(PARTICIPANT_KINDS, 'A state, or a regional organisation taking part as one participant on behalf of its members.'),
      occurredAt: occurredAt('the participant was admitted'),
    },
    example: { bodyId: 'kimberley-process', participantId: 'bw', name: 'Botswana', kind: 'state', occurredAt: '2003-01-01T00:00:00.000Z' },
  }),
  ObserverAdmitted: eventDataSchema('ObserverAdmitted', 1, {
    description:
      'Records that an organisation (industry, civil society) was admitted as an observer. Observers speak at meetings but cannot table, support or object to proposals, so they never block a consensus.',
    properties: {
      bodyId,
      observerId: slug('The new observer.'),
      name: text("The observer's name as the body records it."),
      occurredAt: occurredAt('the observer was admitted'),
    },
    example: { bodyId: 'kimberley-process', observerId: 'wdc', name: 'World Diamond Council', occurredAt: '2003-01-01T00:00:00.000Z' },
  }),
  ParticipantSuspended: eventDataSchema('ParticipantSuspended', 1, {
    description:
      'Records that a participant was suspended, and why. While suspended it remains a participant but takes no part in decisions: it cannot table, support, object or take office, and its standing objections block only if the consensus policy says so.',
    properties: {
      bodyId,
      participantId: slug('The suspended participant.'),
      reason: text('Why the body suspended it.'),
      occurredAt: occurredAt('the suspension took effect'),
    },
    example: {
      bodyId: 'kimberley-process',
      participantId: 'cf',
      reason: 'Unconstitutional change of government; the integrity of the certification system could not be assured.',
      occurredAt: '2013-05-23T00:00:00.000Z',
    },
  }),
  ParticipantReinstated: eventDataSchema('ParticipantReinstated', 1, {
    description: 'Records that a suspended participant was reinstated: from then on it takes full part in decisions again.',
    properties: {
      bodyId,
      participantId: slug('The reinstated participant.'),
      occurredAt: occurredAt('the reinstatement took effect'),
    },
    example: { bodyId: 'kimberley-process', participantId: 'cf', occurredAt: '2015-07-10T00:00:00.000Z' },
  }),
  MemberWithdrew: eventDataSchema('MemberWithdrew', 1, {
    description:
      "Records that a participant or observer left the body. Its role at the time of leaving is kept; a withdrawn participant's standing objections no longer block consensus.",
    properties: {
      bodyId,
      memberId: slug('The member that withdrew.'),
      role: oneOf(['participant', 'observer'], 'The role it held when it withdrew.'),
      occurredAt: occurredAt('the withdrawal took effect'),
    },
    example: { bodyId: 'kimberley-process', memberId: 'pac', role: 'observer', occurredAt: '2017-12-08T00:00:00.000Z' },
  }),
  ViceChairSelected: eventDataSchema('ViceChairSelected', 1, {
    description:
      'Records that an active participant was selected Vice-Chair for a calendar-year term. The Vice-Chair may act for the Chair during that term and normally succeeds to the Chair the following year.',
    properties: {
      bodyId,
      participantId: slug('The participant selected as Vice-Chair.'),
      term: term("The calendar year (UTC) of the Vice-Chair's term; a term has at most one Vice-Chair."),
      occurredAt: occurredAt('the selection was made'),
    },
    example: { bodyId: 'kimberley-process', participantId: 'bw', term: 2021, occurredAt: '2020-11-19T00:00:00.000Z' },
  }),
  ChairAssigned: eventDataSchema('ChairAssigned', 1, {
    description:
      "Records which participant chairs the body for a calendar-year term and on what basis: succession by the previous term's Vice-Chair, election, postponement, or custodial continuation by the previous Chair. The previous term's Vice-Chair is kept so that a departure from succession stays visible.",
    properties: {
      bodyId,
      participantId: slug('The participant that chairs the term.'),
      term: term("The calendar year (UTC) of the Chair's term; a term has at most one Chair."),
      basis: oneOf(
        CHAIR_BASES,
        "succession: the previous term's Vice-Chair takes the chair; election: chosen otherwise; postponement: the chair passes to a participant whose turn was put off from an earlier term; custodial: the previous term's Chair carries on.",
      ),
      previousViceChair: nullableSlug(
        "The Vice-Chair of the previous term as the ledger read it when the Chair was recorded, or null when there was none. A later correction of that Vice-Chair's record does not change it; the offices as corrected are read from the body's chairs.",
      ),
      occurredAt: occurredAt('the assignment was made'),
    },
    example: {
      bodyId: 'kimberley-process',
      participantId: 'bw',
      term: 2022,
      basis: 'succession',
      previousViceChair: 'bw',
      occurredAt: '2021-11-12T00:00:00.000Z',
    },
  }),
  MeetingConvened: eventDataSchema('MeetingConvened', 1, {
    description:
      "Records that a meeting of the body was convened: its kind, where it is held and on which days. Recorded when the meeting is called; it opens the meeting's stream.",
    properties: {
      meetingId: slug('The meeting, chosen by the secretariat; its stream is `meeting-<meetingId>`.'),
      bodyId: slug('The body that meets.'),
      kind: oneOf(MEETING_KINDS, 'The kind of meeting.'),
      location: text('Where the meeting is held (a city, or e.g. "written procedure").'),
      opensOn: isoDate('The first day of the meeting, an ISO date (YYYY-MM-DD).'),
      closesOn: isoDate('The last day of the meeting, an ISO date (YYYY-MM-DD).'),
      occurredAt: occurredAt('the meeting was convened'),
    },
    example: {
      meetingId: 'plenary-2022',
      bodyId: 'kimberley-process',
      kind: 'plenary',
      location: 'Kasane, Botswana',
      opensOn: '2022-11-07',
      closesOn: '2022-11-11',
      occurredAt: '2022-03-01T00:00:00.000Z',
    },
  }),
  StatementRecorded: eventDataSchema('StatementRecorded', 1, {
    description:
      'Records the summary of a statement a participant or observer made at the meeting, in general or on a proposal. A statement is on the record only: it neither supports nor blocks a decision.',
    properties: {
      meetingId: meetingIdOfStream,
      speakerId: slug('The member that spoke.'),
      speakerRole: oneOf(['participant', 'observer'], "The speaker's role in the body when it spoke."),
      proposalId: nullableSlug('The proposal of the same body the statement was on, or null for a general statement.'),
      summary: text("The secretariat's summary of what was said."),
      occurredAt: occurredAt('the statement was made'),
    },
    example: {
      meetingId: 'plenary-2022',
      speakerId: 'kp-csc',
      speakerRole: 'observer',
      proposalId: 'ukraine-agenda',
      summary: 'Urged participants to discuss the implications of the war in Ukraine for the diamond trade.',
      occurredAt: '2022-11-08T00:00:00.000Z',
    },
  }),
  CommuniqueAdopted: eventDataSchema('CommuniqueAdopted', 1, {
    description:
      'Records that the meeting adopted its final communiqué by consensus, with the text adopted. A meeting records at most one communiqué outcome, adopted or not.',
    properties: {
      meetingId: meetingIdOfStream,
      text: text('The communiqué as adopted.'),
      occurredAt: occurredAt('the communiqué was adopted'),
    },
    example: {
      meetingId: 'intersessional-2022',
      text: 'The Kimberley Process met in Kasane from 20 to 24 June 2022 ...',
      occurredAt: '2022-06-24T00:00:00.000Z',
    },
  }),
  CommuniqueNotAdopted: eventDataSchema('CommuniqueNotAdopted', 1, {
    description:
      'Records that the meeting ended without a communiqué because consensus on one could not be reached, and why. A meeting records at most one communiqué outcome, adopted or not.',
    properties: {
      meetingId: meetingIdOfStream,
      reason: text('Why no communiqué was adopted.'),
      occurredAt: occurredAt('it became clear that no communiqué would be adopted'),
    },
    example: {
      meetingId: 'plenary-2022',
      reason: 'Participants could not agree on a reference to the war in Ukraine.',
      occurredAt: '2022-11-11T00:00:00.000Z',
    },
  }),
  MeetingClosed: eventDataSchema('MeetingClosed', 1, {
    description:
      'Records that the meeting closed. Records of what happened before the close may still be entered late; nothing dated after it is accepted into the meeting.',
    properties: {
      meetingId: meetingIdOfStream,
      occurredAt: occurredAt('the meeting closed'),
    },
    example: { meetingId: 'plenary-2022', occurredAt: '2022-11-11T00:00:00.000Z' },
  }),
  DefinitionAmendmentProposed: eventDataSchema('DefinitionAmendmentProposed', 1, {
    description:
      "Records that participants tabled an amendment to the body's founding definition. It opens the proposal's stream at revision 1; the text is the whole definition as it would read if adopted, not a diff.",
    properties: proposalOpening('The whole definition as it would read if adopted (revision 1), not a diff.'),
    example: {
      proposalId: 'definition-2022',
      bodyId: 'kimberley-process',
      title: 'Broaden the definition of conflict diamonds',
      text: 'Conflict diamonds means rough diamonds used to finance armed conflict or linked to systemic violence.',
      proposedBy: ['eu', 'ca'],
      meetingId: 'intersessional-2022',
      occurredAt: '2022-06-20T00:00:00.000Z',
    },
  }),
  ProposalTabled: eventDataSchema('ProposalTabled', 1, {
    description:
      "Records that participants tabled a proposal other than a definition amendment (an administrative decision, an admission, an agenda item or other). It opens the proposal's stream at revision 1.",
    properties: {
      ...proposalOpening('The text of the proposal (revision 1).'),
      kind: oneOf(TABLED_KINDS, 'What the proposal is; definition amendments are recorded as `DefinitionAmendmentProposed` instead.'),
    },
    example: {
      proposalId: 'ukraine-agenda',
      bodyId: 'kimberley-process',
      title: 'Add the war in Ukraine to the plenary agenda',
      text: 'The plenary discusses the implications of the war in Ukraine for the diamond trade.',
      proposedBy: ['eu', 'ca', 'us'],
      meetingId: 'plenary-2022',
      occurredAt: '2022-11-07T00:00:00.000Z',
      kind: 'agenda-item',
    },
  }),
  ProposalRevised: eventDataSchema('ProposalRevised', 1, {
    description:
      "Records a new revision of an open proposal's text. Support is given to a text, so support for an earlier revision does not carry over; standing objections remain until withdrawn.",
    properties: {
      proposalId: proposalIdOfStream,
      revision: revision('The new revision number: the previous one plus one (the tabled text is revision 1).'),
      text: text('The whole text as revised.'),
      occurredAt: occurredAt('the revision was put forward'),
    },
    example: {
      proposalId: 'definition-2022',
      revision: 2,
      text: 'Conflict diamonds means rough diamonds used to finance armed conflict.',
      occurredAt: '2022-06-22T00:00:00.000Z',
    },
  }),
  SupportExpressed: eventDataSchema('SupportExpressed', 1, {
    description:
      'Records that an active participant supported the proposal as it stood at a given revision. A participant with a standing objection must withdraw it first.',
    properties: {
      proposalId: proposalIdOfStream,
      participantId: slug('The supporting participant.'),
      revision: revision("The revision supported: the proposal's current revision when support was expressed."),
      occurredAt: occurredAt('support was expressed'),
    },
    example: { proposalId: 'definition-2022', participantId: 'eu', revision: 2, occurredAt: '2022-06-23T00:00:00.000Z' },
  }),
  ObjectionRaised: eventDataSchema('ObjectionRaised', 1, {
    description:
      'Records that an active participant objected to the proposal, on stated grounds, at a given revision. The objection stands across revisions, and blocks consensus, until the participant withdraws it; observers cannot object.',
    properties: {
      proposalId: proposalIdOfStream,
      participantId: slug('The objecting participant.'),
      grounds: text('The grounds the participant gave for objecting.'),
      revision: revision("The revision objected to: the proposal's current revision when the objection was raised."),
      occurredAt: occurredAt('the objection was raised'),
    },
    example: {
      proposalId: 'definition-2022',
      participantId: 'ru',
      grounds: 'The mandate of the Kimberley Process does not extend beyond rebel movements.',
      revision: 2,
      occurredAt: '2022-06-23T00:00:00.000Z',
    },
  }),
  ObjectionWithdrawn: eventDataSchema('ObjectionWithdrawn', 1, {
    description: 'Records that a participant withdrew its standing objection to the proposal, which from then on no longer blocks consensus.',
    properties: {
      proposalId: proposalIdOfStream,
      participantId: slug('The participant whose objection is withdrawn.'),
      occurredAt: occurredAt('the objection was withdrawn'),
    },
    example: { proposalId: 'secretariat-2022', participantId: 'ru', occurredAt: '2022-06-23T00:00:00.000Z' },
  }),
  ConsensusDeclared: eventDataSchema('ConsensusDeclared', 1, {
    description:
      'Records that the Chair of the term (or the Vice-Chair acting for it) declared consensus on a revision of the proposal at a meeting, no objection blocking. The proposal is adopted and accepts no further records.',
    properties: { ...decision, occurredAt: occurredAt('consensus was declared', 'Its calendar year is the term whose Chair (or Vice-Chair) may declare.') },
    example: {
      proposalId: 'secretariat-2022',
      revision: 1,
      declaredBy: 'bw',
      declaredAs: 'chair',
      meetingId: 'intersessional-2022',
      occurredAt: '2022-06-24T00:00:00.000Z',
    },
  }),
  NoConsensusRecorded: eventDataSchema('NoConsensusRecorded', 1, {
    description:
      'Records that the Chair of the term (or the Vice-Chair acting for it) recorded at a meeting that no consensus was reached on a revision of the proposal, naming the participants whose objections stood. The proposal is closed as not adopted.',
    properties: {
      ...decision,
      blockingParticipants: slugList(
        'The participants whose objections blocked when the outcome was recorded, sorted; may be empty when no consensus formed without a formal objection.',
        0,
      ),
      occurredAt: occurredAt('the outcome was recorded', 'Its calendar year is the term whose Chair (or Vice-Chair) may declare.'),
    },
    example: {
      proposalId: 'definition-2022',
      revision: 2,
      declaredBy: 'zw',
      declaredAs: 'acting-chair',
      meetingId: 'plenary-2022',
      blockingParticipants: ['ru'],
      occurredAt: '2022-11-11T00:00:00.000Z',
    },
  }),
  ProposalDeferred: eventDataSchema('ProposalDeferred', 1, {
    description:
      'Records that consideration of the open proposal was deferred, to a named later meeting of the same body or without a date. The proposal stays open.',
    properties: {
      proposalId: proposalIdOfStream,
      toMeetingId: nullableSlug('The meeting the proposal is deferred to, or null when deferred without a date.'),
      occurredAt: occurredAt('the deferral was decided'),
    },
    example: { proposalId: 'ukraine-agenda', toMeetingId: 'intersessional-2023', occurredAt: '2022-11-10T00:00:00.000Z' },
  }),
  // Superseded by version 2 (below); kept exactly as published, since stored v1 events still use it.
  ProposalWithdrawn: eventDataSchema<'ProposalWithdrawn', ProposalWithdrawnV1Data>('ProposalWithdrawn', 1, {
    description: 'Records that the open proposal was withdrawn, and why. It is closed and accepts no further records.',
    properties: {
      proposalId: proposalIdOfStream,
      reason: text('Why the proposal was withdrawn.'),
      occurredAt: occurredAt('the proposal was withdrawn'),
    },
    example: {
      proposalId: 'ukraine-agenda',
      reason: 'The proponents withdrew it for lack of any prospect of consensus.',
      occurredAt: '2023-06-30T00:00:00.000Z',
    },
  }),
  CorrectionRecorded: eventDataSchema('CorrectionRecorded', 1, {
    description:
      "Records the correction of a mistaken descriptive fact in an earlier event, which itself is never edited: it names that event, carries the corrected values and the reason, and is appended to that event's stream. Identities, offices and outcomes cannot be corrected; they change only through new commands.",
    properties: correctionProperties(CORRECTABLE_FIELDS_V1),
    allOf: correctionRules(CORRECTABLE_FIELDS_V1),
    example: {
      correctsEventId: '0183f0a2-6c1e-7b3a-9d4e-2f5a6b7c8d9e',
      correctedType: 'ParticipantAdmitted',
      reason: 'The name was recorded in its short form.',
      corrections: { name: 'Republic of Botswana' },
      occurredAt: '2024-02-01T00:00:00.000Z',
    },
  }),
};

// ---------------------------------------------------------------------------------------------
// Later versions: each one beside the versions before it, never replacing them
// ---------------------------------------------------------------------------------------------

/** v2 adds `withdrawnBy`: integrators need to know whether the proposers themselves withdrew it. */
const PROPOSAL_WITHDRAWN_V2 = eventDataSchema('ProposalWithdrawn', 2, {
  description:
    'Records that the open proposal was withdrawn, why, and, when the record says, which of its proposers withdrew it. It is closed and accepts no further records.',
  properties: {
    proposalId: proposalIdOfStream,
    reason: text('Why the proposal was withdrawn.'),
    withdrawnBy: {
      ...slugList(
        'The proposers (`proposedBy` of the tabling record) who withdrew it, sorted; null when not recorded, as for every version 1 event. Not correctable.',
        1,
      ),
      type: ['array', 'null'],
    },
    occurredAt: occurredAt('the proposal was withdrawn'),
  },
  example: {
    proposalId: 'ukraine-agenda',
    reason: 'The proponents withdrew it for lack of any prospect of consensus.',
    withdrawnBy: ['ca', 'eu', 'us'],
    occurredAt: '2023-06-30T00:00:00.000Z',
  },
});

/**
 * v2 lets a correction name who holds an office and on what basis (`ChairAssigned.participantId`
 * and `basis`, `ViceChairSelected.participantId`): a mistyped Chair is corrected, not re-recorded.
 * Every v1 correction is a valid v2 one.
 */
const CORRECTION_RECORDED_V2 = eventDataSchema('CorrectionRecorded', 2, {
  description:
    "Records the correction of a mistaken fact in an earlier event, which itself is never edited: it names that event, carries the corrected values and the reason, and is appended to that event's stream. Descriptive facts are correctable, and who holds an office and on what basis, held to the rules the office was recorded under; identities of members and proposals and the outcome of a decision are not, and change only through new commands.",
  properties: correctionProperties(CORRECTABLE_FIELDS_V2),
  allOf: correctionRules(CORRECTABLE_FIELDS_V2),
  example: {
    correctsEventId: '0183f0a2-6c1e-7b3a-9d4e-2f5a6b7c8d9e',
    correctedType: 'ChairAssigned',
    reason: 'The Chair was keyed as Belarus; the plenary chose Botswana.',
    corrections: { participantId: 'bw' },
    occurredAt: '2024-02-01T00:00:00.000Z',
  },
});

/**
 * v3 lets a correction change a decision's outcome and who declared it (`ConsensusDeclared`,
 * `NoConsensusRecorded`: `outcome`, `declaredBy`). The decision is re-decided by its rules, and the
 * correction also carries what that works out: the capacity the declarant acted in (`declaredAs`)
 * and, for no consensus, the participants whose objections stood (`blockingParticipants`, a list).
 * A corrected outcome makes the decision read as the other type. Every v2 correction is a valid v3 one.
 */
const CORRECTION_RECORDED_V3 = eventDataSchema('CorrectionRecorded', 3, {
  description:
    "Records the correction of a mistaken fact in an earlier event, which itself is never edited: it names that event, carries the corrected values and the reason, and is appended to that event's stream. Descriptive facts are correctable, who holds an office and on what basis, and a decision's outcome and declarant, each held to the rules the record was made under; identities of members and proposals are not, and change only through new commands.",
  properties: correctionProperties(STORED_FIELDS_V3, true),
  allOf: correctionRules(STORED_FIELDS_V3),
  example: {
    correctsEventId: '0183f0a2-6c1e-7b3a-9d4e-2f5a6b7c8d9e',
    correctedType: 'NoConsensusRecorded',
    reason: 'The minutes record that the Vice-Chair, acting for the Chair, declared it.',
    corrections: { declaredBy: 'bw', declaredAs: 'acting-chair' },
    occurredAt: '2022-07-01T00:00:00.000Z',
  },
});

/**
 * v4 lets a correction change an office's term (`ChairAssigned.term`, `ViceChairSelected.term`):
 * no command takes an office back, so a mistyped year could not be undone otherwise. The office,
 * and every office after it, is decided again by its rules with the new term; a Chair moved to
 * another term also carries the Vice-Chair of the term before its new one
 * (`previousViceChair`), as the ledger works it out. Every v3 correction is a valid v4 one.
 */
const CORRECTION_RECORDED_V4 = eventDataSchema('CorrectionRecorded', 4, {
  description:
    "Records the correction of a mistaken fact in an earlier event, which itself is never edited: it names that event, carries the corrected values and the reason, and is appended to that event's stream. Descriptive facts are correctable, who holds an office, on what basis and for which term, and a decision's outcome and declarant, each held to the rules the record was made under; identities of members and proposals are not, and change only through new commands.",
  properties: correctionProperties(STORED_FIELDS_V4, true),
  allOf: correctionRules(STORED_FIELDS_V4),
  example: {
    correctsEventId: '0183f0a2-6c1e-7b3a-9d4e-2f5a6b7c8d9e',
    correctedType: 'ChairAssigned',
    reason: 'The plenary chose Botswana to chair 2024; the year was keyed as 2025.',
    corrections: { term: 2024, previousViceChair: 'za' },
    occurredAt: '2024-02-01T00:00:00.000Z',
  },
});

/** type -> version (2 and up) -> schema. Add a version by adding an entry; never edit or remove one. */
const LATER_VERSIONS: Readonly<Partial<Record<GovernanceEventType, Readonly<Record<number, JsonSchema>>>>> = {
  ProposalWithdrawn: { 2: PROPOSAL_WITHDRAWN_V2 },
  CorrectionRecorded: { 2: CORRECTION_RECORDED_V2, 3: CORRECTION_RECORDED_V3, 4: CORRECTION_RECORDED_V4 },
};

// ---------------------------------------------------------------------------------------------
// Registry
// ---------------------------------------------------------------------------------------------

/** Builds a record with one entry per event type. */
function perType<V>(make: (type: GovernanceEventType) => V): Record<GovernanceEventType, V> {
  const record: Partial<Record<GovernanceEventType, V>> = {};
  for (const type of EVENT_TYPES) record[type] = make(type);
  return record as Record<GovernanceEventType, V>;
}

/** type -> schemaVersion -> schema of `data`. Add a version by adding an entry; never edit an old one. */
export const EVENT_SCHEMAS: Readonly<Record<GovernanceEventType, Readonly<Record<number, JsonSchema>>>> = perType((type) => ({
  1: V1[type],
  ...LATER_VERSIONS[type],
}));

/**
 * The version new events of each type are written at, and every stored one is read at. It must be
 * the version the TypeScript event type describes; the unit tests check each is the latest schema.
 */
export const CURRENT_SCHEMA_VERSION: Readonly<Record<GovernanceEventType, number>> = {
  ...perType(() => 1),
  ProposalWithdrawn: 2,
  CorrectionRecorded: 4,
};

/** The schema of `data` for this type at this version, or undefined when there is none. */
export function eventSchema(type: string, version: number): JsonSchema | undefined {
  if (!isGovernanceEventType(type)) return undefined;
  const versions = EVENT_SCHEMAS[type];
  return Object.hasOwn(versions, version) ? versions[version] : undefined;
}

/** Every (type, version, schema) in the registry, types in `EVENT_TYPES` order, versions ascending. */
export function allEventSchemas(): { type: GovernanceEventType; version: number; schema: JsonSchema }[] {
  return EVENT_TYPES.flatMap((type) =>
    Object.entries(EVENT_SCHEMAS[type])
      .map(([version, schema]) => ({ type, version: Number(version), schema }))
      .sort((a, b) => a.version - b.version),
  );
}
