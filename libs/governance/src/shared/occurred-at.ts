import { CommandContext } from './command-context';
import { refuse } from './domain-error';
import { IsoDateTime } from './time';

/** The day begins first at UTC+14 (Kiribati's Line Islands), this long before it begins in UTC. */
const FIRST_DAYBREAK_AHEAD_MS = 14 * 60 * 60 * 1000;

/**
 * Rule 8: world time is given by the secretariat and can never lie in the ledger's future. A date
 * given without a time (read as midnight UTC) is a day, not a moment: it is not in the future once
 * it has begun somewhere, so that a clerk east of UTC may date a record today, the date on their
 * calendar, before that day has begun in UTC. A time given with it is a moment, held to the clock
 * (`isMoment`, the command's own `occurredAt` by default: see `CommandContext`).
 */
export function assertNotInFuture(occurredAt: IsoDateTime, context: CommandContext, isMoment = context.occurredAtIsMoment === true): void {
  const latest = latestOccurredAt(occurredAt, context.now, isMoment);
  if (occurredAt > latest) {
    const when = latest === context.now ? `the ledger's clock (${context.now})` : `a day that has begun anywhere by the ledger's clock (${context.now})`;
    refuse('occurred-in-future', `occurredAt ${occurredAt} is later than ${when}`, { occurredAt, now: context.now });
  }
}

/**
 * The latest `occurredAt` rule 8 lets a record stored at `now` carry: `now`, or for a date (midnight
 * UTC, unless it was given as a moment) the start of a day that has begun somewhere by then.
 * `concord import` holds an export to the same rule, reading every stored midnight UTC as a day (the
 * stored form does not say how it was given), so that what the ledger recorded is never refused
 * when moved to another store.
 */
export function latestOccurredAt(occurredAt: IsoDateTime, now: IsoDateTime, isMoment = false): IsoDateTime {
  return !isMoment && isMidnightUtc(occurredAt) ? latestWorldMoment(now) : now;
}

/**
 * The latest moment of world time a record stored by `now` may be dated (a day begun at UTC+14,
 * read as its midnight UTC): a question about world time asked past it is asked at it, not at
 * `now`, or it would leave out records the ledger already holds.
 */
export function latestWorldMoment(now: IsoDateTime): IsoDateTime {
  return new Date(Date.parse(now) + FIRST_DAYBREAK_AHEAD_MS).toISOString();
}

function isMidnightUtc(occurredAt: IsoDateTime): boolean {
  return occurredAt.endsWith('T00:00:00.000Z');
}

/**
 * Late entries are welcome (rule 8), but a record cannot be dated before what it depends on: an
 * objection before its proposal was tabled, a suspension before the admission, a decision before
 * the records it decides on.
 */
export function assertNotBefore(occurredAt: IsoDateTime, earliest: IsoDateTime, what: string): void {
  if (occurredAt < earliest) {
    refuse('occurred-out-of-order', `occurredAt ${occurredAt} is before ${what} (${earliest})`, { occurredAt, earliest });
  }
}
