import {
  assertVouchedFor,
  EventProblem,
  EventStore,
  InMemoryProjectionStore,
  ProjectionRow,
  ProjectionStore,
  readingEventAt,
  StoredEvent,
  UnreadableEventError,
} from '@concord/event-store';
import { LedgerView, ToDomainEvent } from './ledger-view';
import { READ_SIDE_PROJECTION, ReadIndexes, ROWS } from './read-indexes';
import { isSkimmed, LogEvent, readLog } from './read-log';
import { EventVetter, ParallelVetting, VettingRefusedError } from './vetting/event-vetter';

const BATCH_SIZE = 1000;
const ALL_POSITIONS = Number.MAX_SAFE_INTEGER;
/** After this many tries, foreign rows are forgotten without waiting for other processes' commits to stop. */
const MAX_RESTORE_ATTEMPTS = 5;

/** An event of the log with its data and metadata parsed, as a skimmed read leaves them text. */
function parsedInFull(event: LogEvent): StoredEvent {
  return isSkimmed(event)
    ? { ...event, data: JSON.parse(event.data) as StoredEvent['data'], metadata: JSON.parse(event.metadata) as StoredEvent['metadata'] }
    : event;
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export interface ProjectionRunnerOptions {
  /** Where the read side's rows are kept between starts; by default in memory only. */
  readonly projections?: ProjectionStore;
  /** Records held in aggregate timelines before the least recently read are dropped. */
  readonly cachedRecords?: number;
  /** Rows are stored once this many events are indexed but not stored... */
  readonly commitEvery?: number;
  /** ...or once the oldest of them has waited this long. */
  readonly commitAfterMs?: number;
  /** Milliseconds since an epoch, for `commitAfterMs`. */
  readonly now?: () => number;
  /** Hears how many events each batch of a catch-up applied: for progress. */
  readonly onBatch?: (events: number) => void;
  /** A commit that fails is tried again later; this hears why. */
  readonly onCommitError?: (error: unknown) => void;
  /**
   * Hears why the read side no longer goes on from the rows it had stored: a start found them
   * folded from another log (a database restored or replaced under them), or another process's
   * start forgot them while this one ran. The reason says what the read side does instead.
   */
  readonly onRowsForgotten?: (reason: string) => void;
  /**
   * Says of an event whether the ledger would vouch for it: the read side folds none it would not
   * (a row written into the store by hand), and stops before it (`UnreadableEventError`).
   */
  readonly problemOf?: EventProblem;
  /**
   * How far the log is vouched for already (its events vetted when a checkpoint of them was
   * signed): a fold from position 1 vets only the events after it, since vetting every event would
   * parse in full the log the fold only skims and cost a rebuild most of its speed. Without it, a
   * fold from position 1 vets nothing; a catch-up on top of stored rows always vets what it folds.
   */
  readonly vouchedThrough?: () => Promise<number>;
  /**
   * Vets on another thread, beside the fold, when a fold has many events to vet (`problemOf` must
   * be the check that thread runs). Without it, or for fewer events, the fold vets as it goes.
   */
  readonly parallelVetting?: ParallelVetting;
}

/** How a fold vets the events it applies: not at all, each before it is applied, or beside it (see `EventVetter`). */
type Vetting = { readonly after: number; readonly problemOf?: EventProblem; readonly beside?: EventVetter };

/**
 * Keeps a `LedgerView` caught up with the store. Queries call `catchUp()` first, which makes every
 * write acknowledged before the query visible to it (read-your-writes), also for writes made by
 * another process on the same store. The first catch-up restores the indexes stored beside the
 * log and reads only the events after them. Catch-ups, loads of a stream and commits of rows run
 * one after another, so none sees another half done.
 */
export class ProjectionRunner {
  private view: LedgerView | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly projections: ProjectionStore;
  private readonly now: () => number;
  private oldestUncommitted: number | undefined;
  private commitQueued = false;
  private waitingCatchUp: Promise<LedgerView> | undefined;

  constructor(
    private readonly store: EventStore,
    private readonly toDomainEvent: ToDomainEvent,
    private readonly options: ProjectionRunnerOptions = {},
  ) {
    this.projections = options.projections ?? new InMemoryProjectionStore();
    this.now = options.now ?? Date.now;
  }

  /** The last position the read side has applied: it catches up when read, so it may trail the head between reads. */
  get position(): number {
    return this.view?.position ?? 0;
  }

  /**
   * `position`, or, before the first read after a start has loaded the stored rows, the position
   * they were stored to: what the read side holds, though it has not read it yet.
   */
  async heldPosition(): Promise<number> {
    return this.view?.position ?? (await this.projections.checkpoint(READ_SIDE_PROJECTION));
  }

  /**
   * Queries arriving together share one catch-up: one that has not started yet reads the store
   * after each of them arrived, so it serves them all (at most one runs and one waits). It starts
   * reading only in the next turn of the event loop, so that every query received in this turn
   * joins it: under load one read of the store then serves dozens of queries instead of one each.
   */
  catchUp(): Promise<LedgerView> {
    if (this.waitingCatchUp) return this.waitingCatchUp;
    const run = this.inTurn(async () => {
      await nextTurn();
      this.waitingCatchUp = undefined;
      const view = await this.drain(this.view ?? (this.view = await this.restore()));
      this.commitWhenDue(view);
      return view;
    });
    this.waitingCatchUp = run;
    return run;
  }

  /** Forgets the stored rows and folds the whole log again from position 1. */
  rebuild(): Promise<LedgerView> {
    return this.inTurn(async () => {
      await this.projections.reset(READ_SIDE_PROJECTION);
      this.oldestUncommitted = undefined;
      const view = await this.drain((this.view = this.freshView(new ReadIndexes())));
      await this.commitNow(view);
      return view;
    });
  }

  /** Stores the rows not stored yet (on shutdown, or at the end of a command-line run). */
  commit(): Promise<void> {
    return this.inTurn(async () => {
      if (this.view) await this.commitNow(this.view);
    });
  }

  private inTurn<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private freshView(indexes: ReadIndexes): LedgerView {
    return new LedgerView(
      this.toDomainEvent,
      {
        store: this.store,
        projections: this.projections,
        inTurn: (work) => this.inTurn(work),
        cachedRecords: this.options.cachedRecords,
        problemOf: this.options.problemOf,
      },
      indexes,
    );
  }

  /**
   * The indexes as stored beside the log, complete to a checkpoint the catch-up goes on from;
   * rows folded from another log are forgotten first, unless another process has stored rows
   * since they were looked at (those are looked at in turn).
   */
  private async restore(): Promise<LedgerView> {
    for (let attempt = 1; ; attempt += 1) {
      const checkpoint = await this.projections.checkpoint(READ_SIDE_PROJECTION);
      if (checkpoint === 0) return this.freshView(new ReadIndexes());
      const foreign = await this.foldedFromAnotherLog(checkpoint);
      if (foreign === undefined) return this.restoreFrom(checkpoint);
      if (await this.projections.reset(READ_SIDE_PROJECTION, attempt < MAX_RESTORE_ATTEMPTS ? checkpoint : undefined)) {
        this.options.onRowsForgotten?.(`${foreign}; the read side folds this log from position 1`);
        return this.freshView(new ReadIndexes());
      }
    }
  }

  private async restoreFrom(checkpoint: number): Promise<LedgerView> {
    const recordedTimes = await this.projections.rows(READ_SIDE_PROJECTION, ROWS.recordedTimes, { upTo: ALL_POSITIONS });
    const position = ReadIndexes.completeTo(checkpoint, recordedTimes);
    const [bodies, meetings, proposals, proposalTerms, meetingTerms] = await Promise.all([
      this.projections.rows(READ_SIDE_PROJECTION, ROWS.bodies, { upTo: position }),
      this.projections.rows(READ_SIDE_PROJECTION, ROWS.meetings, { upTo: position }),
      // Chunks: each entry says where it was tabled, and the restore takes those up to `position`.
      this.projections.rows(READ_SIDE_PROJECTION, ROWS.proposals, { upTo: ALL_POSITIONS }),
      this.projections.rows(READ_SIDE_PROJECTION, ROWS.proposalTerms, { upTo: ALL_POSITIONS }),
      this.projections.rows(READ_SIDE_PROJECTION, ROWS.meetingTerms, { upTo: ALL_POSITIONS }),
    ]);
    return this.freshView(ReadIndexes.restore(position, { bodies, meetings, proposals, recordedTimes, proposalTerms, meetingTerms }));
  }

  /**
   * Why the stored rows cannot be of the log the store now holds, if they cannot: the log ends
   * before their checkpoint, or holds another event there than the one they were folded from. On
   * EventStoreDB the rows live in a file of their own, which outlives a database replaced or
   * restored from an earlier backup; beside the events (SQLite, PostgreSQL) the check always holds.
   */
  private async foldedFromAnotherLog(checkpoint: number): Promise<string | undefined> {
    const [[atCheckpoint], [mark]] = await Promise.all([
      this.store.readAll({ after: checkpoint - 1, limit: 1 }),
      this.projections.rows(READ_SIDE_PROJECTION, ROWS.logMark, { upTo: ALL_POSITIONS }),
    ]);
    if (atCheckpoint === undefined) return `the stored rows are complete to position ${checkpoint}, but the log ends before it`;
    const markedId = (mark?.value as { eventId?: unknown } | undefined)?.eventId;
    // Rows stored before the mark existed carry none; they were stored beside their own events.
    if (mark?.position !== checkpoint || typeof markedId !== 'string' || markedId === atCheckpoint.eventId) return undefined;
    return `the stored rows end at event ${markedId} at position ${checkpoint}, but the log holds ${atCheckpoint.eventId} there`;
  }

  /**
   * Applies the log after the view's position, vetting what `problemOf` asks. The view it returns
   * is `view`, or, when the events folded beside a vetter were not all vouched for, the view
   * restored from the stored rows and caught up vetting event by event (which names the first one
   * the ledger would not vouch for, exactly as if it had vetted so all along).
   */
  private async drain(view: LedgerView): Promise<LedgerView> {
    const vetting = await this.vettingFor(view);
    if (vetting.beside === undefined) {
      await this.fold(view, vetting);
      return view;
    }
    try {
      await this.fold(view, vetting);
      await vetting.beside.vouched();
      return view;
    } catch (error) {
      // Nothing of this view may be served: it holds events no one has vouched for.
      if (this.view === view) this.view = undefined;
      if (!(error instanceof VettingRefusedError || error instanceof UnreadableEventError)) throw error;
    } finally {
      await vetting.beside.close();
    }
    const restored = (this.view = await this.restore());
    await this.fold(restored, await this.vettingFor(restored, false));
    return restored;
  }

  /**
   * After which position the fold of `view` vets, and how: a fold from position 1 trusts what a
   * signed checkpoint vouches for, a catch-up on top of stored rows trusts nothing it reads.
   */
  private async vettingFor(view: LedgerView, beside = true): Promise<Vetting> {
    const { problemOf, vouchedThrough, parallelVetting } = this.options;
    if (problemOf === undefined) return { after: Infinity };
    const after = view.position > 0 ? view.position : vouchedThrough === undefined ? Infinity : await vouchedThrough();
    // Only a fold from position 1 (a rebuild, the first start on an imported log) has that many to
    // vet; a catch-up on stored rows, which every read makes, is spared the look at the head.
    if (!beside || parallelVetting === undefined || after === Infinity || view.position > 0) return { after, problemOf };
    if ((await this.store.headPosition()) - after < parallelVetting.minEvents) return { after, problemOf };
    return { after, problemOf, beside: parallelVetting.open(after) };
  }

  /** Folds the log after the view's position; a fold from position 1 also follows the streams that grow long, so their heads are stored with the rows. */
  private async fold(view: LedgerView, vetting: Vetting): Promise<void> {
    view.beginFoldFromStart();
    try {
      for (;;) {
        const applied = await this.applyNextBatch(view, vetting);
        if (applied > 0) this.oldestUncommitted ??= this.now();
        if (view.longStreamsWaiting) await view.followLongStreams();
        if (applied > 0) this.options.onBatch?.(applied);
        if (applied < BATCH_SIZE) return;
        if (view.indexes.pendingEvents >= (this.options.commitEvery ?? 10_000)) {
          // Rows are stored only of events vouched for: a start goes on from them without vetting them again.
          await vetting.beside?.vouched();
          await this.commitNow(view);
        }
      }
    } finally {
      view.endFoldFromStart();
    }
  }

  /** Reads the next batch of the log and applies it (skimmed where the store can: see `readLog`); how many events it read. */
  private async applyNextBatch(view: LedgerView, { after, problemOf, beside }: Vetting): Promise<number> {
    const batch = await readLog(this.store, { after: view.position, limit: BATCH_SIZE });
    const last = batch.at(-1)?.position ?? 0;
    if (beside !== undefined && last > after) beside.vetThrough(last);
    const vetHere = beside === undefined ? problemOf : undefined;
    for (const event of batch) {
      if (vetHere !== undefined && event.position > after)
        assertVouchedFor(
          readingEventAt(event.position, () => parsedInFull(event)),
          vetHere,
        );
      readingEventAt(event.position, () => view.applyLogEvent(event));
    }
    return batch.length;
  }

  /** Queues a commit after this turn when enough rows wait, so the query that caught up does not wait for it. */
  private commitWhenDue(view: LedgerView): void {
    const pending = view.indexes.pendingEvents;
    const waited = this.oldestUncommitted === undefined ? 0 : this.now() - this.oldestUncommitted;
    if ((pending === 0 && !view.headsDue) || this.commitQueued) return;
    if (!view.headsDue && pending < (this.options.commitEvery ?? 10_000) && waited < (this.options.commitAfterMs ?? 2_000)) return;
    this.commitQueued = true;
    void this.inTurn(async () => {
      this.commitQueued = false;
      if (this.view === view) await this.commitNow(view);
    }).catch((error: unknown) => this.options.onCommitError?.(error));
  }

  private async commitNow(view: LedgerView): Promise<void> {
    const heads = view.headRows();
    if (view.indexes.pendingEvents === 0 && heads.length === 0) return;
    const { rows, upTo, lastEventId } = view.indexes.takeRows();
    // The event the view folded last, not the log's now: the two differ if the database was replaced under the view.
    const mark: ProjectionRow[] =
      lastEventId === undefined ? [] : [{ collection: ROWS.logMark, id: 'checkpoint', key: '', position: upTo, value: { eventId: lastEventId } }];
    let stored: boolean;
    try {
      stored = await this.projections.commit(READ_SIDE_PROJECTION, [...rows, ...heads, ...mark], upTo, view.indexes.committed);
    } catch (error) {
      view.indexes.giveBack(rows);
      throw error;
    }
    if (!stored) {
      // Another process's start forgot the rows, this view's earlier ones with them: rows stored
      // on top of that would leave holes, so the next catch-up restores from what is stored now.
      if (this.view === view) this.view = undefined;
      this.oldestUncommitted = undefined;
      this.options.onRowsForgotten?.(
        `the stored rows were forgotten by another process after this one stored rows up to position ${view.indexes.committed}; the read side restores from what is stored now`,
      );
      return;
    }
    view.indexes.committed = upTo;
    this.oldestUncommitted = undefined;
  }
}
