import Database from 'better-sqlite3';
import { SqliteEventStore, StoredEvent } from '@concord/event-store';
import { canonicalJson } from '@concord/verifier';
import { catchUpTree, LogTree, SqliteTransparencyStore } from '@concord/transparency';

export const PARTICIPANTS = Array.from({ length: 60 }, (_, i) => `p${i}`);
const START = Date.parse('2003-01-01T00:00:00Z');
const SPAN = Date.parse('2025-12-31T00:00:00Z') - START;
const RECORDED_FROM = Date.parse('2026-01-01T00:00:00Z');

function uuidOf(position: number): string {
  return `00000000-0000-7000-8000-${position.toString(16).padStart(12, '0')}`;
}

/**
 * A ledger of `size` events, the same every run: one long-lived body whose own stream is about a
 * tenth of the log (suspensions and reinstatements of 60 participants), proposals with support,
 * objections and a decision; every ~1000 events a correction of a suspension's reason and a late
 * entry dated 2004, every ~10000 a correction of a participant's name. World time spreads over
 * 2003-2025; events are recorded one second apart.
 */
export function* generatedLedger(size: number): Generator<StoredEvent> {
  const revisions = new Map<string, number>();
  let position = 0;
  const make = (stream: string, type: string, data: Record<string, unknown>): StoredEvent => {
    position += 1;
    const streamRevision = (revisions.get(stream) ?? -1) + 1;
    revisions.set(stream, streamRevision);
    const occurredAt = new Date(START + Math.floor((SPAN * position) / size)).toISOString();
    const recordedAt = new Date(RECORDED_FROM + position * 1000).toISOString();
    const metadata = { commandId: `c${position}`, correlationId: `c${position}`, causationId: null, actor: { id: 'bench', role: 'secretariat' }, recordedAt };
    return { position, stream, streamRevision, eventId: uuidOf(position), type, schemaVersion: 1, data: { ...data, occurredAt }, metadata };
  };
  yield make('body-kp', 'BodyEstablished', {
    bodyId: 'kp',
    name: 'Kimberley Process',
    definition: 'Rough diamonds used by rebel movements to finance conflict',
  });
  for (const id of PARTICIPANTS) yield make('body-kp', 'ParticipantAdmitted', { bodyId: 'kp', participantId: id, name: id.toUpperCase(), kind: 'state' });
  let lastSuspension = '';
  for (let cycle = 0; position < size; cycle += 1) {
    const churned = PARTICIPANTS[cycle % PARTICIPANTS.length] as string;
    const suspended = Math.floor(cycle / PARTICIPANTS.length) % 2 === 0;
    const membership = suspended
      ? make('body-kp', 'ParticipantSuspended', { bodyId: 'kp', participantId: churned, reason: 'bench churn' })
      : make('body-kp', 'ParticipantReinstated', { bodyId: 'kp', participantId: churned });
    if (suspended) lastSuspension = membership.eventId;
    yield membership;
    if (cycle % 1000 === 999) {
      const admitted = (cycle / 1000) % PARTICIPANTS.length;
      const correctsEventId = uuidOf(2 + Math.floor(admitted));
      yield make('body-kp', 'CorrectionRecorded', {
        correctsEventId,
        correctedType: 'ParticipantAdmitted',
        reason: 'bench name correction',
        corrections: { name: `Renamed in cycle ${cycle}` },
      });
    }
    if (cycle % 100 === 99) {
      yield make('body-kp', 'CorrectionRecorded', {
        correctsEventId: lastSuspension,
        correctedType: 'ParticipantSuspended',
        reason: 'bench correction',
        corrections: { reason: `corrected in cycle ${cycle}` },
      });
      const late = make('body-kp', 'ParticipantReinstated', { bodyId: 'kp', participantId: PARTICIPANTS[0] });
      yield { ...late, data: { ...late.data, occurredAt: '2004-06-30T00:00:00.000Z' } };
    }
    const proposalId = `q${cycle}`;
    const stream = `proposal-${proposalId}`;
    const voters = [1, 2, 3, 4, 5, 6, 7].map((k) => PARTICIPANTS[(cycle + k * 7) % PARTICIPANTS.length] as string);
    yield make(stream, 'ProposalTabled', {
      proposalId,
      bodyId: 'kp',
      kind: 'agenda-item',
      title: `Item ${cycle}`,
      text: 'A proposal.',
      proposedBy: [voters[0]],
      meetingId: null,
    });
    for (const voter of voters.slice(1, 5)) yield make(stream, 'SupportExpressed', { proposalId, participantId: voter, revision: 1 });
    for (const voter of voters.slice(5)) yield make(stream, 'ObjectionRaised', { proposalId, participantId: voter, grounds: 'bench', revision: 1 });
    yield make(stream, 'NoConsensusRecorded', {
      proposalId,
      declaredBy: voters[0],
      declaredAs: 'chair',
      meetingId: 'm',
      revision: 1,
      blockingParticipants: voters.slice(5).sort(),
    });
  }
}

/** A SQLite ledger file of `size` generated events: rows inserted directly, in one transaction, through the store's own schema, their text canonical as the store keeps it. */
export async function writeGeneratedLedger(file: string, size: number): Promise<void> {
  await (await SqliteEventStore.open(file)).close();
  const db = new Database(file);
  const insert = db.prepare(
    'INSERT INTO events (position, event_id, stream, stream_revision, type, schema_version, data, metadata, command_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  db.transaction(() => {
    for (const event of generatedLedger(size)) {
      insert.run(
        event.position,
        event.eventId,
        event.stream,
        event.streamRevision,
        event.type,
        event.schemaVersion,
        canonicalJson(event.data),
        canonicalJson(event.metadata),
        event.metadata.commandId,
      );
    }
  })();
  db.close();
}

/**
 * The transparency tree of a ledger file written by `writeGeneratedLedger`, as the ledger's own
 * appends would have left it: without it, the API's first start on the file computes it in the
 * background, and that start measures the tree as much as the start.
 */
export async function writeTreeOf(file: string): Promise<void> {
  const store = await SqliteEventStore.open(file);
  const transparency = SqliteTransparencyStore.open(file);
  try {
    await catchUpTree(store, await LogTree.open(transparency));
  } finally {
    await transparency.close();
    await store.close();
  }
}
