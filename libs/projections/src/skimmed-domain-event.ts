import { GovernanceEvent } from '@concord/governance';
import { assertUpcastable } from '@concord/governance/schemas';
import { SkimmedEvent, StoredEvent } from '@concord/event-store';

/** What reading an event as the domain knows it takes of a stored event. */
export type DomainEventSource = Pick<StoredEvent, 'type' | 'schemaVersion' | 'data'>;

/**
 * A skimmed event as the domain knows it, with its data parsed (and upcast) only when first looked
 * at. The read side's indexes look at the data of few kinds of events (a body's records, tablings,
 * revisions, decisions, deferrals, corrections, statements): the support and objections on
 * proposals, most of a long log of them, are then never parsed by a fold.
 */
export function skimmedDomainEvent(skimmed: SkimmedEvent, toDomainEvent: (source: DomainEventSource) => GovernanceEvent): GovernanceEvent {
  // What parsing it would refuse regardless of its data (an unknown type, a newer ledger's version) is refused now.
  assertUpcastable(skimmed.type, skimmed.schemaVersion);
  return new LazyDomainEvent(skimmed, toDomainEvent) as unknown as GovernanceEvent;
}

class LazyDomainEvent {
  private parsed: GovernanceEvent['data'] | undefined;

  constructor(
    private readonly skimmed: SkimmedEvent,
    private readonly toDomainEvent: (source: DomainEventSource) => GovernanceEvent,
  ) {}

  get type(): string {
    return this.skimmed.type;
  }

  get data(): GovernanceEvent['data'] {
    const { type, schemaVersion, data } = this.skimmed;
    // The text is JSON written from an object: the data of every event is one.
    this.parsed ??= this.toDomainEvent({ type, schemaVersion, data: JSON.parse(data) as StoredEvent['data'] }).data;
    return this.parsed;
  }
}
