import type { SkimmedEvent } from '@concord/event-store';
import { vettedEventsOf, vettingBatch } from './vetting-batch';

function skimmed(position: number, overrides: Record<string, unknown> = {}): SkimmedEvent {
  return {
    position,
    eventId: `0000000${position}-0000-4000-8000-000000000000`,
    stream: 'body-kp',
    streamRevision: position,
    type: 'ParticipantAdmitted',
    schemaVersion: 1,
    data: `{"name":"Ünïcode 𝔸 ${position}","note":"\\"quoted\\""}`,
    metadata: '{"recordedAt":"2026-01-01T00:00:00.000Z"}',
    recordedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  } as SkimmedEvent;
}

describe('a batch of events for the vetting thread', () => {
  it('carries each event’s members as their text, cut apart again exactly', () => {
    const events = [skimmed(1), skimmed(2, { data: '', stream: 'meeting-m1' }), skimmed(3, { metadata: '{}' })];
    const batch = vettingBatch(7, events);
    expect(batch?.id).toBe(7);
    expect([...vettedEventsOf(batch!)]).toEqual(
      events.map(({ stream, eventId, type, schemaVersion, data, metadata }) => ({ stream, eventId, type, schemaVersion, data, metadata })),
    );
  });

  it('carries a schema version the store held as no number as none, so the check refuses it', () => {
    const batch = vettingBatch(1, [skimmed(1, { schemaVersion: '1' }), skimmed(2, { schemaVersion: null })]);
    expect([...vettedEventsOf(batch!)].map((event) => event.schemaVersion)).toEqual([null, null]);
  });

  it('is not made of an event whose text members are not text: no check would vouch for it', () => {
    expect(vettingBatch(1, [skimmed(1), skimmed(2, { eventId: 42 })])).toBeUndefined();
    expect(vettingBatch(1, [skimmed(1, { data: null })])).toBeUndefined();
  });
});
