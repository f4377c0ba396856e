import { CORRECTABLE_FIELDS } from '../correction/correctable-fields';
import {
  applyCorrections,
  BodyCommand,
  BodyState,
  bodyStream,
  CommandContext,
  CorrectionTarget,
  decideBody,
  decideCorrection,
  decideMeeting,
  decideProposal,
  DEFAULT_CONSENSUS_POLICY,
  EVENT_TYPES,
  evolveBody,
  evolveMeeting,
  evolveProposal,
  GovernanceEvent,
  GovernanceEventType,
  initialBodyState,
  initialMeetingState,
  initialProposalState,
  MeetingCommand,
  meetingStream,
  MeetingState,
  normaliseIsoDateTime,
  ProposalCommand,
  ProposalState,
  proposalStream,
  RecordCorrection,
} from '../index';
import {
  allEventSchemas,
  assertUpcastable,
  CURRENT_SCHEMA_VERSION,
  EVENT_SCHEMAS,
  eventSchema,
  eventSchemaId,
  EventPayload,
  upcast,
  UpcasterTable,
  UPCASTERS,
  validateEventData,
} from './index';

// ---------------------------------------------------------------------------------------------
// A realistic history, produced by the domain's own deciders
// ---------------------------------------------------------------------------------------------

interface Recorded {
  readonly eventId: string;
  readonly stream: string;
  readonly event: GovernanceEvent;
}

const BODY = 'kimberley-process';
const context: CommandContext = { now: '2026-01-01T00:00:00.000Z' };
const at = normaliseIsoDateTime;

/** A UUIDv7-shaped id per event, in recording order. */
function eventIdFor(sequence: number): string {
  return `0183f0a2-6c1e-7b3a-9d4e-${sequence.toString(16).padStart(12, '0')}`;
}

