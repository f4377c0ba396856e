import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { EventToAppend, SqliteEventStore, SqliteProjectionStore } from '@concord/event-store';
import { BodyCommandsHandler, CommandExecutor, CommandMetadata, FoldShelf, MeetingCommandsHandler, StreamCachingStore, systemClock } from '@concord/ledger';
import { percentile, round, setting } from './bench-ledger';

/**
 * Does a command cost the same on day 1 and in year 20? The same command on a long stream and on
 * a fresh one, one after the other (interleaved) in the same process, on the SQLite store behind
 * the command side's cache, as the API runs it:
 * - admitting a participant to a body whose stream holds BENCH_LONG_EVENTS (100k) events;
 * - recording a statement at a meeting of that body (judged against the body as it stood that day);
 * - recording a statement at a meeting whose own stream holds that many statements.
 * The first command on a long stream in a process that has not seen it reads and folds it whole
 * (printed as "cold"); the goal is about every command after it: within 1.5× of the fresh stream's.
 * Then the command side starts again on the same file, as after a restart of the API, and the first
 * command on each long stream is timed again: it goes on from the fold stored beside the log by the
 * first process, where there is one.
 */

const LONG = setting('BENCH_LONG_EVENTS', 100_000);
const COMMANDS = setting('BENCH_COMMANDS', 300);
const BATCH = 1000;

function metadata(): CommandMetadata {
  const id = randomUUID();
  return { commandId: id, correlationId: id, causationId: null, actor: { id: 'bench', role: 'secretariat' }, fingerprint: id };
}

function raw(type: string, data: Record<string, unknown>): EventToAppend {
  const id = randomUUID();
  return {
    eventId: id,
    type,
    schemaVersion: 1,
    data,
    metadata: {
      commandId: randomUUID(),
      correlationId: id,
      causationId: null,
      actor: { id: 'bench', role: 'secretariat' },
      recordedAt: new Date().toISOString(),
    },
  };
}

async function appendInBatches(store: SqliteEventStore, stream: string, events: readonly EventToAppend[]): Promise<void> {
  for (let from = 0; from < events.length; from += BATCH) {
    const batch = events.slice(from, from + BATCH);
    const commandId = randomUUID();
    await store.append(
      stream,
      batch.map((event) => ({ ...event, metadata: { ...event.metadata, commandId } })),
      { expectedRevision: 'any' },
    );
  }
}

const at = (day: string): string => `${day}T00:00:00.000Z`;

/** A body of `LONG` events (admissions, then suspensions and reinstatements), with a meeting; and a meeting with `LONG` statements. */
async function seed(store: SqliteEventStore): Promise<void> {
  const bodyId = 'long';
  const participants = Math.min(10_000, Math.floor(LONG / 10));
  const events: EventToAppend[] = [raw('BodyEstablished', { bodyId, name: 'Long body', definition: 'D', occurredAt: at('2003-01-01') })];
  for (let index = 0; index < participants; index += 1)
    events.push(raw('ParticipantAdmitted', { bodyId, participantId: `p${index}`, name: `Participant ${index}`, kind: 'state', occurredAt: at('2003-01-01') }));
  for (let index = 0; events.length < LONG; index += 1) {
    const participantId = `p${index % participants}`;
    const day = new Date(Date.UTC(2004, 0, 1) + Math.floor(index / 20) * 86_400_000).toISOString();
    events.push(
      index % 2 === 0
        ? raw('ParticipantSuspended', { bodyId, participantId, reason: 'bench', occurredAt: day })
        : raw('ParticipantReinstated', { bodyId, participantId, occurredAt: day }),
    );
  }
  await appendInBatches(store, 'body-long', events);
  const meeting = (meetingId: string, body: string): EventToAppend =>
    raw('MeetingConvened', {
      meetingId,
      bodyId: body,
      kind: 'plenary',
      location: 'Gaborone',
      opensOn: '2026-01-05',
      closesOn: '2026-01-09',
      occurredAt: at('2026-01-05'),
    });
  await store.append('meeting-at-long-body', [meeting('at-long-body', bodyId)], { expectedRevision: 'no-stream' });
  const statements: EventToAppend[] = [meeting('long-meeting', 'fresh')];
  for (let index = 1; index < LONG; index += 1) {
    statements.push(
      raw('StatementRecorded', {
        meetingId: 'long-meeting',
        speakerId: 'p1',
        speakerRole: 'participant',
        proposalId: null,
        summary: `Statement ${index}`,
        occurredAt: at('2026-01-06'),
      }),
    );
  }
  await appendInBatches(store, 'meeting-long-meeting', statements);
}

interface Row {
  readonly name: string;
  readonly long: (index: number) => Promise<unknown>;
  readonly fresh: (index: number) => Promise<unknown>;
}

