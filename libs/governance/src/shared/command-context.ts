import { IsoDateTime } from './time';

/**
 * What the edge knows about a command that the domain may not find out for itself: the ledger's
 * clock reading (`recordedAt`), used to refuse world times in the future, and whether the
 * command's `occurredAt` was written with its time of day, which its stored form does not keep.
 */
export interface CommandContext {
  readonly now: IsoDateTime;
  /**
   * The `occurredAt` was given as a moment (with its time), not as a day: rule 8 holds it to the
   * clock itself, even where it falls at midnight UTC. Unset, a midnight UTC is read as a day.
   */
  readonly occurredAtIsMoment?: boolean;
}

/** Rule 3's configurable part: whether a suspended participant's standing objection blocks. */
export interface ConsensusPolicy {
  readonly suspendedObjectionsBlock: boolean;
}

export const DEFAULT_CONSENSUS_POLICY: ConsensusPolicy = { suspendedObjectionsBlock: false };
