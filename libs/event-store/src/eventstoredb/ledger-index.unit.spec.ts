import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { aBatch } from '../contract/event-fixtures';
import { StoreUnavailableError } from '../event-store.errors';
import { LedgerIndex } from './ledger-index';
import { LedgerIntegrityError } from './ledger-integrity-error';
import { LedgerRecord, numberAppend } from './ledger-record';
import { MemoryLedgerIndex } from './memory-ledger-index';
import { SqliteLedgerIndex } from './sqlite-ledger-index';

const LOG = 'concord-ledger';

/** A log of appends, numbered as the adapter numbers them: each entry is [stream, events]. */
function logOf(appends: ReadonlyArray<readonly [string, number]>): LedgerRecord[][] {
  const revisions = new Map<string, number>();
  let position = 1;
  return appends.map(([stream, count]) => {
    const revision = revisions.get(stream) ?? 0;
    const records = numberAppend(stream, aBatch(count), revision, position);
    revisions.set(stream, revision + count);
    position += count;
    return records;
  });
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'concord-ledger-index-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe.each([
  ['in memory', (): LedgerIndex => new MemoryLedgerIndex()],
  ['in a SQLite file', (): LedgerIndex => SqliteLedgerIndex.open(join(dir, 'index.sqlite'), LOG)],
])('the ledger index %s', (_name, openIndex) => {
  let index: LedgerIndex;
  beforeEach(() => {
    index = openIndex();
  });
  afterEach(() => index.close());

  it('answers for every append, event and stream it was given', () => {
    const appends = logOf([
      ['a', 2],
      ['b', 1],
      ['a', 3],
    ]);
    index.applyAll(appends.flat());

    expect(index.headPosition).toBe(6);
    const [first, second, third] = appends.map((records) => records.map((record) => record.event));
    expect(index.commandResult(third?.[0]?.metadata.commandId ?? '')).toEqual({
      stream: 'a',
      streamRevision: 4,
      firstPosition: 4,
      lastPosition: 6,
      eventIds: third?.map((event) => event.eventId),
      duplicate: false,
    });
    expect(index.commandResult('never')).toBeUndefined();
    expect(index.streamOf(second?.[0]?.eventId ?? '')).toBe('b');
    expect(index.hasEventId(first?.[1]?.eventId ?? '')).toBe(true);
    expect(index.hasEventId('never')).toBe(false);
    expect([1, 2, 3, 4, 5, 6, 7].map((position) => index.eventIdAt(position))).toEqual([
      ...(first ?? []).map((event) => event.eventId),
      ...(second ?? []).map((event) => event.eventId),
      ...(third ?? []).map((event) => event.eventId),
      undefined,
    ]);
    expect([index.streamRevision('a'), index.streamRevision('b'), index.streamRevision('c')]).toEqual([4, 0, -1]);
    expect(index.appendsTo('a').map((append) => append.firstPosition)).toEqual([1, 4]);
    expect(index.appendsTo('a', 2).map((append) => append.firstPosition)).toEqual([4]);
    expect(index.appendsTo('a', 5).map((append) => append.firstPosition)).toEqual([]);
    expect(index.streamsAppendedAfter(0)).toEqual(['a', 'b']);
    expect(index.streamsAppendedAfter(2)).toEqual(['b', 'a']);
    expect(index.streamsAppendedAfter(3)).toEqual(['a']);
    expect(index.streamsAppendedAfter(4)).toEqual(['a']);
    expect(index.streamsAppendedAfter(6)).toEqual([]);
  });

  it('takes one append across two batches, as a catch-up reading in batches hands it over', () => {
    const records = logOf([['a', 5]]).flat();
    index.applyAll(records.slice(0, 2));
    index.applyAll(records.slice(2));

    expect(index.appendsTo('a')).toEqual([expect.objectContaining({ firstPosition: 1, lastPosition: 5, streamRevision: 4 })]);
    expect(index.appendsTo('a')[0]?.eventIds).toEqual(records.map((record) => record.event.eventId));
  });

  it('refuses a record that does not continue the log, keeping the records before it', () => {
    const [first, second] = logOf([
      ['a', 1],
      ['a', 1],
    ]);
    const gap = second?.map((record) => ({ ...record, event: { ...record.event, position: 3 }, batch: { firstPosition: 3, size: 1 } })) ?? [];

    expect(() => index.applyAll([...(first ?? []), ...gap])).toThrow(LedgerIntegrityError);
    expect(index.headPosition).toBe(1);
    expect(index.streamRevision('a')).toBe(0);
  });

  it('refuses an append that says another stream revision than the stream is at', () => {
    const records = numberAppend('a', aBatch(1), 3, 1);
    expect(() => index.applyAll(records)).toThrow(LedgerIntegrityError);
    expect(index.headPosition).toBe(0);
  });

  it('keeps the first append of a command id the log holds twice', () => {
    const first = numberAppend('a', aBatch(1, { commandId: 'twice' }), 0, 1);
    const second = numberAppend('b', aBatch(1, { commandId: 'twice' }), 0, 2);
    index.applyAll([...first, ...second]);
    expect(index.commandResult('twice')?.stream).toBe('a');
  });

  it('remembers how far a repair found the copies level, and forgets everything on reset', () => {
    index.applyAll(logOf([['a', 2]]).flat());
    index.markCopiesLevel(2);
    index.markCopiesLevel(1);
    expect(index.copiesLevelThrough).toBe(2);

    index.reset();

    expect([index.headPosition, index.copiesLevelThrough, index.streamRevision('a'), index.streamsAppendedAfter(0)]).toEqual([0, 0, -1, []]);
    index.applyAll(logOf([['b', 1]]).flat());
    expect(index.streamOf(index.eventIdAt(1) ?? '')).toBe('b');
  });
});

