import { CONCORD_EVENT_ID_NAMESPACE, eventRecordId, linkRecordId, uuidV5 } from './deterministic-id';

const DNS_NAMESPACE = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';
const V5 = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('uuidV5', () => {
  it('matches the reference implementation (Python uuid.uuid5(NAMESPACE_DNS, "www.example.com"))', () => {
    expect(uuidV5('www.example.com', DNS_NAMESPACE)).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('refuses a namespace that is not a UUID', () => {
    expect(() => uuidV5('name', 'not-a-uuid')).toThrow(TypeError);
  });
});

describe('eventRecordId', () => {
  it('is a version 5, RFC 4122 variant UUID in the Concord namespace', () => {
    const id = eventRecordId('command-1', 0);

    expect(id).toMatch(V5);
    expect(id).toBe(uuidV5(JSON.stringify(['command-1', 0]), CONCORD_EVENT_ID_NAMESPACE));
  });

  it('gives the same id for the same command and index, every time', () => {
    expect(eventRecordId('command-1', 3)).toBe(eventRecordId('command-1', 3));
  });

  it('gives distinct ids across indexes and commands, even for command ids that look alike', () => {
    const ids = [eventRecordId('a', 0), eventRecordId('a', 1), eventRecordId('b', 0), eventRecordId('a/1', 0), eventRecordId('a', 10), eventRecordId('a,1', 0)];

    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('linkRecordId', () => {
  it('is a deterministic version 5 UUID, never the id of the log event it links to', () => {
    const id = linkRecordId('command-1', 0);

    expect(id).toMatch(V5);
    expect(id).toBe(linkRecordId('command-1', 0));
    expect(id).not.toBe(eventRecordId('command-1', 0));
  });

  it('gives distinct ids across indexes and commands, and none equal to a log event id, even for a command named like a link', () => {
    const links = [linkRecordId('a', 0), linkRecordId('a', 1), linkRecordId('b', 0)];
    const events = [eventRecordId('a', 0), eventRecordId('a', 1), eventRecordId('b', 0), eventRecordId('$>', 0)];

    expect(new Set([...links, ...events]).size).toBe(links.length + events.length);
  });
});
