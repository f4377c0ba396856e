import { decide, KimberleyProcess, object, recordKimberleyProcess, tableProposal, WIDENED_DEFINITION } from './support/kimberley-process';
import { expectCreated, headPosition, read, record } from './support/ledger-client';
import { LedgerHarness } from './support/ledger-harness';
import { removeStorage } from './support/ledger-storage';

/** Everything the queries answer about the recorded KP, to compare across a restart. */
async function snapshot(ledger: LedgerHarness, kp: KimberleyProcess, proposalIds: string[]): Promise<unknown> {
  const paths = [
    `/v1/bodies/${kp.bodyId}`,
    `/v1/bodies/${kp.bodyId}/chairs`,
    `/v1/bodies/${kp.bodyId}/proposals`,
    `/v1/meetings/${kp.intersessional}`,
    `/v1/meetings/${kp.plenary}`,
    ...proposalIds.map((id) => `/v1/proposals/${id}`),
  ];
  const answers: Record<string, unknown> = { headPosition: await headPosition(ledger) };
  for (const path of paths) answers[path] = await read(ledger, path);
  return answers;
}

describe('Restarting the ledger on the same data directory', () => {
  let first: LedgerHarness;
  let second: LedgerHarness | undefined;
  let kp: KimberleyProcess;
  let blocked: string;
  let adopted: string;
  const retryKey = { 'Idempotency-Key': 'durable-objection-0001' };
  const belarusObjects = { participantId: 'by', grounds: 'outside the mandate', occurredAt: '2022-06-23' };
  let before: unknown;
  let objectionAnswer: unknown;

  beforeAll(async () => {
    first = await LedgerHarness.start();
    kp = await recordKimberleyProcess(first);
    blocked = (await tableProposal(first, kp.bodyId, { meetingId: kp.intersessional })).proposalId;
    expectCreated(await object(first, blocked, 'ru'));
    objectionAnswer = expectCreated(await first.post(`/v1/proposals/${blocked}/objections`, belarusObjects, { headers: retryKey }));
    await record(first, `/v1/meetings/${kp.intersessional}/statements`, { speakerId: 'csc', proposalId: blocked, summary: 'S.', occurredAt: '2022-06-23' });
    adopted = (await tableProposal(first, kp.bodyId, { kind: 'definition-amendment', text: WIDENED_DEFINITION })).proposalId;
    expectCreated(await decide(first, adopted, { outcome: 'consensus', meetingId: kp.plenary }));
    await record(first, `/v1/meetings/${kp.plenary}/communique`, { adopted: true, text: 'Communiqué.', occurredAt: '2022-11-11' });
    before = await snapshot(first, kp, [blocked, adopted]);

    await first.stop({ keepData: true });
    second = await LedgerHarness.start({}, first.storage);
  });
  afterAll(async () => {
    await second?.stop();
    await removeStorage(first.storage);
  });

  function ledger(): LedgerHarness {
    return second ?? first;
  }

  it('answers every query exactly as before the restart', async () => {
    expect(await snapshot(ledger(), kp, [blocked, adopted])).toEqual(before);
  });

  it('still knows the definition adopted before the restart', async () => {
    expect(await read(ledger(), `/v1/bodies/${kp.bodyId}`)).toMatchObject({ definition: { text: WIDENED_DEFINITION, proposalId: adopted } });
  });

  it('still replays a command retried across the restart, recording nothing', async () => {
    const head = await headPosition(ledger());

    const retry = await ledger().post(`/v1/proposals/${blocked}/objections`, belarusObjects, { headers: retryKey });

    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(objectionAnswer);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(await headPosition(ledger())).toBe(head);
  });

  it('records the next command after the last position and revision', async () => {
    const head = await headPosition(ledger());
    const { streamRevision } = await read<{ streamRevision: number }>(ledger(), `/v1/proposals/${blocked}`);

    const created = await record(ledger(), `/v1/proposals/${blocked}/objections/ru/withdrawal`, { occurredAt: '2022-11-08' });

    expect(created).toMatchObject({ position: head + 1, streamRevision: streamRevision + 1 });
    expect(await read(ledger(), `/v1/proposals/${blocked}`)).toMatchObject({ blockingParticipants: ['by'] });
  });
});
