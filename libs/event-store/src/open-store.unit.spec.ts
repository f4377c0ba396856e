import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StoreUnavailableError } from './event-store.errors';
import { esdbLogIndexFile, openStore } from './open-store';

describe('openStore on EventStoreDB', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = join(mkdtempSync(join(tmpdir(), 'concord-open-store-')), 'data');
  });
  afterEach(() => rmSync(join(dataDir, '..'), { recursive: true, force: true }));

  it('keeps the ledger index in the data directory it is given, one file per server', async () => {
    // Nothing listens on ports 1 and 2: the open makes the index file, then fails at its first read of the log.
    const open = (url: string) => openStore({ kind: 'eventstoredb', url }, { dataDir, connectRetry: { forMs: 0 } });
    const [one, two] = ['esdb://127.0.0.1:1?tls=false', 'esdb://admin:secret@127.0.0.1:2?tls=false'];

    await expect(open(one)).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(open(two)).rejects.toBeInstanceOf(StoreUnavailableError);

    expect(
      readdirSync(dataDir)
        .filter((file) => file.endsWith('.sqlite'))
        .sort(),
    ).toEqual([esdbLogIndexFile(one), esdbLogIndexFile(two)].sort());
    expect(esdbLogIndexFile(two)).toMatch(/^log-index-[0-9a-f]{16}\.sqlite$/);
  });
});
