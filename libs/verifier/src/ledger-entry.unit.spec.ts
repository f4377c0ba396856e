import { ledgerEntry } from './ledger-entry';

describe('ledgerEntry', () => {
  it('is exactly the eight members a leaf covers, as canonical JSON, whatever order they came in', () => {
    const event = { type: 'T', metadata: { b: 1, a: 2 }, data: { y: [2, 1] }, stream: 's', schemaVersion: 1, streamRevision: 0, eventId: 'e', position: 1 };
    expect(ledgerEntry({ ...event, extra: 'not covered' } as typeof event)).toBe(
      '{"data":{"y":[2,1]},"eventId":"e","metadata":{"a":2,"b":1},"position":1,"schemaVersion":1,"stream":"s","streamRevision":0,"type":"T"}',
    );
  });
});
