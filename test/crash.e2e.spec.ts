import { random as seededRandom } from '../libs/projections/src/testing/random-history';
import { readEventLog } from './support/event-log';
import { establishBody } from './support/kimberley-process';
import { LedgerHarness } from './support/ledger-harness';
import { LedgerStorage } from './support/ledger-storage';

/**
 * SIGKILL at random moments while writers record concurrently, again and again on one ledger:
 * every write acknowledged before a kill is there after it, at the position it was answered
 * with; the log has no gap; and a retry of a write whose answer was lost in the kill, with its
 * Idempotency-Key, records it once at most, whether or not it had been stored.
 * Seeded (`CRASH_SEED`); `CRASH_KILLS` sets how many kills (20 by default).
 */
const KILLS = Number(process.env.CRASH_KILLS ?? 20);
const SEED = Number(process.env.CRASH_SEED ?? 20261130);
const WRITERS = 6;

jest.setTimeout(Math.max(120_000, KILLS * 6_000)); // each kill restarts a real ledger process

interface Write {
  readonly key: string;
  readonly participantId: string;
}

interface Acknowledged extends Write {
  readonly position: number;
  readonly eventId: string;
}

class Writers {
  readonly acknowledged = new Map<string, Acknowledged>();
  /** Sent, but the answer was lost in a kill: stored or not, nobody knows yet. */
  readonly unanswered = new Map<string, Write>();
  readonly unexpected: string[] = [];
  private next = 0;

  constructor(private readonly bodyId: string) {}

  /** Writes until the ledger goes away under them. */
  async run(ledger: LedgerHarness): Promise<void> {
    await Promise.all(Array.from({ length: WRITERS }, () => this.writeUntilGone(ledger)));
  }

  /** After a restart: every write whose answer was lost is sent again with its key, and must be answered. */
  async retryUnanswered(ledger: LedgerHarness): Promise<void> {
    for (const write of [...this.unanswered.values()]) {
      const outcome = await this.send(ledger, write);
      if (outcome !== 'answered') this.unexpected.push(`retry of ${write.key} after a restart: ${outcome}`);
    }
  }

  private async writeUntilGone(ledger: LedgerHarness): Promise<void> {
    for (;;) {
      this.next += 1;
      const write = { key: `crash-write-${this.next}`, participantId: `p-${this.next}` };
      if ((await this.send(ledger, write)) === 'gone') return;
    }
  }

  private async send(ledger: LedgerHarness, write: Write): Promise<'answered' | 'gone' | 'refused'> {
    this.unanswered.set(write.key, write);
    let answer;
    try {
      answer = await ledger.post(
        `/v1/bodies/${this.bodyId}/participants`,
        { participantId: write.participantId, name: write.participantId.toUpperCase(), kind: 'state', occurredAt: '2020-01-01' },
        { headers: { 'idempotency-key': write.key } },
      );
    } catch {
      return 'gone';
    }
    if (answer.status !== 201) {
      this.unexpected.push(`${write.key}: ${answer.status} ${JSON.stringify(answer.body)}`);
      return 'refused';
    }
    const { position, eventIds } = answer.body as { position: number; eventIds: string[] };
    const earlier = this.acknowledged.get(write.key);
    if (earlier && (earlier.position !== position || earlier.eventId !== eventIds[0])) {
      this.unexpected.push(`${write.key} answered at ${earlier.position}, then at ${position}`);
    }
    this.acknowledged.set(write.key, { ...write, position, eventId: eventIds[0] as string });
    this.unanswered.delete(write.key);
    return 'answered';
  }
}

describe(`Crashes: ${KILLS} SIGKILLs under ${WRITERS} concurrent writers`, () => {
  let storage: LedgerStorage;
  let ledger: LedgerHarness;
  let writers: Writers;
  const random = seededRandom(SEED);

  beforeAll(async () => {
    ledger = await LedgerHarness.start();
    storage = ledger.storage;
    writers = new Writers(await establishBody(ledger));
    for (let kill = 0; kill < KILLS; kill += 1) {
      const writing = writers.run(ledger);
      await new Promise((done) => setTimeout(done, 50 + random() * 400));
      await ledger.kill();
      await writing;
      ledger = await LedgerHarness.start({}, storage);
      await writers.retryUnanswered(ledger);
    }
  });
  afterAll(() => ledger.stop());

  it('wrote through every kill, and never answered a write with anything but 201', () => {
    expect(writers.unexpected).toEqual([]);
    expect(writers.unanswered.size).toBe(0);
    // Each round wrote something before its kill; otherwise the kills proved nothing.
    expect(writers.acknowledged.size).toBeGreaterThan(KILLS);
  });

  it('keeps every acknowledged write at the position it was answered with, each once, with no gap in the log', async () => {
    const log = await readEventLog(ledger);
    expect(log.map((row) => row.position)).toEqual(log.map((_, index) => index + 1));
    const byEventId = new Map(log.map((row) => [row.eventId, row]));
    const misplaced = [...writers.acknowledged.values()].filter((write) => byEventId.get(write.eventId)?.position !== write.position);
    expect(misplaced).toEqual([]);
    const admitted = log.filter((row) => row.type === 'ParticipantAdmitted').map((row) => row.data.participantId as string);
    expect(admitted.length).toBe(new Set(admitted).size);
    expect(new Set(admitted)).toEqual(new Set([...writers.acknowledged.values()].map((write) => write.participantId)));
  });
});
