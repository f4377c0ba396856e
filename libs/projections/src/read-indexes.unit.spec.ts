import { InMemoryProjectionStore } from '@concord/event-store';
import { GovernanceEvent, PROPOSAL_STATUSES } from '@concord/governance';
import { IndexedEvent, PROPOSAL_CHUNK, READ_SIDE_PROJECTION, ReadIndexes, RECORDED_TIME_CHUNK, ROWS } from './read-indexes';
import { textSearch } from './text-match';

const EVERYTHING = { upTo: Number.MAX_SAFE_INTEGER };

/**
 * A long log for the indexes only: two bodies with records dated out of the log's order (some
 * redated by corrections), and proposals tabled at one body or the other, some decided.
 */
function* longLog(size: number): Generator<IndexedEvent> {
  const recorded = (position: number) => new Date(Date.UTC(2026, 0, 1) + position * 1000 - (position % 7 === 0 ? 5000 : 0)).toISOString();
  const body = (bodyId: string, position: number): IndexedEvent => ({
    stream: `body-${bodyId}`,
    eventId: `e${position}`,
    position,
    recordedAt: recorded(position),
    event: { type: 'BodyEstablished', data: { bodyId, name: bodyId, definition: 'd', occurredAt: '2003-01-01T00:00:00.000Z' } } as unknown as GovernanceEvent,
  });
  yield body('kp', 1);
  yield body('other', 2);
  let lastKpRecord: string | undefined;
  for (let position = 3; position <= size; position += 1) {
    const bodyId = position % 5 === 0 ? 'other' : 'kp';
    // Dates out of the log's order, so that a body's history is not in position order.
    const occurredAt = new Date(Date.UTC(2005, 0, 1) + ((position * 7919) % 100_003) * 60_000).toISOString();
    const recordedAt = recorded(position);
    if (position % 13 === 0) {
      yield {
        stream: `meeting-m${position}`,
        eventId: `e${position}`,
        position,
        recordedAt,
        event: { type: 'MeetingConvened', data: { meetingId: `m${position}`, bodyId, occurredAt: '2004-01-01T00:00:00.000Z' } } as unknown as GovernanceEvent,
      };
    } else if (position % 17 === 0 && (position - 1) % 13 !== 0) {
      yield {
        stream: `proposal-q${position - 1}`,
        eventId: `e${position}`,
        position,
        recordedAt,
        event: {
          type: position % 3 === 0 ? 'ProposalWithdrawn' : 'ConsensusDeclared',
          data: { proposalId: `q${position - 1}`, meetingId: position >= 13 ? `m${position - (position % 13)}` : null, occurredAt },
        } as unknown as GovernanceEvent,
      };
    } else if (position % 211 === 0 && lastKpRecord !== undefined) {
      yield {
        stream: 'body-kp',
        eventId: `e${position}`,
        position,
        recordedAt,
        event: { type: 'CorrectionRecorded', data: { correctsEventId: lastKpRecord, corrections: { occurredAt }, occurredAt } } as unknown as GovernanceEvent,
      };
    } else if (position % 29 === 0 && position > 2 * PROPOSAL_CHUNK) {
      // A correction of the outcome of an early decision, once the first chunk of proposals is full
      // and stored: the proposal may now have either outcome, and its chunk is stored again.
      const decidedAt = 17 * (1 + ((position / 29) % 40));
      yield {
        stream: `proposal-q${decidedAt - 1}`,
        eventId: `e${position}`,
        position,
        recordedAt,
        event: {
          type: 'CorrectionRecorded',
          data: { correctsEventId: `e${decidedAt}`, correctedType: 'ConsensusDeclared', corrections: { outcome: 'no-consensus' }, occurredAt },
        } as unknown as GovernanceEvent,
      };
    } else if (position % 37 === 0 && position > PROPOSAL_CHUNK) {
      // A correction of a date of an early proposal: in world time it may then stand anywhere.
      const tabledAt = position - PROPOSAL_CHUNK + 1;
      yield {
        stream: `proposal-q${tabledAt}`,
        eventId: `e${position}`,
        position,
        recordedAt,
        // Every other one corrects its title too: a search must find it by either title.
        event: {
          type: 'CorrectionRecorded',
          data: {
            correctsEventId: `e${tabledAt}`,
            corrections: position % 2 === 0 ? { occurredAt, title: `Renamed ${position}` } : { occurredAt },
            occurredAt,
          },
        } as unknown as GovernanceEvent,
      };
    } else if (position % 41 === 0 && position > PROPOSAL_CHUNK) {
      // A revision of an early proposal's text (or of none, where no proposal was tabled there).
      const tabledAt = position - PROPOSAL_CHUNK + 3;
      yield {
        stream: `proposal-q${tabledAt}`,
        eventId: `e${position}`,
        position,
        recordedAt,
        event: { type: 'ProposalRevised', data: { proposalId: `q${tabledAt}`, text: `Revised ${position}`, occurredAt } } as unknown as GovernanceEvent,
      };
    } else if (position % 23 === 0 && position > 13) {
      // A statement at the meeting convened last, or at m13, which hears statements all along the
      // log (s4140, after a process behind stops); or a correction of the statement before it.
      const meetingId = position % 92 === 0 ? 'm13' : `m${position - (position % 13)}`;
      const said = `Said s${position}`;
      yield {
        stream: `meeting-${meetingId}`,
        eventId: `e${position}`,
        position,
        recordedAt,
        event: (position % 2 === 0
          ? { type: 'StatementRecorded', data: { meetingId, speakerId: 'p', summary: said, occurredAt } }
          : {
              type: 'CorrectionRecorded',
              data: { correctsEventId: `e${position - 23}`, corrections: { summary: `${said}, corrected` }, occurredAt },
            }) as unknown as GovernanceEvent,
      };
    } else if (position % 19 === 0) {
      if (bodyId === 'kp') lastKpRecord = `e${position}`;
      yield {
        stream: `body-${bodyId}`,
        eventId: `e${position}`,
        position,
        recordedAt,
        event: { type: 'ParticipantAdmitted', data: { participantId: `p${position}`, occurredAt } } as unknown as GovernanceEvent,
      };
    } else {
      const type = position % 11 === 0 ? 'DefinitionAmendmentProposed' : 'ProposalTabled';
      yield {
        stream: `proposal-q${position}`,
        eventId: `e${position}`,
        position,
        recordedAt,
        event: {
          type,
          data: { proposalId: `q${position}`, bodyId, title: `Item ${position}`, text: `Text ${position % 97}`, occurredAt: '2004-01-01T00:00:00.000Z' },
        } as unknown as GovernanceEvent,
      };
    }
  }
}