describe('the ledger index in a SQLite file', () => {
  const file = (): string => join(dir, 'index.sqlite');

  it('keeps what it indexed for the next open, which goes on from there', () => {
    const [first, second] = logOf([
      ['a', 2],
      ['a', 1],
    ]);
    const before = SqliteLedgerIndex.open(file(), LOG);
    before.applyAll(first ?? []);
    before.markCopiesLevel(2);
    before.close();

    const after = SqliteLedgerIndex.open(file(), LOG);
    expect([after.headPosition, after.copiesLevelThrough, after.streamRevision('a')]).toEqual([2, 2, 1]);
    after.applyAll(second ?? []);
    expect(after.appendsTo('a').map((append) => append.firstPosition)).toEqual([1, 3]);
    after.close();
  });

  it("starts again when the file indexes another log (another namespace's)", () => {
    const before = SqliteLedgerIndex.open(file(), LOG);
    before.applyAll(logOf([['a', 2]]).flat());
    before.close();

    const other = SqliteLedgerIndex.open(file(), `tenant-${LOG}`);
    expect([other.headPosition, other.streamRevision('a')]).toEqual([0, -1]);
    other.close();
  });

  it('passes over what another process sharing the file indexed first, and goes on after it', () => {
    const records = logOf([
      ['a', 1],
      ['b', 2],
      ['a', 1],
    ]).flat();
    const first = SqliteLedgerIndex.open(file(), LOG);
    const second = SqliteLedgerIndex.open(file(), LOG);
    first.applyAll(records.slice(0, 3));

    second.applyAll(records);

    expect(second.headPosition).toBe(4);
    expect(second.appendsTo('a').map((append) => append.eventIds.length)).toEqual([1, 1]);
    expect(second.appendsTo('b')[0]?.eventIds).toEqual(records.slice(1, 3).map((record) => record.event.eventId));
    first.close();
    second.close();
  });

  it('refuses, as LedgerIntegrityError, a record at a position the file holds another event at', () => {
    const index = SqliteLedgerIndex.open(file(), LOG);
    index.applyAll(logOf([['a', 1]]).flat());
    const another = SqliteLedgerIndex.open(file(), LOG);
    expect(() => another.applyAll(logOf([['a', 1]]).flat())).toThrow(LedgerIntegrityError);
    index.close();
    another.close();
  });

  it('refuses a file of another layout, or one that is not a database, with StoreUnavailableError naming it', () => {
    const db = new Database(file());
    db.pragma('user_version = 7');
    db.close();
    expect(() => SqliteLedgerIndex.open(file(), LOG)).toThrow(StoreUnavailableError);
    expect(() => SqliteLedgerIndex.open(file(), LOG)).toThrow(/log index .*index\.sqlite.*version 7.*delete it/);

    const notADatabase = join(dir, 'not-a-database.sqlite');
    writeFileSync(notADatabase, 'x'.repeat(4096));
    expect(() => SqliteLedgerIndex.open(notADatabase, LOG)).toThrow(StoreUnavailableError);
  });
  it('undoes the whole batch when a write fails (a full disk), and takes the same records once it can write again', () => {
    const [first, second] = logOf([
      ['a', 1],
      ['a', 2],
    ]);
    const index = SqliteLedgerIndex.open(file(), LOG);
    index.applyAll(first ?? []);
    const other = new Database(file());
    other.exec(
      `CREATE TRIGGER full BEFORE INSERT ON event_ids WHEN (SELECT COUNT(*) FROM event_ids) = 2 BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END`,
    );

    expect(() => index.applyAll(second ?? [])).toThrow(StoreUnavailableError);
    expect([index.headPosition, index.streamRevision('a'), index.appendsTo('a').length]).toEqual([1, 0, 1]);
    other.exec('DROP TRIGGER full');
    other.close();

    index.applyAll(second ?? []);
    expect([index.headPosition, index.streamRevision('a')]).toEqual([3, 2]);
    index.close();
  });
});
