import { DuplicateEventIdError, StoreUnavailableError } from '../event-store.errors';
import { AppendOptions, AppendResult, EventStore, EventToAppend, ReadAllOptions, ReadStreamOptions, StoredEvent, SubscribeOptions } from '../event-store.port';
import { RevisionRange, revisionRangeOf } from '../shared/read-stream-options';
import { appendResultOf } from '../shared/append-result';
import { validateAppend } from '../shared/append-validation';
import { assertDecidedOn, assertExpectedRevision } from '../shared/expected-revision';
import { toReadRange } from '../shared/read-all-options';
import { toBigInt } from './bigint';
import { ConnectRetryOptions, withConnectRetry } from './connect-retry';
import { CopyRepairReport, NO_REPAIR, repairCopies } from './copy-repair';
import { processEsdbClients } from './esdb-client';
import { EsdbClient } from './esdb-client.port';
import { isTransient, isWrongExpectedVersion, toStoreError } from './esdb-errors';
import { readExisting } from './esdb-reads';
import { LedgerIndex } from './ledger-index';
import { LedgerIntegrityError } from './ledger-integrity-error';
import { decodeLogEvent, LedgerRecord, numberAppend, toEsdbEvent } from './ledger-record';
import { DEFAULT_RESUBSCRIBE, followLog, ResubscribeOptions } from './log-subscription';
import { MemoryLedgerIndex } from './memory-ledger-index';
import { SerialQueue } from './serial-queue';
import { SharedEsdbClients } from './shared-esdb-clients';
import { SqliteLedgerIndex } from './sqlite-ledger-index';
import { AppendsFrom, StreamCopier } from './stream-copies';
import { decodeStreamEntry } from './stream-links';
import { LedgerStreamNames } from './stream-names';

export interface EventStoreDbEventStoreOptions {
  /**
   * Prefix of every EventStoreDB stream name the store uses (the log and each ledger stream), so
   * that several ledgers can share one server. Default '' (none).
   */
  readonly namespace?: string;
  /**
   * How often one append re-reads the log and tries again when another instance committed first.
   * Past it the append fails with `StoreUnavailableError`. Default 50.
   */
  readonly maxAppendAttempts?: number;
  /**
   * The wait before trying again after losing the log to another instance (`attempt` is the one
   * just lost). Default: a random time up to 2^attempt ms, at most 100 ms, so that instances that
   * collided do not collide again in step.
   */
  readonly conflictBackoff?: (attempt: number) => Promise<void>;
  readonly resubscribe?: ResubscribeOptions;
  /**
   * How long opening keeps trying to read the log while the server is unavailable. Default
   * 60 s with backoff from 250 ms to 5 s; `{ forMs: 0 }` fails at once.
   */
  readonly connectRetry?: ConnectRetryOptions;
  /**
   * Whether opening starts, in the background, bringing every lagging stream copy level with the
   * log (`copiesRepaired` says when it is done). Default true.
   */
  readonly repairOnOpen?: boolean;
  /**
   * A SQLite file to keep the ledger index in (see `SqliteLedgerIndex`): an open then reads only
   * the log's events since the last one indexed. Without it the index is kept in memory and built
   * from the log's first event at every open.
   */
  readonly indexFile?: string;
}

function jitteredBackoff(attempt: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(2 ** attempt, 100)));
}

export interface EventStoreDbConnectionOptions extends EventStoreDbEventStoreOptions {
  /** e.g. `esdb://localhost:2113?tls=false`, or `esdb+discover://…` for a cluster. */
  readonly connectionString: string;
  /** Where the client comes from: the process's shared clients by default (see `shared-esdb-clients.ts`). */
  readonly clients?: SharedEsdbClients;
}

const DEFAULT_MAX_APPEND_ATTEMPTS = 50;
/** Log events read before they are applied to the index together (one transaction of its file). */
const INDEX_BATCH = 10_000;
/** Streams whose copies the repair at open checks at once: a few round trips in flight, no flood. */
const REPAIR_CONCURRENCY = 8;