/** The command side as the API wires it: the store behind its cache, folds of long streams stored beside the log. */
function commandSide(inner: SqliteEventStore, projections: SqliteProjectionStore) {
  const shelf = new FoldShelf(projections, (error) => console.error(error));
  const store = new StreamCachingStore(inner, undefined, undefined, shelf);
  const executor = new CommandExecutor(store, systemClock);
  const bodies = new BodyCommandsHandler(store, executor);
  const meetings = new MeetingCommandsHandler(store, executor);
  const admit = (bodyId: string) => (index: number) =>
    bodies.handle(
      bodyId,
      { type: 'AdmitParticipant', data: { participantId: `new-${index}`, name: `New ${index}`, kind: 'state', occurredAt: at('2026-01-01') } },
      metadata(),
    );
  const statement = (meetingId: string) => (index: number) =>
    meetings.handle(
      meetingId,
      { type: 'RecordStatement', data: { speakerId: 'p1', proposalId: null, summary: `Said ${index}`, occurredAt: at('2026-01-06') } },
      metadata(),
    );
  const rows: Row[] = [
    { name: `admit a participant: body stream of ${LONG} events vs a fresh body`, long: admit('long'), fresh: admit('fresh') },
    {
      name: `a statement at a meeting of that body (body as it stood that day) vs of a fresh body`,
      long: statement('at-long-body'),
      fresh: statement('fresh-meeting'),
    },
    { name: `a statement at a meeting stream of ${LONG} statements vs a fresh meeting`, long: statement('long-meeting'), fresh: statement('short-meeting') },
  ];
  return { shelf, bodies, meetings, rows };
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

async function main(): Promise<void> {
  const directory = mkdtempSync(join(tmpdir(), 'concord-bench-commands-'));
  const inner = await SqliteEventStore.open(join(directory, 'ledger.db'));
  const projections = await SqliteProjectionStore.open(join(directory, 'ledger.db'));
  try {
    process.stderr.write(`seeding ${LONG} events on a body stream and on a meeting stream\n`);
    await seed(inner);
    const { shelf, bodies, meetings, rows } = commandSide(inner, projections);
    await bodies.handle(
      'fresh',
      { type: 'EstablishBody', data: { bodyId: 'fresh', name: 'Fresh body', definition: 'D', occurredAt: at('2003-01-01') } },
      metadata(),
    );
    await bodies.handle(
      'fresh',
      { type: 'AdmitParticipant', data: { participantId: 'p1', name: 'P1', kind: 'state', occurredAt: at('2003-01-01') } },
      metadata(),
    );
    for (const meetingId of ['fresh-meeting', 'short-meeting']) {
      await meetings.convene(
        'fresh',
        {
          type: 'ConveneMeeting',
          data: { meetingId, kind: 'plenary', location: 'Gaborone', opensOn: '2026-01-05', closesOn: '2026-01-09', occurredAt: at('2026-01-05') },
        },
        metadata(),
      );
    }
    console.log(`\nCommand cost on SQLite through the command side's cache, ${COMMANDS} commands each, interleaved:\n`);
    console.log('| command | cold: first on the long stream | long stream p50 / p99 | fresh stream p50 / p99 | ratio of p50s | goal ≤ 1.5 |');
    console.log('|---|---:|---:|---:|---:|---|');
    const colds: number[] = [];
    for (const row of rows) {
      const cold = await timed(() => row.long(-1));
      colds.push(cold);
      const long: number[] = [];
      const fresh: number[] = [];
      for (let index = 0; index < COMMANDS; index += 1) {
        for (const [run, into] of [
          [row.long, long],
          [row.fresh, fresh],
        ] as const) {
          const started = performance.now();
          await run(index);
          into.push(performance.now() - started);
        }
      }
      long.sort((a, b) => a - b);
      fresh.sort((a, b) => a - b);
      const ratio = percentile(long, 0.5) / percentile(fresh, 0.5);
      console.log(
        `| ${row.name} | ${round(cold)} ms | ${round(percentile(long, 0.5), 2)} / ${round(percentile(long, 0.99), 2)} ms | ${round(percentile(fresh, 0.5), 2)} / ${round(percentile(fresh, 0.99), 2)} ms | **${round(ratio, 2)}** | ${ratio <= 1.5 ? 'met' : 'NOT met'} |`,
      );
    }
    await shelf.settled();
    const restarted = commandSide(inner, projections);
    console.log('\nThe first command on each long stream again, by a command side started anew on the same file (as after a restart):\n');
    console.log('| command | cold, first process | first after the restart |');
    console.log('|---|---:|---:|');
    for (const [index, row] of restarted.rows.entries()) {
      const first = await timed(() => row.long(COMMANDS));
      console.log(`| ${row.name} | ${round(colds[index] ?? Number.NaN)} ms | ${round(first)} ms |`);
    }
    await restarted.shelf.settled();
  } finally {
    await projections.close();
    await inner.close();
    rmSync(directory, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
