import { InMemoryProjectionStore } from '@concord/event-store';
import { GovernanceEvent } from '@concord/governance';
import { IndexedEvent, PROPOSAL_CHUNK, READ_SIDE_PROJECTION, ReadIndexes, RECORDED_TIME_CHUNK, ROWS } from './read-indexes';

const EVERYTHING = { upTo: Number.MAX_SAFE_INTEGER };

/** A long log for the indexes only: two bodies, and proposals tabled at one of them or the other. */
function* longLog(size: number): Generator<IndexedEvent> {
  const recordedAt = (position: number) => new Date(Date.UTC(2026, 0, 1) + position * 1000 - (position % 7 === 0 ? 5000 : 0)).toISOString();
  const body = (bodyId: string, position: number): IndexedEvent => ({
    stream: `body-${bodyId}`,
    eventId: `e${position}`,
    position,
    recordedAt: recordedAt(position),
    event: { type: 'BodyEstablished', data: { bodyId, name: bodyId, definition: 'd', occurredAt: '2003-01-01T00:00:00.000Z' } } as unknown as GovernanceEvent,
  });
  yield body('kp', 1);
  yield body('other', 2);
  for (let position = 3; position <= size; position += 1) {
    const bodyId = position % 5 === 0 ? 'other' : 'kp';
    if (position % 13 === 0) {
      yield {
        stream: `meeting-m${position}`,
        eventId: `e${position}`,
        position,
        recordedAt: recordedAt(position),
        event: { type: 'MeetingConvened', data: { meetingId: `m${position}`, bodyId, occurredAt: '2004-01-01T00:00:00.000Z' } } as unknown as GovernanceEvent,
      };
      continue;
    }
    const type = position % 11 === 0 ? 'DefinitionAmendmentProposed' : 'ProposalTabled';
    yield {
      stream: `proposal-q${position}`,
      eventId: `e${position}`,
      position,
      recordedAt: recordedAt(position),
      event: { type, data: { proposalId: `q${position}`, bodyId, occurredAt: '2004-01-01T00:00:00.000Z' } } as unknown as GovernanceEvent,
    };
  }
}

function summary(indexes: ReadIndexes) {
  return {
    position: indexes.position,
    bodies: indexes.bodyIds(),
    meetings: ['kp', 'other'].map((bodyId) => indexes.meetingsOf(bodyId)),
    proposals: ['kp', 'other'].map((bodyId) => indexes.proposalsOf(bodyId)),
    amendments: ['kp', 'other'].map((bodyId) => indexes.amendmentsOf(bodyId)),
    recordedTimes: Array.from({ length: indexes.position }, (_, index) => indexes.recordedTimes.momentAfter(index + 1)),
  };
}

async function restoreFrom(projections: InMemoryProjectionStore): Promise<ReadIndexes> {
  const checkpoint = await projections.checkpoint(READ_SIDE_PROJECTION);
  const recordedTimes = await projections.rows(READ_SIDE_PROJECTION, ROWS.recordedTimes, EVERYTHING);
  const position = ReadIndexes.completeTo(checkpoint, recordedTimes);
  return ReadIndexes.restore(position, {
    bodies: await projections.rows(READ_SIDE_PROJECTION, ROWS.bodies, { upTo: position }),
    meetings: await projections.rows(READ_SIDE_PROJECTION, ROWS.meetings, { upTo: position }),
    proposals: await projections.rows(READ_SIDE_PROJECTION, ROWS.proposals, EVERYTHING),
    recordedTimes,
  });
}

describe('ReadIndexes', () => {
  const size = 2 * PROPOSAL_CHUNK + RECORDED_TIME_CHUNK + 123;

  it('restores from its rows, committed in many commits across chunk boundaries, exactly what it indexed', async () => {
    const projections = new InMemoryProjectionStore();
    const indexes = new ReadIndexes();
    for (const event of longLog(size)) {
      indexes.add(event);
      if (event.position % 997 === 0) {
        const { rows, upTo } = indexes.takeRows();
        await projections.commit(READ_SIDE_PROJECTION, rows, upTo);
        indexes.committed = upTo;
      }
    }
    const { rows, upTo } = indexes.takeRows();
    await projections.commit(READ_SIDE_PROJECTION, rows, upTo);

    const restored = await restoreFrom(projections);
    expect(summary(restored)).toEqual(summary(indexes));
    expect(restored.meetingsOf('kp').length).toBeGreaterThan(100);
    // Chunks, not a row per proposal: the start reads a handful of rows.
    expect((await projections.rows(READ_SIDE_PROJECTION, ROWS.proposals, EVERYTHING)).length).toBeLessThan(10);
  });

  it('restores only up to its checkpoint when another process stored chunks from further on', async () => {
    const projections = new InMemoryProjectionStore();
    const behind = new ReadIndexes();
    const ahead = new ReadIndexes();
    const stopAt = PROPOSAL_CHUNK + 10;
    for (const event of longLog(size)) {
      ahead.add(event);
      if (event.position <= stopAt) behind.add(event);
    }
    const early = behind.takeRows();
    await projections.commit(READ_SIDE_PROJECTION, early.rows, early.upTo);
    const restoredEarly = await restoreFrom(projections);
    expect(summary(restoredEarly)).toEqual(summary(behind));

    const late = ahead.takeRows();
    // The process behind commits again after the one ahead: its shorter chunks must not replace the longer ones.
    await projections.commit(READ_SIDE_PROJECTION, late.rows, late.upTo);
    await projections.commit(READ_SIDE_PROJECTION, early.rows, early.upTo);
    expect(summary(await restoreFrom(projections))).toEqual(summary(ahead));
  });

  it('gives back rows a failed commit took, and makes its chunks again', async () => {
    const projections = new InMemoryProjectionStore();
    const indexes = new ReadIndexes();
    for (const event of longLog(PROPOSAL_CHUNK + 50)) indexes.add(event);
    const failed = indexes.takeRows();
    indexes.giveBack(failed.rows);
    const retried = indexes.takeRows();
    await projections.commit(READ_SIDE_PROJECTION, retried.rows, retried.upTo);
    expect(summary(await restoreFrom(projections))).toEqual(summary(indexes));
  });
});
