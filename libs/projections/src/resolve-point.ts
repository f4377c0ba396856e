import { LedgerView } from './ledger-view';
import { ResolvedPoint, TimePoint } from './time-point';

/**
 * A time point against a caught-up view; `undefined` for a position the ledger has not reached.
 * `now` is the caller's clock: the moment of the latest view, whose year is the current term.
 */
export function resolvePoint(view: LedgerView, asked: TimePoint, now: string): ResolvedPoint | undefined {
  switch (asked.kind) {
    case 'latest':
      return { position: view.position, effectiveAt: null, moment: now };
    case 'as-of':
      return { position: view.recordedTimes.lastPositionBy(asked.at), effectiveAt: null, moment: asked.at };
    case 'at-position':
      if (asked.position > view.position) return undefined;
      return { position: asked.position, effectiveAt: null, moment: view.recordedTimes.momentAfter(asked.position) ?? now };
    case 'effective-at':
      // `knownBy` is a cursor's: the position its first page was read at, which this ledger has reached if it handed the cursor out.
      if (asked.knownBy !== undefined && asked.knownBy > view.position) return undefined;
      return { position: asked.knownBy ?? view.position, effectiveAt: asked.at, moment: asked.at };
    default: {
      const unhandled: never = asked;
      return unhandled;
    }
  }
}
