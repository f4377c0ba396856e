import { recordKimberleyProcess } from './support/kimberley-process';
import { LedgerHarness } from './support/ledger-harness';

jest.setTimeout(60_000); // starts a real ledger process

/**
 * Many clients recording at one stream at once (a busy session, a bulk import) must all be
 * recorded: commands of one ledger process that collide there take turns instead of retrying
 * into each other until they run out of attempts. Runs on every store the e2e suite runs on.
 */
describe('Concurrent commands at one stream', () => {
  let ledger: LedgerHarness;
  beforeAll(async () => {
    ledger = await LedgerHarness.start();
  });
  afterAll(() => ledger.stop());

  it('records every one of 60 statements sent at once to one meeting, none refused with 409', async () => {
    const kp = await recordKimberleyProcess(ledger);
    const statement = (index: number) => ({ speakerId: 'ua', summary: `Statement ${index}`, occurredAt: '2022-06-21' });

    const answers = await Promise.all(Array.from({ length: 60 }, (_, index) => ledger.post(`/v1/meetings/${kp.intersessional}/statements`, statement(index))));

    expect(answers.map((answer) => answer.status)).toEqual(Array(60).fill(201));
    const revisions = answers.map((answer) => (answer.body as { streamRevision: number }).streamRevision);
    expect(new Set(revisions).size).toBe(60);
    const meeting = await ledger.get(`/v1/meetings/${kp.intersessional}`);
    expect((meeting.body as { statementCount: number }).statementCount).toBe(60);
    const statements = await ledger.get(`/v1/meetings/${kp.intersessional}/statements?limit=200`);
    expect((statements.body as { statements: unknown[] }).statements).toHaveLength(60);
  });

  it('records every admission sent at once to one body from eight clients, none refused with 409', async () => {
    const kp = await recordKimberleyProcess(ledger);
    const admission = (client: number, index: number) => ({
      participantId: `c${client}-p${index}`,
      name: `Participant ${client}-${index}`,
      kind: 'state',
      occurredAt: '2024-01-01',
    });
    const client = async (number: number): Promise<number[]> => {
      const statuses: number[] = [];
      for (let index = 0; index < 10; index += 1) statuses.push((await ledger.post(`/v1/bodies/${kp.bodyId}/participants`, admission(number, index))).status);
      return statuses;
    };

    const statuses = (await Promise.all(Array.from({ length: 8 }, (_, number) => client(number)))).flat();

    expect(statuses).toEqual(Array(80).fill(201));
  });
});
