import { join } from 'node:path';
import { typescriptThreadEntry } from '../../../event-store/src/testing/typescript-require-hook';
import { VettingThreadEntry } from '../vetting/thread-vetting';

/** The vetting thread started from its TypeScript source, for tests, which run without a build. */
export function typescriptVettingThread(): VettingThreadEntry {
  return typescriptThreadEntry(join(__dirname, '..', 'vetting', 'event-shape-vetting-thread.ts'));
}
