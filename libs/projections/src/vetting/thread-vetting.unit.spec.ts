import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InMemoryProjectionStore, SqliteEventStore, UnreadableEventError } from '@concord/event-store';
import { toDomainEvent } from '../../../ledger/src/support/stored-to-domain';
import { ledgerFixture, recordKimberleyProcess } from '../../../ledger/src/testing/ledger-fixture';
import { ProjectionRunner } from '../projection-runner';
import { READ_SIDE_PROJECTION } from '../read-indexes';
import { recordSeedStory } from '../testing/seed-story';
import { typescriptVettingThread } from '../testing/typescript-vetting-thread';
import { eventShapeProblem } from '@concord/governance/schemas';
import { VettingRefusedError } from './event-vetter';
import { ThreadVetting } from './thread-vetting';

describe('the vetting thread', () => {
  // Starting a thread from TypeScript sources transpiles the ledger's schemas first.
  jest.setTimeout(60_000);
  let directory: string;
  let file: string;
  let head: number;
  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'concord-vetting-'));
    file = join(directory, 'ledger.sqlite');
    const store = await SqliteEventStore.open(file, { writer: 'in-process' });
    const ledger = ledgerFixture(store);
    await recordKimberleyProcess(ledger);
    await recordSeedStory(ledger, async () => undefined);
    head = await store.headPosition();
    await store.close();
  });
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  /** Whether the thread vouches for the log after `after` up to the head, with the row at `position` changed by `change` meanwhile. */
  async function vouchedFor(after: number, change?: { position: number; column: string; value: unknown }): Promise<boolean> {
    const db = new Database(file);
    const [original] = change
      ? (db.prepare(`SELECT ${change.column} AS value FROM events WHERE position = ?`).all(change.position) as { value: unknown }[])
      : [];
    if (change) db.prepare(`UPDATE events SET ${change.column} = ? WHERE position = ?`).run(change.value, change.position);
    const vetter = new ThreadVetting(file, 1, typescriptVettingThread()).open(after)!;
    try {
      vetter.vetThrough(head);
      await vetter.vouched();
      return true;
    } catch (error) {
      if (error instanceof VettingRefusedError) return false;
      throw error;
    } finally {
      await vetter.close();
      if (change) db.prepare(`UPDATE events SET ${change.column} = ? WHERE position = ?`).run(original?.value, change.position);
      db.close();
    }
  }

  it('vouches for the events the ledger wrote, and for none the ledger’s own check refuses, read from its own connection', async () => {
    expect(await vouchedFor(0)).toBe(true);
    expect(await vouchedFor(0, { position: 6, column: 'data', value: '{"bodyId":' })).toBe(false);
    expect(await vouchedFor(0, { position: 6, column: 'type', value: 'ParticipantBeamedUp' })).toBe(false);
    expect(await vouchedFor(0, { position: 6, column: 'metadata', value: '{"recordedAt":"2026-01-01T00:00:00.000Z"}' })).toBe(false);
    expect(await vouchedFor(0, { position: 6, column: 'schema_version', value: 99 })).toBe(false);
    expect(await vouchedFor(0, { position: head, column: 'data', value: 42 })).toBe(false);
    // Only after the position it was opened after.
    expect(await vouchedFor(6, { position: 6, column: 'data', value: '{"bodyId":' })).toBe(true);
  });

  it('is not started for a database in memory, which no other connection can read: the fold vets in place', () => {
    expect(new ThreadVetting(':memory:', 1, typescriptVettingThread()).open(0)).toBeUndefined();
  });

  it('beside a fold from position 1: the fold serves what it would vetting as it goes, and stops where it would', async () => {
    const store = await SqliteEventStore.open(file, { writer: 'in-process' });
    try {
      const options = { problemOf: eventShapeProblem, vouchedThrough: async () => 0, parallelVetting: new ThreadVetting(file, 1, typescriptVettingThread()) };
      expect((await new ProjectionRunner(store, toDomainEvent, options).rebuild()).position).toBe(head);

      const [admission] = (await store.readStream('body-kp')).filter((event) => event.type === 'ParticipantAdmitted');
      const forged = {
        ...admission!,
        eventId: '0190a000-0000-7000-8000-0000000000ff',
        data: { ...admission!.data, kind: 'martian' },
        metadata: { ...admission!.metadata, commandId: 'forged' },
      };
      await store.append('body-kp', [forged], { expectedRevision: 'any' });
      const projections = new InMemoryProjectionStore();
      const stopped = await new ProjectionRunner(store, toDomainEvent, { ...options, projections }).rebuild().catch((error: unknown) => error);
      expect(stopped).toBeInstanceOf(UnreadableEventError);
      expect((stopped as UnreadableEventError).position).toBe(head + 1);
      expect((stopped as UnreadableEventError).reason).toMatch(/^ParticipantAdmitted v1 is not valid/);
      expect(await projections.checkpoint(READ_SIDE_PROJECTION)).toBeLessThanOrEqual(head);
    } finally {
      await store.close();
    }
  });
});