/**
 * The store on EventStoreDB. Every ledger event is committed to ONE EventStoreDB stream, the log
 * (`<namespace>concord-ledger`): an append is one write of its events to the log, expecting the
 * log's revision that this instance last read. So the log's revision r holds global position
 * r + 1, gapless and in commit order across every writer; and because that write succeeds only
 * when nothing was committed since the instance last read the log, the checks made from what it
 * read (command id seen before? stream at the expected revision? event id taken?) still hold at
 * the commit. Each ledger stream also gets its own EventStoreDB stream of links to its events in
 * the log, written after the commit (see `StreamCopier`), which `readStream` reads.
 *
 * What is and is not guaranteed, and why `$all` is not used, is in `README.md` next to this file.
 */
export class EventStoreDbEventStore implements EventStore {
  private readonly queue = new SerialQueue();
  private readonly closing = new AbortController();
  private readonly names: LedgerStreamNames;
  private readonly copier: StreamCopier;
  private readonly maxAppendAttempts: number;
  private readonly conflictBackoff: (attempt: number) => Promise<void>;
  private readonly resubscribe: Required<ResubscribeOptions>;
  private repair: Promise<CopyRepairReport> = Promise.resolve(NO_REPAIR);

  /**
   * Connects to the server (through the process's one client for that connection string) and
   * reads the log to build this instance's index, retrying while the server is unavailable (see
   * `connectRetry`).
   */
  static async open(options: EventStoreDbConnectionOptions): Promise<EventStoreDbEventStore> {
    const clients = options.clients ?? processEsdbClients;
    return EventStoreDbEventStore.over(clients.acquire(options.connectionString), options);
  }

  /** The store over a client made elsewhere (a fake in tests). The store disposes it on close. */
  static async over(client: EsdbClient, options: EventStoreDbEventStoreOptions = {}): Promise<EventStoreDbEventStore> {
    let store: EventStoreDbEventStore;
    try {
      const names = new LedgerStreamNames(options.namespace ?? '');
      const index = options.indexFile === undefined ? new MemoryLedgerIndex() : SqliteLedgerIndex.open(options.indexFile, names.log);
      store = new EventStoreDbEventStore(client, names, index, options);
    } catch (error) {
      await client.dispose().catch(() => undefined);
      throw error;
    }
    try {
      await withConnectRetry(() => store.queue.run(() => store.openIndex()), options.connectRetry);
      if (options.repairOnOpen ?? true) store.startCopyRepair();
    } catch (error) {
      store.index.close();
      await client.dispose().catch(() => undefined);
      throw error;
    }
    return store;
  }

  private constructor(
    private readonly client: EsdbClient,
    names: LedgerStreamNames,
    private readonly index: LedgerIndex,
    options: EventStoreDbEventStoreOptions,
  ) {
    this.names = names;
    this.copier = new StreamCopier(client, this.names.log);
    this.maxAppendAttempts = atLeastOne('maxAppendAttempts', options.maxAppendAttempts ?? DEFAULT_MAX_APPEND_ATTEMPTS);
    this.conflictBackoff = options.conflictBackoff ?? jitteredBackoff;
    this.resubscribe = { ...DEFAULT_RESUBSCRIBE, ...options.resubscribe };
  }

  /** The EventStoreDB stream holding the log, e.g. for operators' tools. */
  get logStream(): string {
    return this.names.log;
  }

  /**
   * Settles once the repair started at open is over: every stream the log held then has had its
   * copy compared with the log (one read of its last event) and, if it lagged, brought level.
   * Never rejects; what could not be done is in the report. Reads and appends do not wait for it:
   * they check and repair the streams they touch themselves.
   */
  get copiesRepaired(): Promise<CopyRepairReport> {
    return this.repair;
  }

  async append(stream: string, events: readonly EventToAppend[], options: AppendOptions): Promise<AppendResult> {
    const commandId = validateAppend(stream, events, options);
    const esdbStream = this.names.streamFor(stream);
    // EventStoreDB gives $-prefixed types meaning ($> is a link to another event): not ours to write.
    const systemType = events.find((event) => event.type.startsWith('$'));
    if (systemType !== undefined) throw new TypeError(`event type ${systemType.type} is reserved on EventStoreDB ($-prefixed types are system events)`);
    this.assertOpen();
    return this.queue.run(() => this.appendInTurn(stream, esdbStream, events, options, commandId));
  }

