import { eventShapeProblem } from '@concord/governance/schemas';
import { once } from 'node:events';
import { EventStore, StoreUnavailableError } from '@concord/event-store';
import { EventFeed, EventSelection, LedgerCloudEvent } from '@concord/integration';
import { actorLabel } from '../actor-label';
import { terminalSafe } from '../terminal-safe';

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
  /** Told that the store could not be read for a moment, and when following goes on from where it was. */
  readonly onInterrupted?: (after: number, reason: string, retryInMs: number) => void;
  /** The pauses before following again after the store failed, the last repeated; by default 1, 2, 5, then every 10 s. */
  readonly retryDelaysMs?: readonly number[];
}

const RETRY_DELAYS_MS = [1000, 2000, 5000, 10_000];

/**
 * One line per event. The readable form holds what the ledger itself formats (positions, times,
 * type names, stream ids, key ids) and the name of a named key's holder, never free text from a
 * record; the name is printed terminal-safe, so nothing typed can reach the terminal as control
 * characters. `--json` prints the CloudEvent, JSON-escaped.
 */
export function tailLine(event: LedgerCloudEvent, json: boolean): string {
  if (json) return `${JSON.stringify(event)}\n`;
  const type = event.type.replace(/^org\.concordledger\./, '');
  return `${String(event.position).padStart(8)}  ${event.recordedat}  ${type.padEnd(32)}  ${event.subject.padEnd(28)}  ${terminalSafe(actorLabel(event.actor, event.actorname))}\n`;
}

/**
 * Follows the store's log from `after`, printing each selected event as it is committed. A store
 * that cannot be read for a while (a database restarting, a network blip) is followed again from
 * the last event read once it answers, so that a log shipper running it neither dies nor skips
 * or repeats an event; anything else ends it.
 */
export async function tailLog(store: EventStore, out: NodeJS.WritableStream, options: TailOptions): Promise<number> {
  const feed = new EventFeed(store, options.publicUrl, eventShapeProblem);
  let after = options.after ?? (await store.headPosition());
  await feed.assertReached(after);
  options.onStart?.(after);
  const delays = options.retryDelaysMs ?? RETRY_DELAYS_MS;
  let printed = 0;
  for (let failures = 0; ;) {
    try {
      for await (const stored of store.subscribe({ after, signal: options.signal })) {
        failures = 0;
        await feed.indexThrough(stored.position - 1, [stored]);
        after = stored.position;
        const event = feed.select(stored, options.selection);
        if (event === undefined) continue;
        if (!out.write(tailLine(event, options.json))) await Promise.race([once(out, 'drain'), once(options.signal, 'abort')]);
        printed += 1;
      }
      return printed;
    } catch (error) {
      if (!(error instanceof StoreUnavailableError) || options.signal.aborted) throw error;
      const delay = delays[Math.min(failures, delays.length - 1)] ?? 10_000;
      failures += 1;
      options.onInterrupted?.(after, error.message, delay);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delay);
        options.signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
      });
      if (options.signal.aborted) return printed;
    }
  }
}
