import { eventShapeProblem } from '@concord/governance/schemas';
import { once } from 'node:events';
import { EventStore } from '@concord/event-store';
import { EventFeed, EventSelection, LedgerCloudEvent } from '@concord/integration';

export interface TailOptions {
  /** Events after this position; the head when absent, so only new events are shown. */
  readonly after: number | undefined;
  readonly selection: EventSelection;
  readonly json: boolean;
  readonly publicUrl: string;
  /** Ends the following: Ctrl-C, or a test. */
  readonly signal: AbortSignal;
  /** Told where following starts, once that is known. */
  readonly onStart?: (after: number) => void;
}

/**
 * One line per event. The readable form holds only what the ledger itself formats (positions,
 * times, type names, stream ids, key ids), never free text from a record, so nothing a clerk typed
 * can reach the terminal as control characters; `--json` prints the CloudEvent, JSON-escaped.
 */
export function tailLine(event: LedgerCloudEvent, json: boolean): string {
  if (json) return `${JSON.stringify(event)}\n`;
  const type = event.type.replace(/^org\.concordledger\./, '');
  return `${String(event.position).padStart(8)}  ${event.recordedat}  ${type.padEnd(32)}  ${event.subject.padEnd(28)}  ${event.actor}\n`;
}

/** Follows the store's log from `after`, printing each selected event as it is committed. */
export async function tailLog(store: EventStore, out: NodeJS.WritableStream, options: TailOptions): Promise<number> {
  const feed = new EventFeed(store, options.publicUrl, eventShapeProblem);
  const after = options.after ?? (await store.headPosition());
  await feed.assertReached(after);
  options.onStart?.(after);
  let printed = 0;
  for await (const stored of store.subscribe({ after, signal: options.signal })) {
    await feed.indexThrough(stored.position - 1, [stored]);
    const event = feed.select(stored, options.selection);
    if (event === undefined) continue;
    if (!out.write(tailLine(event, options.json))) await Promise.race([once(out, 'drain'), once(options.signal, 'abort')]);
    printed += 1;
  }
  return printed;
}
