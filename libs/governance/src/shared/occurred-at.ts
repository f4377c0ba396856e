import { CommandContext } from './command-context';
import { refuse } from './domain-error';
import { IsoDateTime } from './time';

/** Rule 8: world time is given by the secretariat and can never lie in the ledger's future. */
export function assertNotInFuture(occurredAt: IsoDateTime, context: CommandContext): void {
  if (occurredAt > context.now) {
    refuse('occurred-in-future', `occurredAt ${occurredAt} is later than the ledger's clock (${context.now})`, {
      occurredAt,
      now: context.now,
    });
  }
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
