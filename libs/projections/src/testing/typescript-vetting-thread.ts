import { join } from 'node:path';
import { typescriptRequireHook } from '../../../event-store/src/testing/typescript-require-hook';
import { VettingThreadEntry } from '../vetting/thread-vetting';

/** The vetting thread started from its TypeScript source, for tests, which run without a build. */
export function typescriptVettingThread(): VettingThreadEntry {
  const code = `
    ${typescriptRequireHook()}
    require(${JSON.stringify(join(__dirname, '..', 'vetting', 'event-shape-vetting-thread.ts'))});
  `;
  return { entry: code, eval: true };
}
