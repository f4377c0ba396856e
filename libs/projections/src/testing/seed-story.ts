import { at, LedgerFixture, metadata, recordCorrection, tableDefinition } from '../../../ledger/src/testing/ledger-fixture';

/**
 * After the Kimberley Process fixture: three proposals (one decided without consensus, one adopted
 * amendment, one open), a meeting's statement and closure, a suspension, and a correction of an
 * objection's grounds. `afterEachCommand` runs after every record, e.g. to follow the log live.
 */
export async function recordSeedStory(ledger: LedgerFixture, afterEachCommand: () => Promise<void>): Promise<void> {
  const steps: (() => Promise<unknown>)[] = [
    () => ledger.proposals.table('kp', tableDefinition(), metadata()),
    () =>
      ledger.proposals.handle(
        'p-def',
        { type: 'RaiseObjection', data: { participantId: 'ru', grounds: 'politicisation', revision: null, occurredAt: at('2022-06-21') } },
        metadata(),
      ),
    () =>
      ledger.meetings.handle(
        'is-2022',
        { type: 'RecordStatement', data: { speakerId: 'csc', proposalId: 'p-def', summary: 'supports widening', occurredAt: at('2022-06-21') } },
        metadata(),
      ),
    () => ledger.meetings.handle('is-2022', { type: 'CloseMeeting', data: { occurredAt: at('2022-06-24') } }, metadata()),
    () =>
      ledger.proposals.table(
        'kp',
        {
          ...tableDefinition('p-admin'),
          data: { ...tableDefinition('p-admin').data, kind: 'administrative-decision', meetingId: 'pl-2022', occurredAt: at('2022-11-08') },
        },
        metadata(),
      ),
    () =>
      ledger.proposals.handle('p-admin', { type: 'ExpressSupport', data: { participantId: 'ua', revision: null, occurredAt: at('2022-11-08') } }, metadata()),
    () =>
      ledger.proposals.handle(
        'p-def',
        { type: 'DeclareOutcome', data: { outcome: 'no-consensus', declaredBy: 'bw', meetingId: 'pl-2022', revision: null, occurredAt: at('2022-11-11') } },
        metadata(),
      ),
    () =>
      ledger.proposals.table(
        'kp',
        {
          ...tableDefinition('p-def-2'),
          data: { ...tableDefinition('p-def-2').data, text: 'an agreed wording', meetingId: 'pl-2022', occurredAt: at('2022-11-09') },
        },
        metadata(),
      ),
    () =>
      ledger.proposals.handle(
        'p-def-2',
        { type: 'DeclareOutcome', data: { outcome: 'consensus', declaredBy: 'bw', meetingId: 'pl-2022', revision: 1, occurredAt: at('2022-11-10') } },
        metadata(),
      ),
    () =>
      ledger.bodies.handle(
        'kp',
        { type: 'SuspendParticipant', data: { participantId: 'by', reason: 'illustrative', occurredAt: at('2023-01-10') } },
        metadata(),
      ),
  ];
  for (const step of steps) {
    await step();
    await afterEachCommand();
  }
  const objection = (await ledger.store.readStream('proposal-p-def')).find((e) => e.type === 'ObjectionRaised');
  await recordCorrection(ledger, objection?.eventId ?? '', { grounds: 'an attempt to politicise the KP' }, 'misquoted', '2022-06-25');
  await afterEachCommand();
}
