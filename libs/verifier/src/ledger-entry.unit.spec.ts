import { canonicalJson } from './jcs';
import { ledgerEntry, ledgerEntryOfCanonicalText } from './ledger-entry';

describe('ledgerEntry', () => {
  it('is exactly the eight members a leaf covers, as canonical JSON, whatever order they came in', () => {
    const event = { type: 'T', metadata: { b: 1, a: 2 }, data: { y: [2, 1] }, stream: 's', schemaVersion: 1, streamRevision: 0, eventId: 'e', position: 1 };
    expect(ledgerEntry({ ...event, extra: 'not covered' } as typeof event)).toBe(
      '{"data":{"y":[2,1]},"eventId":"e","metadata":{"a":2,"b":1},"position":1,"schemaVersion":1,"stream":"s","streamRevision":0,"type":"T"}',
    );
  });
});

describe('ledgerEntryOfCanonicalText', () => {
  const samples = [
    { position: 1, eventId: 'e', stream: 's', streamRevision: 0, type: 'T', schemaVersion: 1, data: {}, metadata: {} },
    {
      position: 123456789,
      eventId: '0190a000-0000-7000-8000-000000000001',
      stream: 'proposal-"quoted"\\\n',
      streamRevision: 41,
      type: 'ObjectionRaised',
      schemaVersion: 3,
      data: { z: [1, 2.5, -0, 1e21, 1e-7], a: { é: 'ü\u2028', '\u0001': null }, text: 'line\nbreak "quote"' },
      metadata: { actor: { role: 'secretariat', id: 'Ω' }, causationId: null },
    },
  ];

  it.each(samples)('gives ledgerEntry’s bytes when data and metadata are canonical text (position %#)', (event) => {
    const text = { ...event, data: canonicalJson(event.data), metadata: canonicalJson(event.metadata) };
    expect(ledgerEntryOfCanonicalText(text)).toBe(ledgerEntry(event));
  });

  it('gives other bytes when the text is not canonical, so a hash of it cannot stand in for the entry', () => {
    const event = samples[1] as (typeof samples)[number];
    const text = { ...event, data: JSON.stringify(event.data), metadata: canonicalJson(event.metadata) };
    expect(ledgerEntryOfCanonicalText(text)).not.toBe(ledgerEntry(event));
  });
});
