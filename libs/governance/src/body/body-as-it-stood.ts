import { IsoDateTime } from '../shared/time';
import { BodyEvent } from './body-events';
import { BodyState, initialBodyState } from './body-state';
import { evolveBody } from './evolve-body';

/**
 * What "the body as it stood in the world at `moment`" means, stated plainly: its events (as they
 * read after corrections, in stream order) put in world-time order — by `occurredAt`, ties kept in
 * the order they were recorded — and folded up to and including `moment`. Proposal and meeting
 * commands are judged against it, so a late entry is held to the membership and offices of its own
 * day. Indexes that answer the same question faster must answer exactly this.
 */
export function bodyAsItStood(events: readonly BodyEvent[], moment: IsoDateTime): BodyState {
  return inWorldTimeOrder(events)
    .filter((event) => event.data.occurredAt <= moment)
    .reduce(evolveBody, initialBodyState);
}

/** When the body was established in the world, if its events say. */
export function bodyEstablishedAt(events: readonly BodyEvent[]): IsoDateTime | undefined {
  return inWorldTimeOrder(events).find((event) => event.type === 'BodyEstablished')?.data.occurredAt;
}

function inWorldTimeOrder(events: readonly BodyEvent[]): BodyEvent[] {
  return worldTimeOrderOf(events).map((index) => events[index] as BodyEvent);
}

/** The events' indexes in world-time order: by `occurredAt`, ties kept in the order they were recorded. */
export function worldTimeOrderOf(events: readonly BodyEvent[]): number[] {
  return events.map((_event, index) => index).sort((a, b) => compareInstants(dateOf(events, a), dateOf(events, b)) || a - b);
}

const dateOf = (events: readonly BodyEvent[], index: number): IsoDateTime => (events[index] as BodyEvent).data.occurredAt;

/** Instants are normalised ISO strings of one width, so their code-point order is time order. */
function compareInstants(a: IsoDateTime, b: IsoDateTime): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
