import { spawn } from 'node:child_process';
import { admitParticipant, establishBody } from './support/kimberley-process';
import { CONCORD, concord } from './support/concord-cli';
import { LedgerHarness } from './support/ledger-harness';

jest.setTimeout(60_000);

/** `concord tail` as an operator runs it: a long-lived process printing as the ledger records. */
function startTail(ledger: LedgerHarness, args: string[]) {
  const child = spawn(process.execPath, [CONCORD, 'tail', ...args], {
    env: { PATH: process.env.PATH ?? '', CONCORD_DATA_DIR: ledger.dataDir, CONCORD_PUBLIC_URL: 'https://ledger.example.org', ...ledger.storage.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    lines: (): string[] => stdout.split('\n').filter((line) => line.length > 0),
    stderr: (): string => stderr,
    stop: async (): Promise<number | null> => {
      child.kill('SIGINT');
      return exited;
    },
  };
}

async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('concord tail', () => {
  let ledger: LedgerHarness;
  beforeAll(async () => {
    ledger = await LedgerHarness.start();
  });
  afterAll(() => ledger.stop());

  it('follows what the API records from the head on, as CloudEvents with --json, filtered, and ends cleanly on Ctrl-C', async () => {
    const bodyId = await establishBody(ledger);
    const tail = startTail(ledger, ['--json', '--types', 'ParticipantAdmitted', '--body-id', bodyId]);
    await until(() => tail.stderr().includes('following the ledger after position'), 'tail to start');
    const other = await establishBody(ledger);
    await admitParticipant(ledger, other, 'ua');
    const first = await admitParticipant(ledger, bodyId, 'ru');
    const second = await admitParticipant(ledger, bodyId, 'bw');
    await until(() => tail.lines().length === 2, 'two lines');
    const events = tail.lines().map((line) => JSON.parse(line));
    expect(events.map((event) => [event.position, event.type, event.bodyid])).toEqual([
      [first.position, 'org.concordledger.ParticipantAdmitted.v1', bodyId],
      [second.position, 'org.concordledger.ParticipantAdmitted.v1', bodyId],
    ]);
    expect(events[0].source).toBe(`https://ledger.example.org/v1/bodies/${bodyId}`);
    expect(await tail.stop()).toBe(0);
  });

  it('replays from --after, one readable line per event', async () => {
    const bodyId = await establishBody(ledger);
    const admitted = await admitParticipant(ledger, bodyId, 'ru');
    const tail = startTail(ledger, ['--after', String(admitted.position - 2)]);
    await until(() => tail.lines().length === 2, 'two lines');
    expect(tail.lines()[0]).toMatch(new RegExp(`^\\s+${admitted.position - 1}\\s+\\S+Z\\s+BodyEstablished\\.v1\\s+body-${bodyId}\\s+secretariat-`));
    expect(tail.lines()[1]).toMatch(/ParticipantAdmitted\.v1/);
    expect(await tail.stop()).toBe(0);
  });

  it('refuses bad usage with exit 2, and a position beyond the head with exit 1', () => {
    expect(concord(ledger.storage, ['tail', '--types', 'NoSuchEvent']).status).toBe(2);
    expect(concord(ledger.storage, ['tail', '--after', 'x']).status).toBe(2);
    expect(concord(ledger.storage, ['tail', 'extra']).status).toBe(2);
    const beyond = concord(ledger.storage, ['tail', '--after', '999999']);
    expect({ status: beyond.status, stderr: beyond.stderr }).toEqual({ status: 1, stderr: expect.stringContaining("beyond the ledger's head") });
  });
});
