import { generateKeyPairSync } from 'node:crypto';
import { canonicalJson, formatCheckpointText, formatVerifierKey, leafHash, ledgerEntry, ledgerEntryOfCanonicalText, rootOf, signNote } from '@concord/verifier';
import { StoredEvent } from '@concord/event-store';
import { LeafChecker } from './leaf-checker';
import { auditLog, AuditedEvent } from './log-audit';

const recorded: StoredEvent[] = Array.from({ length: 6 }, (_, index) => ({
  position: index + 1,
  eventId: `0190a000-0000-7000-8000-00000000000${index}`,
  stream: `meeting-${index % 2}`,
  streamRevision: Math.floor(index / 2),
  type: 'StatementRecorded',
  schemaVersion: 1,
  data: {
    meetingId: `meeting-${index % 2}`,
    speakerId: 'ru',
    speakerRole: 'participant',
    proposalId: null,
    summary: `statement ${index}`,
    occurredAt: '2022-06-21T00:00:00.000Z',
  },
  metadata: {
    commandId: `c${index}`,
    correlationId: 'c',
    causationId: null,
    actor: { role: 'secretariat', id: 'clerk' },
    recordedAt: '2026-12-01T00:00:00.000Z',
  },
}));
const storedLeaves = recorded.map((event) => leafHash(ledgerEntry(event)));

/** The log as a store gives it: stored text, parsed only when asked, the parses counted. */
function asStored(texts: { data: string; metadata: string }[], parses: number[]): AuditedEvent[] {
  return recorded.map((event, index) => {
    const text = { ...event, ...(texts[index] as { data: string; metadata: string }) };
    return {
      position: event.position,
      entry: ledgerEntryOfCanonicalText(text),
      parsed: () => {
        parses.push(event.position);
        return { ...event, data: JSON.parse(text.data) as StoredEvent['data'], metadata: JSON.parse(text.metadata) as StoredEvent['metadata'] };
      },
    };
  });
}

let checker: LeafChecker | undefined;

async function audit(page: AuditedEvent[], unreadable: number[] = []) {
  return auditLog({
    openLeafCheck: (roots) => (checker = new LeafChecker(roots)),
    pages: (async function* () {
      yield { events: page, unreadable };
    })(),
    storedLeaves: async (from, count) => storedLeaves.slice(from, from + count),
    checkpoints: [],
    trustedKeys: [],
  });
}

describe('auditLog hashes stored canonical text as it is, and canonicalises only what does not match', () => {
  it('canonicalises nothing when every stored text is canonical and unchanged, and parses each event once, to check it is a record', async () => {
    const parses: number[] = [];
    const texts = recorded.map((event) => ({ data: canonicalJson(event.data), metadata: canonicalJson(event.metadata) }));

    const report = await audit(asStored(texts, parses));

    expect(report.problems).toEqual([]);
    expect(report.eventsChecked).toBe(6);
    expect(parses).toEqual([1, 2, 3, 4, 5, 6]);
    expect(checker?.result().canonicalised).toBe(0);
  });

  it('accepts text stored before it was kept canonical (other key order, spaces) by computing the entry as defined', async () => {
    const parses: number[] = [];
    const texts = recorded.map((event, index) =>
      index === 2
        ? { data: JSON.stringify(event.data, null, 1), metadata: JSON.stringify(event.metadata) }
        : { data: canonicalJson(event.data), metadata: canonicalJson(event.metadata) },
    );

    const report = await audit(asStored(texts, parses));

    expect(report.problems).toEqual([]);
    expect(parses).toEqual([1, 2, 3, 4, 5, 6]);
    expect(checker?.result().canonicalised).toBe(1);
  });

  it('reports an event whose columns the store found not to be JSON on their own, even when its entry hashes right', async () => {
    const parses: number[] = [];
    const texts = recorded.map((event) => ({ data: canonicalJson(event.data), metadata: canonicalJson(event.metadata) }));

    const report = await audit(asStored(texts, parses), [5]);

    expect(report.problems.map((problem) => [problem.kind, problem.position])).toEqual([['content-changed', 5]]);
  });

  it('reports changed content, canonical or not, or no longer JSON at all, at its position', async () => {
    const parses: number[] = [];
    const texts = recorded.map((event) => ({ data: canonicalJson(event.data), metadata: canonicalJson(event.metadata) }));
    texts[3] = { data: canonicalJson({ ...recorded[3]?.data, speakerId: 'ua' }), metadata: texts[3]?.metadata as string };
    texts[4] = { data: JSON.stringify({ ...recorded[4]?.data, summary: 'altered' }), metadata: texts[4]?.metadata as string };
    texts[1] = { data: '{"summary": "cut short', metadata: texts[1]?.metadata as string };

    const report = await audit(asStored(texts, parses));

    expect(report.problems.map((problem) => [problem.kind, problem.position])).toEqual([
      ['content-changed', 2],
      ['content-changed', 4],
      ['content-changed', 5],
    ]);
    expect(report.problems[0]?.message).toMatch(/not JSON/);
  });
});

