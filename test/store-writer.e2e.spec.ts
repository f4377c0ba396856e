import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertBuilt, ROOT } from './support/ledger-harness';

/**
 * Where the built product writes appends on SQLite. The API keeps a writer thread, so its event
 * loop serves other requests while a commit waits for the disk; the CLI appends one command after
 * another with no one else to serve, and a hop to a thread and back for every append made
 * `concord import` about a third slower. Each probe reports the `writes` of every store opened.
 */
const OPENED_STORES = `
  const { SqliteEventStore } = require(process.env.DIST + '/libs/event-store/src/sqlite/sqlite-event-store.js');
  const open = SqliteEventStore.open;
  SqliteEventStore.open = async function (...args) {
    const store = await open.apply(this, args);
    process.stderr.write('opened a store that writes ' + store.writes + '\\n');
    return store;
  };
`;

const CLI_PROBE = `${OPENED_STORES}
  process.argv = [process.argv[0], 'concord', 'import', process.env.EXPORT];
  require(process.env.DIST + '/apps/ledger-cli/src/main.js');
`;

const API_PROBE = `${OPENED_STORES}
  const { loadConfig } = require(process.env.DIST + '/libs/config/src/index.js');
  const { openResources } = require(process.env.DIST + '/apps/ledger-api/src/open-resources.js');
  openResources(loadConfig(), () => undefined).then(async (opened) => {
    for (const resource of [opened.transparency, opened.keyRegistry, opened.projections, opened.store]) await resource.close();
  });
`;

function probe(script: string, env: Record<string, string>): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, ['--no-deprecation', '-e', script], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', DIST: join(ROOT, 'dist'), ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('The SQLite writer of the built product', () => {
  let dir = '';
  beforeEach(() => {
    assertBuilt();
    dir = mkdtempSync(join(tmpdir(), 'concord-store-writer-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is a writer thread for the API, which opens its store with its other resources', () => {
    expect(probe(API_PROBE, { CONCORD_DATA_DIR: dir })).toMatchObject({ status: 0, stderr: 'opened a store that writes thread\n' });
  });

  it('is in-process for the command line, which imports one command after another', () => {
    const run = probe(CLI_PROBE, { CONCORD_DATA_DIR: dir, EXPORT: join(ROOT, 'examples/kimberley-process.jsonl') });

    // The whole answer on a failure, so that its cause shows.
    expect(run).toMatchObject({ status: 0, stderr: expect.stringMatching(/imported 86 events/) as unknown });
    expect(run.stderr.split('\n').filter((line) => line.startsWith('opened'))).toEqual(['opened a store that writes in-process']);
  });
});