const BODIES = ['kp', 'other'];
/** The longest log a test here indexes: its meetings are `m13`, `m26`, … (see `longLog`). */
const LONGEST_LOG = 2 * PROPOSAL_CHUNK + RECORDED_TIME_CHUNK + 123;
const END_OF_TIME = '9999-12-31T23:59:59.999Z';
/** World dates to list proposals at: before every tabling, on it, and among the closings. */
const WORLD_DATES = ['2003-06-01', '2004-01-01', '2005-03-01', '2005-09-01', '2006-01-01'].map((date) => `${date}T00:00:00.000Z`);
/** Searches that find proposals by their tabled titles and texts, by corrected titles and by revised texts, and one that finds none. */
/** A statement made early, one made at an early meeting after a process behind stops (s4140, at m13), corrected ones, and none. */
const MEETING_SEARCHES = ['said s46', 'said s4140', 'corrected', 'zzz'];
const SEARCHES = ['item 41', 'text 5', 'renamed', 'renamed 42', 'revised 41', 'zzz'];

/** Indexes that follow both bodies' histories, and every meeting's proposals, from the first event on: what a restored one must equal. */
function followingHistories(): ReadIndexes {
  const indexes = new ReadIndexes();
  for (const bodyId of BODIES) indexes.restoreHistory(bodyId, { history: [], redates: [] });
  for (let position = 13; position <= LONGEST_LOG; position += 13) indexes.restoreMeetingProposals(`m${position}`, []);
  return indexes;
}

