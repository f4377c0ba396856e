import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StoreUnavailableError } from './event-store.errors';
import { ESDB_LOG_INDEX_FILE, openStore } from './open-store';

describe('openStore on EventStoreDB', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = join(mkdtempSync(join(tmpdir(), 'concord-open-store-')), 'data');
  });
  afterEach(() => rmSync(join(dataDir, '..'), { recursive: true, force: true }));

  it('keeps the ledger index in the data directory it is given', async () => {
    // Nothing listens on port 1: the open makes the index file, then fails at its first read of the log.
    const opening = openStore({ kind: 'eventstoredb', url: 'esdb://127.0.0.1:1?tls=false' }, { dataDir, connectRetry: { forMs: 0 } });

    await expect(opening).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(existsSync(join(dataDir, ESDB_LOG_INDEX_FILE))).toBe(true);
  });
});
