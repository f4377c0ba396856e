import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { Script } from 'node:vm';
import { sha256Of } from './bundle-manifest';
import { CompileCacheKept } from './loaded-program';

const CHECKSUM_BYTES = 32;

export type CachedCode = { readonly state: 'absent' | 'damaged' } | { readonly state: 'found'; readonly data: Buffer };

/**
 * V8's compile cache of the bundle, stored with a SHA-256 of its bytes in front: V8 does not check
 * a cache's bytes, and a damaged one it accepts can end the process, so a cache whose checksum
 * fails is not given to it.
 */
export function readCompileCache(file: string): CachedCode {
  let stored: Buffer;
  try {
    stored = readFileSync(file);
  } catch {
    return { state: 'absent' };
  }
  const data = stored.subarray(CHECKSUM_BYTES);
  return stored.subarray(0, CHECKSUM_BYTES).toString('hex') === sha256Of(data) && data.length > 0 ? { state: 'found', data } : { state: 'damaged' };
}

/**
 * Writes the cache of what `script` has compiled so far. Several instances may start from one
 * build at once: each writes a file of its own, made durable, and renames it into place, so no
 * start reads half a cache. A directory it cannot write is found before the cache is made.
 */
export function writeCompileCache(script: Script, file: string): CompileCacheKept {
  const started = performance.now();
  const partial = `${file}.${process.pid}.partial`;
  let descriptor: number | undefined;
  try {
    descriptor = openSync(partial, 'wx');
    const data = script.createCachedData();
    writeSync(descriptor, Buffer.from(sha256Of(data), 'hex'));
    writeSync(descriptor, data);
    fsyncSync(descriptor);
    closeSync(descriptor);
    descriptor = undefined;
    renameSync(partial, file);
    return { written: true, file, bytes: CHECKSUM_BYTES + data.length, ms: Math.round(performance.now() - started) };
  } catch (error) {
    if (descriptor !== undefined) closeSync(descriptor);
    rmSync(partial, { force: true });
    return { written: false, problem: (error as Error).message };
  }
}