/** Everything the indexes answer; each body's history as the indexes follow it, or else restored from `projections`. */
async function summary(indexes: ReadIndexes, projections?: InMemoryProjectionStore) {
  const histories = [];
  for (const bodyId of BODIES) {
    const stored = async (collection: string) =>
      projections ? projections.rows(READ_SIDE_PROJECTION, collection, { key: bodyId, upTo: indexes.committed }) : [];
    const history = indexes.historyOf(bodyId) ?? indexes.restoreHistory(bodyId, { history: await stored(ROWS.history), redates: await stored(ROWS.redates) });
    // Read at the end and half-way: an entry redated since half-way takes its earlier place there.
    histories.push([indexes.position, Math.floor(indexes.position / 2)].map((knownBy) => [...history.from(null, END_OF_TIME, knownBy)]));
  }
  const meetingProposals = [];
  for (const meetingId of BODIES.flatMap((bodyId) => indexes.meetingsOf(bodyId))) {
    const stored = projections ? await projections.rows(READ_SIDE_PROJECTION, ROWS.meetingProposals, { key: meetingId, upTo: indexes.committed }) : [];
    meetingProposals.push([meetingId, indexes.proposalsNaming(meetingId) ?? indexes.restoreMeetingProposals(meetingId, stored)]);
  }
  return {
    position: indexes.position,
    bodies: indexes.bodyIds(),
    meetingProposals,
    meetings: BODIES.map((bodyId) => indexes.meetingsOf(bodyId)),
    proposals: BODIES.map((bodyId) => indexes.proposalsOf(bodyId)),
    amendments: BODIES.map((bodyId) => indexes.amendmentsOf(bodyId)),
    possiblyOf: BODIES.map((bodyId) =>
      [indexes.position, Math.floor(indexes.position / 2)].map((at) => PROPOSAL_STATUSES.map((status) => indexes.proposalsPossiblyOf(bodyId, at, status))),
    ),
    inWorldTime: BODIES.map((bodyId) =>
      WORLD_DATES.map((date) => [undefined, ...PROPOSAL_STATUSES].map((status) => indexes.proposalsPossiblyInWorldTime(bodyId, date, status))),
    ),
    // As a point does: one list for each body, then one for each search.
    searchable: BODIES.map((bodyId) => [
      SEARCHES.map((query) => indexes.proposalsPossiblyOf(bodyId, indexes.position, undefined, textSearch(query))),
      SEARCHES.map((query) => indexes.proposalsPossiblyInWorldTime(bodyId, WORLD_DATES[2] as string, 'open', textSearch(query))),
    ]),
    // One list for each body, then one for each search, as a point does.
    meetingsSearchable: BODIES.map((bodyId) => [
      MEETING_SEARCHES.map((query) => indexes.meetingsOf(bodyId).filter((meetingId) => indexes.meetingMayMatch(meetingId, textSearch(query)))),
    ]),
    recordedTimes: Array.from({ length: indexes.position }, (_, index) => indexes.recordedTimes.momentAfter(index + 1)),
    histories,
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
    proposalTerms: await projections.rows(READ_SIDE_PROJECTION, ROWS.proposalTerms, EVERYTHING),
    meetingTerms: await projections.rows(READ_SIDE_PROJECTION, ROWS.meetingTerms, EVERYTHING),
  });
}

