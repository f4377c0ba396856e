import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const BUNDLE_FILE = 'ledger-api.bundle.js';
export const MANIFEST_FILE = 'ledger-api.bundle.json';

/** One of our compiled modules as it went into the bundle. */
export interface BundledModule {
  readonly bytes: number;
  /** When it was written, in whole seconds: archives and image layers keep no finer time. */
  readonly writtenAtS: number;
  readonly sha256: string;
}

/** What `tools/bundle-ledger-api.mjs` writes beside the bundle. */
export interface BundleManifest {
  readonly bundle: string;
  /** Our compiled modules in the bundle, by their path relative to its directory. */
  readonly inputs: Readonly<Record<string, BundledModule>>;
}

/** How the bundling tool describes a module of ours it put in the bundle. */
export function describeBundledModule(file: string): BundledModule {
  const content = readFileSync(file);
  return { bytes: content.length, writtenAtS: Math.floor(statSync(file).mtimeMs / 1000), sha256: sha256Of(content) };
}

export type ManifestReading = { readonly usable: true; readonly manifest: BundleManifest } | { readonly usable: false; readonly why: string };

/**
 * The bundle is used only while every module of ours that went into it is as it was: a compiler
 * in watch mode rewrites single modules, and a start must then run them, not the bundle made
 * before. A module of the same size and second is taken as it was; one whose time differs (a copy
 * of the build that did not keep the times) is compared by its content.
 */
export function readBundleManifest(directory: string): ManifestReading {
  let manifest: BundleManifest;
  try {
    manifest = JSON.parse(readFileSync(join(directory, MANIFEST_FILE), 'utf8')) as BundleManifest;
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'ENOENT') return { usable: false, why: `its manifest cannot be read: ${(error as Error).message}` };
    return { usable: false, why: existsSync(join(directory, BUNDLE_FILE)) ? `the bundle has no ${MANIFEST_FILE} beside it` : 'the build made no bundle' };
  }
  if (manifest.bundle !== BUNDLE_FILE || typeof manifest.inputs !== 'object' || manifest.inputs === null)
    return { usable: false, why: `its manifest ${MANIFEST_FILE} is not one this program writes` };
  if (!existsSync(join(directory, manifest.bundle))) return { usable: false, why: `the bundle its manifest names, ${manifest.bundle}, is missing` };
  for (const [input, bundled] of Object.entries(manifest.inputs)) {
    const changed = changeOf(join(directory, input), bundled);
    if (changed) return { usable: false, why: `${input} ${changed} since the bundle was made` };
  }
  return { usable: true, manifest };
}

function changeOf(file: string, bundled: BundledModule): string | undefined {
  const now = statSync(file, { throwIfNoEntry: false });
  if (!now) return 'is gone';
  if (now.size !== bundled.bytes) return 'changed';
  if (Math.floor(now.mtimeMs / 1000) === bundled.writtenAtS) return undefined;
  return sha256Of(readFileSync(file)) === bundled.sha256 ? undefined : 'changed';
}

export function sha256Of(content: Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}