  /**
   * Reads the copy from `fromRevision` only, so the cost of a read is what it returns, not the
   * stream's length: a link's revision in the copy is checked to be its event's stream revision,
   * so what the partial read returns also says how far the copy reaches.
   */
  async readStream(stream: string, options?: ReadStreamOptions): Promise<StoredEvent[]> {
    const range = revisionRangeOf(options);
    const esdbStream = this.names.tryStreamFor(stream);
    this.assertOpen();
    if (esdbStream === undefined || range.to <= range.from) return [];
    try {
      // The copy first, the log second: whatever the copy holds was committed before the log is
      // read, so the log can only know more, never less.
      const copy = await this.readCopy(stream, esdbStream, range);
      const length = await this.queue.run(async () => {
        await this.catchUp();
        return this.index.streamRevision(stream) + 1;
      });
      const expected = Math.max(0, Math.min(range.to, length) - range.from);
      if (copy.length === expected) return copy;
      if (copy.length > expected) throw new LedgerIntegrityError(`${esdbStream} holds at least ${range.from + copy.length} events, the log ${length}`);
      await this.queue.run(() => this.copier.copyMissing(stream, esdbStream, this.appendsOf(stream)));
      const levelled = await this.readCopy(stream, esdbStream, range);
      if (levelled.length !== expected) {
        throw new LedgerIntegrityError(`${esdbStream} holds ${levelled.length} of the ${expected} events the log has from ${stream}@${range.from}`);
      }
      return levelled;
    } catch (error) {
      throw toStoreError(error, `reading ${stream}`);
    }
  }

  async readAll(options?: ReadAllOptions): Promise<StoredEvent[]> {
    const { after, limit } = toReadRange(options);
    this.assertOpen();
    if (limit === 0) return [];
    // Position p is the log's revision p - 1, and reads start at a revision inclusively.
    const range = { fromRevision: toBigInt(after, 'position'), ...(limit === undefined ? {} : { maxCount: limit }) };
    try {
      const events: StoredEvent[] = [];
      for await (const resolved of readExisting(this.client, this.names.log, range)) events.push(decodeLogEvent(resolved).event);
      return events;
    } catch (error) {
      throw toStoreError(error, 'reading the log');
    }
  }

  async headPosition(): Promise<number> {
    this.assertOpen();
    return this.queue.run(async () => {
      await this.catchUp();
      return this.index.headPosition;
    });
  }

  async streamOf(eventId: string): Promise<string | undefined> {
    this.assertOpen();
    return this.queue.run(async () => {
      await this.catchUp();
      return this.index.streamOf(eventId);
    });
  }

  /** The append's original result, so `duplicate` is false: it describes the write that happened. */
  async findCommand(commandId: string): Promise<AppendResult | undefined> {
    this.assertOpen();
    return this.queue.run(async () => {
      await this.catchUp();
      return this.index.commandResult(commandId);
    });
  }

  subscribe(options: SubscribeOptions = {}): AsyncIterable<StoredEvent> {
    const { after } = toReadRange({ after: options.after });
    const signal = options.signal === undefined ? this.closing.signal : AbortSignal.any([this.closing.signal, options.signal]);
    return followLog(this.client, this.names.log, { after, signal, resubscribe: this.resubscribe });
  }

  /**
   * Ends live subscriptions and the repair started at open, lets calls under way finish, then
   * disposes (releases) the client. Idempotent.
   */
  async close(): Promise<void> {
    if (this.closing.signal.aborted) return;
    this.closing.abort();
    try {
      await this.repair;
      await this.queue.idle();
    } finally {
      this.index.close();
      await this.client.dispose().catch(() => undefined);
    }
  }

