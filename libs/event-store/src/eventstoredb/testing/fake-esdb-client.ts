/**
 * An in-process stand-in for `@eventstore/db-client`, implementing the adapter's narrow
 * `EsdbClient` over a `FakeEsdbServer` (several clients over one server stand for several
 * processes sharing a node).
 *
 * What it models faithfully, because the adapter's correctness rests on it:
 * - revisions from 0 as bigints; sparse, increasing bigint commit/prepare positions;
 * - atomic appends checked against `any` / `no_stream` / `stream_exists` / an exact revision,
 *   failing with an error shaped like the client's `WrongExpectedVersionError` (`type`,
 *   `streamName`, `expectedVersion`, `actualVersion`);
 * - EventStoreDB's idempotency: the same event ids written again where the expected revision puts
 *   them (anywhere in the stream for `any`) succeed without writing; event ids must be UUIDs;
 * - reads from a revision (inclusive), forwards or backwards, with `maxCount`, as async iterables
 *   whose data and metadata are parsed afresh; a missing stream fails the ITERATION with a
 *   `stream-not-found` error, not the call;
 * - JSON and binary events as the client encodes them (binary data as bytes, a string taken for
 *   base64 as protobuf does; metadata a plain Uint8Array or JSON text, a Buffer as JSON) and decodes
 *   them (`isJson`, parsed JSON or a Uint8Array, empty metadata as undefined);
 * - links (`$>` events, data `<revision>@<stream>`): seen as such without `resolveLinkTos`;
 *   resolved with it as 24.10 does (see `fake-resolved-events.ts`), a link to a missing event
 *   giving `link` with `event` undefined;
 * - catch-up subscriptions from a revision (exclusive), then live, ending on `unsubscribe()`;
 * - every call crosses an event-loop turn, so concurrent callers interleave as over a network.
 *
 * Fault injection: `failNext` (an `unavailable` error, gRPC code 14, by default; for appends
 * optionally after committing, as when the answer is lost), `dropSubscriptions` (as a lost
 * connection), `endSubscriptions` (as a server closing them).
 *
 * What it does NOT model:
 * - `$all` (the adapter does not read it): its positions, filters, system streams and events
 *   (`$stats-*`, `$settings`, `$$` metadata streams), projections; `resolveLinkTos` on
 *   subscriptions (the adapter subscribes to the log only, which holds no links);
 * - link resolution's access checks (a link to a stream the user cannot read) and deleted targets
 *   (nothing is ever deleted here: a missing target is the only unresolvable one);
 * - stream metadata and lifecycle: `$maxAge`/`$maxCount`/`$tb` truncation, soft and hard deletes,
 *   tombstones, scavenging, ACLs and authentication;
 * - clusters: leader election, `not-leader` redirects, followers lagging, node preference; the
 *   connection's lifecycle (discovery, keepalive, reconnection), deadlines and timeouts (unless
 *   injected);
 * - the bounds of EventStoreDB's idempotency: the server remembers recent ids only (an LRU cache)
 *   and calls `any` best effort; the fake remembers every id forever, so it is MORE forgiving;
 * - limits: maximum append size (1 MiB by default), event size, read paging; a read here is a
 *   snapshot taken when it starts;
 * - the subscription's `confirmation`/`caughtUp`/`fellBehind` signals and checkpoints;
 * - other content types, `created` in .NET ticks, error messages (only the shapes the adapter reads
 *   are copied).
 */
import {
  EsdbAppendResult,
  EsdbClient,
  EsdbEventData,
  EsdbExpectedRevision,
  EsdbReadStreamOptions,
  EsdbResolvedEvent,
  EsdbSubscribeToStreamOptions,
  EsdbSubscription,
} from '../esdb-client.port';
import { FakeStreamNotFoundError, FakeUnavailableError } from './fake-esdb-errors';
import { FakeEsdbServer, FakeRecord } from './fake-esdb-server';
import { toResolvedEvent } from './fake-resolved-events';
import { FakeSubscription } from './fake-subscription';

export type FakeOperation = 'appendToStream' | 'readStream' | 'subscribeToStream';

export interface FakeCall {
  readonly operation: FakeOperation;
  readonly streamName: string;
  readonly expectedRevision?: EsdbExpectedRevision;
  readonly fromRevision?: EsdbReadStreamOptions['fromRevision'];
  readonly direction?: EsdbReadStreamOptions['direction'];
  readonly maxCount?: EsdbReadStreamOptions['maxCount'];
  readonly resolveLinkTos?: boolean;
}

export interface FaultOptions {
  /** What the call fails with; an `unavailable` error (code 14) by default. */
  readonly error?: Error;
  /** Only calls on this stream (or on streams it accepts). */
  readonly streamName?: string | ((streamName: string) => boolean);
  /** How many matching calls fail. Default 1. */
  readonly times?: number;
  /** Appends only: commit, then fail, as when the server's answer is lost on the way back. */
  readonly afterCommit?: boolean;
}

interface Fault {
  readonly operation: FakeOperation;
  readonly error: Error;
  readonly accepts: (streamName: string) => boolean;
  readonly afterCommit: boolean;
  remaining: number;
}

