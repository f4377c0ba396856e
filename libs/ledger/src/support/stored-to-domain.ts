import { GovernanceEvent } from '@concord/governance';
import { upcast } from '@concord/governance/schemas';
import { StoredEvent } from '@concord/event-store';

/**
 * Reads a stored event as the domain knows it today: upcast to the current schema version, so that
 * old shapes stay in the log untouched and every fold sees one shape.
 */
export function toDomainEvent(stored: Pick<StoredEvent, 'type' | 'schemaVersion' | 'data'>): GovernanceEvent {
  const current = upcast(stored.type, stored.schemaVersion, stored.data);
  return { type: stored.type, data: current.data } as GovernanceEvent;
}
