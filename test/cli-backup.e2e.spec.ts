import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { recordKimberleyProcess, tableProposal } from './support/kimberley-process';
import { headPosition } from './support/ledger-client';
import { LedgerHarness } from './support/ledger-harness';
import { LedgerStorage, newStorage, removeStorage } from './support/ledger-storage';
import { concord } from './support/concord-cli';
import { expectProblem } from './support/problems';

jest.setTimeout(60_000);

describe('concord backup', () => {
  const backups = mkdtempSync(join(tmpdir(), 'concord-backups-'));
  const storages: LedgerStorage[] = [];
  afterAll(async () => {
    for (const storage of storages) await removeStorage(storage);
    rmSync(backups, { recursive: true, force: true });
  });

  it('copies the SQLite ledger while its API runs, what its -wal holds included, into one file that verifies as the same ledger', async () => {
    const storage = newStorage('sqlite');
    storages.push(storage);
    const ledger = await LedgerHarness.start({}, storage);
    try {
      const kp = await recordKimberleyProcess(ledger);
      await tableProposal(ledger, kp.bodyId);
      const signed = await ledger.request('POST', '/v1/audit/checkpoints', undefined, { role: 'auditor' });
      expect(signed.status).toBe(200);
      const head = await headPosition(ledger);
      const file = join(backups, 'ledger.sqlite');

      const run = concord(storage, ['backup', file]);

      expect({ status: run.status, stderr: run.stderr }).toMatchObject({ status: 0, stderr: expect.stringContaining(`backed up ${head} events`) });
      expect(existsSync(`${file}-wal`)).toBe(false);
      expect(statSync(file).mode & 0o077).toBe(0);

      // Restored: the backup and the keys beside it make the same ledger, which verifies.
      const restored = newStorage('sqlite');
      storages.push(restored);
      copyFileSync(file, join(restored.dataDir, 'ledger.sqlite'));
      copyFileSync(join(storage.dataDir, 'checkpoint-signing-key.pem'), join(restored.dataDir, 'checkpoint-signing-key.pem'));
      const verified = concord(restored, ['verify']);
      expect({ status: verified.status, stdout: verified.stdout }).toMatchObject({ status: 0 });
      expect(verified.stdout).toMatch(new RegExp(`verified ${head} events against [1-9]\\d* signed checkpoints?: nothing altered`));
    } finally {
      await ledger.stop({ keepData: true });
    }
  });

  it('tells a feed reader that names the event it last read that a restored copy holds another event there', async () => {
    const storage = newStorage('sqlite');
    storages.push(storage);
    const file = join(backups, 'before-the-reader.sqlite');
    const first = await LedgerHarness.start({}, storage);
    let copied: number;
    let bodyId: string;
    let read: { next: number; nextEventId: string };
    let atCopy: typeof read;
    try {
      const kp = await recordKimberleyProcess(first);
      bodyId = kp.bodyId;
      copied = await headPosition(first);
      expect(concord(storage, ['backup', file]).status).toBe(0);
      await tableProposal(first, kp.bodyId);
      read = (await first.get('/v1/events?limit=1000', { role: 'integrator' })).body as typeof read;
      atCopy = (await first.get(`/v1/events?after=${copied - 1}&limit=1`, { role: 'integrator' })).body as typeof read;
      expect(read.next).toBeGreaterThan(copied);
    } finally {
      await first.stop({ keepData: true });
    }
    const restored = newStorage('sqlite');
    storages.push(restored);
    copyFileSync(file, join(restored.dataDir, 'ledger.sqlite'));
    copyFileSync(join(storage.dataDir, 'checkpoint-signing-key.pem'), join(restored.dataDir, 'checkpoint-signing-key.pem'));
    const ledger = await LedgerHarness.start({}, restored);
    try {
      // Written on past the reader's position: the position exists again, holding other events.
      while ((await headPosition(ledger)) < read.next) await tableProposal(ledger, bodyId);
      const unchecked = await ledger.get(`/v1/events?after=${read.next}`, { role: 'integrator' });
      expect(unchecked.status).toBe(200);
      const refused = expectProblem(
        await ledger.get(`/v1/events?after=${read.next}&afterEventId=${read.nextEventId}`, { role: 'integrator' }),
        409,
        'feed-position-rewritten',
      );
      expect(refused).toMatchObject({ position: read.next, expectedEventId: read.nextEventId, eventId: expect.not.stringMatching(read.nextEventId) });
      const stream = await ledger.get('/v1/events/stream?ids=position-and-event', {
        role: 'integrator',
        headers: { 'last-event-id': `${read.next}:${read.nextEventId}` },
      });
      expectProblem(stream, 409, 'feed-position-rewritten');
      // Up to the copy's head, the restored log is the one the reader read.
      const resumed = await ledger.get(`/v1/events?after=${copied}&afterEventId=${atCopy.nextEventId}`, { role: 'integrator' });
      expect(resumed.status).toBe(200);
    } finally {
      await ledger.stop({ keepData: true });
    }
  });

  it('writes only a new file, and says what to use instead on another store (exit 1, one line)', () => {
    const storage = newStorage('sqlite');
    storages.push(storage);
    expect(concord(storage, ['backup', join(backups, 'none.sqlite')])).toMatchObject({
      status: 1,
      stderr: expect.stringMatching(/^concord: there is no ledger at .*\n$/),
    });
    const taken = join(backups, 'taken.sqlite');
    copyFileSync(__filename, taken);
    expect(concord(storage, ['backup', taken])).toMatchObject({ status: 1, stderr: `concord: ${taken} exists: a backup is written to a new file\n` });
    const nowhere = join(storage.dataDir, 'no-such-directory');
    expect(concord(storage, ['backup', join(nowhere, 'x.sqlite')])).toMatchObject({
      status: 1,
      stderr: `concord: ${nowhere} does not exist: a backup is written into a directory that does\n`,
    });
    const other = join(backups, 'other.sqlite');
    const notALedger = new Database(other);
    notALedger.exec('CREATE TABLE notes (text TEXT)');
    notALedger.close();
    const refused = concord({ ...storage, env: { CONCORD_STORE_URL: other } }, ['backup', join(backups, 'of-other.sqlite')]);
    expect(refused).toMatchObject({ status: 1, stderr: expect.stringContaining('is a SQLite file but no ledger') });
    expect(existsSync(join(backups, 'of-other.sqlite'))).toBe(false);
    const postgres = { ...storage, env: { CONCORD_STORE: 'postgres', CONCORD_STORE_URL: 'postgres://postgres@127.0.0.1:5432/test' } };
    expect(concord(postgres, ['backup', join(backups, 'pg.sqlite')])).toMatchObject({ status: 1, stderr: expect.stringContaining('pg_dump --schema') });
  });
});
