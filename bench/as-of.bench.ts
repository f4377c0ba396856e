import { performance } from 'node:perf_hooks';
import { DEFAULT_CONSENSUS_POLICY } from '@concord/governance';
import { eventShapeProblem, validateEventData } from '@concord/governance/schemas';
import { toDomainEvent } from '@concord/ledger';
import { StoredEvent } from '@concord/event-store';
import { DEFAULT_CACHED_RECORDS, everyItem, LedgerView, ReadModels, ResolvedPoint } from '@concord/projections';
import { generatedLedger as ledger } from './generated-ledger';

/**
 * Point-in-time query latency on ledgers of growing length: the same questions about the same body
 * and proposal, asked at the middle of each ledger by position (asOf and atPosition resolve to one)
 * and by world time. Each ledger is one long-lived body whose own stream grows with the ledger (a
 * tenth of all events: suspensions and reinstatements), and proposals with support, objections and
 * a decision. Every 100 cycles (about 1000 events) one suspension's reason is corrected and one
 * reinstatement is entered late (dated 2004), so corrections and late entries are part of the cost
 * while the membership, and so each answer, stays the same size; every ~10000 events a participant's
 * name is corrected, which changes the body's state from its admission on. Beside it, the cost without snapshots: folding the log up to the same point.
 * Sizes: BENCH_AS_OF_SIZES (default 10000,100000,1000000). Queries are answered from the projection
 * in memory, as the API answers them, so the events are applied directly rather than through a store,
 * and an aggregate's stream is read from memory when the view first needs it. The view holds
 * BENCH_AS_OF_CACHE records (default: the API's default), so on a long ledger the body's proposals
 * do not all fit whole: a second table shows what listing them costs, and how many streams it
 * reads, on its first ask and after, by position and in world time, and what a page of the proposals
 * open on a date costs.
 */
const SIZES = (process.env.BENCH_AS_OF_SIZES ?? '10000,100000,1000000').split(',').map(Number);
const REPEATS = Number(process.env.BENCH_AS_OF_REPEATS ?? 200);
const CACHED_RECORDS = Number(process.env.BENCH_AS_OF_CACHE ?? DEFAULT_CACHED_RECORDS);

/** Streams the views have read so far. */
let streamsRead = 0;

/** The view over a log held in memory, its streams read from there. */
function viewOver(streams: Map<string, StoredEvent[]>): LedgerView {
  const readStream = async (stream: string) => {
    streamsRead += 1;
    return streams.get(stream) ?? [];
  };
  // As the API builds it: a stream read again for an answer is vetted, event by event, as the fold vets the log.
  return new LedgerView(toDomainEvent, { store: { readStream }, cachedRecords: CACHED_RECORDS, problemOf: eventShapeProblem });
}

/** One ask: its time in ms and the streams it read. */
async function once(query: () => Promise<unknown>): Promise<string> {
  const readsBefore = streamsRead;
  const started = performance.now();
  await query();
  return `${Math.round(performance.now() - started)} ms (${streamsRead - readsBefore})`;
}

function byStream(events: Iterable<StoredEvent>, upTo = Number.POSITIVE_INFINITY): Map<string, StoredEvent[]> {
  const streams = new Map<string, StoredEvent[]>();
  for (const event of events) {
    if (event.position > upTo) break;
    const stream = streams.get(event.stream);
    if (stream) stream.push(event);
    else streams.set(event.stream, [event]);
  }
  return streams;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? Number.NaN;
}

/** Median and p99 latency in microseconds of one query, asked `repeats` times. */
async function time(query: () => Promise<unknown>, repeats = REPEATS): Promise<{ p50: number; p99: number }> {
  const samples: number[] = [];
  for (let i = 0; i < repeats; i += 1) {
    const started = performance.now();
    if ((await query()) === undefined) throw new Error('the benchmark query found nothing');
    samples.push((performance.now() - started) * 1000);
  }
  samples.sort((a, b) => a - b);
  return { p50: Math.round(percentile(samples, 0.5)), p99: Math.round(percentile(samples, 0.99)) };
}

