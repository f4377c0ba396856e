import { generateKeyPairSync } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { establishBody } from './support/kimberley-process';
import { LedgerHarness } from './support/ledger-harness';
import { expectProblem } from './support/problems';

jest.setTimeout(90_000); // five ledger processes on one log

interface PublishedKey {
  readonly name: string;
  readonly verifierKey: string;
  readonly until: string | null;
}

/**
 * The keys that sign one log, as instances sharing its database start with them: a checkpoint is
 * never signed with a key whose published period another key's start has closed, and a log keeps
 * its name when only the public URL it would be named after changes.
 */
describe('Signing keys of instances sharing one log', () => {
  const started: LedgerHarness[] = [];
  afterAll(async () => {
    for (const ledger of started.reverse()) await ledger.stop();
  });
  const start = async (env: Record<string, string>, on?: LedgerHarness): Promise<LedgerHarness> => {
    const ledger = await LedgerHarness.start({ CONCORD_CHECKPOINT_INTERVAL_S: '3600', ...env }, on?.storage);
    started.push(ledger);
    return ledger;
  };
  const keysOf = async (ledger: LedgerHarness): Promise<PublishedKey[]> =>
    (await ledger.get('/v1/audit/keys', { role: 'auditor' })).body.keys as PublishedKey[];
  const sign = (ledger: LedgerHarness): ReturnType<LedgerHarness['request']> => ledger.request('POST', '/v1/audit/checkpoints', undefined, { role: 'auditor' });
  const keyFile = (ledger: LedgerHarness, name: string): string => {
    const file = join(ledger.dataDir, name);
    writeFileSync(file, generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    return file;
  };

  it('signs no checkpoint with a key another instance closed, and keeps the log name when only the public URL changes', async () => {
    const first = await start({});
    await establishBody(first);
    expect((await sign(first)).status).toBe(200);
    const [firstKey] = await keysOf(first);
    expect(firstKey).toMatchObject({ name: 'localhost/concord-ledger', until: null });

    // A second instance started with a key of its own (not the shared one) closes the first's period.
    const otherKey = keyFile(first, 'other-signing-key.pem');
    const second = await start({ CONCORD_SIGNING_KEY_FILE: otherKey }, first);
    const keys = await keysOf(second);
    expect(keys).toHaveLength(2);
    expect(keys.find((key) => key.verifierKey === firstKey?.verifierKey)?.until).not.toBeNull();
    // Its start says so at once, naming the key it replaced.
    expect(second.logEntries).toContainEqual(
      expect.objectContaining({ level: 'warn', msg: expect.stringContaining('replaced the one in use'), replaced: firstKey?.verifierKey }),
    );
    await establishBody(second);
    const refused = expectProblem(await sign(first), 409, 'signing-key-superseded');
    expect(refused.detail).toContain('CONCORD_SIGNING_KEY_FILE');
    const signed = await sign(second);
    expect(signed.status).toBe(200);
    expect(signed.body.note).toContain('— localhost/concord-ledger ');

    // Started again with the key now in use and another public URL, an instance signs under the
    // log's name: the URL names a new log only.
    const renamedUrl = await start({ CONCORD_SIGNING_KEY_FILE: otherKey, CONCORD_PUBLIC_URL: 'https://ledger.example.org/kp' }, first);
    expect(renamedUrl.logs).toContain('the log keeps its name');
    expect(renamedUrl.logs).not.toContain('replaced the one in use');
    await establishBody(renamedUrl);
    expect((await sign(renamedUrl)).status).toBe(200);
    expect(await keysOf(renamedUrl)).toEqual(keys.map((key) => expect.objectContaining({ name: key.name, verifierKey: key.verifierKey })));

    // CONCORD_LOG_ORIGIN renames it, as an operator's deliberate act: a new key name is published.
    const renamed = await start({ CONCORD_SIGNING_KEY_FILE: otherKey, CONCORD_LOG_ORIGIN: 'ledger.example.org/kp' }, first);
    // The same key under a new name: said as a rename, not as another key taking over.
    expect(renamed.logs).not.toContain('replaced the one in use');
    expect(renamed.logEntries).toContainEqual(
      expect.objectContaining({
        level: 'warn',
        msg: expect.stringContaining('signed under a new name'),
        previousName: 'localhost/concord-ledger',
        name: 'ledger.example.org/kp',
      }),
    );
    const afterRename = await keysOf(renamed);
    expect(afterRename.map((key) => key.name)).toEqual(['localhost/concord-ledger', 'localhost/concord-ledger', 'ledger.example.org/kp']);
    await establishBody(renamed);
    expect((await sign(renamed)).body.note).toContain('— ledger.example.org/kp ');

    // The first key (the generated one, under its first name), closed since, is not opened again by
    // starting with it anew: the start says so.
    const returning = await start({ CONCORD_LOG_ORIGIN: 'localhost/concord-ledger' }, first);
    expect(returning.logs).toContain('this instance will sign no checkpoint');
    await establishBody(returning);
    expect(expectProblem(await sign(returning), 409, 'signing-key-superseded').detail).toContain('a closed key is not opened again');
    expect((await keysOf(returning)).filter((key) => key.until === null)).toHaveLength(1);
  });
});
