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
