import { IsoDateTime } from './time';

/**
 * What the edge knows about a command that the domain may not find out for itself: the ledger's
 * clock reading (`recordedAt`), used to refuse world times in the future.
 */
export interface CommandContext {
  readonly now: IsoDateTime;
}

/** Rule 3's configurable part: whether a suspended participant's standing objection blocks. */
export interface ConsensusPolicy {
  readonly suspendedObjectionsBlock: boolean;
}

export const DEFAULT_CONSENSUS_POLICY: ConsensusPolicy = { suspendedObjectionsBlock: false };