  /**
   * Brings, in the background, the links of every stream the log holds now level with the log:
   * a writer that stopped between its commit and its link write (a crash) leaves a stream short,
   * and tools reading the stream directly would miss events until the stream's next append or
   * read. Outside the queue: link writes name their exact expected revision, so they cannot
   * clash with the queue's own; and appends need not wait behind a scan of every stream.
   */
  private startCopyRepair(): void {
    const levelUp = async (stream: string): Promise<boolean> => {
      const esdbStream = this.names.tryStreamFor(stream);
      return esdbStream !== undefined && this.copier.levelUp(stream, esdbStream, this.index.streamRevision(stream), this.appendsOf(stream));
    };
    // Streams appended to since the last repair that found every copy level: a persisted index
    // remembers it, so an open checks what changed since, not every stream the log ever held.
    const head = this.index.headPosition;
    const streams = this.index.streamsAppendedAfter(this.index.copiesLevelThrough);
    this.repair = repairCopies(streams, levelUp, { concurrency: REPAIR_CONCURRENCY, signal: this.closing.signal }).then((report) => {
      try {
        if (report.stopped === undefined && report.failed.length === 0) this.index.markCopiesLevel(head);
      } catch {
        // Not kept (the index file cannot be written now): the next open checks these streams again.
      }
      return report;
    });
  }

  private appendsOf(stream: string): AppendsFrom {
    return (revision) => this.index.appendsTo(stream, revision);
  }

  /** One attempt per turn of the log: read its tail, decide, then commit expecting that tail. */
  private async appendInTurn(
    stream: string,
    esdbStream: string,
    events: readonly EventToAppend[],
    { expectedRevision: expected, decidedOn }: AppendOptions,
    commandId: string,
  ): Promise<AppendResult> {
    for (let attempt = 1; ; attempt += 1) {
      await this.catchUp();
      const decided = this.index.consistently((): AppendResult | number => {
        const earlier = this.index.commandResult(commandId);
        if (earlier !== undefined) return { ...earlier, duplicate: true };
        const revision = this.index.streamRevision(stream);
        assertExpectedRevision(stream, expected, revision);
        // Committed at the log's revision read here: a stream read cannot move before this append lands.
        assertDecidedOn(decidedOn, (read) => this.index.streamRevision(read));
        const reused = events.find((event) => this.index.hasEventId(event.eventId));
        if (reused !== undefined) throw new DuplicateEventIdError(reused.eventId);
        return revision;
      });
      if (typeof decided !== 'number') return decided;

      const records = numberAppend(stream, events, decided + 1, this.index.headPosition + 1);
      if (await this.commit(stream, records)) return this.afterCommit(stream, esdbStream, records, commandId);
      if (attempt >= this.maxAppendAttempts) {
        throw new StoreUnavailableError(`EventStoreDB log ${this.names.log} kept moving: ${attempt} attempts to append to ${stream} lost to other writers`);
      }
      await this.conflictBackoff(attempt);
    }
  }

  /**
   * Learns from the log what the acknowledged write committed, rather than assuming it. The event
   * ids derive from the command id, so when another instance committed the same command at the
   * same log revision a moment before, EventStoreDB takes this write for a repeat of that one and
   * acknowledges it without writing: then the log holds the other instance's append, which is
   * this command's result, and this call is the duplicate.
   */
  private async afterCommit(stream: string, esdbStream: string, records: readonly LedgerRecord[], commandId: string): Promise<AppendResult> {
    await this.catchUp();
    const committed = this.index.commandResult(commandId);
    if (committed === undefined) {
      throw new LedgerIntegrityError(`EventStoreDB acknowledged the append of command ${commandId} to ${this.names.log}, but the log does not hold it`);
    }
    const written = appendResultOf(
      records.map((record) => record.event),
      false,
    );
    if (!sameResult(committed, written)) return { ...committed, duplicate: true };
    await this.copy(stream, esdbStream, records);
    return committed;
  }

  /** True once the records are in the log; false when another writer committed since the last read. */
  private async commit(stream: string, records: readonly LedgerRecord[]): Promise<boolean> {
    const head = this.index.headPosition;
    try {
      await this.client.appendToStream(this.names.log, records.map(toEsdbEvent), {
        expectedRevision: head === 0 ? 'no_stream' : toBigInt(head - 1, 'log revision'),
      });
      return true;
    } catch (error) {
      if (isWrongExpectedVersion(error)) return false;
      // Unavailable after sending may still have committed: a retry of the command finds it in
      // the log and answers `duplicate: true`.
      throw toStoreError(error, `appending to ${stream}`);
    }
  }

