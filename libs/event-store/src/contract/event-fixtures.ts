import { randomUUID } from 'node:crypto';
import { EventData, EventMetadata, EventToAppend } from '../event-store.port';

export interface EventFixtureOptions {
  readonly eventId?: string;
  readonly type?: string;
  readonly data?: EventData;
  readonly commandId?: string;
  readonly metadata?: Partial<EventMetadata>;
}

/** One event ready to append, with fresh ids unless told otherwise. */
export function anEvent(options: EventFixtureOptions = {}): EventToAppend {
  const commandId = options.commandId ?? randomUUID();
  return {
    eventId: options.eventId ?? randomUUID(),
    type: options.type ?? 'ProposalSubmitted',
    schemaVersion: 1,
    data: options.data ?? { title: 'Adopt the budget' },
    metadata: {
      commandId,
      correlationId: commandId,
      causationId: null,
      actor: { id: 'member-1', role: 'member' },
      recordedAt: '2025-01-01T00:00:00.000Z',
      ...options.metadata,
    },
  };
}

/** `count` events sharing one command id, as one command's append would carry them. */
export function aBatch(count: number, options: { commandId?: string } = {}): EventToAppend[] {
  const commandId = options.commandId ?? randomUUID();
  return Array.from({ length: count }, (_, index) => anEvent({ commandId, data: { index } }));
}
