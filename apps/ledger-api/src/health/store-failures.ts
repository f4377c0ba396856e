import type { FastifyInstance } from 'fastify';
import { Injectable } from '@nestjs/common';

/** How long after a request the store failed the health checks say so. */
export const STORE_FAILURE_SHOWN_MS = 60_000;

/**
 * When the store last failed a request. A store that answers the health checks' own cheap
 * questions (the head position) may still refuse the work asked of it: a damaged SQLite file whose
 * damage lies elsewhere, a write lock another process holds. Without this the checks stayed
 * green while every command was refused. A command recorded since shows the store writes again,
 * so a passing outage does not hold the checks red for the whole minute.
 */
@Injectable()
export class StoreFailures {
  private lastFailedAt: number | undefined;

  constructor(private readonly now: () => number = Date.now) {}

  noteFailure(): void {
    this.lastFailedAt = this.now();
  }

  noteRecorded(): void {
    this.lastFailedAt = undefined;
  }

  /** Whole seconds since the store last failed a request, if within `STORE_FAILURE_SHOWN_MS`; else undefined. */
  secondsSinceRecentFailure(): number | undefined {
    if (this.lastFailedAt === undefined) return undefined;
    const elapsed = this.now() - this.lastFailedAt;
    return elapsed <= STORE_FAILURE_SHOWN_MS ? Math.floor(elapsed / 1000) : undefined;
  }
}

/** A command answered `201` was recorded (or found recorded) by the store: it works again. */
export function clearStoreFailuresOnRecord(fastify: FastifyInstance, failures: StoreFailures): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    if (request.method === 'POST' && reply.statusCode === 201) failures.noteRecorded();
    done();
  });
}
