import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { assertBuilt, LedgerHarness, MAIN_JS, ROOT } from './support/ledger-harness';

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

/** Runs a probe against the build in a process of its own; what it printed, as JSON. */
function probeOutput(script: string): unknown {
  assertBuilt();
  const run = spawnSync(process.execPath, ['--no-deprecation', '-e', script], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', DIST: join(ROOT, 'dist') },
    encoding: 'utf8',
    timeout: 30_000,
  });
  expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
  return JSON.parse(run.stdout);
}

describe('Loading the API', () => {
  it('loads no store driver it does not use and compiles no event schema until one is checked', () => {
    expect(probeOutput(PROBE)).toEqual({
      atLoad: { packages: [], compiled: 0 },
      valid: false,
      // One schema, compiled once for two checks.
      compiledOnUse: 1,
      packagesOnUse: ['@eventstore/db-client', 'pg'],
    });
  });
});

/**
 * The API's program comes from the build's bundle: one file, compiled once and then taken from
 * V8's compile cache, instead of some 1,600 modules resolved, read and compiled at every start.
 */
const BUNDLE_PROBE = `
  const { loadProgram } = require(process.env.DIST + '/apps/ledger-api/src/program/load-program.js');
  const { program } = loadProgram({
    directory: process.env.DIST + '/apps/ledger-api/src',
    setting: 'on',
    loadModules: () => { throw new Error('the build left no bundle to load'); },
  });
  const packages = [...new Set(Object.keys(require.cache).flatMap((path) => /node_modules\\/(pg|@eventstore\\/db-client)\\//.exec(path)?.[1] ?? []))];
  console.log(JSON.stringify({ bundled: program.report.bundled, packages }));
`;

describe('Loading the API from its bundle', () => {
  it('leaves the drivers of the other stores out of the bundled start too', () => {
    expect(probeOutput(BUNDLE_PROBE)).toEqual({ bundled: true, packages: [] });
  });

  const listeningOf = (logs: string): { program?: Record<string, unknown> } => {
    const listening = logs
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { msg?: string; program?: Record<string, unknown> })
      .find((line) => line.msg === 'ledger listening');
    if (!listening?.program) throw new Error(`no 'ledger listening' line with the program's load:\n${logs}`);
    return listening;
  };
  const programOf = (logs: string): Record<string, unknown> => listeningOf(logs).program ?? {};

  it('loads a few dozen modules, and a start after one that wrote the compile cache uses it', async () => {
    const first = await LedgerHarness.start({ CONCORD_LOG_LEVEL: 'info' });
    await first.stop();
    const firstLoad = programOf(first.logs);
    expect(firstLoad).toMatchObject({ bundled: true });
    // The writer thread's entry is found from the bundle as from its own module.
    expect(listeningOf(first.logs)).toMatchObject({ sqliteWrites: 'thread' });
    expect(firstLoad.modulesLoaded).toBeLessThan(100);
    // A start that found no cache it could use wrote one (unless an earlier one already had).
    if (firstLoad.compileCache !== 'accepted') expect(first.logs).toContain('compile cache written for the next start');

    const second = await LedgerHarness.start({ CONCORD_LOG_LEVEL: 'info' });
    const answer = await second.request('GET', '/v1/bodies?limit=1', undefined, { role: 'auditor' });
    await second.stop();
    expect(answer.status).toBe(200);
    expect(programOf(second.logs)).toMatchObject({ bundled: true, compileCache: 'accepted' });
    expect(second.logs).not.toContain('compile cache written');
  });

  it('loads module by module with CONCORD_BUNDLE=off, and refuses any other value in one line', async () => {
    const ledger = await LedgerHarness.start({ CONCORD_LOG_LEVEL: 'info', CONCORD_BUNDLE: 'off' });
    const answer = await ledger.request('GET', '/v1/bodies?limit=1', undefined, { role: 'auditor' });
    await ledger.stop();
    expect(answer.status).toBe(200);
    const load = programOf(ledger.logs);
    expect(load).toMatchObject({ bundled: false, why: 'CONCORD_BUNDLE=off' });
    expect(load.modulesLoaded).toBeGreaterThan(1000);

    const refused = spawnSync(process.execPath, [MAIN_JS], { env: { PATH: process.env.PATH ?? '', CONCORD_BUNDLE: 'yes' }, encoding: 'utf8', timeout: 30_000 });
    expect({ status: refused.status, stderr: refused.stderr }).toEqual({ status: 1, stderr: 'concord-ledger: CONCORD_BUNDLE must be on or off, got "yes"\n' });
  });
});
