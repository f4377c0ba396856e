import { createInterface } from 'node:readline';
import { anEvent } from '../contract/event-fixtures';
import { ConcurrencyError } from '../event-store.errors';
import { EventStore } from '../event-store.port';

/** The stream every concurrent writer process appends to, so that they collide. */
export const SHARED_STREAM = 'shared';

/** Appends one event to the shared stream with optimistic retries; returns the conflicts met. */
export async function appendToSharedStream(store: EventStore): Promise<number> {
  for (let conflicts = 0; ; conflicts += 1) {
    const revision = (await store.readStream(SHARED_STREAM)).length - 1;
    try {
      await store.append(SHARED_STREAM, [anEvent()], { expectedRevision: revision });
      return conflicts;
    } catch (error) {
      if (!(error instanceof ConcurrencyError)) throw error;
    }
  }
}

/** Waits for "go" on stdin, so that every writer process starts at the same moment. */
export async function waitForGo(): Promise<void> {
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) {
    if (line.trim() === 'go') break;
  }
  lines.close();
}
