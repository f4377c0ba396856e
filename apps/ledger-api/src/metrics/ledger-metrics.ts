import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { EventStore } from '@concord/event-store';
import { LiveEventHub, WEBHOOK_STATUSES, WebhookRepository } from '@concord/integration';
import { ProjectionRunner } from '@concord/projections';
import { StoredCheckpoint } from '@concord/transparency';

/** What the gauges read at each scrape. */
export interface MeteredSources {
  readonly store: EventStore;
  readonly readSide: ProjectionRunner;
  readonly liveEvents: LiveEventHub;
  readonly webhooks: WebhookRepository;
  /** The checkpoints signed, and whether the last attempt to sign was refused. */
  readonly checkpoints: { latest(): Promise<StoredCheckpoint | undefined>; readonly refusedBecause: string | undefined };
}

/** Answers of a stream last as long as the client stays: their durations would drown the others. */
const UNTIMED_ROUTES = new Set(['/v1/events/stream']);
const DURATION_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** Longer than a healthy store takes, shorter than a scraper waits: a silent store must not hang the scrape. */
const STORE_READ_WITHIN_MS = 1000;

/** The store's answer, or undefined when it fails or does not come within the scrape's time. */
function withinScrape<T>(read: Promise<T>): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), STORE_READ_WITHIN_MS);
    timer.unref();
  });
  return Promise.race([read.catch(() => undefined), late]).finally(() => clearTimeout(timer));
}

/**
 * The ledger's Prometheus metrics, on a registry of its own (so two apps in one process, as in
 * tests, never share counts): requests by route and status, their durations (commands are the
 * POST routes), events appended by this process, the log's head, the read side's position, SSE
 * subscribers, webhooks by status and how far behind the head their deliveries are, and Node's own.
 */
export class LedgerMetrics {
  readonly registry = new Registry();
  private readonly requests: Counter<'method' | 'route' | 'status'>;
  private readonly durations: Histogram<'method' | 'route'>;
  private readonly appendedEvents: Counter;
  /**
   * The series each kind of answer counts into, found once: labels are bounded (methods, route
   * templates, statuses), and looking a series up by its labels costs more than counting.
   */
  private readonly answerSeries = new Map<string, { readonly counted: { inc(): void }; readonly timed: { observe(seconds: number): void } | undefined }>();

