import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUNDLE_FILE, describeBundledModule, MANIFEST_FILE, sha256Of } from './bundle-manifest';
import { loadProgram, ProgramSettingError } from './load-program';
import { ProgramEntry } from './loaded-program';

const MODULE = 'start.js';

/** A build's directory holding a bundle made of one module of ours, as the bundling tool leaves it. */
function buildDirectory(): { directory: string; writeBundle(text: string): void; cacheFiles(): string[] } {
  const directory = mkdtempSync(join(tmpdir(), 'program-'));
  writeFileSync(join(directory, MODULE), '// compiled module');
  const writeBundle = (text: string): void => {
    writeFileSync(join(directory, BUNDLE_FILE), text);
    const inputs = { [MODULE]: describeBundledModule(join(directory, MODULE)) };
    writeFileSync(join(directory, MANIFEST_FILE), JSON.stringify({ bundle: BUNDLE_FILE, inputs }));
  };
  return { directory, writeBundle, cacheFiles: () => readdirSync(directory).filter((file) => file.includes('.cache')) };
}

const BUNDLE = `
  const path = require('node:path');
  exports.startLedgerApi = () => 'bundled:' + path.basename(__dirname) + ':' + typeof module;
`;
const MODULES: ProgramEntry = { startLedgerApi: () => undefined };

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

  it('loads module by module when the bundle and its manifest are not both there', () => {
    const made = build();
    made.writeBundle(BUNDLE);
    rmSync(join(made.directory, BUNDLE_FILE));
    expect(load(made.directory)).toMatchObject({ modulesLoaded: 1, program: { report: { why: `the bundle its manifest names, ${BUNDLE_FILE}, is missing` } } });
    made.writeBundle(BUNDLE);
    rmSync(join(made.directory, MANIFEST_FILE));
    expect(load(made.directory)).toMatchObject({ modulesLoaded: 1, program: { report: { why: `the bundle has no ${MANIFEST_FILE} beside it` } } });
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

  it('never uses the cache of another bundle, even one of the same length under the same manifest', () => {
    const made = build();
    made.writeBundle(BUNDLE);
    load(made.directory).program.keepCompileCache();
    // Same length, other text, the manifest left as it was: V8 alone would take the old cache for it.
    writeFileSync(join(made.directory, BUNDLE_FILE), BUNDLE.replace('bundled:', 'rebuilt:'));
    const rebuilt = load(made.directory);
    expect(rebuilt.result).toMatch(/^rebuilt:/);
    expect(rebuilt.program.report).toMatchObject({ compileCache: 'absent' });
  });

  it('gives V8 no cache whose checksum fails, and writes a good one over it, leaving no partial file', () => {
    const made = build();
    made.writeBundle(BUNDLE);
    load(made.directory).program.keepCompileCache();
    const file = join(made.directory, made.cacheFiles()[0] ?? '');
    const damaged = readFileSync(file);
    damaged.writeUInt8(damaged.readUInt8(damaged.length - 1) ^ 0xff, damaged.length - 1);
    writeFileSync(file, damaged);
    const refused = load(made.directory);
    expect(refused.result).toMatch(/^bundled:/);
    expect(refused.program.report).toMatchObject({ compileCache: 'damaged' });
    expect(refused.program.keepCompileCache()).toMatchObject({ written: true });
    expect(load(made.directory).program.report).toMatchObject({ compileCache: 'accepted' });
    expect(made.cacheFiles()).toHaveLength(1);
  });

  it('takes a cache V8 refuses for what it is', () => {
    const made = build();
    made.writeBundle(BUNDLE);
    load(made.directory).program.keepCompileCache();
    const file = join(made.directory, made.cacheFiles()[0] ?? '');
    // A good checksum over bytes that are no cache of this V8's.
    const foreign = Buffer.from('made by another version of V8');
    writeFileSync(file, Buffer.concat([Buffer.from(sha256Of(foreign), 'hex'), foreign]));
    expect(load(made.directory).program.report).toMatchObject({ bundled: true, compileCache: 'rejected' });
  });

  it('says why a cache cannot be written and leaves nothing half written', () => {
    const made = build();
    made.writeBundle(BUNDLE);
    const copy = `${made.directory}-unwritable`;
    cpSync(made.directory, copy, { recursive: true, preserveTimestamps: true });
    directories.push(copy);
    const loaded = loadProgram({ directory: copy, setting: undefined, loadModules: () => MODULES });
    // Where the cache would go, a directory is in the way.
    const cacheFile = join(copy, `${BUNDLE_FILE}.${sha256Of(Buffer.from(BUNDLE)).slice(0, 16)}.cache`);
    mkdirSync(join(cacheFile, 'in-the-way'), { recursive: true });
    expect(loaded.program.keepCompileCache()).toMatchObject({ written: false, problem: expect.stringMatching(/EISDIR|ENOTEMPTY|EEXIST/) });
    expect(readdirSync(copy).filter((file) => file.endsWith('.partial'))).toEqual([]);
  });

  it('keeps using the bundle when the build was copied without its times, and not once a module changed', () => {
    const made = build();
    made.writeBundle(BUNDLE);
    const module = join(made.directory, MODULE);
    // An archive kept whole seconds, a plain copy none: the same content either way.
    const { mtimeMs } = statSync(module);
    utimesSync(module, new Date(), new Date(Math.floor(mtimeMs / 1000) * 1000));
    expect(load(made.directory).program.report).toMatchObject({ bundled: true });
    utimesSync(module, new Date(), new Date(mtimeMs + 60_000));
    expect(load(made.directory).program.report).toMatchObject({ bundled: true });
    // Rewritten by a compiler in watch mode, a second later or more: same size, other content.
    writeFileSync(module, '// compiled MODULE');
    utimesSync(module, new Date(), new Date(mtimeMs + 2_000));
    expect(load(made.directory)).toMatchObject({
      modulesLoaded: 1,
      program: { report: { bundled: false, why: `${MODULE} changed since the bundle was made` } },
    });
    rmSync(module);
    expect(load(made.directory).program.report).toMatchObject({ bundled: false, why: `${MODULE} is gone since the bundle was made` });
  });

  it('loads module by module with CONCORD_BUNDLE=off, takes an empty value as on, and refuses any other', () => {
    const made = build();
    made.writeBundle(BUNDLE);
    expect(load(made.directory, 'off')).toMatchObject({ modulesLoaded: 1, program: { report: { bundled: false, why: 'CONCORD_BUNDLE=off' } } });
    expect(load(made.directory, 'on').program.report.bundled).toBe(true);
    expect(load(made.directory, '').program.report.bundled).toBe(true);
    expect(() => load(made.directory, 'true')).toThrow(new ProgramSettingError('CONCORD_BUNDLE must be on or off, got "true"'));
  });
});