export class FakeEsdbClient implements EsdbClient {
  /** Every call made, in order, with the options the adapter relies on. */
  readonly calls: FakeCall[] = [];
  private readonly faults: Fault[] = [];
  private readonly subscriptions = new Set<FakeSubscription>();
  private disposed = false;

  constructor(readonly server: FakeEsdbServer = new FakeEsdbServer()) {}

  get isDisposed(): boolean {
    return this.disposed;
  }

  /** Makes the next matching call(s) fail. */
  failNext(operation: FakeOperation, options: FaultOptions = {}): void {
    const { streamName } = options;
    this.faults.push({
      operation,
      error: options.error ?? new FakeUnavailableError(),
      accepts: streamName === undefined ? () => true : typeof streamName === 'string' ? (name) => name === streamName : streamName,
      afterCommit: options.afterCommit ?? false,
      remaining: options.times ?? 1,
    });
  }

  /** Fails every open subscription, as a lost connection does; their next read raises `error`. */
  dropSubscriptions(error: Error = new FakeUnavailableError('14 UNAVAILABLE: Connection dropped')): void {
    for (const subscription of [...this.subscriptions]) subscription.drop(error);
  }

  /** Ends every open subscription without an error, as a server closing them does. */
  endSubscriptions(): void {
    for (const subscription of [...this.subscriptions]) subscription.end();
  }

  get openSubscriptions(): number {
    return this.subscriptions.size;
  }

  async appendToStream(streamName: string, events: EsdbEventData[], options: { expectedRevision: EsdbExpectedRevision }): Promise<EsdbAppendResult> {
    this.assertNotDisposed();
    this.calls.push({ operation: 'appendToStream', streamName, expectedRevision: options.expectedRevision });
    await networkTurn();
    const fault = this.takeFault('appendToStream', streamName);
    if (fault !== undefined && !fault.afterCommit) throw fault.error;
    const result = this.server.append(streamName, events, options.expectedRevision);
    if (fault !== undefined) throw fault.error;
    return result;
  }

  readStream(streamName: string, options: EsdbReadStreamOptions = {}): AsyncIterable<EsdbResolvedEvent> {
    this.assertNotDisposed();
    const { fromRevision, direction, maxCount, resolveLinkTos } = options;
    this.calls.push({ operation: 'readStream', streamName, fromRevision, direction, maxCount, resolveLinkTos });
    // A generator runs nothing until iterated: the errors below surface during iteration, as the
    // client's do.
    return this.read(streamName, options);
  }

  subscribeToStream(streamName: string, options: EsdbSubscribeToStreamOptions = {}): EsdbSubscription {
    this.assertNotDisposed();
    const fromRevision = options.fromRevision ?? 'start';
    this.calls.push({ operation: 'subscribeToStream', streamName, fromRevision });
    const fault = this.takeFault('subscribeToStream', streamName);
    const subscription = new FakeSubscription(this.server, streamName, fromRevision, (closed) => this.subscriptions.delete(closed), fault?.error);
    this.subscriptions.add(subscription);
    return subscription;
  }

  /** Ends the open subscriptions, as the client's `dispose` cancels its calls; later calls throw. */
  async dispose(): Promise<void> {
    this.disposed = true;
    this.endSubscriptions();
  }

  private async *read(streamName: string, options: EsdbReadStreamOptions): AsyncGenerator<EsdbResolvedEvent, void, undefined> {
    await networkTurn();
    const fault = this.takeFault('readStream', streamName);
    if (fault !== undefined) throw fault.error;
    const records = this.server.records(streamName);
    if (records === undefined) throw new FakeStreamNotFoundError(streamName);
    const lookup = (name: string, revision: number): FakeRecord | undefined => this.server.recordAt(name, revision);
    for (const record of select(records, options)) {
      yield toResolvedEvent(record, options.resolveLinkTos ?? false, lookup);
    }
  }

  private takeFault(operation: FakeOperation, streamName: string): Fault | undefined {
    const fault = this.faults.find((candidate) => candidate.operation === operation && candidate.remaining > 0 && candidate.accepts(streamName));
    if (fault === undefined) return undefined;
    fault.remaining -= 1;
    if (fault.remaining === 0) this.faults.splice(this.faults.indexOf(fault), 1);
    return fault;
  }

  private assertNotDisposed(): void {
    if (this.disposed) throw new Error('FakeEsdbClient was used after dispose()');
  }
}

/** The events a read returns: from `fromRevision` inclusive, in `direction`, at most `maxCount`. */
function select(records: readonly FakeRecord[], options: EsdbReadStreamOptions): FakeRecord[] {
  const { fromRevision = 'start', maxCount = Number.MAX_SAFE_INTEGER, direction = 'forwards' } = options;
  const count = Number(maxCount);
  if (direction === 'forwards') {
    const from = fromRevision === 'start' ? 0 : fromRevision === 'end' ? records.length : Number(fromRevision);
    return records.slice(from, from + count);
  }
  const from = fromRevision === 'end' ? records.length - 1 : fromRevision === 'start' ? 0 : Math.min(Number(fromRevision), records.length - 1);
  return records.slice(Math.max(0, from - count + 1), from + 1).reverse();
}

/** A request and its answer cross the event loop: other callers run in between. */
function networkTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