  /**
   * Links a committed append into its stream (its "copy", see `StreamCopier`). The append stands
   * whatever happens here: if the server is unavailable now, the next append to the stream, the
   * next read of a range that reaches the append, or the next open links it.
   */
  private async copy(stream: string, esdbStream: string, records: readonly LedgerRecord[]): Promise<void> {
    try {
      if (await this.copier.copyLatest(esdbStream, records)) return;
      await this.copier.copyMissing(stream, esdbStream, this.appendsOf(stream));
    } catch (error) {
      if (!isTransient(error)) throw error;
    }
  }

  /**
   * Checks that what the index holds is this log's (its first and last indexed events are the
   * log's), starting it again when not, then catches up. Only ever run by the queue.
   */
  private async openIndex(): Promise<void> {
    const head = this.index.headPosition;
    if (head > 0) {
      const matches = async (position: number): Promise<boolean> => {
        const range = { fromRevision: toBigInt(position - 1, 'log revision'), maxCount: 1 };
        for await (const resolved of readExisting(this.client, this.names.log, range)) {
          return decodeLogEvent(resolved).event.eventId === this.index.eventIdAt(position);
        }
        return false;
      };
      try {
        if (!(await matches(1)) || !(await matches(head))) this.index.reset();
      } catch (error) {
        throw toStoreError(error, 'reading the log');
      }
    }
    await this.catchUp();
  }

  /** Reads the log past what the index holds. Only ever run by the queue. */
  private async catchUp(): Promise<void> {
    const range = { fromRevision: toBigInt(this.index.headPosition, 'log revision') };
    try {
      let read: LedgerRecord[] = [];
      for await (const resolved of readExisting(this.client, this.names.log, range)) {
        read.push(decodeLogEvent(resolved));
        if (read.length >= INDEX_BATCH) {
          this.index.applyAll(read);
          read = [];
        }
      }
      this.index.applyAll(read);
    } catch (error) {
      throw toStoreError(error, 'reading the log');
    }
  }

  /**
   * The stream's entries in the range, links resolved by the server to the log events they stand
   * for. Without an upper bound it reads to the copy's end, so a copy longer than the log shows.
   * The entries must run from `range.from` without a gap (a copy truncated by stream metadata, say,
   * does not): how many there are is then how far the copy reaches.
   */
  private async readCopy(stream: string, esdbStream: string, range: RevisionRange): Promise<StoredEvent[]> {
    const events: StoredEvent[] = [];
    const bounded = range.to < Number.MAX_SAFE_INTEGER ? { maxCount: range.to - range.from } : {};
    const options = { resolveLinkTos: true, fromRevision: toBigInt(range.from, 'stream revision'), ...bounded };
    for await (const resolved of readExisting(this.client, esdbStream, options)) {
      const { event } = decodeStreamEntry(resolved, stream, this.names.log);
      const expected = range.from + events.length;
      if (event.streamRevision !== expected) {
        throw new LedgerIntegrityError(`${esdbStream} holds ${stream}@${event.streamRevision} where ${stream}@${expected} belongs`);
      }
      events.push(event);
    }
    return events;
  }

  private assertOpen(): void {
    if (this.closing.signal.aborted) throw new StoreUnavailableError(`EventStoreDB event store (log ${this.names.log}) is closed`);
  }
}

function sameResult(committed: AppendResult, written: AppendResult | undefined): boolean {
  return (
    written !== undefined &&
    committed.stream === written.stream &&
    committed.firstPosition === written.firstPosition &&
    committed.lastPosition === written.lastPosition &&
    JSON.stringify(committed.eventIds) === JSON.stringify(written.eventIds)
  );
}

function atLeastOne(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) throw new TypeError(`${name} must be an integer >= 1, got ${String(value)}`);
  return value;
}