describe('auditLog on a store into which rows were written by hand, and hashed with the rest', () => {
  it('reports an event of no known type, or whose data its schema refuses, as event-invalid, though its leaf matches', async () => {
    const written: StoredEvent[] = [
      ...recorded.slice(0, 4),
      { ...(recorded[4] as StoredEvent), type: 'Bogus', data: { hello: 1 } },
      { ...(recorded[5] as StoredEvent), data: { ...recorded[5]?.data, speakerRole: 'chair' } },
    ];
    const leaves = written.map((event) => leafHash(ledgerEntry(event)));

    const report = await auditLog({
      pages: (async function* () {
        yield { events: asReadFromStore(written) };
      })(),
      storedLeaves: async (from, count) => leaves.slice(from, from + count),
      checkpoints: [],
      trustedKeys: [],
    });

    expect(report.problems.map((problem) => [problem.kind, problem.position])).toEqual([
      ['event-invalid', 5],
      ['event-invalid', 6],
    ]);
    expect(report.problems[0]?.message).toContain('no schema for event type "Bogus"');
    expect(report.problems[1]?.message).toContain('StatementRecorded v1 is not valid: data/speakerRole: must be one of');
  });
});

/** The log as an export gives it: parsed events in the order of the file's lines, no stored leaf. */
function asExported(events: readonly StoredEvent[]): AuditedEvent[] {
  return events.map((event) => ({
    position: event.position,
    entry: ledgerEntry(event),
    parsed: () => event,
    streamRevision: { stream: event.stream, revision: event.streamRevision },
  }));
}

/** The log as a store without stored canonical text gives it: parsed events, their streams not looked at. */
function asReadFromStore(events: readonly StoredEvent[]): AuditedEvent[] {
  return events.map((event) => ({ position: event.position, entry: ledgerEntry(event), parsed: () => event }));
}

/** The log with the event at `position` removed and the ones after it moved down a position to close the gap. */
function removedAndRenumbered(position: number): StoredEvent[] {
  return recorded.filter((event) => event.position !== position).map((event, index) => ({ ...event, position: index + 1 }));
}

/** An auditor's checkpoint of the recorded log, signed, and the key to check it. */
function heldCheckpoint(): { checkpoints: { source: string; note: string }[]; trustedKeys: string[] } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const raw = new Uint8Array(publicKey.export({ format: 'der', type: 'spki' }).subarray(-32));
  const note = signNote(formatCheckpointText({ origin: 'concord.test/log', size: recorded.length, rootHash: rootOf(storedLeaves) }), {
    name: 'concord.test',
    privateKey,
  });
  return { checkpoints: [{ source: 'the checkpoint held', note }], trustedKeys: [formatVerifierKey('concord.test', raw)] };
}

async function auditExport(pages: AuditedEvent[][]) {
  return auditLog({
    pages: (async function* () {
      for (const events of pages) yield { events };
    })(),
    ...heldCheckpoint(),
  });
}

const kindsAt = (report: { problems: { kind: string; position?: number }[] }) => report.problems.map(({ kind, position }) => [kind, position]);

describe('auditLog on an export whose lines were moved, positions kept', () => {
  const swapped = [recorded[0], recorded[1], recorded[3], recorded[2], recorded[4], recorded[5]] as StoredEvent[];

  it('reports the two places of adjacent lines swapped as order-changed, and nothing removed', async () => {
    const report = await auditExport([asExported(swapped)]);

    expect(kindsAt(report)).toEqual([
      ['order-changed', 3],
      ['order-changed', 4],
    ]);
    expect(report.problems[0]?.message).toBe('the event read in place 3 is the one recorded at position 4: the order of events changed');
    expect(report).toMatchObject({ eventsChecked: 6, signedThrough: 6 });
  });

  it('puts back in order lines moved across a page boundary', async () => {
    const report = await auditExport([asExported(swapped.slice(0, 3)), asExported(swapped.slice(3))]);

    expect(kindsAt(report)).toEqual([
      ['order-changed', 3],
      ['order-changed', 4],
    ]);
  });

  it('reports a line repeated as order-changed in the place it was repeated, and checks the lines after it', async () => {
    const repeated = [...recorded.slice(0, 3), recorded[2] as StoredEvent, ...recorded.slice(3)];
    const report = await auditExport([asExported(repeated)]);

    expect(kindsAt(report)).toEqual([['order-changed', 4]]);
    expect(report.problems[0]?.message).toBe('the event read in place 4 is the one recorded at position 3, read already: a line was repeated');
    expect(report.eventsChecked).toBe(recorded.length);
  });

  it('still reports a line removed as a missing event, and no reordering after it', async () => {
    const report = await auditExport([asExported(recorded.filter(({ position }) => position !== 3))]);

    expect(kindsAt(report)).toEqual([['event-missing', 3]]);
    expect(report.problems[0]?.message).toBe('the log has no event at position 3 (the next is at 4): events were removed');
  });
});

