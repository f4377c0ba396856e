import { InMemoryEventStore } from '@concord/event-store';
import { toDomainEvent } from '@concord/ledger';
import { ProjectionRunner } from '@concord/projections';
import { ApiProblem } from '../http/api-problem';
import { HealthController } from './health.controller';
import { Readiness } from './readiness';

describe('HealthController', () => {
  it('is ready until shutdown begins, then answers not-ready while still live', async () => {
    const store = new InMemoryEventStore();
    const readiness = new Readiness();
    const health = new HealthController(store, new ProjectionRunner(store, toDomainEvent), readiness);
    await expect(health.ready()).resolves.toEqual({ status: 'ready', headPosition: 0, readPosition: 0 });

    readiness.beforeApplicationShutdown();

    await expect(health.ready()).rejects.toMatchObject({ code: 'not-ready' } satisfies Partial<ApiProblem>);
    expect(health.live()).toEqual({ status: 'live' });
  });
});
