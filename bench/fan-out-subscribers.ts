import { ClientRequest, IncomingMessage, request } from 'node:http';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';

/**
 * The subscriber side of the fan-out benchmark, run in child processes forked by
 * `fan-out.bench.ts` so that the clients' parsing has CPU of its own to report. Each process holds
 * many SSE connections; per connection it checks that the positions arrive exactly once and in
 * order, and records each event's delivery latency: the moment the message was parsed minus the
 * event's `recordedat`, both read from this machine's clock.
 */

/** Latencies in buckets of 0.1 ms up to a minute; beyond, the last bucket (the exact max is kept apart). */
const BUCKET_MS = 0.1;
const BUCKETS = 600_000;
const OPEN_AT_ONCE = 50;
/** The loop-delay monitor samples this often; its figures include this interval, taken off again. */
const LOOP_SAMPLE_MS = 2;
const RECORDED_AT_FIELD = '"recordedat":"';
const ISO_LENGTH = 24;

export class LatencyHistogram {
  readonly counts = new Uint32Array(BUCKETS);
  total = 0;
  maxMs = 0;

  add(ms: number): void {
    const value = Math.max(0, ms);
    const index = Math.min(BUCKETS - 1, Math.floor(value / BUCKET_MS));
    this.counts[index] = (this.counts[index] ?? 0) + 1;
    this.total += 1;
    if (value > this.maxMs) this.maxMs = value;
  }

  /** Non-empty buckets as [index, count] pairs: small enough to send between processes. */
  toSparse(): SparseHistogram {
    const buckets: [number, number][] = [];
    this.counts.forEach((count, index) => {
      if (count > 0) buckets.push([index, count]);
    });
    return { buckets, total: this.total, maxMs: this.maxMs };
  }

  merge(other: SparseHistogram): void {
    for (const [index, count] of other.buckets) this.counts[index] = (this.counts[index] ?? 0) + count;
    this.total += other.total;
    this.maxMs = Math.max(this.maxMs, other.maxMs);
  }

  /** The upper edge of the bucket holding quantile `p`: never flatters the figure. */
  quantileMs(p: number): number {
    if (this.total === 0) return Number.NaN;
    const rank = Math.ceil(this.total * p);
    let seen = 0;
    for (let index = 0; index < BUCKETS; index += 1) {
      seen += this.counts[index] ?? 0;
      if (seen >= rank) return Math.min(this.maxMs, (index + 1) * BUCKET_MS);
    }
    return this.maxMs;
  }
}

export interface SparseHistogram {
  readonly buckets: [number, number][];
  readonly total: number;
  readonly maxMs: number;
}

export type ToSubscribers =
  | { readonly kind: 'open'; readonly url: string; readonly key: string; readonly count: number }
  | { readonly kind: 'start' }
  | { readonly kind: 'expect'; readonly through: number; readonly timeoutMs: number };

export interface SubscriberReport {
  readonly subscribers: number;
  /** Subscribers that received every expected position exactly once, in order. */
  readonly complete: number;
  readonly missing: number;
  readonly duplicates: number;
  readonly overflowed: number;
  readonly closedEarly: number;
  readonly malformed: number;
  readonly minReceived: number;
  readonly maxReceived: number;
  readonly latency: SparseHistogram;
  readonly loopDelayP99Ms: number;
  readonly loopDelayMaxMs: number;
  /** This process's CPU from `start` to the report: the parent cannot read it once the process is gone. */
  readonly cpuSeconds: number;
}

export type FromSubscribers =
  { readonly kind: 'opened'; readonly opened: number; readonly failed: string[] } | { readonly kind: 'report'; readonly report: SubscriberReport };

function cpuSecondsSince(start: NodeJS.CpuUsage): number {
  const { user, system } = process.cpuUsage(start);
  return (user + system) / 1e6;
}

/** `recordedat` strings repeat across connections and neighbouring events: parse each once. */
let lastIso = '';
let lastIsoMs = 0;
function epochMs(iso: string): number {
  if (iso !== lastIso) {
    lastIso = iso;
    lastIsoMs = Date.parse(iso);
  }
  return lastIsoMs;
}

/**
 * One SSE connection. It parses the framing itself (blocks ending in a blank line, `id:` first) and
 * reads the two fields it needs from the data by position instead of a full JSON.parse: a
 * thousand connections at 500 events/s are half a million messages a second, and a full parse of
 * each would make this process, not the ledger, the bottleneck on two cores.
 */
class Subscriber {
  last: number;
  received = 0;
  missing = 0;
  duplicates = 0;
  malformed = 0;
  overflowed = false;
  closed = false;
  private rest = '';
  private outgoing: ClientRequest | undefined;

  constructor(
    after: number,
    private readonly latency: LatencyHistogram,
  ) {
    this.last = after;
  }

