import type { AuditedEvent, AuditPage, AuditProblem } from './log-audit';

/**
 * Events read ahead of a missing position before it is declared removed. An export whose lines
 * were moved, positions kept, lists an event after some of the ones recorded after it; a
 * position not found within this many events of where it was due is taken as removed.
 */
const LOOK_AHEAD = 1000;

interface Waiting {
  readonly event: AuditedEvent;
  readonly storedLeaf: Uint8Array | undefined;
}

/**
 * The log's pages with the events in position order, for an input that lists them in another
 * order with their positions kept (lines of an export moved by hand): each event read in a place
 * other than its position is reported `order-changed` (a line repeated too), and the log is
 * checked as its positions say. A position missing from the input stops it, reported `event-missing`: what follows cannot
 * be placed in the tree.
 */
export class PositionOrder {
  /** The first position the input lacks, once it is known to lack one. */
  missing: number | undefined;
  readonly problems: AuditProblem[] = [];
  private readonly waiting = new Map<number, Waiting>();
  private expected = 1;
  private place = 0;

  async *pages(input: AsyncIterable<AuditPage>): AsyncGenerator<AuditPage> {
    for await (const page of input) {
      const { events, storedLeaves, unreadable } = page;
      if (this.inOrder(events)) {
        // The usual case, a page that follows on: passed on as it is.
        this.expected += events.length;
        this.place += events.length;
        yield page;
        continue;
      }
      const ready: Waiting[] = [];
      for (const [offset, event] of events.entries()) {
        if (!this.accept({ event, storedLeaf: storedLeaves?.[offset] }, ready)) break;
      }
      if (ready.length > 0 || unreadable) yield this.page(ready, storedLeaves !== undefined, unreadable);
      if (this.missing !== undefined) return;
    }
    if (this.waiting.size > 0) this.stopAt(this.expected, Math.min(...this.waiting.keys()));
  }

  private inOrder(events: readonly AuditedEvent[]): boolean {
    return this.waiting.size === 0 && events.every((event, offset) => event.position === this.expected + offset);
  }

  /** Takes the next event read; false once the input can no longer be placed. */
  private accept(read: Waiting, ready: Waiting[]): boolean {
    this.place += 1;
    const { position } = read.event;
    if (position < this.expected || this.waiting.has(position)) {
      // Read twice: the line was repeated. The first reading stands in the tree; the repeat is
      // reported and passed over, so the events after it are still checked.
      this.problems.push({
        kind: 'order-changed',
        position: this.place,
        message: `the event read in place ${this.place} is the one recorded at position ${position}, read already: a line was repeated`,
      });
      // The lines after it keep the places of the events they hold: one repeat is one finding.
      this.place -= 1;
      return true;
    }
    if (position !== this.place) {
      this.problems.push({
        kind: 'order-changed',
        position: this.place,
        message: `the event read in place ${this.place} is the one recorded at position ${position}: the order of events changed`,
      });
    }
    this.waiting.set(position, read);
    for (let next = this.waiting.get(this.expected); next !== undefined; next = this.waiting.get(this.expected)) {
      ready.push(next);
      this.waiting.delete(this.expected);
      this.expected += 1;
    }
    if (this.waiting.size > LOOK_AHEAD) {
      this.stopAt(this.expected, Math.min(...this.waiting.keys()));
      return false;
    }
    return true;
  }

  private stopAt(position: number, next: number): void {
    this.missing = position;
    // Places past the gap were read only to look for it: what they hold is not a finding.
    this.problems.splice(0, this.problems.length, ...this.problems.filter((problem) => (problem.position ?? 0) < position));
    this.problems.push({
      kind: 'event-missing',
      position,
      message: `the log has no event at position ${position} (the next is at ${next}): events were removed`,
    });
  }

  private page(ready: readonly Waiting[], withLeaves: boolean, unreadable: readonly number[] | undefined): AuditPage {
    return {
      events: ready.map(({ event }) => event),
      ...(withLeaves ? { storedLeaves: ready.map(({ storedLeaf }) => storedLeaf) } : {}),
      ...(unreadable ? { unreadable } : {}),
    };
  }
}
