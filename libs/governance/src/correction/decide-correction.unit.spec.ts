import { CommandContext } from '../shared/command-context';
import { outcomeOf } from '../testing/given-when-then';
import { BodyEvent } from '../body/body-events';
import { GovernanceEvent } from '../events';
import { DomainErrorCode } from '../shared/domain-error';
import {
  at,
  bodyOf,
  chairAssigned,
  definitionAmendmentProposed,
  DEFINITION_PROPOSAL,
  CONTEXT,
  intersessional2022,
  INTERSESSIONAL_2022,
  KP,
  KP_MEMBERSHIP,
  kpBody,
  kpFacts,
  meetingOf,
  memberWithdrew,
  objectionRaised,
  objectionWithdrawn,
  participantAdmitted,
  participantReinstated,
  participantSuspended,
  PLENARY_2022,
  plenary2022,
  proposalRevised,
  supportExpressed,
  viceChairSelected,
} from '../testing/kimberley-process';
import { IdentifiedEvent } from './apply-corrections';
import { CORRECTION_AFTER_ITS_NEW_DATE_SINCE, CorrectionTarget, decideCorrection, RecordCorrection } from './decide-correction';
import { CORRECTABLE_FIELDS } from './correctable-fields';
import { CorrectionRecorded } from './correction-events';

/** A correction has no aggregate of its own: `given` is the stored event it corrects. */
const given = (target: CorrectionTarget, context: CommandContext = CONTEXT) => ({
  // The facts a participation's corrected date is judged by: the KP as it stands.
  when: (command: RecordCorrection) => outcomeOf<CorrectionRecorded>(() => decideCorrection(command, target, context, [], kpFacts())),
});

const stored = (eventId: string, event: { type: string; data: object }): CorrectionTarget => ({
  eventId,
  type: event.type,
  data: { ...event.data },
});
const russiasObjection = stored('0190c5e0-0000-7000-8000-000000000001', objectionRaised('ru', 'politicize'));
const intersessional = stored('0190c5e0-0000-7000-8000-000000000002', intersessional2022);
const uaeAdmitted = stored('0190c5e0-0000-7000-8000-000000000003', participantAdmitted('ae'));

/** A correction cannot be dated before the date it gives its record: by default 1 July 2022, or that date if later. */
const correctionDateFor = (corrections: Readonly<Record<string, unknown>>): string => {
  const moved = corrections.occurredAt;
  const usual = at('2022-07-01');
  return typeof moved === 'string' && Date.parse(moved) > Date.parse(usual) ? new Date(Date.parse(moved)).toISOString() : usual;
};

const correct = (target: CorrectionTarget, corrections: Record<string, unknown>, occurredAt = correctionDateFor(corrections)): RecordCorrection => ({
  type: 'RecordCorrection',
  data: { correctsEventId: target.eventId, reason: 'transcription error', corrections, occurredAt },
});
/** A correction decided after every record of the office streams below. */
const LATER = at('2023-12-01');
const recorded = (
  target: CorrectionTarget,
  corrections: CorrectionRecorded['data']['corrections'],
  occurredAt = correctionDateFor(corrections),
): CorrectionRecorded => ({
  type: 'CorrectionRecorded',
  data: { correctsEventId: target.eventId, correctedType: target.type, reason: 'transcription error', corrections, occurredAt },
});

const OFFICES = ['ChairAssigned', 'ViceChairSelected'];
const DECISIONS = ['ConsensusDeclared', 'NoConsensusRecorded'];