  open(url: string, key: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const outgoing = request(url, { agent: false, headers: { accept: 'text/event-stream', authorization: `Bearer ${key}` } }, (answer: IncomingMessage) => {
        if (answer.statusCode !== 200) {
          reject(new Error(`SSE answered ${answer.statusCode ?? 0}`));
          answer.resume();
          return;
        }
        answer.setEncoding('utf8');
        answer.on('data', (chunk: string) => this.take(chunk, performance.timeOrigin + performance.now()));
        answer.on('close', () => (this.closed = true));
        answer.on('error', () => (this.closed = true));
        resolve();
      });
      outgoing.on('error', (error) => {
        this.closed = true;
        reject(error);
      });
      outgoing.end();
      this.outgoing = outgoing;
    });
  }

  close(): void {
    this.outgoing?.destroy();
  }

  private take(chunk: string, parsedAt: number): void {
    const text = this.rest.length === 0 ? chunk : this.rest + chunk;
    let start = 0;
    for (let end = text.indexOf('\n\n'); end >= 0; end = text.indexOf('\n\n', start)) {
      this.message(text, start, end, parsedAt);
      start = end + 2;
    }
    this.rest = start === 0 ? text : text.slice(start);
  }

  private message(text: string, start: number, end: number, parsedAt: number): void {
    if (text.startsWith('event: overflow', start)) {
      this.overflowed = true;
      return;
    }
    if (!text.startsWith('id: ', start)) return; // retry: and comments
    const lineEnd = text.indexOf('\n', start);
    const position = Number(text.slice(start + 4, lineEnd));
    const field = text.indexOf(RECORDED_AT_FIELD, lineEnd);
    if (!Number.isSafeInteger(position) || field < 0 || field > end) {
      this.malformed += 1;
      return;
    }
    this.received += 1;
    if (position <= this.last) {
      this.duplicates += 1;
      return;
    }
    this.missing += position - this.last - 1;
    this.last = position;
    const valueStart = field + RECORDED_AT_FIELD.length;
    this.latency.add(parsedAt - epochMs(text.slice(valueStart, valueStart + ISO_LENGTH)));
  }
}

class SubscriberProcess {
  private readonly subscribers: Subscriber[] = [];
  private readonly latency = new LatencyHistogram();
  private readonly loopDelay = monitorEventLoopDelay({ resolution: LOOP_SAMPLE_MS });
  private cpuAtStart = process.cpuUsage();

  /** Opens `count` connections, a few at a time so the listen backlog never overflows. */
  async open(url: string, key: string, count: number): Promise<FromSubscribers> {
    const after = Number(new URL(url).searchParams.get('after') ?? 0);
    const failed: string[] = [];
    for (let first = 0; first < count; first += OPEN_AT_ONCE) {
      const batch = Array.from({ length: Math.min(OPEN_AT_ONCE, count - first) }, () => new Subscriber(after, this.latency));
      const outcomes = await Promise.allSettled(batch.map((subscriber) => subscriber.open(url, key)));
      outcomes.forEach((outcome, index) => {
        if (outcome.status === 'fulfilled') this.subscribers.push(batch[index] as Subscriber);
        else failed.push(String(outcome.reason));
      });
    }
    return { kind: 'opened', opened: this.subscribers.length, failed: failed.slice(0, 5) };
  }

  start(): void {
    this.cpuAtStart = process.cpuUsage();
    this.loopDelay.reset();
    this.loopDelay.enable();
  }

  /** Waits (bounded) until every open connection has reached `through`, then reports and closes. */
  async expect(through: number, timeoutMs: number): Promise<FromSubscribers> {
    const deadline = Date.now() + timeoutMs;
    const waiting = (): boolean => this.subscribers.some((s) => s.last < through && !s.closed && !s.overflowed);
    while (waiting() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    this.loopDelay.disable();
    const report = this.report(through);
    for (const subscriber of this.subscribers) subscriber.close();
    return { kind: 'report', report };
  }

  private report(through: number): SubscriberReport {
    const all = this.subscribers;
    const missingOf = (s: Subscriber): number => s.missing + Math.max(0, through - s.last);
    const received = all.map((s) => s.received);
    return {
      subscribers: all.length,
      complete: all.filter((s) => missingOf(s) === 0 && s.duplicates === 0 && s.malformed === 0).length,
      missing: all.reduce((sum, s) => sum + missingOf(s), 0),
      duplicates: all.reduce((sum, s) => sum + s.duplicates, 0),
      overflowed: all.filter((s) => s.overflowed).length,
      closedEarly: all.filter((s) => s.closed && !s.overflowed).length,
      malformed: all.reduce((sum, s) => sum + s.malformed, 0),
      minReceived: received.length === 0 ? 0 : Math.min(...received),
      maxReceived: received.length === 0 ? 0 : Math.max(...received),
      latency: this.latency.toSparse(),
      loopDelayP99Ms: Math.max(0, this.loopDelay.percentile(99) / 1e6 - LOOP_SAMPLE_MS),
      loopDelayMaxMs: Math.max(0, this.loopDelay.max / 1e6 - LOOP_SAMPLE_MS),
      cpuSeconds: cpuSecondsSince(this.cpuAtStart),
    };
  }
}

/** The child's side of the conversation: one command at a time from the parent, one answer each. */
function serve(): void {
  const host = new SubscriberProcess();
  const reply = (message: FromSubscribers): void => {
    process.send?.(message);
  };
  process.on('message', (message: ToSubscribers) => {
    if (message.kind === 'open') void host.open(message.url, message.key, message.count).then(reply);
    else if (message.kind === 'start') host.start();
    else
      void host.expect(message.through, message.timeoutMs).then((answer) => {
        reply(answer);
        process.disconnect();
      });
  });
  // The parent going away must not leave connections open.
  process.on('disconnect', () => setTimeout(() => process.exit(0), 100).unref());
}

if (require.main === module) serve();
