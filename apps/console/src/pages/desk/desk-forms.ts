import { record, Schemas } from '../../api/client';
import { STRINGS } from '../../strings';
import { Basis, chosen, Fields, FormSpec } from './command-form';
import { slugOf } from './proposal-id';

type Options = [value: string, text: string][];

/** What the desk knows when it builds its forms: the meeting, its body, the body's open proposals and meetings. */
export interface DeskContext {
  readonly meeting: Schemas['MeetingAnswer'];
  readonly body: Schemas['BodyAnswer'] | null;
  /** Null while they cannot be read (a reading refused): the forms then keep what the clerk chose. */
  readonly open: readonly Schemas['ProposalView'][] | null;
  readonly meetings: readonly Schemas['MeetingSummaryView'][] | null;
  /** Every term's offices the body has recorded, so that a past meeting's outcome is offered its own term's Chair. */
  readonly chairs: readonly Schemas['ChairTermView'][];
  /** Today's date (YYYY-MM-DD, UTC): a communiqué of a meeting still sitting is dated no later by default. */
  readonly today: string;
}

const D = STRINGS.desk;

/** The Chair recorded for the year a meeting opens in, from the terms listed or, until they are read, the body answer's. */
function chairOfTermOf(date: string, body: Schemas['BodyAnswer'] | null, chairs: readonly Schemas['ChairTermView'][]): string | null {
  const year = Number(date.slice(0, 4));
  const term = [...chairs, body?.currentTerm, body?.latestRecordedTerm].find((each) => each?.term === year);
  return term?.chair ?? null;
}

const optional = (name: string, value: string | undefined): Record<string, string> => (value ? { [name]: value } : {});

