import { EventStore, InMemoryEventStore } from '@concord/event-store';
import { toDomainEvent } from '@concord/ledger';
import { ProjectionRunner } from '@concord/projections';
import { ApiProblem } from '../http/api-problem';
import { HealthController } from './health.controller';
import { Readiness } from './readiness';
import { STORE_FAILURE_SHOWN_MS, StoreFailures } from './store-failures';

describe('HealthController', () => {
  it('is ready until shutdown begins, then answers not-ready while still live', async () => {
    const store = new InMemoryEventStore();
    const readiness = new Readiness();
    const health = new HealthController(store, new ProjectionRunner(store, toDomainEvent), readiness, new StoreFailures());
    await expect(health.ready()).resolves.toEqual({ status: 'ready', headPosition: 0, readPosition: 0 });

    readiness.beforeApplicationShutdown();

    await expect(health.ready()).rejects.toMatchObject({ code: 'not-ready' } satisfies Partial<ApiProblem>);
    expect(health.live()).toEqual({ status: 'live' });
  });

  it('answers store-unavailable for a minute after the store failed a request (readiness for ten seconds), though it answers the check itself', async () => {
    const store = new InMemoryEventStore();
    let now = 1_000_000;
    const failures = new StoreFailures(() => now);
    const health = new HealthController(store, new ProjectionRunner(store, toDomainEvent), new Readiness(), failures);
    await expect(health.health()).resolves.toEqual({ status: 'ok', headPosition: 0 });

    failures.noteFailure();
    now += 5_000;
    await expect(health.ready()).rejects.toMatchObject({ code: 'store-unavailable' } satisfies Partial<ApiProblem>);
    now += 7_400;

    await expect(health.health()).rejects.toMatchObject({ code: 'store-unavailable', message: expect.stringContaining('failed a request 12 s ago') });
    // Readiness holds the instance out only briefly: a balancer routing it nothing sends no command to show the store is back.
    await expect(health.ready()).resolves.toMatchObject({ status: 'ready' });
    now += STORE_FAILURE_SHOWN_MS;
    await expect(health.health()).resolves.toEqual({ status: 'ok', headPosition: 0 });

    failures.noteFailure();
    failures.noteRecorded();
    await expect(health.health()).resolves.toEqual({ status: 'ok', headPosition: 0 });
  });

  it('is not ready while its read models fall short of the head the store gives', async () => {
    const store = new InMemoryEventStore();
    // A store whose head says 5 though it gives no event: a damaged file's index against its rows.
    const damaged: EventStore = Object.assign(Object.create(store) as EventStore, { headPosition: async () => 5 });
    const health = new HealthController(damaged, new ProjectionRunner(store, toDomainEvent), new Readiness(), new StoreFailures());

    await expect(health.ready()).rejects.toMatchObject({
      code: 'not-ready',
      message: expect.stringContaining("reached position 0, short of the log's head 5"),
    });
  });
});