function runScenario(): Recorded[] {
  const log: Recorded[] = [];
  const record = (stream: string, events: readonly GovernanceEvent[]): void => {
    for (const event of events) log.push({ eventId: eventIdFor(log.length + 1), stream, event });
  };

  let body: BodyState = initialBodyState;
  const meetings = new Map<string, MeetingState>();
  const proposals = new Map<string, ProposalState>();

  const onBody = (command: BodyCommand): void => {
    const events = decideBody(command, body, context);
    for (const event of events) body = evolveBody(body, event);
    record(bodyStream(BODY), events);
  };
  const onMeeting = (meetingId: string, command: MeetingCommand, proposalBodyId?: string | null): void => {
    let state = meetings.get(meetingId) ?? initialMeetingState;
    const events = decideMeeting(command, state, { body, proposalBodyId }, context);
    for (const event of events) state = evolveMeeting(state, event);
    meetings.set(meetingId, state);
    record(meetingStream(meetingId), events);
  };
  const onProposal = (proposalId: string, command: ProposalCommand, meetingId?: string): void => {
    let state = proposals.get(proposalId) ?? initialProposalState;
    const meeting = meetingId === undefined ? undefined : meetings.get(meetingId);
    const events = decideProposal(command, state, { body, meeting, policy: DEFAULT_CONSENSUS_POLICY }, context);
    for (const event of events) state = evolveProposal(state, event);
    proposals.set(proposalId, state);
    record(proposalStream(proposalId), events);
  };
  const onCorrection = (target: Recorded, command: RecordCorrection): void => {
    const corrected: CorrectionTarget = { eventId: target.eventId, type: target.event.type, data: target.event.data };
    const stream = applyCorrections(log.filter((entry) => entry.stream === target.stream));
    record(target.stream, decideCorrection(command, corrected, context, stream));
  };
  const find = (type: GovernanceEventType, matches: (data: Readonly<Record<string, unknown>>) => boolean): Recorded => {
    const found = log.find((entry) => entry.event.type === type && matches(entry.event.data));
    if (!found) throw new Error(`scenario: no ${type} recorded to correct`);
    return found;
  };

  // The body and its members.
  onBody({
    type: 'EstablishBody',
    data: {
      bodyId: BODY,
      name: 'Kimberley Process Certification Scheme',
      definition:
        'Conflict diamonds means rough diamonds used by rebel movements or their allies to finance conflict aimed at undermining legitimate governments.',
      occurredAt: at('2002-11-05'),
    },
  });
  const participants: [string, string][] = [
    ['za', 'South Africa'],
    ['bw', 'Botswana'],
    ['ca', 'Canada'],
    ['us', 'United States of America'],
    ['ru', 'Russian Federation'],
    ['in', 'India'],
    ['zw', 'Zimbabwe'],
    ['cf', 'Central African Republic'],
  ];
  for (const [participantId, name] of participants) {
    onBody({ type: 'AdmitParticipant', data: { participantId, name, kind: 'state', occurredAt: at('2003-01-01') } });
  }
  onBody({
    type: 'AdmitParticipant',
    data: { participantId: 'eu', name: 'European Union', kind: 'regional-organisation', occurredAt: at('2003-01-01') },
  });
  onBody({ type: 'AdmitObserver', data: { observerId: 'wdc', name: 'World Diamond Council', occurredAt: at('2003-01-01') } });
  onBody({ type: 'AdmitObserver', data: { observerId: 'pac', name: 'Partnership Africa Canada', occurredAt: at('2003-01-01') } });
  onBody({
    type: 'AdmitObserver',
    data: { observerId: 'kp-csc', name: 'Kimberley Process Civil Society Coalition', occurredAt: at('2018-01-01') },
  });
  onBody({
    type: 'SuspendParticipant',
    data: { participantId: 'cf', reason: 'Unconstitutional change of government.', occurredAt: at('2013-05-23') },
  });
  onBody({ type: 'ReinstateParticipant', data: { participantId: 'cf', occurredAt: at('2015-07-10') } });
  onBody({ type: 'WithdrawMember', data: { memberId: 'pac', occurredAt: at('2017-12-08') } });

  // Offices: every chair basis, and a succession from the Vice-Chair.
  onBody({ type: 'AssignChair', data: { participantId: 'in', term: 2019, basis: 'election', occurredAt: at('2018-11-16') } });
  onBody({ type: 'SelectViceChair', data: { participantId: 'ru', term: 2019, occurredAt: at('2018-11-16') } });
  onBody({ type: 'AssignChair', data: { participantId: 'in', term: 2020, basis: 'custodial', occurredAt: at('2020-01-01') } });
  onBody({ type: 'AssignChair', data: { participantId: 'ru', term: 2021, basis: 'postponement', occurredAt: at('2020-11-19') } });
  onBody({ type: 'SelectViceChair', data: { participantId: 'bw', term: 2021, occurredAt: at('2020-11-19') } });
  onBody({ type: 'AssignChair', data: { participantId: 'bw', term: 2022, basis: 'succession', occurredAt: at('2021-11-12') } });
  onBody({ type: 'SelectViceChair', data: { participantId: 'zw', term: 2022, occurredAt: at('2021-11-12') } });

  // Meetings of 2022 and 2023.
  onMeeting('intersessional-2022', {
    type: 'ConveneMeeting',
    data: {
      meetingId: 'intersessional-2022',
      kind: 'intersessional',
      location: 'Kasane, Botswana',
      opensOn: '2022-06-20',
      closesOn: '2022-06-24',
      occurredAt: at('2022-03-01'),
    },
  });
  onMeeting('plenary-2022', {
    type: 'ConveneMeeting',
    data: {
      meetingId: 'plenary-2022',
      kind: 'plenary',
      location: 'Kasane, Botswana',
      opensOn: '2022-11-07',
      closesOn: '2022-11-11',
      occurredAt: at('2022-03-01'),
    },
  });
  onMeeting('intersessional-2023', {
    type: 'ConveneMeeting',
    data: {
      meetingId: 'intersessional-2023',
      kind: 'intersessional',
      location: 'Victoria Falls, Zimbabwe',
      opensOn: '2023-06-19',
      closesOn: '2023-06-23',
      occurredAt: at('2022-11-10'),
    },
  });

  // Intersessional 2022: one proposal adopted, a definition amendment opened.
  onMeeting('intersessional-2022', {
    type: 'RecordStatement',
    data: { speakerId: 'za', proposalId: null, summary: 'Welcomed progress on the peer-review mechanism.', occurredAt: at('2022-06-20') },
  });
  onProposal(
    'secretariat-2022',
    {
      type: 'TableProposal',
      data: {
        proposalId: 'secretariat-2022',
        kind: 'administrative-decision',
        title: 'Host the Permanent Secretariat in Gaborone',
        text: 'The Permanent Secretariat of the Kimberley Process is hosted by Botswana in Gaborone.',
        proposedBy: ['bw'],
        meetingId: 'intersessional-2022',
        occurredAt: at('2022-06-20'),
      },
    },
    'intersessional-2022',
  );
  onProposal('secretariat-2022', { type: 'ExpressSupport', data: { participantId: 'za', revision: null, occurredAt: at('2022-06-21') } });
  onProposal('secretariat-2022', { type: 'ExpressSupport', data: { participantId: 'eu', revision: null, occurredAt: at('2022-06-21') } });
  onProposal('secretariat-2022', {
    type: 'RaiseObjection',
    data: { participantId: 'ru', grounds: 'The budget implications have not been set out.', revision: null, occurredAt: at('2022-06-21') },
  });
  onProposal('secretariat-2022', { type: 'WithdrawObjection', data: { participantId: 'ru', occurredAt: at('2022-06-23') } });
  onProposal(
    'secretariat-2022',
    {
      type: 'DeclareOutcome',
      data: { outcome: 'consensus', declaredBy: 'bw', meetingId: 'intersessional-2022', revision: 1, occurredAt: at('2022-06-24') },
    },
    'intersessional-2022',
  );
  onProposal(
    'definition-2022',
    {
      type: 'TableProposal',
      data: {
        proposalId: 'definition-2022',
        kind: 'definition-amendment',
        title: 'Broaden the definition of conflict diamonds',
        text: 'Conflict diamonds means rough diamonds used to finance armed conflict or linked to systemic violence.',
        proposedBy: ['eu', 'ca'],
        meetingId: 'intersessional-2022',
        occurredAt: at('2022-06-20'),
      },
    },
    'intersessional-2022',
  );
  onProposal('definition-2022', {
    type: 'ReviseProposal',
    data: { text: 'Conflict diamonds means rough diamonds used to finance armed conflict.', occurredAt: at('2022-06-22') },
  });
  onProposal('definition-2022', { type: 'ExpressSupport', data: { participantId: 'eu', revision: null, occurredAt: at('2022-06-23') } });
  onProposal('definition-2022', {
    type: 'RaiseObjection',
    data: { participantId: 'ru', grounds: 'The mandate does not extend beyond rebel movements.', revision: null, occurredAt: at('2022-06-23') },
  });
  onMeeting('intersessional-2022', {
    type: 'RecordCommunique',
    data: { adopted: true, text: 'The Kimberley Process met in Kasane from 20 to 24 June 2022 ...', occurredAt: at('2022-06-24') },
  });
  onMeeting('intersessional-2022', { type: 'CloseMeeting', data: { occurredAt: at('2022-06-24T18:00:00Z') } });

  // Plenary 2022: an agenda item deferred, no consensus on the definition, no communiqué.
  onProposal(
    'ukraine-agenda',
    {
      type: 'TableProposal',
      data: {
        proposalId: 'ukraine-agenda',
        kind: 'agenda-item',
        title: 'Add the war in Ukraine to the plenary agenda',
        text: 'The plenary discusses the implications of the war in Ukraine for the diamond trade.',
        proposedBy: ['eu', 'ca', 'us'],
        meetingId: 'plenary-2022',
        occurredAt: at('2022-11-07'),
      },
    },
    'plenary-2022',
  );
  onMeeting(
    'plenary-2022',
    {
      type: 'RecordStatement',
      data: {
        speakerId: 'kp-csc',
        proposalId: 'ukraine-agenda',
        summary: 'Urged participants to discuss the war in Ukraine.',
        occurredAt: at('2022-11-08'),
      },
    },
    BODY,
  );
  onProposal('ukraine-agenda', { type: 'DeferProposal', data: { toMeetingId: 'intersessional-2023', occurredAt: at('2022-11-10') } }, 'intersessional-2023');
  onProposal(
    'definition-2022',
    {
      type: 'DeclareOutcome',
      data: { outcome: 'no-consensus', declaredBy: 'zw', meetingId: 'plenary-2022', revision: 2, occurredAt: at('2022-11-11') },
    },
    'plenary-2022',
  );
  onMeeting('plenary-2022', {
    type: 'RecordCommunique',
    data: { adopted: false, reason: 'Participants could not agree on a reference to the war in Ukraine.', occurredAt: at('2022-11-11') },
  });
  onMeeting('plenary-2022', { type: 'CloseMeeting', data: { occurredAt: at('2022-11-11T20:00:00Z') } });
  onProposal('ukraine-agenda', {
    type: 'WithdrawProposal',
    data: { reason: 'The proponents withdrew it for lack of any prospect of consensus.', withdrawnBy: ['us', 'eu', 'ca'], occurredAt: at('2023-06-30') },
  });

  // Corrections, appended to the corrected event's stream: every kind of correctable value.
  const admitted = find('ParticipantAdmitted', (data) => data['participantId'] === 'eu');
  onCorrection(admitted, {
    type: 'RecordCorrection',
    data: {
      correctsEventId: admitted.eventId,
      reason: 'The admission was recorded with the wrong name and date.',
      corrections: { name: 'European Community', kind: 'regional-organisation', occurredAt: '2003-01-15' },
      occurredAt: at('2024-02-01'),
    },
  });
  const convened = find('MeetingConvened', (data) => data['meetingId'] === 'intersessional-2023');
  onCorrection(convened, {
    type: 'RecordCorrection',
    data: {
      correctsEventId: convened.eventId,
      reason: 'The meeting opened a day later than announced.',
      corrections: { opensOn: '2023-06-20', location: 'Victoria Falls' },
      occurredAt: at('2024-02-01'),
    },
  });
  return log;
}