describe('auditLog on a store where an event was deleted and the later ones moved down a position', () => {
  it('reports every moved event as order-changed, the last one too, and the removed one as missing', async () => {
    const report = await auditLog({
      pages: (async function* () {
        yield { events: asReadFromStore(removedAndRenumbered(3)) };
      })(),
      storedLeaves: async (from, count) => storedLeaves.slice(from, from + count),
      storedTreeSize: recorded.length,
      checkpoints: [],
      trustedKeys: [],
    });

    expect(kindsAt(report)).toEqual([
      ['order-changed', 3],
      ['event-missing', 3],
      ['order-changed', 4],
      ['order-changed', 5],
      ['rolled-back', 6],
    ]);
    expect(report.problems[4]?.message).not.toMatch(/at the end/);
    expect(report.problems.find(({ position }) => position === 5)?.message).toBe(
      'the event at position 5 was recorded at position 6: the order of events changed',
    );
  });
});

describe('auditLog on an export from which a line was removed and the later ones renumbered down', () => {
  // Streams meeting-0 and meeting-1 alternate: position 3 is meeting-0's revision 1, between its revisions 0 (1) and 2 (5).
  it('names the revision its stream skips as an event missing, where a checkpoint of the whole log only finds the log shorter', async () => {
    const report = await auditExport([asExported(removedAndRenumbered(3))]);

    expect(kindsAt(report)).toEqual([
      ['event-missing', 4],
      ['rolled-back', 6],
    ]);
    expect(report.problems[0]?.message).toBe(
      'stream meeting-0 has no revision 1 (revision 0 is at position 1, 2 at position 4): the log lacks an event recorded after position 1, at or before position 4, and the events after it were renumbered down over it (or altered)',
    );
    expect(report.problems[1]?.message).toMatch(/events were removed \(after it, or before it and the later ones renumbered down\)/);
  });

  it('names the position exactly when the event before it is of the same stream', async () => {
    const oneStream = recorded.map((event, index) => ({ ...event, stream: 'meeting-0', streamRevision: index }));
    const renumbered = oneStream.filter((event) => event.position !== 3).map((event, index) => ({ ...event, position: index + 1 }));

    const report = await auditExport([asExported(renumbered)]);

    expect(report.problems.find(({ kind }) => kind === 'event-missing')).toEqual({
      kind: 'event-missing',
      position: 3,
      message:
        'stream meeting-0 has no revision 2 (revision 1 is at position 2, 3 at position 3): the log lacks an event recorded at position 3, and the events after it were renumbered down over it (or altered)',
    });
  });

  it('takes a stream revision found after a later one as an event moved, not removed', async () => {
    const swappedRenumbered = [
      recorded[0],
      recorded[1],
      { ...recorded[4], position: 3 },
      recorded[3],
      { ...recorded[2], position: 5 },
      recorded[5],
    ] as StoredEvent[];

    const report = await auditExport([asExported(swappedRenumbered)]);

    expect(kindsAt(report)).toEqual([['checkpoint-mismatch', undefined]]);
  });
});

describe('auditLog on a store where only a stored leaf was altered', () => {
  const zeroedAt3 = storedLeaves.map((leaf, index) => (index === 2 ? new Uint8Array(32) : leaf));
  const auditStore = (held: { checkpoints: { source: string; note: string }[]; trustedKeys: string[] }) =>
    auditLog({
      pages: (async function* () {
        yield { events: asExported(recorded) };
      })(),
      storedLeaves: async (from, count) => zeroedAt3.slice(from, from + count),
      storedTreeSize: recorded.length,
      ...held,
    });

  it('blames the stored tree when a signed checkpoint proves the event unchanged', async () => {
    const report = await auditStore(heldCheckpoint());

    expect(kindsAt(report)).toEqual([['tree-changed', 3]]);
    expect(report.problems[0]?.message).toBe(
      'the leaf stored for position 3 is not the hash of its event, which a signed checkpoint of 6 events proves unchanged: the stored tree was altered',
    );
  });

  it('still says the event changed when no signed checkpoint covers it', async () => {
    const report = await auditStore({ checkpoints: [], trustedKeys: [] });

    expect(kindsAt(report)).toEqual([['content-changed', 3]]);
  });
});

describe('auditLog with a checkpoint no trusted key signed', () => {
  const auditShortLog = (held: { checkpoints: { source: string; note: string }[] }) =>
    auditLog({
      pages: (async function* () {
        yield { events: asExported(recorded.slice(0, 4)) };
      })(),
      trustedKeys: [],
      ...held,
    });

  it('says what it claims when it covers more events than the log holds: the store may be an older copy, which lacks its key', async () => {
    const report = await auditShortLog({ checkpoints: heldCheckpoint().checkpoints });

    expect(kindsAt(report)).toEqual([['signature-invalid', undefined]]);
    expect(report.problems[0]?.message).toContain('Unverified, it covers 6 events, and the log ends at position 4');
    expect(report.problems[0]?.message).toContain('--key');
  });

  it('says nothing more of one that claims no more than the log holds', async () => {
    const report = await auditLog({
      pages: (async function* () {
        yield { events: asExported(recorded) };
      })(),
      trustedKeys: [],
      checkpoints: heldCheckpoint().checkpoints,
    });

    expect(kindsAt(report)).toEqual([['signature-invalid', undefined]]);
    expect(report.problems[0]?.message).not.toContain('Unverified');
  });
});
