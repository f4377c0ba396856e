import { InMemoryEventStore } from '@concord/event-store';
import { at, ledgerFixture, LedgerFixture, metadata, recordKimberleyProcess } from '../../../ledger/src/testing/ledger-fixture';
import { HEAD_MIN_RECORDS } from '../ledger-view';
import { recordSeedStory } from './seed-story';

/** The Kimberley Process fixture and the seed story, in memory. */
export async function storyLedger(): Promise<LedgerFixture> {
  const ledger = ledgerFixture(new InMemoryEventStore());
  await recordKimberleyProcess(ledger);
  await recordSeedStory(ledger, async () => undefined);
  return ledger;
}

/** Admits `count` states to the body, named `<prefix><i>`. */
export async function admitMany(ledger: LedgerFixture, count: number, prefix: string): Promise<void> {
  for (let i = 0; i < count; i += 1) {
    await ledger.bodies.handle(
      'kp',
      { type: 'AdmitParticipant', data: { participantId: `${prefix}${i}`, name: `State ${prefix}${i}`, kind: 'state', occurredAt: at('2023-02-01') } },
      metadata(),
    );
  }
}

/** The story with a body stream longer than `HEAD_MIN_RECORDS`: many admissions, `s0` first. */
export async function longBodyLedger(): Promise<LedgerFixture> {
  const ledger = await storyLedger();
  await admitMany(ledger, HEAD_MIN_RECORDS, 's');
  return ledger;
}

/** Corrects the name the participant was admitted under. */
export async function correctName(ledger: LedgerFixture, participantId: string, name: string): Promise<void> {
  const admission = (await ledger.store.readStream('body-kp')).find(
    (event) => event.type === 'ParticipantAdmitted' && event.data['participantId'] === participantId,
  );
  await ledger.corrections.handle(
    { type: 'RecordCorrection', data: { correctsEventId: admission?.eventId ?? '', reason: 'spelling', corrections: { name }, occurredAt: at('2024-06-01') } },
    metadata(),
  );
}