const LOG = runScenario();

// ---------------------------------------------------------------------------------------------
// The registry
// ---------------------------------------------------------------------------------------------

describe('event schema registry', () => {
  it('has one schema for every event type at its current version, all at version 1 today but ProposalWithdrawn at 2 and CorrectionRecorded at 4', () => {
    for (const type of EVENT_TYPES) {
      const current = CURRENT_SCHEMA_VERSION[type];
      expect(current).toBe(type === 'ProposalWithdrawn' ? 2 : type === 'CorrectionRecorded' ? 4 : 1);
      expect(eventSchema(type, current)).toBe(EVENT_SCHEMAS[type][current]);
      // Every older version stays published: stored events of it are still read.
      for (let version = 1; version < current; version += 1) expect(eventSchema(type, version)).toBeDefined();
    }
    expect(Object.keys(EVENT_SCHEMAS).sort()).toEqual([...EVENT_TYPES].sort());
    expect(EVENT_TYPES).toHaveLength(24);
  });

  it('gives each (type, version) exactly one $id', () => {
    const ids = allEventSchemas().map(({ schema }) => schema.$id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { type, version, schema } of allEventSchemas()) {
      expect(schema.$id).toBe(eventSchemaId(type, version));
      expect(schema.$id).toBe(`https://concord-ledger.dev/schemas/events/${type}/v${version}.json`);
    }
  });

  it.each(allEventSchemas().map((entry) => [entry.type, entry.version, entry.schema] as const))(
    '%s v%d is a closed object schema with every field required and described',
    (type, _version, schema) => {
      expect(schema.title).toBe(type);
      expect(schema.description?.length ?? 0).toBeGreaterThan(40);
      expect(schema.type).toBe('object');
      expect(schema.additionalProperties).toBe(false);
      const fields = Object.keys(schema.properties ?? {});
      expect(fields.length).toBeGreaterThan(0);
      expect([...(schema.required ?? [])].sort()).toEqual([...fields].sort());
      for (const property of Object.values(schema.properties ?? {})) expect(property.description?.length ?? 0).toBeGreaterThan(0);
      expect(schema.properties?.['occurredAt']?.format).toBe('date-time');
    },
  );

  it.each(allEventSchemas().map((entry) => [entry.type, entry.version, entry.schema] as const))(
    'the documented example of %s v%d is valid',
    (type, version, schema) => {
      expect(schema.examples).toHaveLength(1);
      expect(validateEventData(type, version, schema.examples?.[0])).toEqual({ valid: true });
    },
  );

  it('answers undefined for an unknown type or version, including inherited property names', () => {
    expect(eventSchema('ObjectionSustained', 1)).toBeUndefined();
    expect(eventSchema('ObjectionRaised', 2)).toBeUndefined();
    expect(eventSchema('ObjectionRaised', 0)).toBeUndefined();
    expect(eventSchema('constructor', 1)).toBeUndefined();
    expect(eventSchema('toString', 1)).toBeUndefined();
  });

  it("marks readOnly exactly the fields of a correction the ledger works out, which a clerk's correction may not give", () => {
    const schema = eventSchema('CorrectionRecorded', CURRENT_SCHEMA_VERSION.CorrectionRecorded);
    const setByTheLedger: Record<string, string[]> = {};
    for (const rule of schema?.allOf ?? []) {
      const correctedType = String(rule.if?.properties?.['correctedType']?.const);
      const fields = Object.entries(rule.then?.properties?.['corrections']?.properties ?? {});
      const derived = fields.filter(([, value]) => value.readOnly === true).map(([field]) => field);
      if (derived.length > 0) setByTheLedger[correctedType] = derived;
      const given = fields.filter(([, value]) => value.readOnly !== true).map(([field]) => field);
      expect(given).toEqual(Object.keys(CORRECTABLE_FIELDS[correctedType] ?? {}));
    }
    expect(setByTheLedger).toEqual({
      ChairAssigned: ['previousViceChair'],
      ConsensusDeclared: ['declaredAs', 'blockingParticipants'],
      NoConsensusRecorded: ['declaredAs', 'blockingParticipants'],
    });
  });
});

