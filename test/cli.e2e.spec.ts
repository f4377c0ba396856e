import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { object, recordKimberleyProcess, tableProposal } from './support/kimberley-process';
import { headPosition } from './support/ledger-client';
import { LedgerHarness } from './support/ledger-harness';
import { LedgerStorage, newStorage, removeStorage } from './support/ledger-storage';
import { concord } from './support/concord-cli';

jest.setTimeout(60_000); // starts a real ledger and runs the CLI as a child process

describe('the concord CLI: export and import', () => {
  let source: LedgerHarness;
  let exported: string;
  const targets: LedgerStorage[] = [];
  const target = (): LedgerStorage => {
    const storage = newStorage();
    targets.push(storage);
    return storage;
  };

  beforeAll(async () => {
    source = await LedgerHarness.start();
    const kp = await recordKimberleyProcess(source);
    const { proposalId } = await tableProposal(source, kp.bodyId, { kind: 'definition-amendment' });
    await object(source, proposalId, 'ru');
    await source.stop({ keepData: true });
    const result = concord(source.storage, ['export']);
    expect(result.status).toBe(0);
    exported = result.stdout;
  });
  afterAll(async () => {
    await removeStorage(source.storage);
    for (const storage of targets) await removeStorage(storage);
  });

  it('exports the whole log as JSON Lines, envelope and all, with progress on stderr only', () => {
    const lines = exported.trimEnd().split('\n').map((text) => JSON.parse(text) as Record<string, unknown>);
    expect(lines.map((line) => line.position)).toEqual(lines.map((_, index) => index + 1));
    expect(lines[0]).toMatchObject({ stream: expect.stringMatching(/^body-/), streamRevision: 0, type: 'BodyEstablished', schemaVersion: 1 });
    expect(lines.at(-1)).toMatchObject({ type: 'ObjectionRaised', metadata: { actor: { role: 'secretariat' } } });
    expect(concord(source.storage, ['export']).stderr).toMatch(/export: \d+\/\d+ events, \d+\/s, done/);
  });

  it('exports a range of positions', () => {
    const lines = concord(source.storage, ['export', '--from', '3', '--to', '5']).stdout.trimEnd().split('\n');
    expect(lines.map((text) => (JSON.parse(text) as { position: number }).position)).toEqual([3, 4, 5]);
  });

  it('imports an export into an empty ledger, which then exports the same file and answers the same queries', async () => {
    const storage = target();
    const file = join(storage.dataDir, 'ledger.jsonl');
    writeFileSync(file, exported);

    const result = concord(storage, ['import', file]);

    expect(result).toMatchObject({ status: 0, stderr: expect.stringContaining(`imported ${exported.trimEnd().split('\n').length} events`) });
    expect(concord(storage, ['export']).stdout).toBe(exported);
    const copy = await LedgerHarness.start({}, storage);
    try {
      expect(await headPosition(copy)).toBe(exported.trimEnd().split('\n').length);
    } finally {
      await copy.stop({ keepData: true });
    }
  });

  it('refuses to import the same file twice', () => {
    const storage = target();
    const file = join(storage.dataDir, 'ledger.jsonl');
    writeFileSync(file, exported);
    expect(concord(storage, ['import', file]).status).toBe(0);

    const again = concord(storage, ['import', file]);

    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/already holds \d+ events/);
  });

  it('stops at the first invalid line with its number and writes nothing', () => {
    const storage = target();
    const file = join(storage.dataDir, 'broken.jsonl');
    const lines = exported.trimEnd().split('\n');
    lines[3] = lines[3]?.replace('"schemaVersion":1', '"schemaVersion":7') ?? '';
    writeFileSync(file, `${lines.join('\n')}\n`);

    const result = concord(storage, ['import', file]);

    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^concord: line 4: \w+ v7 is not valid: no schema/);
    expect(concord(storage, ['export']).stdout).toBe('');
  });

  it('refuses a participation record the ledger\'s rules would have refused, naming the rule', () => {
    const storage = target();
    const file = join(storage.dataDir, 'forged.jsonl');
    const lines = exported.trimEnd().split('\n');
    const last = lines.length - 1;
    lines[last] = lines[last]?.replace('"participantId":"ru"', '"participantId":"wdc"') ?? '';
    writeFileSync(file, `${lines.join('\n')}\n`);
    const result = concord(storage, ['import', file]);
    expect({ status: result.status, stderr: result.stderr.trim() }).toEqual({
      status: 1,
      stderr: expect.stringMatching(new RegExp(`^concord: line ${last + 1}: ObjectionRaised breaks a rule of the ledger \\(observer-cannot-object\\)`)),
    });
  });

  it.each([
    ['a recordedAt after the import', (line: Record<string, Record<string, unknown>>) => ({ ...line, metadata: { ...line.metadata, recordedAt: '2999-01-01T00:00:00.000Z' } }), /line 5: metadata.recordedAt 2999-01-01T00:00:00.000Z is after the import itself/],
    ['an occurredAt after its recordedAt', (line: Record<string, Record<string, unknown>>) => ({ ...line, data: { ...line.data, occurredAt: '2099-01-01T00:00:00.000Z' } }), /line 5: occurredAt 2099-01-01T00:00:00.000Z is after recordedAt/],
  ])('refuses %s, which would falsify the timelines', (_, spoil, message) => {
    const storage = target();
    const file = join(storage.dataDir, 'spoilt.jsonl');
    const lines = exported.trimEnd().split('\n');
    lines[4] = JSON.stringify(spoil(JSON.parse(lines[4] ?? '{}') as Record<string, Record<string, unknown>>));
    writeFileSync(file, `${lines.join('\n')}\n`);
    const result = concord(storage, ['import', file]);
    expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 1, stderr: expect.stringMatching(message) });
  });

  it.each([
    [['export', '--sideways']],
    [['import']],
    [['export', '--from', 'x']],
    [['replay-the-world']],
  ])('answers a bad call %j with exit code 2 and the usage', (args) => {
    const result = concord(source.storage, args);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('usage: concord');
  });

  it('answers a missing file with exit code 1', () => {
    const result = concord(target(), ['import', '/nonexistent/ledger.jsonl']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/ENOENT/);
  });
});
