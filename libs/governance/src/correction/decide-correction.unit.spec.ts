import { CommandContext } from '../shared/command-context';
import { outcomeOf } from '../testing/given-when-then';
import { at, CONTEXT, intersessional2022, objectionRaised, participantAdmitted } from '../testing/kimberley-process';
import { CorrectionTarget, decideCorrection, RecordCorrection } from './decide-correction';
import { CORRECTABLE_FIELDS } from './correctable-fields';
import { CorrectionRecorded } from './correction-events';

/** A correction has no aggregate of its own: `given` is the stored event it corrects. */
const given = (target: CorrectionTarget, context: CommandContext = CONTEXT) => ({
  when: (command: RecordCorrection) => outcomeOf<CorrectionRecorded>(() => decideCorrection(command, target, context)),
});

const stored = (eventId: string, event: { type: string; data: object }): CorrectionTarget => ({
  eventId,
  type: event.type,
  data: { ...event.data },
});
const russiasObjection = stored('0190c5e0-0000-7000-8000-000000000001', objectionRaised('ru', 'politicize'));
const intersessional = stored('0190c5e0-0000-7000-8000-000000000002', intersessional2022);
const uaeAdmitted = stored('0190c5e0-0000-7000-8000-000000000003', participantAdmitted('ae'));

const correct = (target: CorrectionTarget, corrections: Record<string, unknown>, occurredAt = at('2022-07-01')): RecordCorrection => ({
  type: 'RecordCorrection',
  data: { correctsEventId: target.eventId, reason: 'transcription error', corrections, occurredAt },
});
const recorded = (target: CorrectionTarget, corrections: Record<string, string>, occurredAt = at('2022-07-01')): CorrectionRecorded => ({
  type: 'CorrectionRecorded',
  data: { correctsEventId: target.eventId, correctedType: target.type, reason: 'transcription error', corrections, occurredAt },
});

describe('decideCorrection (rule 7)', () => {
  describe('CorrectionRecorded', () => {
    it('names the event it corrects, its type, the reason and the corrected text', () => {
      given(russiasObjection)
        .when(correct(russiasObjection, { grounds: 'an attempt to "politicize" the KP' }))
        .thenEvents([recorded(russiasObjection, { grounds: 'an attempt to "politicize" the KP' })]);
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

    it.each(Object.keys(CORRECTABLE_FIELDS))('lets the world time of %s be corrected', (type) => {
      const target: CorrectionTarget = { eventId: `event-${type}`, type, data: {} };
      given(target)
        .when(correct(target, { occurredAt: '2022-06-21' }))
        .thenEvents([recorded(target, { occurredAt: at('2022-06-21') })]);
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
  });

  describe('when a field is not correctable (identities, offices and outcomes)', () => {
    it.each<[CorrectionTarget, string, unknown]>([
      [russiasObjection, 'participantId', 'by'],
      [russiasObjection, 'revision', 2],
      [russiasObjection, 'proposalId', 'p-other'],
      [intersessional, 'kind', 'plenary'],
      [intersessional, 'bodyId', 'another-body'],
      [uaeAdmitted, 'participantId', 'ru'],
      [stored('event-4', { type: 'ChairAssigned', data: {} }), 'basis', 'election'],
      [stored('event-5', { type: 'ConsensusDeclared', data: {} }), 'declaredBy', 'ru'],
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
        .when(correct(russiasObjection, { grounds: 'x' }, at('2022-07-02')))
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
