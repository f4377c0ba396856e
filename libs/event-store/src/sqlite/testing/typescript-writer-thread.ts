import { join } from 'node:path';
import { typescriptRequireHook } from '../../testing/typescript-require-hook';
import { WriterThreadEntry } from '../sqlite-writers';

/** The writer thread started from its TypeScript source, for tests, which run without a build. */
export function typescriptWriterThread(): WriterThreadEntry {
  const code = `
    ${typescriptRequireHook()}
    require(${JSON.stringify(join(__dirname, '..', 'sqlite-writer-thread.ts'))});
  `;
  return { entry: code, eval: true };
}
