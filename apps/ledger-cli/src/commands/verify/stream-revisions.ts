import type { AuditedEvent, AuditProblem } from './log-audit';

/** Revisions of a stream that were due at a position and not there. */
interface Skip {
  readonly stream: string;
  readonly from: number;
  readonly to: number;
  /** Where the stream's revision before them is; none when they open the stream. */
  readonly after: number | undefined;
  /** Where the revision after them is: the first position found in the stream past the missing ones. */
  readonly at: number;
}

/** Skips reported; past this the log is plainly not the one recorded. */
const SKIPS_KEPT = 1000;

/**
 * Where the log's streams skip a revision. A store numbers every stream's events 0, 1, 2… in the
 * order it records them, so a revision that no event holds is an event missing. An export has no
 * stored leaves to say where an event went: when one was removed and the later lines renumbered
 * down over it, the positions run without a gap and a checkpoint of the whole log only finds the
 * log shorter; the revision its stream skips is what is left to name where it was.
 */
export class StreamRevisions {
  private readonly latest = new Map<string, { readonly revision: number; readonly position: number }>();
  private skips: Skip[] = [];

  /** Takes the log's events in position order. */
  see(event: AuditedEvent): void {
    if (event.streamRevision === undefined) return;
    const { stream, revision } = event.streamRevision;
    const last = this.latest.get(stream);
    const due = last === undefined ? 0 : last.revision + 1;
    if (revision < due) {
      // A revision found after a later one: the event was moved, not removed.
      this.skips = this.skips.filter((skip) => skip.stream !== stream || revision < skip.from || revision > skip.to);
      return;
    }
    if (revision > due && this.skips.length < SKIPS_KEPT) this.skips.push({ stream, from: due, to: revision - 1, after: last?.position, at: event.position });
    this.latest.set(stream, { revision, position: event.position });
  }

  problems(): AuditProblem[] {
    return this.skips.map((skip) => ({ kind: 'event-missing', position: skip.at, message: skipMessage(skip) }));
  }
}

function skipMessage({ stream, from, to, after, at }: Skip): string {
  const revisions = from === to ? `revision ${from}` : `revisions ${from} to ${to}`;
  const found =
    after === undefined
      ? `its first event, at position ${at}, is revision ${to + 1}`
      : `revision ${from - 1} is at position ${after}, ${to + 1} at position ${at}`;
  const where =
    after === undefined ? `at or before position ${at}` : after + 1 === at ? `at position ${at}` : `after position ${after}, at or before position ${at}`;
  return `stream ${stream} has no ${revisions} (${found}): the log lacks an event recorded ${where}, and the events after it were renumbered down over it (or altered)`;
}
