import { CorrectionRecorded, GovernanceEvent, withCorrection } from '@concord/governance';

export interface RecordedEvent {
  readonly eventId: string;
  readonly position: number;
  readonly streamRevision: number;
  readonly recordedAt: string;
  /** The event as it reads now: its data with every correction recorded so far applied. */
  readonly event: GovernanceEvent;
}

export interface AppliedCorrection {
  readonly eventId: string;
  readonly position: number;
  readonly streamRevision: number;
  readonly recordedAt: string;
  readonly correctsEventId: string;
  readonly reason: string;
  readonly corrections: CorrectionRecorded['data']['corrections'];
}

/** What the global fold hands an aggregate: its next event, or a correction of one of its events. */
export interface AggregateSink {
  append(recorded: RecordedEvent): void;
  correct(correction: AppliedCorrection): void;
}

/**
 * One aggregate's events, kept so that a correction can amend the event it names and the view be
 * folded again: the corrected value then wins everywhere, while the log keeps both.
 */
export class AggregateRecord<S> implements AggregateSink {
  private readonly recorded: RecordedEvent[] = [];
  private readonly appliedCorrections: AppliedCorrection[] = [];
  private folded: S;
  private lastRevision = -1;

  constructor(
    readonly stream: string,
    private readonly initial: S,
    private readonly evolve: (state: S, recorded: RecordedEvent) => S,
  ) {
    this.folded = initial;
  }

  get state(): S {
    return this.folded;
  }

  /** The revision of the stream's last event, corrections included. */
  get streamRevision(): number {
    return this.lastRevision;
  }

  get events(): readonly RecordedEvent[] {
    return this.recorded;
  }

  get corrections(): readonly AppliedCorrection[] {
    return this.appliedCorrections;
  }

  append(recorded: RecordedEvent): void {
    this.recorded.push(recorded);
    this.lastRevision = recorded.streamRevision;
    this.folded = this.evolve(this.folded, recorded);
  }

  correct(correction: AppliedCorrection): void {
    this.appliedCorrections.push(correction);
    this.lastRevision = correction.streamRevision;
    const index = this.recorded.findIndex((recorded) => recorded.eventId === correction.correctsEventId);
    const target = this.recorded[index];
    if (!target) return;
    this.recorded[index] = { ...target, event: withCorrection(target.event, correction.corrections) };
    this.folded = this.recorded.reduce(this.evolve, this.initial);
  }
}
