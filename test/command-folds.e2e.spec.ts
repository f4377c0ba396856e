import { openProjectionStore } from '../libs/event-store/src/open-projection-store';
import { COMMAND_FOLDS_PROJECTION, FOLD_SHELF_SPACING } from '../libs/ledger/src/support/fold-shelf';
import { conveneMeeting, recordKimberleyProcess } from './support/kimberley-process';
import { BodyView, read, record } from './support/ledger-client';
import { LedgerHarness } from './support/ledger-harness';
import { removeStorage } from './support/ledger-storage';

/**
 * The API stores the command side's folds of long streams beside the log, and a restarted API goes
 * on from them: its first commands on a long body are recorded and judged as before.
 */
describe('Folds of long streams stored by the command side', () => {
  let first: LedgerHarness;
  let second: LedgerHarness | undefined;
  let bodyId: string;
  let plenary2022: string;
  const admitted = FOLD_SHELF_SPACING + 8;

  beforeAll(async () => {
    first = await LedgerHarness.start();
    const kp = await recordKimberleyProcess(first);
    bodyId = kp.bodyId;
    plenary2022 = kp.plenary;
    for (let from = 0; from < admitted; from += 16) {
      await Promise.all(
        Array.from({ length: Math.min(16, admitted - from) }, (_, offset) =>
          record(first, `/v1/bodies/${bodyId}/participants`, {
            participantId: `state-${from + offset}`,
            name: `State ${from + offset}`,
            kind: 'state',
            occurredAt: '2024-03-01',
          }),
        ),
      );
    }
    await first.stop({ keepData: true });
  }, 120_000);
  afterAll(async () => {
    await second?.stop();
    await removeStorage(first.storage);
  });

  it('are stored beside the log once a stream passes the spacing', async () => {
    const rows = await openProjectionStore(first.storage.selection, first.storage.dataDir);
    try {
      const stream = `body-${bodyId}`;
      const [body] = await rows.rows(COMMAND_FOLDS_PROJECTION, 'body', { key: stream, upTo: Number.MAX_SAFE_INTEGER });
      expect((body?.value as { length: number } | undefined)?.length).toBeGreaterThanOrEqual(FOLD_SHELF_SPACING);
    } finally {
      await rows.close();
    }
  });

  it('let a restarted API record on the long body and judge statements against it as it stood, as before', async () => {
    second = await LedgerHarness.start({}, first.storage);
    await record(second, `/v1/bodies/${bodyId}/participants`, { participantId: 'after-restart', name: 'After', kind: 'state', occurredAt: '2024-04-01' });
    const again = await second.post(`/v1/bodies/${bodyId}/participants`, { participantId: 'state-3', name: 'Again', kind: 'state', occurredAt: '2024-04-02' });
    expect(again.status).toBe(422);
    expect(again.body).toMatchObject({ code: 'already-a-member' });

    // Dated after every admission: answered from the stored world-time fold.
    const plenary2024 = await conveneMeeting(second, bodyId, { kind: 'plenary', location: 'Gaborone', opensOn: '2024-11-04', closesOn: '2024-11-08' });
    const speaker = `state-${admitted - 1}`;
    await record(second, `/v1/meetings/${plenary2024}/statements`, { speakerId: speaker, summary: 'S.', occurredAt: '2024-11-05' });
    // Dated before them: the body as it stood in 2022, built from the whole stream, knew none of them.
    const early = await second.post(`/v1/meetings/${plenary2022}/statements`, {
      speakerId: speaker,
      summary: 'S.',
      occurredAt: '2022-11-08',
    });
    expect(early.status).toBe(422);
    expect(early.body).toMatchObject({ code: 'not-a-member' });
    await record(second, `/v1/meetings/${plenary2022}/statements`, { speakerId: 'ru', summary: 'S.', occurredAt: '2022-11-08' });

    const body = await read<BodyView>(second, `/v1/bodies/${bodyId}`);
    await second.stop({ keepData: true });
    second = undefined;
    // The statements read the body as it stood on their dates, which stored its world-time fold too.
    const rows = await openProjectionStore(first.storage.selection, first.storage.dataDir);
    try {
      const [world] = await rows.rows(COMMAND_FOLDS_PROJECTION, 'body-world-time', { key: `body-${bodyId}`, upTo: Number.MAX_SAFE_INTEGER });
      expect((world?.value as { length: number } | undefined)?.length).toBeGreaterThanOrEqual(admitted);
    } finally {
      await rows.close();
    }
    expect(body.participants.filter((member) => member.participantId.startsWith('state-') || member.participantId === 'after-restart')).toHaveLength(
      admitted + 1,
    );
  });
});
