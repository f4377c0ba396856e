import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUNDLE_FILE, MANIFEST_FILE } from './bundle-manifest';
import { loadProgram, ProgramSettingError } from './load-program';
import { ProgramEntry } from './loaded-program';

/** A build's directory holding a bundle made of one module of ours, as the bundling tool leaves it. */
function buildDirectory(): { directory: string; writeBundle(text: string): void; cacheFiles(): string[] } {
  const directory = mkdtempSync(join(tmpdir(), 'program-'));
  writeFileSync(join(directory, 'start.js'), '// compiled module');
  const writeBundle = (text: string): void => {
    writeFileSync(join(directory, BUNDLE_FILE), text);
    const inputs = { 'start.js': Math.round(Date.now() / 1000) * 1000 };
    utimesSync(join(directory, 'start.js'), inputs['start.js'] / 1000, inputs['start.js'] / 1000);
    const sha256 = createHash('sha256').update(text).digest('hex');
    writeFileSync(join(directory, MANIFEST_FILE), JSON.stringify({ bundle: BUNDLE_FILE, sha256, bytes: text.length, inputs }));
  };
  return { directory, writeBundle, cacheFiles: () => readdirSync(directory).filter((file) => file.endsWith('.cache')) };
}

const BUNDLE = `
  const path = require('node:path');
  exports.startLedgerApi = () => 'bundled:' + path.basename(__dirname) + ':' + typeof module;
`;
const MODULES: ProgramEntry & { started(): string } = { startLedgerApi: () => undefined, started: () => 'modules' };

describe('Loading the program', () => {
  const directories: string[] = [];
  const build = (): ReturnType<typeof buildDirectory> => {
    const made = buildDirectory();
    directories.push(made.directory);
    return made;
  };
  afterAll(() => directories.forEach((directory) => rmSync(directory, { recursive: true, force: true })));
  /**
   * Each start loads a copy of the build, as a new process would: V8 keeps what it compiled in a
   * process by source and file name, and would otherwise not look at the cache on disk at all.
   */
  let starts = 0;
  const load = (directory: string, setting?: string) => {
    const copy = `${directory}-start-${++starts}`;
    cpSync(directory, copy, { recursive: true, preserveTimestamps: true });
    directories.push(copy);
    let modulesLoaded = 0;
    const loaded = loadProgram({ directory: copy, setting, loadModules: () => (modulesLoaded++, MODULES) });
    // What this start wrote is there for the next.
    const keepCompileCache = () => {
      const kept = loaded.program.keepCompileCache();
      cpSync(copy, directory, { recursive: true, preserveTimestamps: true });
      return kept;
    };
    const program = { ...loaded.program, keepCompileCache };
    return { program, modulesLoaded, result: (loaded.entry.startLedgerApi as (...args: unknown[]) => unknown)(loaded.program) };
  };

  it('loads module by module when the build made no bundle, and says why', () => {
    const { directory } = build();
    const loaded = load(directory);
    expect(loaded.modulesLoaded).toBe(1);
    expect(loaded.program.report).toMatchObject({ bundled: false, why: 'the build made no bundle' });
    expect(loaded.program.keepCompileCache()).toEqual({ written: false });
  });

  it('runs the bundle with its own require, module and directory, then keeps its compile cache for the next start', () => {
    const made = build();
    made.writeBundle(BUNDLE);
    const first = load(made.directory);
    expect(first.modulesLoaded).toBe(0);
    expect(first.result).toBe(`bundled:${made.directory.split('/').pop()}-start-${starts}:object`);
    expect(first.program.report).toMatchObject({ bundled: true, compileCache: 'absent' });
    expect(first.program.keepCompileCache()).toMatchObject({ written: true });
    expect(first.program.keepCompileCache()).toEqual({ written: false });
    expect(made.cacheFiles()).toHaveLength(1);

    const second = load(made.directory);
    expect(second.program.report).toMatchObject({ bundled: true, compileCache: 'accepted' });
    expect(second.program.keepCompileCache()).toEqual({ written: false });
  });

  it('never uses the cache of another bundle, even one of the same length', () => {
    const made = build();
    made.writeBundle(BUNDLE);
    load(made.directory).program.keepCompileCache();
    // Same length, other text: V8 alone would take the old cache for it.
    made.writeBundle(BUNDLE.replace('bundled:', 'rebuilt:'));
    const rebuilt = load(made.directory);
    expect(rebuilt.result).toMatch(/^rebuilt:/);
    expect(rebuilt.program.report).toMatchObject({ compileCache: 'absent' });
  });

  it('takes a cache V8 refuses for what it is, and writes a good one over it', () => {
    const made = build();
    made.writeBundle(BUNDLE);
    load(made.directory).program.keepCompileCache();
    expect(made.cacheFiles()).toHaveLength(1);
    writeFileSync(join(made.directory, made.cacheFiles()[0] ?? ''), 'not a compile cache');
    const refused = load(made.directory);
    expect(refused.result).toMatch(/^bundled:/);
    expect(refused.program.report).toMatchObject({ compileCache: 'rejected' });
    expect(refused.program.keepCompileCache()).toMatchObject({ written: true });
    expect(load(made.directory).program.report).toMatchObject({ compileCache: 'accepted' });
  });

  it('loads module by module once a module in the bundle was compiled again, or is gone', () => {
    const made = build();
    made.writeBundle(BUNDLE);
    utimesSync(join(made.directory, 'start.js'), new Date(), new Date(Date.now() + 5000));
    expect(load(made.directory)).toMatchObject({
      modulesLoaded: 1,
      program: { report: { bundled: false, why: 'start.js changed since the bundle was made' } },
    });
    rmSync(join(made.directory, 'start.js'));
    expect(load(made.directory).program.report).toMatchObject({ bundled: false, why: 'start.js is gone since the bundle was made' });
  });

  it('loads module by module with CONCORD_BUNDLE=off, and refuses any value but on and off', () => {
    const made = build();
    made.writeBundle(BUNDLE);
    expect(load(made.directory, 'off')).toMatchObject({ modulesLoaded: 1, program: { report: { bundled: false, why: 'CONCORD_BUNDLE=off' } } });
    expect(load(made.directory, 'on').program.report.bundled).toBe(true);
    expect(() => load(made.directory, 'true')).toThrow(new ProgramSettingError('CONCORD_BUNDLE must be on or off, got "true"'));
  });
});
