import { concord } from './support/concord-cli';
import { decide, object, recordKimberleyProcess, tableProposal } from './support/kimberley-process';
import { expectCreated, read, record } from './support/ledger-client';
import { LedgerHarness } from './support/ledger-harness';
import { LedgerStorage, newStorage, removeStorage } from './support/ledger-storage';
import { tamper } from './support/tamper';

jest.setTimeout(120_000); // real ledger processes and the CLI, on two stores

interface ReadSideJson {
  readonly position: number;
  readonly agrees: boolean;
  readonly rebuilt: boolean;
  readonly bodies: number;
  readonly proposals: number;
  readonly meetings: number;
  readonly answers: number;
  readonly differing: number;
  readonly differences: { answer: string; path: string }[];
}

describe.each(['sqlite', 'postgres'] as const)('concord verify-read-side on %s', (kind) => {
  let storage: LedgerStorage;
  let bodyId: string;
  let bodyHistory: Record<string, unknown>;
  const run = (...args: string[]) => concord(storage, ['verify-read-side', ...args]);
  const json = (...args: string[]): { status: number | null; report: ReadSideJson } => {
    const result = run(...args, '--json');
    expect(result.stderr).not.toMatch(/Error|at \w+ \(/);
    return { status: result.status, report: JSON.parse(result.stdout) as ReadSideJson };
  };

  beforeAll(async () => {
    storage = newStorage(kind);
    const ledger = await LedgerHarness.start({}, storage);
    const kp = await recordKimberleyProcess(ledger);
    bodyId = kp.bodyId;
    const { proposalId } = await tableProposal(ledger, bodyId, { kind: 'definition-amendment', title: 'Widen the definition' });
    const objection = expectCreated(await object(ledger, proposalId, 'ru', 'first wording', '2022-06-22'));
    await record(ledger, '/v1/corrections', {
      correctsEventId: objection.eventIds[0],
      reason: 'minutes corrected',
      corrections: { grounds: 'an attempt to politicize the KP' },
      occurredAt: '2022-07-01',
    });
    expectCreated(await decide(ledger, proposalId, { outcome: 'no-consensus', meetingId: kp.plenary }));
    bodyHistory = await read(ledger, `/v1/bodies/${bodyId}/history?limit=500&to=2025-12-31`);
    // Stopping stores the read side's rows beside the log.
    await ledger.stop({ keepData: true });
  });
  afterAll(() => removeStorage(storage));

  it('finds the stored read side answering as the log does, every body, proposal and meeting compared', () => {
    const { status, report } = json();
    expect(status).toBe(0);
    expect(report).toMatchObject({ agrees: true, rebuilt: false, differing: 0, differences: [], bodies: 1, proposals: 1 });
    expect(report.meetings).toBeGreaterThan(0);
    expect(report.answers).toBeGreaterThan(20);
    const text = run();
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(new RegExp(`^The read side agrees with a fold of the log at position ${report.position}: 1 body, 1 proposal, `));
  });

  it('names the answers a row deleted behind the ledger changes, and a rebuild folds them again from the log', async () => {
    const [rows] = await tamper(storage, [
      ["SELECT collection, id FROM T.projection_rows WHERE projection LIKE 'read-side-%' AND collection LIKE '%history%'"],
    ]);
    expect(rows?.length).toBeGreaterThan(0);
    await tamper(storage, [["DELETE FROM T.projection_rows WHERE projection LIKE 'read-side-%' AND collection LIKE '%history%'"]]);

    const tampered = json();
    expect(tampered.status).toBe(1);
    expect(tampered.report.agrees).toBe(false);
    expect(tampered.report.differences.map((difference) => difference.answer)).toContain(`the history of body ${bodyId}, recorded time`);
    const text = run();
    expect(text.status).toBe(1);
    expect(text.stdout).toContain(`the history of body ${bodyId}, recorded time: at $`);
    expect(text.stdout).toContain('concord verify-read-side --rebuild');

    const rebuilt = json('--rebuild');
    expect(rebuilt.status).toBe(0);
    expect(rebuilt.report).toMatchObject({ agrees: true, rebuilt: true, differing: 0 });
    expect(json().report.agrees).toBe(true);

    const ledger = await LedgerHarness.start({}, storage);
    try {
      expect(await read(ledger, `/v1/bodies/${bodyId}/history?limit=500&to=2025-12-31`)).toEqual(bodyHistory);
    } finally {
      await ledger.stop({ keepData: true });
    }
  });

  it('finds words taken out of the rows searches read, which would hide records from a search', async () => {
    await tamper(storage, [["UPDATE T.projection_rows SET value = $1 WHERE projection LIKE 'read-side-%' AND collection = 'proposal-terms'", ['[""]']]]);
    const tampered = json();
    expect(tampered.status).toBe(1);
    expect(tampered.report.differences.map((difference) => difference.answer)).toContain(`the words a search of the proposals of body ${bodyId} looks in`);
    expect(json('--rebuild').status).toBe(0);
  });

  it('reports rows stored from another log as a finding, though it folds them again and then agrees', async () => {
    await tamper(storage, [
      [
        "UPDATE T.projection_rows SET value = $1 WHERE projection LIKE 'read-side-%' AND collection = 'log-mark'",
        ['{"eventId":"00000000-0000-7000-8000-000000000000"}'],
      ],
    ]);
    const result = run();
    expect(result.status).toBe(1);
    expect(result.stdout).toContain("The stored read side was not this log's, so it was folded again from position 1 before the comparison");
    expect(result.stdout).toMatch(/The read side agrees with a fold of the log/);
    // Folded again and stored, the read side is this log's once more.
    expect(json().status).toBe(0);
  });

  it('refuses arguments it does not take, as bad usage', () => {
    expect(run('kp').status).toBe(2);
    expect(run('--at-position', '3').status).toBe(2);
  });
});
