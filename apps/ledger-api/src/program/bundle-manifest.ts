import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const BUNDLE_FILE = 'ledger-api.bundle.js';
export const MANIFEST_FILE = 'ledger-api.bundle.json';

/** What `tools/bundle-ledger-api.mjs` writes beside the bundle. */
export interface BundleManifest {
  readonly bundle: string;
  readonly sha256: string;
  readonly bytes: number;
  /** Our compiled modules in the bundle, relative to its directory, with the time each was written. */
  readonly inputs: Readonly<Record<string, number>>;
}

export type ManifestReading = { readonly usable: true; readonly manifest: BundleManifest } | { readonly usable: false; readonly why: string };

/**
 * The bundle is used only while every module that went into it is as it was: a compiler in watch
 * mode rewrites single modules, and a start must then run them, not the bundle made before.
 */
export function readBundleManifest(directory: string): ManifestReading {
  let manifest: BundleManifest;
  try {
    manifest = JSON.parse(readFileSync(join(directory, MANIFEST_FILE), 'utf8')) as BundleManifest;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return { usable: false, why: code === 'ENOENT' ? 'the build made no bundle' : `its manifest cannot be read: ${(error as Error).message}` };
  }
  if (manifest.bundle !== BUNDLE_FILE || typeof manifest.sha256 !== 'string' || typeof manifest.inputs !== 'object' || manifest.inputs === null)
    return { usable: false, why: `its manifest ${MANIFEST_FILE} is not one this program writes` };
  for (const [input, writtenAt] of Object.entries(manifest.inputs)) {
    const now = statSync(join(directory, input), { throwIfNoEntry: false });
    if (!now) return { usable: false, why: `${input} is gone since the bundle was made` };
    if (now.mtimeMs !== writtenAt) return { usable: false, why: `${input} changed since the bundle was made` };
  }
  return { usable: true, manifest };
}
