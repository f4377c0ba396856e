import type { FastifyInstance, FastifyReply } from 'fastify';
import { Injectable } from '@nestjs/common';

/** How long after a request the store failed `/health` says so: long enough for a monitor polling each minute to see it. */
export const STORE_FAILURE_SHOWN_MS = 60_000;
/**
 * How long readiness says so: a load balancer that stops routing to the instance sends it no
 * command to show the store is back, so readiness must not hold it out much longer than the failure.
 */
export const STORE_FAILURE_NOT_READY_MS = 10_000;

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

  /** Whole seconds since the store last failed a request, if within `withinMs`; else undefined. */
  secondsSinceFailureWithin(withinMs: number): number | undefined {
    if (this.lastFailedAt === undefined) return undefined;
    const elapsed = this.now() - this.lastFailedAt;
    return elapsed <= withinMs ? Math.floor(elapsed / 1000) : undefined;
  }
}

const RECORDED = Symbol('a command recorded events');

/** Said by a command's answer when it appended events (not a replay, which only read them). */
export function markRecorded(reply: FastifyReply): void {
  (reply as FastifyReply & { [RECORDED]?: true })[RECORDED] = true;
}

/** A command that appended events shows the store writes again; any other success shows less (a webhook's table, a read). */
export function clearStoreFailuresOnRecord(fastify: FastifyInstance, failures: StoreFailures): void {
  fastify.addHook('onResponse', (_request, reply, done) => {
    if ((reply as FastifyReply & { [RECORDED]?: true })[RECORDED] === true) failures.noteRecorded();
    done();
  });
}
