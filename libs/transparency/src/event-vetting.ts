import { EventProblem, EventStore, StoredEvent, UnreadableEventError } from '@concord/event-store';

export type { EventProblem };

/** The first event of `events` with a problem, as the error that names it. */
export function firstUnreadable(events: readonly StoredEvent[], problemOf: EventProblem): UnreadableEventError | undefined {
  for (const event of events) {
    const reason = problemOf(event);
    if (reason !== undefined) return new UnreadableEventError(event.position, reason);
  }
  return undefined;
}

const PAGE = 2000;

/**
 * Reads the log once, page by page, from where it was last vetted, so that nothing is signed that
 * the ledger would not vouch for, however it entered the tree (a SQLite writer hashes what another
 * process wrote between its groups without knowing what it is).
 */
export class LogVetting {
  private vettedSize = 0;

  constructor(
    private readonly log: EventStore,
    private readonly problemOf: EventProblem,
  ) {}

  /** Throws `UnreadableEventError` for the first event up to `size` with a problem; `from` is known good (signed already). */
  async vetUpTo(size: number, from: number): Promise<void> {
    let after = Math.max(this.vettedSize, from);
    while (after < size) {
      const page = await this.log.readAll({ after, limit: Math.min(PAGE, size - after) });
      const last = page.at(-1);
      if (last === undefined) return;
      const unreadable = firstUnreadable(page, this.problemOf);
      if (unreadable !== undefined) throw unreadable;
      after = this.vettedSize = last.position;
    }
  }
}
