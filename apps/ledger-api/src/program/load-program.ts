import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { constants, Script } from 'node:vm';
import { BundleManifest, readBundleManifest, sha256Of } from './bundle-manifest';
import { readCompileCache, writeCompileCache } from './compile-cache';
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
  const setting = source.setting?.trim() || 'on';
  if (setting !== 'on' && setting !== 'off') throw new ProgramSettingError(`CONCORD_BUNDLE must be on or off, got ${JSON.stringify(source.setting)}`);
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
  const text = readFileSync(file);
  // Named by the digest of the text read: V8 checks a cache's Node version, flags and the
  // source's length, not the source itself, and would run the code of another bundle of the
  // same length.
  const cacheFile = join(directory, `${manifest.bundle}.${sha256Of(text).slice(0, 16)}.cache`);
  const cached = readCompileCache(cacheFile);
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${text.toString('utf8')}\n})`, {
    filename: file,
    cachedData: cached.state === 'found' ? cached.data : undefined,
    importModuleDynamically: constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const compileCache = cached.state !== 'found' ? cached.state : script.cachedDataRejected ? 'rejected' : 'accepted';
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
  let kept = compileCache === 'accepted';
  const keepCompileCache = (): CompileCacheKept => {
    if (kept) return { written: false };
    kept = true;
    return writeCompileCache(script, cacheFile);
  };
  return { entry: entry as ProgramEntry, program: { report, keepCompileCache } };
}

function modulesLoaded(): number {
  return Object.keys(require.cache).length;
}

function elapsedSince(started: number): number {
  return Math.round(performance.now() - started);
}
