import { randomUUID } from 'node:crypto';
import { EventStore, EventToAppend } from '@concord/event-store';

const metadata = (commandId: string): EventToAppend['metadata'] => ({
  commandId,
  correlationId: commandId,
  causationId: null,
  actor: { id: 'secretariat-test', role: 'secretariat' },
  recordedAt: '2026-01-01T00:00:00.000Z',
});

export function event(type: string, data: Record<string, unknown>): EventToAppend {
  return { eventId: randomUUID(), type, schemaVersion: 1, data, metadata: metadata(randomUUID()) };
}

/** Establishes a body: one event on `body-<bodyId>`. */
export async function establishBody(store: EventStore, bodyId: string): Promise<number> {
  const result = await store.append(
    `body-${bodyId}`,
    [event('BodyEstablished', { bodyId, name: `Body ${bodyId}`, definition: 'A definition', occurredAt: '2003-01-01T00:00:00.000Z' })],
    { expectedRevision: 'no-stream' },
  );
  return result.lastPosition;
}

/** Admits `count` participants one append each; returns their positions. */
export async function admitParticipants(store: EventStore, bodyId: string, count: number, prefix = 'p'): Promise<number[]> {
  const positions: number[] = [];
  for (let index = 0; index < count; index += 1) {
    const data = { bodyId, participantId: `${prefix}${index}`, name: `Participant ${index}`, kind: 'state', occurredAt: '2003-01-01T00:00:00.000Z' };
    positions.push((await store.append(`body-${bodyId}`, [event('ParticipantAdmitted', data)], { expectedRevision: 'any' })).lastPosition);
  }
  return positions;
}

/** Convenes a meeting of a body: its stream names no body, its opening event does. */
export async function conveneMeeting(store: EventStore, bodyId: string, meetingId: string): Promise<number> {
  const data = {
    meetingId,
    bodyId,
    kind: 'plenary',
    location: 'Gaborone',
    opensOn: '2022-06-20',
    closesOn: '2022-06-24',
    occurredAt: '2022-06-20T00:00:00.000Z',
  };
  return (await store.append(`meeting-${meetingId}`, [event('MeetingConvened', data)], { expectedRevision: 'no-stream' })).lastPosition;
}
