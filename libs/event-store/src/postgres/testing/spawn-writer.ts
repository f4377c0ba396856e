import { join } from 'node:path';
import { SpawnedWriter, spawnTypeScriptWriter } from '../../testing/spawn-typescript-writer';
import type { WriterReport } from './concurrent-writer';

export interface WriterTarget {
  readonly connectionString: string;
  readonly schema: string;
}

/** Runs `concurrent-writer.ts` in a child process against one PostgreSQL schema. */
export function spawnWriter(target: WriterTarget, writer: string, iterations: number): SpawnedWriter<WriterReport> {
  return spawnTypeScriptWriter<WriterReport>(join(__dirname, 'concurrent-writer.ts'), writer, {
    WRITER_PG_URL: target.connectionString,
    WRITER_SCHEMA: target.schema,
    WRITER_ITERATIONS: String(iterations),
  });
}
