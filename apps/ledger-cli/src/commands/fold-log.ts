import { EventStore } from '@concord/event-store';
import { toDomainEvent } from '@concord/ledger';
import { LedgerView, readLog, recordedAtOf } from '@concord/projections';
import { Progress } from '../progress';

const PAGE = 1000;

/** Where a fold stops: after a position, or before the first event recorded after an instant. */
export interface FoldLimit {
  readonly toPosition?: number;
  readonly recordedBy?: string;
}

/**
 * Folds the global log into a fresh view kept in memory only, a page at a time with progress, up to a limit. An event
 * recorded after `recordedBy` ends the fold: no later position can have been stored by then either.
 */
export async function foldLog(store: EventStore, limit: FoldLimit, progress: Progress): Promise<LedgerView> {
  // The store stays open while the view is read: it reads each aggregate from its stream when asked.
  const view = new LedgerView(toDomainEvent, { store });
  const recordedBy = limit.recordedBy === undefined ? Number.POSITIVE_INFINITY : Date.parse(limit.recordedBy);
  for (;;) {
    const page = await readLog(store, { after: view.position, limit: PAGE });
    for (const event of page) {
      if (event.position > (limit.toPosition ?? Number.POSITIVE_INFINITY) || Date.parse(recordedAtOf(event)) > recordedBy) {
        progress.finish();
        return view;
      }
      view.applyLogEvent(event);
      progress.advance();
    }
    if (page.length < PAGE) break;
  }
  progress.finish();
  return view;
}
