import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { assertBuilt, ROOT } from './support/ledger-harness';

/**
 * What loading the API costs before it serves anything: the drivers of stores it is not using,
 * and the compiling of event schemas it has not needed yet, were a second of every start (the API,
 * each CLI call, each restart of a test's ledger). Loading the built API's modules must leave them
 * for later, and they must still come when asked for.
 */
const PROBE = `
  const Ajv = require('ajv').default;
  let compiled = 0;
  const compile = Ajv.prototype.compile;
  Ajv.prototype.compile = function (...args) { compiled += 1; return compile.apply(this, args); };
  const packagesLoaded = () => [...new Set(Object.keys(require.cache).flatMap((path) => /node_modules\\/(pg|@eventstore\\/db-client)\\//.exec(path)?.[1] ?? []))].sort();
  const dist = process.env.DIST;
  require(dist + '/apps/ledger-api/src/app.factory.js');
  const atLoad = { packages: packagesLoaded(), compiled };
  const { validateEventData } = require(dist + '/libs/governance/src/schemas/validate-event.js');
  const valid = validateEventData('BodyEstablished', 1, {}).valid;
  validateEventData('BodyEstablished', 1, {});
  require(dist + '/libs/event-store/src/postgres/pg-driver.js').pgDriver();
  require(dist + '/libs/event-store/src/eventstoredb/esdb-client.js').createEsdbClient('esdb://localhost:2113?tls=false');
  console.log(JSON.stringify({ atLoad, valid, compiledOnUse: compiled, packagesOnUse: packagesLoaded() }));
`;

describe('Loading the API', () => {
  it('loads no store driver it does not use and compiles no event schema until one is checked', () => {
    assertBuilt();
    const run = spawnSync(process.execPath, ['--no-deprecation', '-e', PROBE], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', DIST: join(ROOT, 'dist') },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
    expect(JSON.parse(run.stdout)).toEqual({
      atLoad: { packages: [], compiled: 0 },
      valid: false,
      // One schema, compiled once for two checks.
      compiledOnUse: 1,
      packagesOnUse: ['@eventstore/db-client', 'pg'],
    });
  });
});