// ---------------------------------------------------------------------------------------------
// What the deciders produce is what the schemas accept
// ---------------------------------------------------------------------------------------------

describe('events produced by the deciders', () => {
  it('cover every event type', () => {
    const produced = new Set(LOG.map((entry) => entry.event.type));
    const missing = EVENT_TYPES.filter((type) => !produced.has(type));
    expect(missing).toEqual([]);
    expect([...produced].sort()).toEqual([...EVENT_TYPES].sort());
  });

  it.each([...EVENT_TYPES])('%s: every one produced is valid at the current schema version, also after a JSON round trip', (type) => {
    const events = LOG.filter((entry) => entry.event.type === type);
    expect(events.length).toBeGreaterThan(0);
    for (const { event } of events) {
      expect(validateEventData(type, CURRENT_SCHEMA_VERSION[type], event.data)).toEqual({ valid: true });
      expect(validateEventData(type, CURRENT_SCHEMA_VERSION[type], JSON.parse(JSON.stringify(event.data)))).toEqual({ valid: true });
    }
  });

  it('include both Chair capacities, a null previousViceChair and a general (null-proposal) statement', () => {
    const data = LOG.map((entry) => entry.event);
    const declared = data.flatMap((event) => (event.type === 'ConsensusDeclared' || event.type === 'NoConsensusRecorded' ? [event.data.declaredAs] : []));
    expect(declared.sort()).toEqual(['acting-chair', 'chair']);
    expect(data.some((event) => event.type === 'ChairAssigned' && event.data.previousViceChair === null)).toBe(true);
    expect(data.some((event) => event.type === 'StatementRecorded' && event.data.proposalId === null)).toBe(true);
  });

  it('append corrections to the stream of the event they correct', () => {
    const corrections = LOG.filter((entry) => entry.event.type === 'CorrectionRecorded');
    expect(corrections.map((entry) => entry.stream)).toEqual(['body-kimberley-process', 'meeting-intersessional-2023']);
  });
});

