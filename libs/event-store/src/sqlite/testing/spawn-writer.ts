import { join } from 'node:path';
import { SpawnedWriter, spawnTypeScriptWriter } from '../../testing/spawn-typescript-writer';
import type { WriterReport } from './concurrent-writer';

/** Runs `concurrent-writer.ts` in a child process against the SQLite file at `filePath`. */
export function spawnWriter(filePath: string, writer: string, appends: number): SpawnedWriter<WriterReport> {
  return spawnTypeScriptWriter<WriterReport>(join(__dirname, 'concurrent-writer.ts'), writer, {
    WRITER_DB: filePath,
    WRITER_APPENDS: String(appends),
  });
}
