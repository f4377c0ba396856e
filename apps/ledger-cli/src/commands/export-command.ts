import { once } from 'node:events';
import { EventStore, StoredEvent } from '@concord/event-store';
import { Progress } from '../progress';

const PAGE = 1000;

/** One exported line: the stored event, envelope and all, in the order the log holds it. */
export function exportLine(event: StoredEvent): string {
  const { position, stream, streamRevision, eventId, type, schemaVersion, data, metadata } = event;
  return `${JSON.stringify({ position, stream, streamRevision, eventId, type, schemaVersion, data, metadata })}\n`;
}

/**
 * Streams the global log from `from` to `to` (inclusive positions) as JSON Lines, a page at a time
 * and waiting for the output to drain, so memory stays constant however long the ledger. Stops
 * when `closed` is aborted: the reader went away (`concord export | head`).
 */
export async function exportLog(
  store: EventStore,
  out: NodeJS.WritableStream,
  range: { from?: number; to?: number },
  progress?: Progress,
  closed: AbortSignal = new AbortController().signal,
): Promise<number> {
  let after = Math.max((range.from ?? 1) - 1, 0);
  let written = 0;
  for (;;) {
    const page = await store.readAll({ after, limit: PAGE });
    const inRange = range.to === undefined ? page : page.filter((event) => event.position <= (range.to as number));
    for (const event of inRange) {
      if (closed.aborted) return written;
      if (!out.write(exportLine(event))) await Promise.race([once(out, 'drain'), once(closed, 'abort')]);
      written += 1;
      progress?.advance();
    }
    const last = page[page.length - 1];
    if (!last || page.length < PAGE || inRange.length < page.length) break;
    after = last.position;
  }
  progress?.finish();
  return written;
}