describe('decideCorrection (rule 7)', () => {
  describe('CorrectionRecorded', () => {
    it('names the event it corrects, its type, the reason and the corrected text', () => {
      given(russiasObjection)
        .when(correct(russiasObjection, { grounds: 'an attempt to "politicize" the KP' }))
        .thenEvents([recorded(russiasObjection, { grounds: 'an attempt to "politicize" the KP' })]);
    });

    it('refuses a correction dated before the record it corrects, as it reads or as the correction dates it', () => {
      const objectedOn = russiasObjection.data.occurredAt as string;
      given(russiasObjection)
        .when(correct(russiasObjection, { grounds: 'politicise' }, at('2022-06-01')))
        .thenRefused('occurred-out-of-order', { occurredAt: at('2022-06-01'), earliest: objectedOn });
      // Moved earlier, the record happened by then: a correction decided between the two dates stands.
      given(russiasObjection)
        .when(correct(russiasObjection, { occurredAt: '2022-05-30' }, at('2022-06-01')))
        .thenEvents([recorded(russiasObjection, { occurredAt: at('2022-05-30') }, at('2022-06-01'))]);
      given(russiasObjection)
        .when(correct(russiasObjection, { occurredAt: '2022-06-02' }, at('2022-06-01')))
        .thenRefused('occurred-out-of-order', { earliest: at('2022-06-02') });
    });

    it('refuses a correction dated before the later date it gives its record: it cannot know of it yet', () => {
      const objectedOn = russiasObjection.data.occurredAt as string;
      const dayAfter = new Date(Date.parse(objectedOn) + 86_400_000).toISOString();
      const twoDaysAfter = new Date(Date.parse(objectedOn) + 2 * 86_400_000).toISOString();
      const recordedSince = { now: CORRECTION_AFTER_ITS_NEW_DATE_SINCE };
      given(russiasObjection, recordedSince)
        .when(correct(russiasObjection, { occurredAt: twoDaysAfter }, dayAfter))
        .thenRefused('occurred-out-of-order', { occurredAt: dayAfter, earliest: twoDaysAfter });
      given(russiasObjection, recordedSince)
        .when(correct(russiasObjection, { occurredAt: dayAfter }, twoDaysAfter))
        .thenEvents([recorded(russiasObjection, { occurredAt: dayAfter }, twoDaysAfter)]);
      // Recorded before the rule (judged again at its recorded time by import and verify --rules): held to the earlier date only.
      const recordedBefore = { now: new Date(Date.parse(CORRECTION_AFTER_ITS_NEW_DATE_SINCE) - 1).toISOString() };
      given(russiasObjection, recordedBefore)
        .when(correct(russiasObjection, { occurredAt: twoDaysAfter }, dayAfter))
        .thenEvents([recorded(russiasObjection, { occurredAt: twoDaysAfter }, dayAfter)]);
    });

    it('normalises a corrected moment to a UTC date-time', () => {
      given(russiasObjection)
        .when(correct(russiasObjection, { occurredAt: '2022-06-22T14:00:00+02:00' }))
        .thenEvents([recorded(russiasObjection, { occurredAt: '2022-06-22T12:00:00.000Z' })]);
    });

    it('corrects meeting days as calendar dates, several fields at once', () => {
      given(intersessional)
        .when(correct(intersessional, { opensOn: '2022-06-21', closesOn: '2022-06-23', location: 'Kasane' }))
        .thenEvents([recorded(intersessional, { opensOn: '2022-06-21', closesOn: '2022-06-23', location: 'Kasane' })]);
    });

    it('corrects the reason of a withdrawal, but not who withdrew it', () => {
      const withdrawal = stored('0190c5e0-0000-7000-8000-000000000004', {
        type: 'ProposalWithdrawn',
        data: { proposalId: 'p-1', reason: 'Superseeded.', withdrawnBy: ['ua'], occurredAt: at('2022-06-24') },
      });
      given(withdrawal)
        .when(correct(withdrawal, { reason: 'Superseded.' }))
        .thenEvents([recorded(withdrawal, { reason: 'Superseded.' })]);
      given(withdrawal)
        .when(correct(withdrawal, { withdrawnBy: 'eu' }))
        .thenRefused('correction-not-applicable', { field: 'withdrawnBy' });
    });

    it('corrects the kind of a participant', () => {
      given(uaeAdmitted)
        .when(correct(uaeAdmitted, { kind: 'regional-organisation' }))
        .thenEvents([recorded(uaeAdmitted, { kind: 'regional-organisation' })]);
    });

    // Offices and decisions are held to their rules, which need the body: see the next block and
    // decide-decision-correction.unit.spec.ts.
    it.each(Object.keys(CORRECTABLE_FIELDS).filter((type) => !OFFICES.includes(type) && !DECISIONS.includes(type)))(
      'lets the world time of %s be corrected',
      (type) => {
        // Support and objections are made by a participant, active on the corrected date (the KP's
        // Ukraine); a tabling is by participants active then, and a deferral names a meeting still open.
        const tabling = { ...definitionAmendmentProposed.data, meetingId: null, occurredAt: at('2022-06-20') };
        const data: Record<string, unknown> =
          {
            SupportExpressed: { participantId: 'ua' },
            ObjectionRaised: { participantId: 'ua' },
            DefinitionAmendmentProposed: tabling,
            ProposalTabled: { ...tabling, kind: 'agenda-item' },
            ProposalDeferred: { proposalId: DEFINITION_PROPOSAL, toMeetingId: PLENARY_2022 },
            StatementRecorded: { meetingId: INTERSESSIONAL_2022, speakerId: 'ua', proposalId: null },
          }[type] ?? {};
        const target: CorrectionTarget = { eventId: `event-${type}`, type, data };
        // A statement is judged by its meeting's facts: the body on the day, Ukraine a member of it.
        const facts = type === 'StatementRecorded' ? { body: kpBody() } : kpFacts();
        outcomeOf<CorrectionRecorded>(() => decideCorrection(correct(target, { occurredAt: '2022-06-21' }), target, CONTEXT, [], facts)).thenEvents([
          recorded(target, { occurredAt: at('2022-06-21') }),
        ]);
      },
    );
  });

  describe('support and objections moved to another date, held to rules 1 and 8 as their commands were', () => {
    const proposalStream = (...events: GovernanceEvent[]): IdentifiedEvent[] => events.map((event, index) => ({ eventId: `proposal-event-${index}`, event }));
    const record = (stream: IdentifiedEvent[], index: number): CorrectionTarget => {
      const { eventId, event } = stream[index] as IdentifiedEvent;
      return { eventId, type: event.type, data: { ...event.data } };
    };
    const decideOn = (stream: IdentifiedEvent[], target: CorrectionTarget, occurredAt: string, facts = kpFacts()) =>
      outcomeOf<CorrectionRecorded>(() => decideCorrection(correct(target, { occurredAt }), target, CONTEXT, stream, facts));

    it('refuses support moved before the revision it is on, and an objection moved after its withdrawal', () => {
      const stream = proposalStream(
        definitionAmendmentProposed,
        proposalRevised(2, 'A new text', at('2022-06-23')),
        supportExpressed('ua', 2, at('2022-06-24')),
        objectionRaised('ru', 'no', 2, at('2022-06-24')),
        objectionWithdrawn('ru', at('2022-06-26')),
      );
      decideOn(stream, record(stream, 2), '2022-06-22').thenRefused('occurred-out-of-order', { earliest: at('2022-06-23'), dependentType: 'SupportExpressed' });
      decideOn(stream, record(stream, 3), '2022-06-27').thenRefused('occurred-out-of-order', {
        earliest: at('2022-06-27'),
        dependentType: 'ObjectionWithdrawn',
      });
      // The revision moved after the support of it: the support is what no longer fits.
      decideOn(stream, record(stream, 1), '2022-06-25').thenRefused('occurred-out-of-order', { earliest: at('2022-06-25'), dependentType: 'SupportExpressed' });
      decideOn(stream, record(stream, 1), '2022-06-21T12:00:00Z').thenEvents([recorded(record(stream, 1), { occurredAt: at('2022-06-21T12:00:00Z') })]);
      decideOn(stream, record(stream, 3), '2022-06-25').thenEvents([recorded(record(stream, 3), { occurredAt: at('2022-06-25') })]);
    });

    it("refuses a participant's support, objection or withdrawal moved out of the order of its own records", () => {
      const stream = proposalStream(
        definitionAmendmentProposed,
        objectionRaised('ru', 'no', 1, at('2022-06-23')),
        objectionWithdrawn('ru', at('2022-06-25')),
        supportExpressed('ru', 1, at('2022-06-27')),
        supportExpressed('ua', 1, at('2022-06-27')),
      );
      // Russia's support moved into the days its objection stood.
      decideOn(stream, record(stream, 3), '2022-06-24').thenRefused('occurred-out-of-order', { earliest: at('2022-06-25'), dependentType: 'SupportExpressed' });
      // Its withdrawal moved after its support: the support is what no longer fits.
      decideOn(stream, record(stream, 2), '2022-06-28').thenRefused('occurred-out-of-order', { earliest: at('2022-06-28'), dependentType: 'SupportExpressed' });
      // Another participant's support is not held to Russia's records.
      decideOn(stream, record(stream, 4), '2022-06-24').thenEvents([recorded(record(stream, 4), { occurredAt: at('2022-06-24') })]);
      decideOn(stream, record(stream, 3), '2022-06-26').thenEvents([recorded(record(stream, 3), { occurredAt: at('2022-06-26') })]);
    });

    it('names the record that would no longer fit, whose it is, and the record it must follow', () => {
      const stream = proposalStream(
        definitionAmendmentProposed,
        objectionRaised('ru', 'no', 1, at('2022-06-23')),
        objectionWithdrawn('ru', at('2022-06-25')),
        supportExpressed('ru', 1, at('2022-06-27')),
      );
      const refusal = decideOn(stream, record(stream, 2), '2022-06-28').thenRefused('occurred-out-of-order', {
        dependentType: 'SupportExpressed',
        dependentOccurredAt: at('2022-06-27'),
        earliest: at('2022-06-28'),
      });
      expect(refusal.message).toBe(
        `after this correction ru's SupportExpressed record would be dated ${at('2022-06-27')}, before ru's withdrawal of its objection (${at('2022-06-28')}), which it must follow`,
      );
    });

    it('refuses a deferral moved before or after another, out of the order they were recorded in', () => {
      const stream = proposalStream(
        definitionAmendmentProposed,
        {
          type: 'ProposalDeferred',
          data: { proposalId: definitionAmendmentProposed.data.proposalId, toMeetingId: 'plenary-2022', occurredAt: at('2022-06-24') },
        },
        { type: 'ProposalDeferred', data: { proposalId: definitionAmendmentProposed.data.proposalId, toMeetingId: null, occurredAt: at('2022-06-25') } },
      );
      decideOn(stream, record(stream, 1), '2022-06-26').thenRefused('occurred-out-of-order', { dependentType: 'ProposalDeferred', earliest: at('2022-06-26') });
      decideOn(stream, record(stream, 2), '2022-06-23').thenRefused('occurred-out-of-order', { dependentType: 'ProposalDeferred', earliest: at('2022-06-24') });
      decideOn(stream, record(stream, 1), '2022-06-25').thenEvents([recorded(record(stream, 1), { occurredAt: at('2022-06-25') })]);
    });

    it('corrects a record of a stream already out of order, unless the correction puts it out of order anew', () => {
      // Support dated before its revision, recorded under earlier rules.
      const stream = proposalStream(
        definitionAmendmentProposed,
        proposalRevised(2, 'A new text', at('2022-06-23')),
        supportExpressed('ua', 2, at('2022-06-22')),
        objectionRaised('ru', 'no', 2, at('2022-06-24')),
        supportExpressed('eu', 2, at('2022-06-24')),
      );
      decideOn(stream, record(stream, 3), '2022-06-25').thenEvents([recorded(record(stream, 3), { occurredAt: at('2022-06-25') })]);
      decideOn(stream, record(stream, 3), '2022-06-22').thenRefused('occurred-out-of-order', { dependentType: 'ObjectionRaised' });
      // The same fault as Ukraine's, in another record: not excused by it.
      decideOn(stream, record(stream, 4), '2022-06-22').thenRefused('occurred-out-of-order', { dependentType: 'SupportExpressed' });
      // Ukraine's own support, out of order already, can still have its date corrected.
      decideOn(stream, record(stream, 2), '2022-06-21T12:00:00Z').thenEvents([recorded(record(stream, 2), { occurredAt: at('2022-06-21T12:00:00Z') })]);
    });

    it('refuses support moved to a date its participant was not active on, with the code its command would get', () => {
      const stream = proposalStream(definitionAmendmentProposed, supportExpressed('ua', 1, at('2022-06-24')));
      const suspended = kpFacts({ body: bodyOf([...KP_MEMBERSHIP, participantSuspended('ua', at('2022-06-01'))]) });
      decideOn(stream, record(stream, 1), '2022-06-22', suspended).thenRefused('participant-suspended');
    });

    describe('a tabling or a deferral moved to another date, held to what its command read of other streams then', () => {
      const closedAt = (meeting: typeof intersessional2022, moment: string) =>
        meetingOf(meeting, { type: 'MeetingClosed', data: { meetingId: meeting.data.meetingId, occurredAt: at(moment) } });
      const tabled = proposalStream(definitionAmendmentProposed);

      it('refuses a tabling moved out of its meeting, with the code its command would get, and takes one moved within it', () => {
        const facts = kpFacts({ meeting: closedAt(intersessional2022, '2022-06-24T18:00:00Z') });
        decideOn(tabled, record(tabled, 0), '2022-06-25', facts).thenRefused('meeting-closed', { meetingId: INTERSESSIONAL_2022 });
        decideOn(tabled, record(tabled, 0), '2022-06-19', facts).thenRefused('occurred-out-of-order');
        decideOn(tabled, record(tabled, 0), '2022-06-22', facts).thenEvents([recorded(record(tabled, 0), { occurredAt: at('2022-06-22') })]);
      });

      it('refuses a tabling moved to a date a proposer was suspended on, or before the body was established', () => {
        const suspended = kpFacts({ body: bodyOf([...KP_MEMBERSHIP, participantSuspended('ua', at('2022-06-01'))]), meeting: meetingOf(intersessional2022) });
        decideOn(tabled, record(tabled, 0), '2022-06-22', suspended).thenRefused('participant-suspended', { participantId: 'ua' });
        decideOn(tabled, record(tabled, 0), '2022-06-22', kpFacts({ body: bodyOf([]), meeting: meetingOf(intersessional2022) })).thenRefused('body-not-found');
      });

      it('refuses a deferral moved after the meeting it defers to closed, and takes one moved before that meeting convenes', () => {
        const deferred = proposalStream(definitionAmendmentProposed, {
          type: 'ProposalDeferred',
          data: { proposalId: definitionAmendmentProposed.data.proposalId, toMeetingId: PLENARY_2022, occurredAt: at('2022-06-24') },
        });
        const facts = kpFacts({ meeting: closedAt(plenary2022, '2022-11-11T18:00:00Z') });
        decideOn(deferred, record(deferred, 1), '2022-11-12', facts).thenRefused('meeting-closed', { meetingId: PLENARY_2022 });
        decideOn(deferred, record(deferred, 1), '2022-07-01', facts).thenEvents([recorded(record(deferred, 1), { occurredAt: at('2022-07-01') })]);
      });

      it('refuses a statement moved before the proposal it is about was tabled, or to a day its speaker was no member', () => {
        const statement = {
          type: 'StatementRecorded',
          data: {
            meetingId: INTERSESSIONAL_2022,
            speakerId: 'csc',
            speakerRole: 'observer',
            proposalId: DEFINITION_PROPOSAL,
            summary: 'S.',
            occurredAt: at('2022-06-22'),
          },
        } as const;
        const spoken = proposalStream(intersessional2022, statement);
        const facts = { body: kpBody(), proposalBodyId: KP, proposalTabledAt: definitionAmendmentProposed.data.occurredAt };
        const correctDate = (occurredAt: string, given = facts) =>
          outcomeOf<CorrectionRecorded>(() => decideCorrection(correct(record(spoken, 1), { occurredAt }), record(spoken, 1), CONTEXT, spoken, given));
        correctDate('2022-06-20T12:00:00Z').thenRefused('occurred-out-of-order');
        correctDate('2022-06-21T12:00:00Z', { ...facts, body: kpBody(memberWithdrew('csc', 'observer', at('2022-06-21'))) }).thenRefused('not-a-member');
        correctDate('2022-06-21T12:00:00Z').thenEvents([recorded(record(spoken, 1), { occurredAt: at('2022-06-21T12:00:00Z') })]);
      });

      it('does not read other streams for a correction that leaves the date alone', () => {
        const retitled = correct(record(tabled, 0), { title: 'Widen the definition' });
        outcomeOf<CorrectionRecorded>(() => decideCorrection(retitled, record(tabled, 0), CONTEXT, tabled)).thenEvents([
          recorded(record(tabled, 0), { title: 'Widen the definition' }),
        ]);
      });
    });
  });

  describe('who holds an office, and on what basis, held to the rules the office was recorded under', () => {
    /** The KP's stream as it read when the offices below were recorded, with the office last. */
    const bodyStream = (office: BodyEvent, ...before: BodyEvent[]): { target: CorrectionTarget; stream: IdentifiedEvent[] } => {
      const stream = [...KP_MEMBERSHIP, ...before, office].map((event, index) => ({ eventId: `body-event-${index}`, event }));
      const last = stream.at(-1) as IdentifiedEvent;
      return { target: { eventId: last.eventId, type: office.type, data: { ...office.data } }, stream };
    };
    const decide = ({ target, stream }: ReturnType<typeof bodyStream>, corrections: Record<string, unknown>) =>
      outcomeOf<CorrectionRecorded>(() => decideCorrection(correct(target, corrections), target, CONTEXT, stream));

    it('corrects a mistyped Chair, and the basis with it', () => {
      const keyed = bodyStream(chairAssigned('by', 2022, 'election', 'bw'), viceChairSelected('bw', 2021));
      decide(keyed, { participantId: 'bw', basis: 'succession' }).thenEvents([recorded(keyed.target, { participantId: 'bw', basis: 'succession' })]);
      decide(keyed, { participantId: 'ua' }).thenEvents([recorded(keyed.target, { participantId: 'ua' })]);
    });

    it('corrects a mistyped Vice-Chair, and the date it was selected', () => {
      const keyed = bodyStream(viceChairSelected('by', 2022));
      decide(keyed, { participantId: 'zw', occurredAt: '2021-11-16' }).thenEvents([
        recorded(keyed.target, { participantId: 'zw', occurredAt: at('2021-11-16') }),
      ]);
    });

    it.each<[string, ReturnType<typeof bodyStream>, Record<string, unknown>, DomainErrorCode]>([
      ['a Chair who is no participant', bodyStream(chairAssigned('ua', 2022, 'election', null)), { participantId: 'csc' }, 'not-a-participant'],
      [
        'a suspended Chair',
        bodyStream(chairAssigned('ua', 2022, 'election', null), participantSuspended('ru', at('2021-06-01'))),
        { participantId: 'ru' },
        'participant-suspended',
      ],
      [
        'succession by one who was not Vice-Chair',
        bodyStream(chairAssigned('ua', 2022, 'election', 'bw'), viceChairSelected('bw', 2021)),
        { basis: 'succession' },
        'succession-without-vice-chair',
      ],
      [
        'a custodial Chair who did not chair the term before',
        bodyStream(chairAssigned('ua', 2022, 'election', null)),
        { basis: 'custodial' },
        'custodial-without-previous-chair',
      ],
      ['a Vice-Chair who is no participant', bodyStream(viceChairSelected('ua', 2022)), { participantId: 'wdc' }, 'not-a-participant'],
      [
        'a Vice-Chair for a term another holds',
        bodyStream(viceChairSelected('ua', 2022), viceChairSelected('bw', 2022)),
        { participantId: 'zw' },
        'vice-chair-term-taken',
      ],
      [
        'a Vice-Chair who chairs the same term',
        bodyStream(viceChairSelected('ua', 2022), chairAssigned('bw', 2022, 'election', null)),
        { participantId: 'bw' },
        'holds-other-office',
      ],
      [
        'a Chair who is Vice-Chair of the same term',
        bodyStream(chairAssigned('ua', 2022, 'election', null), viceChairSelected('bw', 2022)),
        { participantId: 'bw' },
        'holds-other-office',
      ],
    ])('refuses %s with the code the office itself would have been refused with', (_case, keyed, corrections, code) => {
      decide(keyed, corrections).thenRefused(code);
    });

    it('holds the offices recorded after the corrected one to their rules, with the corrected value', () => {
      const stream = [
        ...KP_MEMBERSHIP,
        viceChairSelected('bw', 2021),
        chairAssigned('bw', 2022, 'succession', 'bw'),
        chairAssigned('bw', 2023, 'custodial', null),
      ].map((event, index) => ({ eventId: `body-event-${index}`, event }));
      const record = (index: number): CorrectionTarget => {
        const { eventId, event } = stream[index] as IdentifiedEvent;
        return { eventId, type: event.type, data: { ...event.data } };
      };
      const viceChair2021 = record(KP_MEMBERSHIP.length);
      const chair2022 = record(KP_MEMBERSHIP.length + 1);
      const decideOn = (target: CorrectionTarget, corrections: Record<string, unknown>) =>
        outcomeOf<CorrectionRecorded>(() => decideCorrection(correct(target, corrections), target, CONTEXT, stream));

      // Botswana succeeded to the 2022 chair as the 2021 Vice-Chair: the Vice-Chair cannot become Zimbabwe.
      decideOn(viceChair2021, { participantId: 'zw' }).thenRefused('succession-without-vice-chair');
      // Botswana chaired 2023 in custody of its 2022 chair: the 2022 Chair cannot become Ukraine.
      decideOn(chair2022, { participantId: 'ua', basis: 'election' }).thenRefused('custodial-without-previous-chair');
      decideOn(chair2022, { basis: 'election' }).thenEvents([recorded(chair2022, { basis: 'election' })]);
    });

    it('refuses a corrected holder who would hold both offices of a term, whichever of the two was recorded first', () => {
      const stream = [...KP_MEMBERSHIP, chairAssigned('ua', 2022, 'election', null), viceChairSelected('bw', 2022)].map((event, index) => ({
        eventId: `body-event-${index}`,
        event,
      }));
      const record = (index: number): CorrectionTarget => {
        const { eventId, event } = stream[index] as IdentifiedEvent;
        return { eventId, type: event.type, data: { ...event.data } };
      };
      const decideOn = (target: CorrectionTarget, corrections: Record<string, unknown>) =>
        outcomeOf<CorrectionRecorded>(() => decideCorrection(correct(target, corrections), target, CONTEXT, stream));
      const chair2022 = record(KP_MEMBERSHIP.length);
      const viceChair2022 = record(KP_MEMBERSHIP.length + 1);

      // The Chair, recorded first, would become the Vice-Chair recorded after it: the refusal is the Vice-Chair's, and says so.
      const refused = decideOn(chair2022, { participantId: 'bw' }).thenRefused('holds-other-office', {
        term: 2022,
        participantId: 'bw',
        office: 'chair',
        dependentType: 'ViceChairSelected',
      });
      expect(refused.message).toMatch(
        /^the correction would leave the Vice-Chair of 2022 recorded after it \(dated .*\) breaking the rules: bw is already Chair for 2022/,
      );
      // The Vice-Chair, recorded after, would become the Chair recorded before it.
      decideOn(viceChair2022, { participantId: 'ua' }).thenRefused('holds-other-office', { term: 2022, participantId: 'ua', office: 'chair' });
      decideOn(chair2022, { participantId: 'zw' }).thenEvents([recorded(chair2022, { participantId: 'zw' })]);
    });

    it('refuses an office’s date moved after its term ended or more than two years before it, with office-term-out-of-range', () => {
      const keyed = bodyStream(chairAssigned('ua', 2022, 'election', null));
      decide(keyed, { occurredAt: '2019-06-01' }).thenRefused('office-term-out-of-range', { term: 2022, earliestTerm: 2019, latestTerm: 2021 });
      decide(keyed, { occurredAt: '2023-02-01' }).thenRefused('office-term-out-of-range', { term: 2022, earliestTerm: 2023 });
      decide(keyed, { occurredAt: '2020-11-20' }).thenEvents([recorded(keyed.target, { occurredAt: at('2020-11-20') })]);
      const viceChair = bodyStream(viceChairSelected('ua', 2022));
      decide(viceChair, { occurredAt: '2022-12-01' }).thenEvents([recorded(viceChair.target, { occurredAt: at('2022-12-01') })]);
      decide(viceChair, { occurredAt: '2023-01-01' }).thenRefused('office-term-out-of-range');
    });

    it('judges the holder as the body stood on the office’s date, as the office’s command is judged', () => {
      // Botswana, suspended from March to September 2020, both recorded before its Vice-Chair of 2021.
      const keyed = bodyStream(
        viceChairSelected('bw', 2021, at('2020-11-15')),
        participantSuspended('bw', at('2020-03-01')),
        participantReinstated('bw', at('2020-09-01')),
      );
      decide(keyed, { occurredAt: '2020-05-01' }).thenRefused('participant-suspended', { participantId: 'bw' });
      decide(keyed, { occurredAt: '2019-11-15' }).thenEvents([recorded(keyed.target, { occurredAt: at('2019-11-15') })]);
      // Russia, suspended in 2022, was active when the 2022 Chair was assigned on 1 January 2022.
      const russia = bodyStream(chairAssigned('ua', 2022, 'election', null), participantSuspended('ru'));
      decide(russia, { participantId: 'ru' }).thenEvents([recorded(russia.target, { participantId: 'ru' })]);
    });

    it('judges a corrected holder by the member records entered after the office but dated before it, as a command recorded now would be', () => {
      // Côte d'Ivoire, admitted in 2010 but entered only after the 2022 Chair was recorded.
      const admitted: BodyEvent = {
        type: 'ParticipantAdmitted',
        data: { bodyId: KP, participantId: 'ci', name: "Côte d'Ivoire", kind: 'state', occurredAt: at('2010-01-01') },
      };
      const stream = [...KP_MEMBERSHIP, chairAssigned('ua', 2022, 'election', null), admitted].map((event, index) => ({
        eventId: `body-event-${index}`,
        event,
      }));
      const { eventId, event } = stream[KP_MEMBERSHIP.length] as IdentifiedEvent;
      const chair2022: CorrectionTarget = { eventId, type: event.type, data: { ...event.data } };
      const decideOn = (events: IdentifiedEvent[], corrections: Record<string, unknown>) =>
        outcomeOf<CorrectionRecorded>(() => decideCorrection(correct(chair2022, corrections), chair2022, CONTEXT, events));
      decideOn(stream, { participantId: 'ci' }).thenEvents([recorded(chair2022, { participantId: 'ci' })]);

      // Entered late too, its suspension from 2013 to 2024: suspended on the office's date, not unknown.
      const suspendedMeanwhile = [
        ...stream.map(({ event }) => event),
        { ...participantSuspended('ru', at('2013-05-23')), data: { ...participantSuspended('ru', at('2013-05-23')).data, participantId: 'ci' } } as BodyEvent,
        { ...participantReinstated('ru', at('2024-01-01')), data: { ...participantReinstated('ru', at('2024-01-01')).data, participantId: 'ci' } } as BodyEvent,
      ].map((each, index) => ({ eventId: `body-event-${index}`, event: each }));
      decideOn(suspendedMeanwhile, { participantId: 'ci' }).thenRefused('participant-suspended', { participantId: 'ci', suspendedSince: at('2013-05-23') });
    });

    it('corrects an office when one recorded after it already broke a rule of today, recorded under earlier rules, unless the correction breaks one anew', () => {
      // Recorded before these rules: a Chair of 2200 given in 2022, and Botswana both Chair and Vice-Chair of 2023.
      const stream = [
        ...KP_MEMBERSHIP,
        viceChairSelected('bw', 2021),
        chairAssigned('bw', 2022, 'succession', 'bw'),
        chairAssigned('ru', 2200, 'election', null, at('2022-01-01')),
        chairAssigned('bw', 2023, 'election', null, at('2022-11-12')),
        viceChairSelected('bw', 2023, at('2022-11-12')),
      ].map((event, index) => ({ eventId: `body-event-${index}`, event }));
      const record = (index: number): CorrectionTarget => {
        const { eventId, event } = stream[index] as IdentifiedEvent;
        return { eventId, type: event.type, data: { ...event.data } };
      };
      const decideOn = (target: CorrectionTarget, corrections: Record<string, unknown>) =>
        outcomeOf<CorrectionRecorded>(() => decideCorrection(correct(target, corrections, LATER), target, CONTEXT, stream));
      const viceChair2021 = record(KP_MEMBERSHIP.length);
      const chair2023 = record(KP_MEMBERSHIP.length + 3);
      const viceChair2023 = record(KP_MEMBERSHIP.length + 4);

      decideOn(viceChair2021, { occurredAt: '2021-01-01' }).thenEvents([recorded(viceChair2021, { occurredAt: at('2021-01-01') }, LATER)]);
      // A later office the correction breaks anew still refuses it: Botswana's 2022 succession.
      decideOn(viceChair2021, { participantId: 'zw' }).thenRefused('succession-without-vice-chair');
      // The corrected office itself must keep to the rules: its own fault refuses it, until the correction mends it.
      decideOn(viceChair2023, { occurredAt: '2022-11-13' }).thenRefused('holds-other-office');
      decideOn(viceChair2023, { participantId: 'zw' }).thenEvents([recorded(viceChair2023, { participantId: 'zw' }, LATER)]);
      decideOn(chair2023, { participantId: 'ua' }).thenEvents([recorded(chair2023, { participantId: 'ua' }, LATER)]);
    });

    it('looks past a later office’s term far from its date, recorded under earlier rules, to the fault a correction makes in it', () => {
      // A Vice-Chair of 2024 dated 2019, recorded before the term rule, after the Chair of 2024.
      const stream = [...KP_MEMBERSHIP, chairAssigned('ua', 2024, 'election', null, at('2023-11-01')), viceChairSelected('bw', 2024, at('2019-01-01'))].map(
        (event, index) => ({ eventId: `body-event-${index}`, event }),
      );
      const { eventId, event } = stream[KP_MEMBERSHIP.length] as IdentifiedEvent;
      const chair2024: CorrectionTarget = { eventId, type: event.type, data: { ...event.data } };
      const decideOn = (corrections: Record<string, unknown>) =>
        outcomeOf<CorrectionRecorded>(() => decideCorrection(correct(chair2024, corrections, LATER), chair2024, CONTEXT, stream));

      decideOn({ participantId: 'bw' }).thenRefused('holds-other-office', { term: 2024, participantId: 'bw', office: 'chair' });
      decideOn({ participantId: 'zw' }).thenEvents([recorded(chair2024, { participantId: 'zw' }, LATER)]);
    });

    it('is a defect, not a refusal, to re-judge an office without the stream that holds it', () => {
      const office = stored('event-7', chairAssigned('ua', 2022, 'election', null));
      expect(() => decideCorrection(correct(office, { participantId: 'bw' }), office, CONTEXT, [])).toThrow('not in the stream given');
    });

    it('refuses an office holder that is not an id', () => {
      decide(bodyStream(chairAssigned('ua', 2022, 'election', null)), { participantId: 'Botswana' }).thenRefused('correction-not-applicable', {
        field: 'participantId',
      });
      decide(bodyStream(chairAssigned('ua', 2022, 'election', null)), { basis: 'acclamation' }).thenRefused('correction-not-applicable', { field: 'basis' });
    });
  });

  describe("an office's term (since v4), held to the rules the office was recorded under", () => {
    /** The KP's offices as stored, each the event at its index after the membership. */
    const officeStream = (...offices: BodyEvent[]) => {
      const stream = [...KP_MEMBERSHIP, ...offices].map((event, index) => ({ eventId: `body-event-${index}`, event }));
      const office = (index: number): CorrectionTarget => {
        const { eventId, event } = stream[KP_MEMBERSHIP.length + index] as IdentifiedEvent;
        return { eventId, type: event.type, data: { ...event.data } };
      };
      const decideOn = (target: CorrectionTarget, corrections: Record<string, unknown>) =>
        outcomeOf<CorrectionRecorded>(() => decideCorrection(correct(target, corrections, at('2023-03-01')), target, CONTEXT, stream));
      return { office, decideOn };
    };
    const correctedOn = (target: CorrectionTarget, corrections: CorrectionRecorded['data']['corrections']) => recorded(target, corrections, at('2023-03-01'));

    it("corrects a Vice-Chair's mistyped year", () => {
      // Selected at the 2021 plenary for 2022, keyed as 2023 (still within two years of its date).
      const { office, decideOn } = officeStream(viceChairSelected('bw', 2023, at('2021-11-15')));
      decideOn(office(0), { term: 2022 }).thenEvents([correctedOn(office(0), { term: 2022 })]);
    });

    it("corrects a Chair's mistyped year, with the Vice-Chair of the term before its new one", () => {
      const { office, decideOn } = officeStream(
        viceChairSelected('bw', 2021),
        viceChairSelected('zw', 2022),
        chairAssigned('ua', 2023, 'election', 'zw', at('2022-01-10')),
      );
      decideOn(office(2), { term: 2022 }).thenEvents([correctedOn(office(2), { term: 2022, previousViceChair: 'bw' })]);
      // A term with no Vice-Chair before it: none is named, as the command names none.
      const alone = officeStream(viceChairSelected('zw', 2022), chairAssigned('ua', 2023, 'election', 'zw', at('2022-01-10')));
      alone.decideOn(alone.office(1), { term: 2022 }).thenEvents([correctedOn(alone.office(1), { term: 2022, previousViceChair: null })]);
      // The same Vice-Chair before both terms: nothing more to say.
      const same = officeStream(viceChairSelected('bw', 2021), chairAssigned('ua', 2023, 'election', null, at('2022-01-10')));
      same.decideOn(same.office(1), { term: 2025 }).thenRefused('office-term-out-of-range');
      same.decideOn(same.office(1), { term: 2022 }).thenEvents([correctedOn(same.office(1), { term: 2022, previousViceChair: 'bw' })]);
    });

    it('corrects a Chair by succession to the term its Vice-Chair office leads to, and the term with it', () => {
      const { office, decideOn } = officeStream(viceChairSelected('bw', 2022), chairAssigned('zw', 2024, 'election', null, at('2023-01-05')));
      decideOn(office(1), { term: 2023, basis: 'election' }).thenEvents([correctedOn(office(1), { term: 2023, basis: 'election', previousViceChair: 'bw' })]);
      decideOn(office(1), { term: 2023, basis: 'succession' }).thenRefused('succession-without-vice-chair');
    });

    it.each<[string, BodyEvent[], number, Record<string, unknown>, DomainErrorCode]>([
      [
        'a term another Chair holds, recorded before',
        [chairAssigned('ua', 2022, 'election', null), chairAssigned('bw', 2023, 'election', null, at('2022-06-01'))],
        1,
        { term: 2022 },
        'chair-term-taken',
      ],
      [
        'a term another Chair holds, recorded after',
        [chairAssigned('bw', 2023, 'election', null, at('2022-06-01')), chairAssigned('ua', 2022, 'election', null)],
        0,
        { term: 2022 },
        'chair-term-taken',
      ],
      [
        'a term another Vice-Chair holds',
        [viceChairSelected('ua', 2022), viceChairSelected('bw', 2023, at('2021-11-15'))],
        1,
        { term: 2022 },
        'vice-chair-term-taken',
      ],
      [
        'a term whose other office its holder holds',
        [chairAssigned('bw', 2022, 'election', null), viceChairSelected('bw', 2023, at('2021-11-15'))],
        1,
        { term: 2022 },
        'holds-other-office',
      ],
      ['a term ended before the office was given', [chairAssigned('bw', 2022, 'election', null)], 0, { term: 2021 }, 'office-term-out-of-range'],
      ['a term more than two years after the office was given', [chairAssigned('bw', 2022, 'election', null)], 0, { term: 2025 }, 'office-term-out-of-range'],
      [
        'a Chair by succession moved away from its Vice-Chair',
        [viceChairSelected('bw', 2021), chairAssigned('bw', 2022, 'succession', 'bw')],
        1,
        { term: 2023 },
        'succession-without-vice-chair',
      ],
      // Botswana succeeded to the 2022 chair as the 2021 Vice-Chair: that office cannot move to 2022.
      [
        'a Vice-Chair a later succession depends on',
        [viceChairSelected('bw', 2021), chairAssigned('bw', 2022, 'succession', 'bw')],
        0,
        { term: 2022 },
        'succession-without-vice-chair',
      ],
    ])('refuses %s with the code the office would have been refused with', (_case, offices, index, corrections, code) => {
      const { office, decideOn } = officeStream(...offices);
      decideOn(office(index), corrections).thenRefused(code);
    });

    it('refuses a custodial Chair left without the term before it, whichever of the two offices moves', () => {
      const { office, decideOn } = officeStream(
        chairAssigned('bw', 2022, 'election', null, at('2022-01-01')),
        chairAssigned('bw', 2023, 'custodial', null, at('2022-12-20')),
      );
      decideOn(office(0), { term: 2024 }).thenRefused('custodial-without-previous-chair');
      decideOn(office(1), { term: 2024 }).thenRefused('custodial-without-previous-chair');
    });

    it.each<[unknown]>([[2022.5], ['2022'], [0], [null], [true]])('refuses a term of %p with correction-not-applicable', (term) => {
      const { office, decideOn } = officeStream(chairAssigned('bw', 2022, 'election', null));
      decideOn(office(0), { term }).thenRefused('correction-not-applicable', { field: 'term' });
    });

    it('leaves the previous Vice-Chair to the ledger: a clerk cannot give it', () => {
      const { office, decideOn } = officeStream(viceChairSelected('zw', 2021), chairAssigned('bw', 2022, 'election', 'zw'));
      decideOn(office(1), { previousViceChair: null }).thenRefused('correction-not-applicable', { field: 'previousViceChair' });
    });
  });

  describe("a member's corrected date, held to the records about the member dated after it", () => {
    const uzbekistanAdmitted: BodyEvent = {
      type: 'ParticipantAdmitted',
      data: { bodyId: KP, participantId: 'uz', name: 'Uzbekistan', kind: 'state', occurredAt: at('2020-01-01') },
    };
    const stream = [...KP_MEMBERSHIP, uzbekistanAdmitted, chairAssigned('uz', 2021, 'election', null, at('2020-11-01'))].map((event, index) => ({
      eventId: `body-event-${index}`,
      event,
    }));
    const uzbekistanAdmission = stored(`body-event-${KP_MEMBERSHIP.length}`, (stream[KP_MEMBERSHIP.length] as IdentifiedEvent).event);
    const decideOn = (target: CorrectionTarget, corrections: Record<string, unknown>) =>
      outcomeOf<CorrectionRecorded>(() => decideCorrection(correct(target, corrections, at('2022-01-02')), target, CONTEXT, stream));

    it('refuses an admission moved after an office the member was given, with occurred-out-of-order', () => {
      decideOn(uzbekistanAdmission, { occurredAt: '2022-01-01' }).thenRefused('occurred-out-of-order', {
        dependentType: 'ChairAssigned',
        dependentOccurredAt: at('2020-11-01'),
        reason: 'not-a-participant',
      });
    });

    it('corrects an admission moved to another date before the office', () => {
      decideOn(uzbekistanAdmission, { occurredAt: '2020-06-01' }).thenEvents([
        recorded(uzbekistanAdmission, { occurredAt: at('2020-06-01') }, at('2022-01-02')),
      ]);
    });

    it('refuses a reinstatement moved before the suspension it ends as the records that no longer fit, occurred-out-of-order', () => {
      const reinstated = [...stream.map(({ event }) => event), participantSuspended('uz', at('2021-01-01')), participantReinstated('uz', at('2021-06-01'))].map(
        (event, index) => ({ eventId: `body-event-${index}`, event }),
      );
      const reinstatement = stored(`body-event-${reinstated.length - 1}`, (reinstated.at(-1) as IdentifiedEvent).event);
      outcomeOf(() => decideCorrection(correct(reinstatement, { occurredAt: '2020-06-01' }), reinstatement, CONTEXT, reinstated)).thenRefused(
        'occurred-out-of-order',
        { dependentType: 'ParticipantReinstated', reason: 'participant-not-suspended' },
      );
    });

    it('refuses a suspension moved before an office given after it', () => {
      const suspended = [...stream.map(({ event }) => event), participantSuspended('uz', at('2021-06-01'))].map((event, index) => ({
        eventId: `body-event-${index}`,
        event,
      }));
      const suspension = stored(`body-event-${suspended.length - 1}`, (suspended.at(-1) as IdentifiedEvent).event);
      outcomeOf(() => decideCorrection(correct(suspension, { occurredAt: '2020-10-01' }), suspension, CONTEXT, suspended)).thenRefused(
        'occurred-out-of-order',
        { dependentType: 'ChairAssigned', reason: 'participant-suspended' },
      );
    });

    it('refuses an office given by a correction to a participant suspended on its date as its own command is refused, participant-suspended', () => {
      // The suspension is entered after the office, dated before it: only the member's history in world time shows it.
      const suspendedLater = [...stream.map(({ event }) => event), participantSuspended('ru', at('2020-06-01'))].map((event, index) => ({
        eventId: `body-event-${index}`,
        event,
      }));
      const office = stored(`body-event-${KP_MEMBERSHIP.length + 1}`, (suspendedLater[KP_MEMBERSHIP.length + 1] as IdentifiedEvent).event);
      outcomeOf(() => decideCorrection(correct(office, { participantId: 'ru' }), office, CONTEXT, suspendedLater)).thenRefused('participant-suspended');
      // Said so before what a later office would make of it (a custodial Chair needs the term before's Chair).
      const custodialAfter = [
        ...stream.map(({ event }) => event),
        chairAssigned('uz', 2022, 'custodial', null, at('2021-11-01')),
        participantSuspended('ru', at('2020-06-01')),
      ].map((event, index) => ({ eventId: `body-event-${index}`, event }));
      const first = stored(`body-event-${KP_MEMBERSHIP.length + 1}`, (custodialAfter[KP_MEMBERSHIP.length + 1] as IdentifiedEvent).event);
      outcomeOf(() => decideCorrection(correct(first, { participantId: 'ru' }), first, CONTEXT, custodialAfter)).thenRefused('participant-suspended');
    });

    it('refuses a withdrawal moved before an office given after it, as the withdrawal itself would now be refused', () => {
      const withdrawn = [...stream.map(({ event }) => event), memberWithdrew('uz', 'participant', at('2021-06-01'))].map((event, index) => ({
        eventId: `body-event-${index}`,
        event,
      }));
      const withdrawal = stored(`body-event-${withdrawn.length - 1}`, (withdrawn.at(-1) as IdentifiedEvent).event);
      outcomeOf(() => decideCorrection(correct(withdrawal, { occurredAt: '2020-10-01' }), withdrawal, CONTEXT, withdrawn)).thenRefused(
        'occurred-out-of-order',
        { dependentType: 'ChairAssigned', reason: 'not-a-participant' },
      );
      outcomeOf(() => decideCorrection(correct(withdrawal, { occurredAt: '2020-11-01' }), withdrawal, CONTEXT, withdrawn)).thenEvents([
        recorded(withdrawal, { occurredAt: at('2020-11-01') }),
      ]);
    });

    it('corrects a date when the member’s history already held the same fault before, recorded under earlier rules', () => {
      // A suspension dated before the office, entered late: what today's commands refuse, an older ledger may hold.
      const faulty = [...stream.map(({ event }) => event), participantSuspended('uz', at('2020-10-01'))].map((event, index) => ({
        eventId: `body-event-${index}`,
        event,
      }));
      outcomeOf<CorrectionRecorded>(() =>
        decideCorrection(correct(uzbekistanAdmission, { occurredAt: '2019-12-01' }, at('2022-01-02')), uzbekistanAdmission, CONTEXT, faulty),
      ).thenEvents([recorded(uzbekistanAdmission, { occurredAt: at('2019-12-01') }, at('2022-01-02'))]);
      // A correction that adds a fault of its own is still refused.
      outcomeOf(() =>
        decideCorrection(correct(uzbekistanAdmission, { occurredAt: '2022-01-01' }, at('2022-01-02')), uzbekistanAdmission, CONTEXT, faulty),
      ).thenRefused('occurred-out-of-order');
    });
  });

  describe('when the event type is not correctable', () => {
    it.each(['CorrectionRecorded', 'SomethingElse'])('a correction of %s is refused with correction-not-applicable', (type) => {
      const target: CorrectionTarget = { eventId: 'event-1', type, data: {} };
      given(target)
        .when(correct(target, { reason: 'x' }))
        .thenRefused('correction-not-applicable', { eventType: type });
    });
  });

  describe('when the correction changes nothing', () => {
    it('is refused with correction-not-applicable', () => {
      given(russiasObjection).when(correct(russiasObjection, {})).thenRefused('correction-not-applicable');
    });

    it('is refused where the text corrected would read as it does, only white space at its end or the form of its letters changed', () => {
      for (const same of ['politicize ', 'politicize\n']) {
        const { message } = given(russiasObjection)
          .when(correct(russiasObjection, { grounds: same }))
          .thenRefused('correction-not-applicable');
        expect(message).toMatch(/changes nothing/);
      }
      const accented = stored('0190c5e0-0000-7000-8000-000000000009', objectionRaised('ru', 'politis\u00e9'));
      given(accented)
        .when(correct(accented, { grounds: 'politise\u0301' }))
        .thenRefused('correction-not-applicable');
    });

    it('stores beside a real change no text that would read the same', () => {
      given(russiasObjection)
        .when(correct(russiasObjection, { grounds: 'politicize ', occurredAt: '2022-06-22T12:00:00Z' }))
        .thenEvents([recorded(russiasObjection, { occurredAt: '2022-06-22T12:00:00.000Z' })]);
    });
  });

  describe('when a field is not correctable (identities, offices and outcomes)', () => {
    it.each<[CorrectionTarget, string, unknown]>([
      [russiasObjection, 'participantId', 'by'],
      [russiasObjection, 'revision', 2],
      [russiasObjection, 'proposalId', 'p-other'],
      [intersessional, 'kind', 'plenary'],
      [intersessional, 'bodyId', 'another-body'],
      [uaeAdmitted, 'participantId', 'ru'],
      [stored('event-4', { type: 'ChairAssigned', data: {} }), 'previousViceChair', 'bw'],
      [stored('event-6', { type: 'ViceChairSelected', data: {} }), 'basis', 'election'],
      [stored('event-5', { type: 'ConsensusDeclared', data: {} }), 'meetingId', 'plenary-2023'],
      [stored('event-7', { type: 'NoConsensusRecorded', data: {} }), 'blockingParticipants', 'ru'],
    ])('a correction of %#: %s is refused with correction-not-applicable', (target, field, value) => {
      given(target)
        .when(correct(target, { [field]: value }))
        .thenRefused('correction-not-applicable', { field });
    });

    it('is refused even when other fields in the same correction are correctable', () => {
      given(russiasObjection)
        .when(correct(russiasObjection, { grounds: 'fine', participantId: 'by' }))
        .thenRefused('correction-not-applicable', { field: 'participantId' });
    });
  });

  describe('when a value does not fit its field', () => {
    it.each<[string, CorrectionTarget, string, unknown]>([
      ['an empty text', russiasObjection, 'grounds', ''],
      ['a blank text', russiasObjection, 'grounds', '   '],
      ['a number for a text', russiasObjection, 'grounds', 42],
      ['null for a text', russiasObjection, 'grounds', null],
      ['an impossible moment', russiasObjection, 'occurredAt', '2022-02-30'],
      ['a moment in words', russiasObjection, 'occurredAt', 'last Tuesday'],
      ['a date-time for a meeting day', intersessional, 'opensOn', '2022-06-21T09:00:00Z'],
      ['an impossible meeting day', intersessional, 'closesOn', '2022-02-30'],
      ['an unknown participant kind', uaeAdmitted, 'kind', 'company'],
    ])('%s is refused with correction-not-applicable', (_why, target, field, value) => {
      given(target)
        .when(correct(target, { [field]: value }))
        .thenRefused('correction-not-applicable', { field });
    });
  });

  describe('rule 8: occurredAt in the ledger’s future', () => {
    const context = { now: at('2022-07-01T12:00:00Z') };

    it('is refused with occurred-in-future when the correction itself lies in the future', () => {
      given(russiasObjection, context)
        .when(correct(russiasObjection, { grounds: 'x' }, at('2022-07-03')))
        .thenRefused('occurred-in-future');
    });

    it('is refused with occurred-in-future when the corrected world time lies in the future', () => {
      given(russiasObjection, context)
        .when(correct(russiasObjection, { occurredAt: '2022-07-01T12:00:01Z' }))
        .thenRefused('occurred-in-future');
    });

    it('accepts a corrected world time that is exactly the ledger’s clock reading', () => {
      given(russiasObjection, context)
        .when(correct(russiasObjection, { occurredAt: '2022-07-01T12:00:00Z' }))
        .thenEvents([recorded(russiasObjection, { occurredAt: '2022-07-01T12:00:00.000Z' })]);
    });
  });
});
