import { Actor } from '@concord/event-store';

/** What the edge knows about a command besides its input. */
export interface CommandMetadata {
  /** The idempotency key: a retry with the same id records nothing new. */
  readonly commandId: string;
  readonly correlationId: string;
  readonly causationId: string | null;
  readonly actor: Actor;
  /** Digest of the request, to tell a retry from a different command reusing the key. */
  readonly fingerprint: string;
  /** From `If-Match`: the target stream must be at exactly this revision (-1: must not exist). */
  readonly expectedRevision?: number;
  /** The request wrote its `occurredAt` with a time of day: a moment, not a day (rule 8, `CommandContext`). */
  readonly occurredAtIsMoment?: boolean;
}

export interface CommandResult {
  readonly eventIds: readonly string[];
  readonly stream: string;
  readonly streamRevision: number;
  readonly position: number;
  /** True when this answer repeats the first one for a retried command id. */
  readonly replayed: boolean;
}