async function main(): Promise<void> {
  const checked = [...ledger(3000)];
  for (const event of checked) {
    const validation = validateEventData(event.type, event.schemaVersion, event.data);
    if (!validation.valid) throw new Error(`generated ${event.type} is not valid: ${validation.errors.join('; ')}`);
  }
  const rows: Record<string, string | number>[] = [];
  const listingRows: Record<string, string | number>[] = [];
  for (const size of SIZES) {
    const streams = byStream(ledger(size));
    const view = viewOver(streams);
    const started = performance.now();
    for (const event of ledger(size)) view.apply(event);
    const foldSeconds = (performance.now() - started) / 1000;
    const middle = Math.floor(size / 2);
    const moment = view.recordedTimes.momentAfter(middle) as string;
    const byPosition: ResolvedPoint = { position: middle, effectiveAt: null, moment };
    const byWorldTime: ResolvedPoint = { position: view.position, effectiveAt: '2014-06-30T23:59:59.999Z', moment: '2014-06-30T23:59:59.999Z' };
    const proposal = 'q5';
    const asOf = new Date(Date.parse(moment) + 500).toISOString();
    const body = await time(() =>
      new ReadModels(view, DEFAULT_CONSENSUS_POLICY, { ...byPosition, position: view.recordedTimes.lastPositionBy(asOf) }).body('kp'),
    );
    const atPosition = await time(() => new ReadModels(view, DEFAULT_CONSENSUS_POLICY, byPosition).proposal(proposal));
    const chairs = await time(() => new ReadModels(view, DEFAULT_CONSENSUS_POLICY, byPosition).chairs('kp'));
    const effective = await time(() => new ReadModels(view, DEFAULT_CONSENSUS_POLICY, byWorldTime).body('kp'));
    const listAt = (point: ResolvedPoint) => () => {
      const models = new ReadModels(view, DEFAULT_CONSENSUS_POLICY, point);
      return everyItem((page) => models.proposalsOfBody('kp', page));
    };
    let proposalCount = 0;
    const firstListing = await once(async () => {
      proposalCount = (await listAt(byPosition)())?.length ?? 0;
    });
    const readsBeforeListings = streamsRead;
    const allProposals = await time(listAt(byPosition), 10);
    const readsPerListing = (streamsRead - readsBeforeListings) / 10;
    // A point just after a name correction that no read has visited: its series is folded on demand.
    const kp = await view.body('kp');
    const epochPoint = [...(kp?.corrections ?? [])].filter((c) => c.reason === 'bench name correction' && c.position < middle).at(-1)?.position ?? middle;
    const epochStarted = performance.now();
    await new ReadModels(view, DEFAULT_CONSENSUS_POLICY, { position: epochPoint, effectiveAt: null, moment }).body('kp');
    const firstEpochReadMs = Number((performance.now() - epochStarted).toFixed(1));
    const replayStarted = performance.now();
    const replayed = viewOver(byStream(ledger(size), middle));
    for (const event of ledger(size)) {
      if (event.position > middle) break;
      replayed.apply(event);
    }
    await new ReadModels(replayed, DEFAULT_CONSENSUS_POLICY, { ...byPosition }).body('kp');
    const replayMs = Math.round(performance.now() - replayStarted);
    const latest: ResolvedPoint = { ...byPosition, position: view.position };
    const openPageAt = (point: ResolvedPoint) => () =>
      new ReadModels(view, DEFAULT_CONSENSUS_POLICY, point).proposalsOfBody('kp', { after: 0, limit: 50 }, { status: 'open' });
    listingRows.push({
      events: size,
      'middle: first ask ms (streams read)': firstListing,
      'middle: later asks, streams read each': readsPerListing,
      'latest: first ask': await once(listAt(latest)),
      'latest: second ask': await once(listAt(latest)),
      'latest: third ask': await once(listAt(latest)),
      'effectiveAt 2014: an ask': await once(listAt(byWorldTime)),
      'effectiveAt 2014: another': await once(listAt(byWorldTime)),
      'open on 2014: a page of 50': await once(openPageAt(byWorldTime)),
      'open on 2014: again': await once(openPageAt(byWorldTime)),
    });
    rows.push({
      events: size,
      'body events': kp?.originals.length ?? 0,
      'fold s': Number(foldSeconds.toFixed(1)),
      'body asOf p50/p99 µs': `${body.p50}/${body.p99}`,
      'proposal atPosition p50/p99 µs': `${atPosition.p50}/${atPosition.p99}`,
      'chairs atPosition p50/p99 µs': `${chairs.p50}/${chairs.p99}`,
      'body effectiveAt p50/p99 µs': `${effective.p50}/${effective.p99}`,
      'all proposals atPosition p50 µs (answer size)': `${allProposals.p50} (${proposalCount})`,
      'first read after a name correction ms': firstEpochReadMs,
      'full replay to the middle ms': replayMs,
    });
    process.stderr.write(`as-of: ${size} events done\n`);
  }
  console.table(rows);
  console.table(listingRows);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
