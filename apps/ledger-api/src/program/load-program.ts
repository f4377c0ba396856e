import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { constants, Script } from 'node:vm';
import { BundleManifest, readBundleManifest } from './bundle-manifest';
import { CompileCacheKept, LoadedProgram, ProgramEntry, ProgramReport } from './loaded-program';

/** `CONCORD_BUNDLE` is neither `on` nor `off`. */
export class ProgramSettingError extends Error {}

export interface ProgramSource {
  /** The directory of `main.js`, where the build puts the bundle and its manifest. */
  readonly directory: string;
  /** `CONCORD_BUNDLE`: `on` (the default) or `off`. */
  readonly setting: string | undefined;
  /** Loads the program module by module (`require('./start')`). */
  readonly loadModules: () => ProgramEntry;
}

/**
 * Loads the API's program. From the build's bundle when there is one that is up to date, with
 * V8's compile cache of it when an earlier start left one: reading one file and compiling nothing
 * takes a fraction of resolving, reading and compiling some 1,600 modules, which was half of a
 * restart. Otherwise module by module, as compiled; `CONCORD_BUNDLE=off` asks for that (stack
 * traces then name the compiled modules instead of lines of the bundle).
 */
export function loadProgram(source: ProgramSource): { entry: ProgramEntry; program: LoadedProgram } {
  const started = performance.now();
  const setting = source.setting ?? 'on';
  if (setting !== 'on' && setting !== 'off') throw new ProgramSettingError(`CONCORD_BUNDLE must be on or off, got ${JSON.stringify(setting)}`);
  const reading = setting === 'off' ? { usable: false as const, why: 'CONCORD_BUNDLE=off' } : readBundleManifest(source.directory);
  if (!reading.usable) {
    const entry = source.loadModules();
    const report: ProgramReport = { bundled: false, why: reading.why, loadMs: elapsedSince(started), modulesLoaded: modulesLoaded() };
    return { entry, program: { report, keepCompileCache: () => ({ written: false }) } };
  }
  return loadBundle(source.directory, reading.manifest, started);
}

function loadBundle(directory: string, manifest: BundleManifest, started: number): { entry: ProgramEntry; program: LoadedProgram } {
  const file = join(directory, manifest.bundle);
  // Named by the bundle's digest: V8 checks a cache's Node version, flags and the source's
  // length, not its text, so a cache must never outlive the bundle it was made from.
  const cacheFile = join(directory, `${manifest.bundle}.${manifest.sha256.slice(0, 16)}.cache`);
  const cachedData = readIfPresent(cacheFile);
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${readFileSync(file, 'utf8')}\n})`, {
    filename: file,
    cachedData,
    importModuleDynamically: constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const compileCache = cachedData === undefined ? 'absent' : script.cachedDataRejected ? 'rejected' : 'accepted';
  const bundleModule = { exports: {} as Partial<ProgramEntry> };
  (script.runInThisContext() as (...args: unknown[]) => void).call(
    bundleModule.exports,
    bundleModule.exports,
    createRequire(file),
    bundleModule,
    file,
    dirname(file),
  );
  const entry = bundleModule.exports;
  if (typeof entry.startLedgerApi !== 'function') throw new Error(`${file} does not export startLedgerApi: run \`npm run build\` again`);
  const report: ProgramReport = { bundled: true, compileCache, loadMs: elapsedSince(started), modulesLoaded: modulesLoaded() };
  let kept = false;
  const keepCompileCache = (): CompileCacheKept => {
    if (kept || compileCache === 'accepted') return { written: false };
    kept = true;
    return writeCompileCache(script, cacheFile);
  };
  return { entry: entry as ProgramEntry, program: { report, keepCompileCache } };
}

function writeCompileCache(script: Script, cacheFile: string): CompileCacheKept {
  const started = performance.now();
  // Several instances may start from one build at once: each writes its own file and renames it
  // into place, so no start ever reads half a cache.
  const partial = `${cacheFile}.${process.pid}.partial`;
  try {
    const data = script.createCachedData();
    writeFileSync(partial, data);
    renameSync(partial, cacheFile);
    return { written: true, file: cacheFile, bytes: data.length, ms: elapsedSince(started) };
  } catch (error) {
    return { written: false, problem: (error as Error).message };
  }
}

function readIfPresent(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

function modulesLoaded(): number {
  return Object.keys(require.cache).length;
}

function elapsedSince(started: number): number {
  return Math.round(performance.now() - started);
}