// ---------------------------------------------------------------------------------------------
// What the schemas refuse
// ---------------------------------------------------------------------------------------------

function producedData(type: GovernanceEventType): Record<string, unknown> {
  const entry = LOG.find((candidate) => candidate.event.type === type);
  if (!entry) throw new Error(`the scenario produced no ${type}`);
  return JSON.parse(JSON.stringify(entry.event.data)) as Record<string, unknown>;
}

function errorsOf(type: string, version: number, data: unknown): string[] {
  const result = validateEventData(type, version, data);
  if (result.valid) throw new Error(`expected ${type} v${version} to be refused: ${JSON.stringify(data)}`);
  return result.errors;
}

describe('validateEventData refuses', () => {
  it('an extra field', () => {
    const data = { ...producedData('ObjectionRaised'), severity: 'high' };
    expect(errorsOf('ObjectionRaised', 1, data)).toEqual(['data: unexpected property "severity"']);
  });

  it('a missing required field, nullable ones included', () => {
    const { grounds: _grounds, ...withoutGrounds } = producedData('ObjectionRaised');
    expect(errorsOf('ObjectionRaised', 1, withoutGrounds)).toEqual(['data: missing required property "grounds"']);
    const { previousViceChair: _previous, ...withoutPrevious } = producedData('ChairAssigned');
    expect(errorsOf('ChairAssigned', 1, withoutPrevious)).toEqual(['data: missing required property "previousViceChair"']);
  });

  it('an identifier that is not a slug', () => {
    for (const bad of ['RU', 'russian federation', '-ru', '', 'a'.repeat(65)]) {
      const errors = errorsOf('ObjectionRaised', 1, { ...producedData('ObjectionRaised'), participantId: bad });
      expect(errors).toEqual([expect.stringMatching(/^data\/participantId: must match pattern/)]);
    }
    expect(errorsOf('ProposalTabled', 1, { ...producedData('ProposalTabled'), proposedBy: ['eu', 'Canada'] })).toEqual([
      expect.stringMatching(/^data\/proposedBy\/1: must match pattern/),
    ]);
  });

  it('an unknown type or version, with a clear message', () => {
    const data = producedData('ObjectionRaised');
    expect(validateEventData('ObjectionSustained', 1, data)).toEqual({
      valid: false,
      errors: ['no schema for event type "ObjectionSustained" at schemaVersion 1'],
    });
    expect(validateEventData('ObjectionRaised', 2, data)).toEqual({
      valid: false,
      errors: ['no schema for event type "ObjectionRaised" at schemaVersion 2'],
    });
    expect(validateEventData('constructor', 1, data).valid).toBe(false);
  });

  it('data that is not an object, and null where a field is not nullable', () => {
    expect(errorsOf('MeetingClosed', 1, null)).toEqual(['data: must be object']);
    expect(errorsOf('MeetingClosed', 1, 'plenary-2022')).toEqual(['data: must be object']);
    expect(errorsOf('MeetingClosed', 1, { ...producedData('MeetingClosed'), meetingId: null })).toEqual(['data/meetingId: must be string']);
  });

  it('empty text, and a revision or term that is not a positive integer', () => {
    expect(errorsOf('ObjectionRaised', 1, { ...producedData('ObjectionRaised'), grounds: '' })).toHaveLength(1);
    expect(errorsOf('ProposalRevised', 1, { ...producedData('ProposalRevised'), revision: 0 })).toHaveLength(1);
    expect(errorsOf('ProposalRevised', 1, { ...producedData('ProposalRevised'), revision: 1.5 })).toHaveLength(1);
    expect(errorsOf('ChairAssigned', 1, { ...producedData('ChairAssigned'), term: '2022' })).toHaveLength(1);
  });

  it('a value outside an enumeration', () => {
    expect(errorsOf('ChairAssigned', 1, { ...producedData('ChairAssigned'), basis: 'acclamation' })).toEqual([
      'data/basis: must be one of ["succession","election","postponement","custodial"]',
    ]);
    expect(errorsOf('ProposalTabled', 1, { ...producedData('ProposalTabled'), kind: 'definition-amendment' })).toHaveLength(1);
    expect(errorsOf('MemberWithdrew', 1, { ...producedData('MemberWithdrew'), role: 'chair' })).toHaveLength(1);
    expect(errorsOf('ConsensusDeclared', 1, { ...producedData('ConsensusDeclared'), declaredAs: 'vice-chair' })).toHaveLength(1);
  });

  it('an occurredAt that is not a normalised UTC date-time, and a meeting day that is not a calendar date', () => {
    for (const bad of ['2022-06-23', '2022-06-23T00:00:00Z', '2022-06-23T02:00:00.000+02:00', '2022-13-01T00:00:00.000Z', 'yesterday']) {
      expect(errorsOf('MeetingClosed', 1, { ...producedData('MeetingClosed'), occurredAt: bad }).length).toBeGreaterThan(0);
    }
    for (const bad of ['2022-02-30', '22-06-20', '2022-06-20T00:00:00.000Z']) {
      expect(errorsOf('MeetingConvened', 1, { ...producedData('MeetingConvened'), opensOn: bad }).length).toBeGreaterThan(0);
    }
  });

  it('a proposal tabled by nobody, or by the same participant twice', () => {
    expect(errorsOf('DefinitionAmendmentProposed', 1, { ...producedData('DefinitionAmendmentProposed'), proposedBy: [] })).toEqual([
      'data/proposedBy: must NOT have fewer than 1 items',
    ]);
    expect(errorsOf('DefinitionAmendmentProposed', 1, { ...producedData('DefinitionAmendmentProposed'), proposedBy: ['eu', 'eu'] })).toHaveLength(1);
    expect(errorsOf('NoConsensusRecorded', 1, { ...producedData('NoConsensusRecorded'), blockingParticipants: ['ru', 'ru'] })).toHaveLength(1);
    expect(validateEventData('NoConsensusRecorded', 1, { ...producedData('NoConsensusRecorded'), blockingParticipants: [] })).toEqual({
      valid: true,
    });
  });

  it('a correction of a field the corrected type does not allow, or a value of the wrong shape', () => {
    const correction = producedData('CorrectionRecorded');
    expect(correction['correctedType']).toBe('ParticipantAdmitted');
    expect(errorsOf('CorrectionRecorded', 1, { ...correction, corrections: { participantId: 'eu2' } })).toContain(
      'data/corrections: property "participantId" is not allowed',
    );
    expect(errorsOf('CorrectionRecorded', 1, { ...correction, corrections: {} }).length).toBeGreaterThan(0);
    expect(errorsOf('CorrectionRecorded', 1, { ...correction, corrections: { kind: 'empire' } }).length).toBeGreaterThan(0);
    expect(errorsOf('CorrectionRecorded', 1, { ...correction, corrections: { occurredAt: '2003-01-15' } }).length).toBeGreaterThan(0);
    expect(errorsOf('CorrectionRecorded', 1, { ...correction, correctedType: 'CorrectionRecorded' }).length).toBeGreaterThan(0);
    expect(errorsOf('CorrectionRecorded', 1, { ...correction, correctsEventId: 'evt-1' })).toEqual(['data/correctsEventId: must match format "uuid"']);
  });

  it('a correction of who holds an office at version 1, which did not allow it; version 2 does, with the shapes of the office', () => {
    const chair = { ...producedData('CorrectionRecorded'), correctedType: 'ChairAssigned', corrections: { participantId: 'bw', basis: 'succession' } };
    expect(errorsOf('CorrectionRecorded', 1, chair)).toContain('data/corrections: property "participantId" is not allowed');
    expect(validateEventData('CorrectionRecorded', 2, chair)).toEqual({ valid: true });
    expect(errorsOf('CorrectionRecorded', 2, { ...chair, corrections: { basis: 'acclamation' } }).length).toBeGreaterThan(0);
    expect(validateEventData('CorrectionRecorded', 3, chair)).toEqual({ valid: true });
    // v3: a decision's outcome and declarant, with what re-deciding it worked out (a list among them).
    const decision = {
      ...producedData('CorrectionRecorded'),
      correctedType: 'ConsensusDeclared',
      corrections: { outcome: 'no-consensus', declaredAs: 'chair', blockingParticipants: ['ru'] },
    };
    expect(validateEventData('CorrectionRecorded', 3, decision)).toEqual({ valid: true });
    expect(errorsOf('CorrectionRecorded', 2, decision).length).toBeGreaterThan(0);
    expect(errorsOf('CorrectionRecorded', 3, { ...decision, corrections: { outcome: 'adopted' } }).length).toBeGreaterThan(0);
    expect(errorsOf('CorrectionRecorded', 3, { ...decision, corrections: { blockingParticipants: ['RU'] } }).length).toBeGreaterThan(0);
    expect(errorsOf('CorrectionRecorded', 3, { ...chair, corrections: { participantId: ['bw'] } }).length).toBeGreaterThan(0);
    expect(errorsOf('CorrectionRecorded', 2, { ...chair, corrections: { participantId: 'Botswana' } }).length).toBeGreaterThan(0);
    expect(errorsOf('CorrectionRecorded', 2, { ...chair, correctedType: 'ProposalTabled', corrections: { proposalId: 'p2' } }).length).toBeGreaterThan(0);
  });
});

