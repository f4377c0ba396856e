import { randomUUID } from 'node:crypto';
import { InMemoryProjectionStore, SkimmedEvent, UnreadableEventError } from '@concord/event-store';
import { eventShapeProblem } from '@concord/governance/schemas';
import { toDomainEvent } from '../../../ledger/src/support/stored-to-domain';
import { ProjectionRunner } from '../projection-runner';
import { READ_SIDE_PROJECTION } from '../read-indexes';
import { storyLedger } from '../testing/long-body-ledger';
import { typescriptVettingThread } from '../testing/typescript-vetting-thread';
import { VettingRefusedError } from './event-vetter';
import { ThreadVetting } from './thread-vetting';

const vetting = new ThreadVetting(1, typescriptVettingThread());

async function vouchedFor(events: readonly SkimmedEvent[]): Promise<boolean> {
  const vetter = vetting.open()!;
  try {
    vetter.vet(events);
    await vetter.vouched();
    return true;
  } catch (error) {
    if (error instanceof VettingRefusedError) return false;
    throw error;
  } finally {
    await vetter.close();
  }
}

describe('the vetting thread', () => {
  // Starting a thread from TypeScript sources transpiles the ledger's schemas first.
  jest.setTimeout(60_000);

  it('vouches for the events the ledger wrote, and for none the ledger’s own check refuses', async () => {
    const { store } = await storyLedger();
    const events = await store.readAllSkimmed!();
    expect(events.every((event) => eventShapeProblem({ ...event, data: JSON.parse(event.data), metadata: JSON.parse(event.metadata) }) === undefined)).toBe(
      true,
    );
    expect(await vouchedFor(events)).toBe(true);
    const [first] = events;
    const changed = (change: Partial<SkimmedEvent>) => [...events.slice(0, 5), { ...first!, ...change }, ...events.slice(5)];
    expect(await vouchedFor(changed({ data: '{"bodyId":' }))).toBe(false);
    expect(await vouchedFor(changed({ metadata: '{"recordedAt":"2026-01-01T00:00:00.000Z"}' }))).toBe(false);
    expect(await vouchedFor(changed({ type: 'ParticipantBeamedUp' }))).toBe(false);
    expect(await vouchedFor(changed({ eventId: 'not-a-uuid' }))).toBe(false);
    expect(await vouchedFor(changed({ schemaVersion: '1' as unknown as number }))).toBe(false);
  });

  it('beside a fold from position 1: the fold serves what it would vetting as it goes, and stops where it would', async () => {
    const { store } = await storyLedger();
    const head = await store.headPosition();
    const options = { problemOf: eventShapeProblem, vouchedThrough: async () => 0, parallelVetting: vetting };
    expect((await new ProjectionRunner(store, toDomainEvent, options).rebuild()).position).toBe(head);

    const [admission] = (await store.readStream('body-kp')).filter((event) => event.type === 'ParticipantAdmitted');
    const forged = {
      ...admission!,
      eventId: randomUUID(),
      data: { ...admission!.data, kind: 'martian' },
      metadata: { ...admission!.metadata, commandId: 'forged' },
    };
    await store.append('body-kp', [forged], { expectedRevision: 'any' });
    const projections = new InMemoryProjectionStore();
    const runner = new ProjectionRunner(store, toDomainEvent, { ...options, projections });
    const stopped = await runner.rebuild().catch((error: unknown) => error);
    expect(stopped).toBeInstanceOf(UnreadableEventError);
    expect((stopped as UnreadableEventError).position).toBe(head + 1);
    expect((stopped as UnreadableEventError).reason).toMatch(/^ParticipantAdmitted v1 is not valid/);
    expect(await projections.checkpoint(READ_SIDE_PROJECTION)).toBeLessThanOrEqual(head);
  });
});