  constructor(sources: MeteredSources) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry, prefix: 'concord_' });
    this.requests = new Counter({
      name: 'concord_http_requests_total',
      help: 'HTTP requests answered, by method, route template and status.',
      labelNames: ['method', 'route', 'status'],
      registers,
    });
    this.durations = new Histogram({
      name: 'concord_http_request_duration_seconds',
      help: 'Time to answer, by method and route template (POST routes are the commands); the event stream is left out.',
      labelNames: ['method', 'route'],
      buckets: DURATION_BUCKETS,
      registers,
    });
    this.appendedEvents = new Counter({
      name: 'concord_events_appended_total',
      help: 'Events this process appended (a replayed retry appends none).',
      registers,
    });
    // One read of the head serves every gauge of a scrape; a store that cannot answer leaves them
    // unknown (NaN) rather than failing the scrape, which must go on while the store is out.
    let headRead: Promise<number | undefined> | undefined;
    const head = (): Promise<number | undefined> => (headRead ??= withinScrape(sources.store.headPosition()).finally(() => (headRead = undefined)));
    new Gauge({
      name: 'concord_head_position',
      help: 'The global position of the last event in the log, whichever process appended it; NaN while the store does not answer.',
      registers,
      async collect() {
        this.set((await head()) ?? Number.NaN);
      },
    });
    new Gauge({
      name: 'concord_store_up',
      help: '1 when the store answered this scrape, 0 when it did not (the store-dependent gauges are NaN then).',
      registers,
      async collect() {
        this.set((await head()) === undefined ? 0 : 1);
      },
    });
    new Gauge({
      name: 'concord_read_side_position',
      help: 'The last position the read side applied (after a start, until the first read loads them, the position its stored rows reach); it catches up on every read, so between reads it may trail the head.',
      registers,
      async collect() {
        // NaN, as the other gauges that read the store, while it does not answer.
        this.set((await withinScrape(sources.readSide.heldPosition())) ?? Number.NaN);
      },
    });
    // One read of the latest checkpoint serves both of its gauges.
    let latestRead: Promise<StoredCheckpoint | undefined | null> | undefined;
    const latest = (): Promise<StoredCheckpoint | undefined | null> =>
      (latestRead ??= withinScrape(sources.checkpoints.latest().then((checkpoint) => checkpoint ?? null)).finally(() => (latestRead = undefined)));
    new Gauge({
      name: 'concord_checkpoint_signed_size',
      help: 'How many events the latest signed checkpoint covers (0 before the first); NaN while the store does not answer. Alert when the head moves on and this does not: nothing recorded since is signed.',
      registers,
      async collect() {
        const checkpoint = await latest();
        this.set(checkpoint === undefined ? Number.NaN : (checkpoint?.treeSize ?? 0));
      },
    });
    new Gauge({
      name: 'concord_checkpoint_age_seconds',
      help: 'Seconds since the latest checkpoint was signed; NaN before the first, or while the store does not answer.',
      registers,
      async collect() {
        const checkpoint = await latest();
        this.set(checkpoint ? (Date.now() - Date.parse(checkpoint.signedAt)) / 1000 : Number.NaN);
      },
    });
    new Gauge({
      name: 'concord_checkpoint_signing_refused',
      help: "1 when this process's last attempt to sign a checkpoint was refused (the log no longer extends what was signed, an event it will not vouch for, a key closed), 0 otherwise; the log says why.",
      registers,
      collect() {
        this.set(sources.checkpoints.refusedBecause === undefined ? 0 : 1);
      },
    });
    new Gauge({
      name: 'concord_sse_subscribers',
      help: 'Clients connected to GET /v1/events/stream on this process.',
      registers,
      collect() {
        this.set(sources.liveEvents.subscriberCount);
      },
    });
    this.webhookGauges(sources, registers, head);
  }

  answered(method: string, route: string | undefined, status: number, seconds: number): void {
    const template = route ?? 'unmatched';
    const key = `${method} ${status} ${template}`;
    let series = this.answerSeries.get(key);
    if (series === undefined) {
      series = {
        counted: this.requests.labels({ method, route: template, status: String(status) }),
        timed: UNTIMED_ROUTES.has(template) ? undefined : this.durations.labels({ method, route: template }),
      };
      this.answerSeries.set(key, series);
    }
    series.counted.inc();
    series.timed?.observe(seconds);
  }

  appended(events: number): void {
    this.appendedEvents.inc(events);
  }

  render(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  private webhookGauges(sources: MeteredSources, registers: Registry[], head: () => Promise<number | undefined>): void {
    let standing: Promise<{ byStatus: Map<string, number>; behind: number }> | undefined;
    // A scrape reads both gauges at once: the listing in flight serves the two.
    const read = (): Promise<{ byStatus: Map<string, number>; behind: number }> => {
      standing ??= (async () => {
        const [webhooks, position] = await Promise.all([withinScrape(sources.webhooks.listAll()), head()]);
        const byStatus = new Map<string, number>();
        if (webhooks === undefined) return { byStatus, behind: Number.NaN };
        let behind = 0;
        for (const webhook of webhooks) {
          byStatus.set(webhook.status, (byStatus.get(webhook.status) ?? 0) + 1);
          behind += position === undefined ? Number.NaN : Math.max(0, position - webhook.deliveredThrough);
        }
        return { byStatus, behind };
      })().finally(() => (standing = undefined));
      return standing;
    };
    new Gauge({
      name: 'concord_webhooks',
      help: 'Registered webhooks, by status.',
      labelNames: ['status'],
      registers,
      async collect() {
        // Every status has its series, 0 when no webhook has it: an alert on `active == 0` must be able to fire.
        const { byStatus } = await read();
        for (const status of WEBHOOK_STATUSES) this.set({ status }, byStatus.get(status) ?? 0);
      },
    });
    new Gauge({
      name: 'concord_webhook_backlog_events',
      help: 'Events not yet delivered, summed over every webhook (each counts from its delivered position to the head; a type or body filter is not applied).',
      registers,
      async collect() {
        this.set((await read()).behind);
      },
    });
  }
}