describe('ReadIndexes', () => {
  const size = LONGEST_LOG;

  /** Commits what the indexes made since their last commit, as the runner does. */
  async function commit(indexes: ReadIndexes, projections: InMemoryProjectionStore): Promise<void> {
    const { rows, upTo } = indexes.takeRows();
    await projections.commit(READ_SIDE_PROJECTION, rows, upTo);
    indexes.committed = upTo;
  }

  it('restores from its rows, committed in many commits across chunk boundaries, exactly what it indexed', async () => {
    const projections = new InMemoryProjectionStore();
    const indexes = followingHistories();
    let commits = 0;
    for (const event of longLog(size)) {
      indexes.add(event);
      if (event.position % 997 === 0) {
        await commit(indexes, projections);
        commits += 1;
      }
    }
    await commit(indexes, projections);
    commits += 1;

    const restored = await restoreFrom(projections);
    const expected = await summary(indexes);
    expect(await summary(restored, projections)).toEqual(expected);
    expect(restored.meetingsOf('kp').length).toBeGreaterThan(100);
    expect(MEETING_SEARCHES.map((_, search) => expected.meetingsSearchable.some(([lists]) => (lists?.[search]?.length ?? 0) > 0))).toEqual(
      MEETING_SEARCHES.map((query) => query !== 'zzz'),
    );
    // Each search but the last finds some proposal: by a tabled title or text, a corrected title, a revised text.
    expect(SEARCHES.map((_, search) => expected.searchable.some(([lists]) => (lists?.[search]?.length ?? 0) > 0))).toEqual(
      SEARCHES.map((query) => query !== 'zzz'),
    );
    expect(expected.histories.flat(2).length).toBeGreaterThan(1000);
    // An entry redated since half-way reads in another place there.
    expect(expected.histories[0]?.[0]).not.toEqual(expected.histories[0]?.[1]);
    // Chunks, not a row per proposal or per history entry: the start reads a handful of rows, a body's history one per commit.
    expect((await projections.rows(READ_SIDE_PROJECTION, ROWS.proposals, EVERYTHING)).length).toBeLessThan(10);
    expect((await projections.rows(READ_SIDE_PROJECTION, ROWS.history, EVERYTHING)).length).toBeLessThanOrEqual(commits * BODIES.length);
  });

  it('restores only up to its checkpoint when another process stored chunks from further on', async () => {
    const projections = new InMemoryProjectionStore();
    const behind = followingHistories();
    const ahead = followingHistories();
    // q4113 is tabled there and decided right after: the process ahead stores it closed.
    const stopAt = PROPOSAL_CHUNK + 17;
    for (const event of longLog(size)) {
      ahead.add(event);
      if (event.position <= stopAt) behind.add(event);
    }
    const early = behind.takeRows();
    await projections.commit(READ_SIDE_PROJECTION, early.rows, early.upTo);
    const restoredEarly = await restoreFrom(projections);
    expect(await summary(restoredEarly, projections)).toEqual(await summary(behind));

    const late = ahead.takeRows();
    // The process behind commits again after the one ahead: its shorter chunks must not replace the longer ones.
    await projections.commit(READ_SIDE_PROJECTION, late.rows, late.upTo);
    await projections.commit(READ_SIDE_PROJECTION, early.rows, early.upTo);
    expect(await summary(await restoreFrom(projections), projections)).toEqual(await summary(ahead));

    // A process behind that restores at its own checkpoint, from the chunks the one ahead stored since, and catches up.
    const behindAgain = ReadIndexes.restore(early.upTo, {
      bodies: await projections.rows(READ_SIDE_PROJECTION, ROWS.bodies, { upTo: early.upTo }),
      meetings: await projections.rows(READ_SIDE_PROJECTION, ROWS.meetings, { upTo: early.upTo }),
      proposals: await projections.rows(READ_SIDE_PROJECTION, ROWS.proposals, EVERYTHING),
      recordedTimes: await projections.rows(READ_SIDE_PROJECTION, ROWS.recordedTimes, EVERYTHING),
      proposalTerms: await projections.rows(READ_SIDE_PROJECTION, ROWS.proposalTerms, EVERYTHING),
      meetingTerms: await projections.rows(READ_SIDE_PROJECTION, ROWS.meetingTerms, EVERYTHING),
    });
    expect(behindAgain.proposalsPossiblyOf('kp', stopAt, 'open')).toContain(`q${stopAt}`);
    // The chunks from further on tell of outcomes corrected after the checkpoint: a status may then
    // ask for more proposals than the process behind would (their states say which have it), never fewer.
    // Titles and texts from further on may likewise make a search ask for more.
    const {
      possiblyOf: widened,
      inWorldTime: widenedInWorldTime,
      searchable: widenedSearchable,
      meetingsSearchable: widenedMeetings,
      ...restored
    } = await summary(behindAgain, projections);
    const {
      possiblyOf: exact,
      inWorldTime: exactInWorldTime,
      searchable: exactSearchable,
      meetingsSearchable: exactMeetings,
      ...expected
    } = await summary(behind);
    expect(restored).toEqual(expected);
    for (const [wider, narrower] of [
      [widened, exact],
      [widenedInWorldTime, exactInWorldTime],
      [widenedSearchable, exactSearchable],
      [widenedMeetings, exactMeetings],
    ] as const) {
      narrower.forEach((points, body) =>
        points.forEach((statuses, point) =>
          statuses.forEach((listed, status) => {
            const asked = new Set(wider[body]?.[point]?.[status]);
            expect({ body, point, status, missing: listed.filter((proposalId) => !asked.has(proposalId)) }).toEqual({ body, point, status, missing: [] });
          }),
        ),
      );
    }
    for (const event of longLog(size)) if (event.position > stopAt) behindAgain.add(event);
    expect(behindAgain.proposalsPossiblyOf('kp', stopAt + 1, 'adopted')).toContain(`q${stopAt}`);
    expect(await summary(behindAgain, projections)).toEqual(await summary(ahead));
  });

  it('takes each history entry once when processes that folded the same events stored chunks that overlap', async () => {
    const projections = new InMemoryProjectionStore();
    const first = followingHistories();
    const second = new ReadIndexes();
    for (const event of longLog(size)) {
      first.add(event);
      second.add(event);
      // Each commits where it stands, so their chunks of a body's history begin and end in other places.
      if (event.position % 997 === 0) await commit(first, projections);
      if (event.position % 1409 === 0) await commit(second, projections);
    }
    await commit(second, projections);
    const expected = await summary(first);
    expect(await summary(await restoreFrom(projections), projections)).toEqual(expected);
    // A process that restored from rows stored half-way: its history is the stored chunks and the entries it made since.
    const halfWay = new InMemoryProjectionStore();
    const third = followingHistories();
    for (const event of longLog(size)) {
      third.add(event);
      if (event.position === Math.floor(size / 2)) await commit(third, halfWay);
    }
    const restoredHalfWay = await restoreFrom(halfWay);
    for (const event of longLog(size)) if (event.position > restoredHalfWay.position) restoredHalfWay.add(event);
    expect(await summary(restoredHalfWay, halfWay)).toEqual(await summary(third));
  });

  it('gives back rows a failed commit took, and makes its chunks again', async () => {
    const projections = new InMemoryProjectionStore();
    const indexes = followingHistories();
    for (const event of longLog(PROPOSAL_CHUNK + 50)) indexes.add(event);
    const failed = indexes.takeRows();
    indexes.giveBack(failed.rows);
    const retried = indexes.takeRows();
    await projections.commit(READ_SIDE_PROJECTION, retried.rows, retried.upTo);
    expect(await summary(await restoreFrom(projections), projections)).toEqual(await summary(indexes));
  });
});