export function deskForms({ meeting, body, open: openRead, meetings, chairs, today }: DeskContext): FormSpec[] {
  const open = openRead ?? [];
  // Options read from the ledger are unknown until read: a failed reading must not clear a choice made.
  const proposalsUnknown = openRead === null;
  const membersUnknown = body === null;
  const meetingId = meeting.meetingId;
  const about = `meetings/${meetingId}`;
  // Offered still (a late entry may be dated before the suspension or withdrawal), but marked: a record dated today is refused.
  const marked = (name: string, status: string): string =>
    status === 'suspended' ? D.suspendedName(name) : status === 'withdrawn' ? D.withdrawnName(name) : name;
  const participants: Options = (body?.participants ?? []).map((p) => [p.participantId, marked(p.name, p.status)]);
  const speakers: Options = [...participants, ...(body?.observers ?? []).map((o): [string, string] => [o.observerId, marked(o.name, o.status)])];
  const nameOf = (id: string): string => speakers.find(([value]) => value === id)?.[1] ?? id;
  const proposals: Options = open.map((p) => [p.proposalId, p.title]);
  const proposal = (values: Fields): Schemas['ProposalView'] | undefined => open.find((p) => p.proposalId === values.proposalId);
  // What a form about the chosen proposal is begun on: its stream revision and its text's revision as
  // the page shows them (unknown while the proposals cannot be read).
  const asShown = (values: Fields): Basis | undefined => {
    if (openRead === null) return undefined;
    const chosenProposal = proposal(values);
    return chosenProposal === undefined ? {} : { ifMatch: chosenProposal.streamRevision, revision: chosenProposal.revision };
  };
  const onStream = (values: Fields): Basis | undefined => {
    const basis = asShown(values);
    return basis === undefined ? undefined : { ifMatch: basis.ifMatch };
  };
  const onText = (values: Fields): Basis | undefined => {
    const basis = asShown(values);
    return basis === undefined ? undefined : { revision: basis.revision };
  };
  // Sent on the proposal as the page showed it when it was chosen (the form is pinned then): anything
  // recorded on it since (a revision, an objection withdrawn) makes the ledger refuse the form as stale.
  const asChosen = (basis: Basis, idempotencyKey: string): { idempotencyKey: string; ifMatch?: number } =>
    basis.ifMatch === undefined ? { idempotencyKey } : { idempotencyKey, ifMatch: basis.ifMatch };
  // The text the page showed when the proposal was chosen: support and objections are on one text, so
  // only a revision since makes them stale, not the support or objection another clerk recorded meanwhile.
  const onTextShown = (basis: Basis): { revision?: number } => (basis.revision === undefined ? {} : { revision: basis.revision });
  const when = { name: 'occurredAt', label: D.occurredAt, kind: 'text', holdsDate: true } as const;
  const chooseProposal = {
    name: 'proposalId',
    label: D.proposal,
    kind: 'choice',
    options: proposals,
    optionsUnknown: proposalsUnknown,
    beginsForm: true,
    required: true,
  } as const;
  // Support and objections are a participant's: an observer may speak but not block.
  const chooseParticipant = { name: 'participantId', label: D.participant, kind: 'choice', options: participants, optionsUnknown: membersUnknown } as const;
  // A participant whose objection to the chosen proposal stands already is not offered: the ledger refuses a second (objection-already-standing).
  const mayObject = (values: Fields): Options => {
    const standing = new Set((proposal(values)?.standingObjections ?? []).map((o) => o.participantId));
    return participants.filter(([id]) => !standing.has(id));
  };
  // Today while the meeting sits (its records are mostly of the day), its opening day once it is
  // over; today still before it opens, since a record dated in the future is always refused.
  const onItsDay = { occurredAt: today <= meeting.closesOn ? today : meeting.opensOn };
  return [
    {
      id: 'statement',
      about,
      title: D.recordStatement,
      fields: [
        { name: 'speakerId', label: D.speaker, kind: 'choice', options: speakers, optionsUnknown: membersUnknown },
        { name: 'proposalId', label: D.about, kind: 'choice', options: proposals, optionsUnknown: proposalsUnknown },
        { name: 'summary', label: D.summary, kind: 'multiline' },
        when,
      ],
      initial: onItsDay,
      send: (v, idempotencyKey) =>
        record(
          `/v1/meetings/${meetingId}/statements`,
          { speakerId: v.speakerId, summary: v.summary, occurredAt: v.occurredAt, ...optional('proposalId', v.proposalId) },
          // No If-Match: statements do not depend on each other, and several clerks may record them at one meeting.
          { idempotencyKey },
        ),
    },
    {
      id: 'table',
      about,
      title: D.table,
      fields: [
        { name: 'title', label: D.proposalTitle, kind: 'text' },
        { name: 'text', label: D.proposalText, kind: 'multiline' },
        { name: 'kind', label: D.kind, kind: 'choice', options: Object.entries(D.kinds) },
        { name: 'proposedBy', label: D.proposedBy, kind: 'choices', options: participants, optionsUnknown: membersUnknown },
        { name: 'proposalId', label: D.proposalId, kind: 'text', hint: D.proposalIdHint },
        when,
      ],
      initial: { ...onItsDay, kind: 'agenda-item' },
      send: (v, idempotencyKey) =>
        record(
          `/v1/bodies/${meeting.bodyId}/proposals`,
          {
            proposalId: v.proposalId || slugOf(v.title ?? ''),
            kind: v.kind,
            title: v.title,
            text: v.text,
            proposedBy: chosen(v.proposedBy),
            meetingId,
            occurredAt: v.occurredAt,
          },
          { idempotencyKey },
        ),
    },
    {
      id: 'support',
      about,
      title: D.support,
      fields: [chooseProposal, chooseParticipant, when],
      initial: onItsDay,
      basisOf: onText,
      send: (v, idempotencyKey, basis) =>
        record(
          `/v1/proposals/${v.proposalId}/support`,
          { participantId: v.participantId, occurredAt: v.occurredAt, ...onTextShown(basis) },
          { idempotencyKey },
        ),
    },
    {
      id: 'objection',
      about,
      title: D.objection,
      fields: [chooseProposal, { ...chooseParticipant, options: mayObject }, { name: 'grounds', label: D.grounds, kind: 'multiline' }, when],
      initial: onItsDay,
      basisOf: onText,
      send: (v, idempotencyKey, basis) =>
        record(
          `/v1/proposals/${v.proposalId}/objections`,
          { participantId: v.participantId, grounds: v.grounds, occurredAt: v.occurredAt, ...onTextShown(basis) },
          { idempotencyKey },
        ),
    },
    {
      id: 'objection-withdrawal',
      about,
      title: D.withdrawObjection,
      fields: [
        chooseProposal,
        {
          name: 'participantId',
          label: D.objector,
          kind: 'choice',
          required: true,
          options: (v) => (proposal(v)?.standingObjections ?? []).map((o): [string, string] => [o.participantId, nameOf(o.participantId)]),
        },
        when,
      ],
      initial: onItsDay,
      send: (v, idempotencyKey) =>
        // No If-Match: the ledger refuses it unless that objection still stands, whatever else clerks record meanwhile.
        record(`/v1/proposals/${v.proposalId}/objections/${v.participantId}/withdrawal`, { occurredAt: v.occurredAt }, { idempotencyKey }),
    },
    {
      id: 'deferral',
      about,
      title: D.defer,
      fields: [
        chooseProposal,
        {
          name: 'toMeetingId',
          label: D.deferTo,
          kind: 'choice',
          // A proposal is deferred to a meeting not yet closed (rule 4): a closed one is not offered.
          options: (meetings ?? [])
            .filter((m) => m.meetingId !== meetingId && m.status === 'open')
            .map((m): [string, string] => [m.meetingId, `${m.location}, ${m.opensOn}`]),
          optionsUnknown: meetings === null,
        },
        when,
      ],
      initial: onItsDay,
      basisOf: onStream,
      send: (v, idempotencyKey, basis) =>
        record(
          `/v1/proposals/${v.proposalId}/deferral`,
          { occurredAt: v.occurredAt, ...optional('toMeetingId', v.toMeetingId) },
          asChosen(basis, idempotencyKey),
        ),
    },
    {
      id: 'decision',
      about,
      title: D.decide,
      fields: [
        chooseProposal,
        { name: 'outcome', label: D.outcome, kind: 'choice', options: Object.entries(D.outcomes) },
        { name: 'declaredBy', label: D.declaredBy, kind: 'choice', options: participants, optionsUnknown: membersUnknown },
        when,
      ],
      initial: { ...onItsDay, declaredBy: chairOfTermOf(meeting.opensOn, body, chairs) ?? '' },
      basisOf: asShown,
      send: (v, idempotencyKey, basis) => {
        return record(
          `/v1/proposals/${v.proposalId}/decision`,
          { outcome: v.outcome, declaredBy: v.declaredBy, meetingId, occurredAt: v.occurredAt, ...onTextShown(basis) },
          // Every record counts for a decision (an objection withdrawn meanwhile, support): any of them makes it stale.
          asChosen(basis, idempotencyKey),
        );
      },
    },
    {
      id: 'communique',
      about,
      title: D.communique,
      fields: [
        { name: 'adopted', label: D.adopted, kind: 'choice', options: Object.entries(D.adoption) },
        { name: 'text', label: D.communiqueText, kind: 'multiline' },
        { name: 'reason', label: D.noCommuniqueReason, kind: 'multiline' },
        when,
      ],
      // The planned last day, or today while the meeting still sits: a date still to come is refused.
      initial: {
        occurredAt:
          today < meeting.opensOn ? today : ([meeting.opensOn, meeting.closesOn < today ? meeting.closesOn : today].sort().at(-1) ?? meeting.closesOn),
      },
      send: (v, idempotencyKey) => {
        // Left unchosen, `adopted` is not sent, and the ledger says it is required.
        const adopted = v.adopted === 'yes' ? true : v.adopted === 'no' ? false : undefined;
        const said = adopted === undefined ? {} : adopted ? { adopted, text: v.text } : { adopted, reason: v.reason };
        return record(`/v1/meetings/${meetingId}/communique`, { ...said, occurredAt: v.occurredAt }, { idempotencyKey });
      },
    },
    {
      id: 'proposal-withdrawal',
      about,
      title: D.withdrawProposal,
      fields: [
        chooseProposal,
        { name: 'reason', label: D.withdrawalReason, kind: 'multiline' },
        // Who withdrew it, when recorded: the chosen proposal's proposers only (the ledger refuses another, not-a-proposer).
        {
          name: 'withdrawnBy',
          label: D.withdrawnBy,
          kind: 'choices',
          options: (v) => (proposal(v)?.proposedBy ?? []).map((id): [string, string] => [id, nameOf(id)]),
          optionsUnknown: proposalsUnknown,
        },
        when,
      ],
      initial: onItsDay,
      basisOf: onStream,
      send: (v, idempotencyKey, basis) =>
        record(
          `/v1/proposals/${v.proposalId}/withdrawal`,
          { reason: v.reason, occurredAt: v.occurredAt, ...(v.withdrawnBy ? { withdrawnBy: chosen(v.withdrawnBy) } : {}) },
          asChosen(basis, idempotencyKey),
        ),
    },
    {
      id: 'closure',
      about,
      title: D.closeMeeting,
      fields: [when],
      // The planned last day, or today while the meeting still sits, as for the communiqué.
      initial: {
        occurredAt:
          today < meeting.opensOn ? today : ([meeting.opensOn, meeting.closesOn < today ? meeting.closesOn : today].sort().at(-1) ?? meeting.closesOn),
      },
      send: (v, idempotencyKey) => record(`/v1/meetings/${meetingId}/closure`, { occurredAt: v.occurredAt }, { idempotencyKey }),
    },
  ];
}
