import { join } from 'node:path';
import { typescriptThreadEntry } from '../../testing/typescript-require-hook';
import { WriterThreadEntry } from '../sqlite-writers';

/** The writer thread started from its TypeScript source, for tests, which run without a build. */
export function typescriptWriterThread(): WriterThreadEntry {
  return typescriptThreadEntry(join(__dirname, '..', 'sqlite-writer-thread.ts'));
}
