import { EventToAppend, StoredEvent } from '@concord/event-store';

/** Events as a store would return them, numbered from `firstPosition`, for the tree's tests. */
export function logEvents(firstPosition: number, count: number): StoredEvent[] {
  return Array.from({ length: count }, (_, offset) => {
    const position = firstPosition + offset;
    return {
      position,
      eventId: `event-${position}`,
      stream: `proposal-${position % 7}`,
      streamRevision: Math.floor(position / 7),
      type: 'StatementRecorded',
      schemaVersion: 1,
      data: { text: `statement ${position}`, nested: { z: 1, a: [position, 'é', null] } },
      metadata: {
        commandId: `command-${position}`,
        correlationId: `correlation-${position}`,
        causationId: null,
        actor: { id: 'secretariat', role: 'secretariat' },
        recordedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, position)).toISOString(),
      },
    };
  });
}

/** The `index`th event to append in the follower's tests, each with its own command. */
export function eventToAppend(index: number): EventToAppend {
  return {
    eventId: `event-${index}`,
    type: 'StatementRecorded',
    schemaVersion: 1,
    data: { index },
    metadata: {
      commandId: `command-${index}`,
      correlationId: 'c',
      causationId: null,
      actor: { id: 'a', role: 'secretariat' },
      recordedAt: '2026-12-01T00:00:00.000Z',
    },
  };
}