// ---------------------------------------------------------------------------------------------
// Upcasting
// ---------------------------------------------------------------------------------------------

describe('upcast', () => {
  const v1: EventPayload = Object.freeze({ proposalId: 'definition-2022', participantId: 'ru', grounds: 'Out of mandate.', revision: 2 });

  /** v1 -> v2 renames grounds to reasons; v2 -> v3 wraps reasons in a list: only correct when applied in order. */
  const chain: UpcasterTable = {
    ObjectionRaised: {
      1: ({ grounds, ...rest }) => ({ ...rest, reasons: grounds }),
      2: ({ reasons, ...rest }) => ({ ...rest, reasons: [reasons], steps: 'v1>v2>v3' }),
    },
  };

  it('applies successive upcasters in order up to the current version, without touching the input', () => {
    expect(upcast('ObjectionRaised', 1, v1, chain, 3)).toEqual({
      schemaVersion: 3,
      data: { proposalId: 'definition-2022', participantId: 'ru', reasons: ['Out of mandate.'], revision: 2, steps: 'v1>v2>v3' },
    });
    expect(upcast('ObjectionRaised', 2, { reasons: 'x' }, chain, 3)).toEqual({ schemaVersion: 3, data: { reasons: ['x'], steps: 'v1>v2>v3' } });
    expect(v1).toEqual({ proposalId: 'definition-2022', participantId: 'ru', grounds: 'Out of mandate.', revision: 2 });
  });

  it('throws when a step of the chain is missing', () => {
    const gap: UpcasterTable = { ObjectionRaised: { 2: (data) => data } };
    expect(() => upcast('ObjectionRaised', 1, v1, gap, 3)).toThrow(
      'cannot upcast ObjectionRaised from schemaVersion 1 to 2: no upcaster is registered for that step',
    );
    expect(() => upcast('ObjectionWithdrawn', 1, v1, chain, 2)).toThrow(/no upcaster is registered/);
  });

  it('checks, without the data, what upcast refuses whatever the data (for a fold that skims the log)', () => {
    expect(assertUpcastable('ObjectionRaised', 1, chain, 3)).toBe(3);
    expect(assertUpcastable('ObjectionRaised', 1)).toBe(1);
    expect(() => assertUpcastable('ObjectionRaised', 1, { ObjectionRaised: { 1: (data) => data } }, 3)).toThrow(
      'cannot upcast ObjectionRaised from schemaVersion 2 to 3: no upcaster is registered for that step',
    );
    expect(() => assertUpcastable('ObjectionRaised', 2)).toThrow(/written by a newer ledger/);
    expect(() => assertUpcastable('ObjectionRaised', 0)).toThrow(/not a positive integer/);
    expect(() => assertUpcastable('ObjectionSustained', 1)).toThrow('cannot upcast an event of unknown type "ObjectionSustained"');
  });

  it('passes an event at the current version through unchanged', () => {
    const result = upcast('ObjectionRaised', 1, v1);
    expect(result.schemaVersion).toBe(1);
    expect(result.data).toBe(v1);
    expect(upcast('ObjectionRaised', 3, v1, chain, 3).data).toBe(v1);
  });

  it('throws on a version newer than the current one, a version that is not a positive integer, or an unknown type', () => {
    expect(() => upcast('ObjectionRaised', 2, v1)).toThrow(
      'cannot upcast ObjectionRaised from schemaVersion 2: the current version is 1, so it was written by a newer ledger',
    );
    expect(() => upcast('ObjectionRaised', 0, v1)).toThrow(/not a positive integer/);
    expect(() => upcast('ObjectionRaised', 1.5, v1)).toThrow(/not a positive integer/);
    expect(() => upcast('ObjectionSustained', 1, v1)).toThrow('cannot upcast an event of unknown type "ObjectionSustained"');
  });

  it.each([...EVENT_TYPES])('%s: has a schema for every version up to the current one and an upcaster for every step', (type) => {
    const current = CURRENT_SCHEMA_VERSION[type];
    for (let version = 1; version <= current; version += 1) {
      const schema = eventSchema(type, version);
      expect(schema).toBeDefined();
      // The documented example of every old version upcasts to a valid current payload.
      const example = schema?.examples?.[0];
      const upcasted = upcast(type, version, example as EventPayload);
      expect(upcasted.schemaVersion).toBe(current);
      expect(validateEventData(type, current, upcasted.data)).toEqual({ valid: true });
    }
    expect(
      Object.keys(UPCASTERS[type] ?? {})
        .map(Number)
        .sort((a, b) => a - b),
    ).toEqual(Array.from({ length: current - 1 }, (_, index) => index + 1));
    expect(eventSchema(type, current + 1)).toBeUndefined();
  });
});
