import { CommandContext, GovernanceEvent } from '@concord/governance';
import { CURRENT_SCHEMA_VERSION, validateEventData } from '@concord/governance/schemas';
import { AppendResult, ConcurrencyError, DecidedOn, EventStore, EventToAppend, StoreUnavailableError } from '@concord/event-store';
import { ConcurrencyExhaustedError, IdempotencyKeyReusedError, PreconditionFailedError } from '../errors/application-errors';
import { Clock } from '../support/clock';
import { LastEvent, StreamCachingStore } from '../support/stream-caching-store';
import { DEFAULT_TURN_HOLD_LIMIT_MS, StreamTurns } from '../support/stream-turns';
import { uuidV7 } from '../support/uuid-v7';
import { LoadedTarget, TargetRead } from './aggregate-loader';
import { PendingStamps } from '../support/pending-stamps';
import { CommandMetadata, CommandResult } from './command-metadata';
import type { RecordedFacts } from './store-fact-reader';

/** A command read against the current (or kept) state: where its events go, and how to decide them. */
export interface CommandPlan {
  readonly stream: string;
  /** The revision of the target stream the state was folded to (read, or kept); -1 when it does not exist. */
  readonly revision: number;
  /** The other streams the facts were read from, at the revisions read: the append is refused if one has moved. */
  readonly decidedOn?: readonly DecidedOn[];
  decide(): GovernanceEvent[];
  /**
   * Told the events this command recorded right after `revision`, and where the last one of them
   * is in the log, so a cache can go on from them without reading them back.
   */
  recorded?(events: readonly GovernanceEvent[], last: LastEvent): void;
}

/** The plan of a command on its loaded target: that stream and revision, and the target keeps the state its events lead to. */
export function planOn<S>(target: LoadedTarget<S>, decide: () => GovernanceEvent[], facts?: RecordedFacts): CommandPlan {
  return { stream: target.stream, revision: target.revision, decidedOn: facts?.decidedOn(target.stream), decide, recorded: target.recorded };
}

/** Plans a command: reads what it needs (its target stream as `read` says) and says how to decide. */
export type CommandPlanner = (context: CommandContext, read: TargetRead) => Promise<CommandPlan>;

const MAX_ATTEMPTS = 12;

/**
 * Another writer moved a stream the command's facts were read from (the body a proposal command
 * read): decided again on a fresh read, also under `If-Match`, which speaks of the target stream
 * only. `stream` is the stream that moved; `target` the one the command appends to.
 */
class FactsMovedError extends ConcurrencyError {
  constructor(
    readonly target: string,
    moved: ConcurrencyError,
  ) {
    super(moved.stream, moved.expectedRevision, moved.actualRevision);
  }
}

/** Whether a refusal of the append says the caller's `If-Match` no longer holds: the target stream moved. */
function movedUnderIfMatch(error: ConcurrencyError, metadata: CommandMetadata): boolean {
  return metadata.expectedRevision !== undefined && !(error instanceof FactsMovedError);
}

/**
 * Writers that collide on one stream back off for a random, growing few milliseconds, so that on a
 * store with slower appends (PostgreSQL) a burst of commands to one body settles instead of
 * colliding again in lock-step.
 */
function backOff(attempt: number): Promise<void> {
  const ceiling = Math.min(2 ** attempt, 200);
  return new Promise((resolve) => setTimeout(resolve, Math.random() * ceiling));
}

/** What an operator may want counted; told after the fact, never asked. */
export interface CommandObserver {
  /** Events this process appended for one command (a replayed retry appends none). */
  appended?(events: number): void;
}

/**
 * What an attempt answers when it found other commands of this process taking turns at its
 * stream: a value, not a thrown error, since under load on one stream most commands get it, and an
 * error's stack costs more than the check.
 */
class StreamTaken {
  constructor(readonly stream: string) {}
}

/**
 * Runs one command: idempotency by command id, `If-Match`, decide, append with the expected
 * revision. A concurrency conflict re-reads and re-decides, which is safe because deciding has no
 * side effects; with `If-Match` the caller asked for that exact revision, so it fails instead.
 *
 * Commands of this process take turns at the stream they append to (`StreamTurns`): one reads,
 * decides and appends, and the next for that stream starts once it is recorded, refused or has
 * given up (its pauses included), so they do not collide with each other; commands for different
 * streams run side by side. Where the caller names the stream (`target`), a command takes its turn
 * before reading anything. Otherwise (a correction finds its stream by reading) it runs at once,
 * and joins the turns if it finds its stream taken or collides there. Only writers in other
 * processes, and commands of this one already past their check of the turns, can still make a
 * command retry.
 *
 * Through a `StreamCachingStore`, a first try without `If-Match` (in its turn or not) takes the
 * command side's kept state of its target stream instead of reading it (`TargetRead`): the append's expected
 * revision refuses it if the stream has grown meanwhile (another process wrote), and any refusal
 * of an attempt that took a kept state is decided again on a fresh read before it stands, so a
 * stale cache can cost a second decision but never a wrong answer. With `If-Match` the caller compares against the
 * stored revision, so it is read.
 */
export class CommandExecutor {
  // The store unavailable for one command is unavailable for those queued behind it (they are answered 503 at once).
  private readonly turns = new StreamTurns(DEFAULT_TURN_HOLD_LIMIT_MS, (error) => error instanceof StoreUnavailableError);

  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
    private readonly observer: CommandObserver = {},
    private readonly stamps: PendingStamps = new PendingStamps(),
  ) {}

  /**
   * `target` is the stream the command appends to, where the caller knows it before planning: the
   * command then takes its turn there first. Two commands for one stream cannot both be decided on
   * one state and recorded, so the second waits instead of reading, deciding and colliding.
   */
  async execute(metadata: CommandMetadata, plan: CommandPlanner, target?: string): Promise<CommandResult> {
    if (target !== undefined) return this.turns.run(target, () => this.tryInTurn(metadata, plan, 1));
    let mayTakeKeptState = this.mayTakeKeptState(metadata);
    // The first attempt does not look the command up: the store's append answers a repeated
    // command id with its first result and writes nothing (every adapter's contract), and a
    // refusal looks it up below before it is reported. A retry then costs a decision, and every
    // first command one read less.
    for (;;) {
      const read = new TargetRead(mayTakeKeptState);
      try {
        const answer = await this.attempt(metadata, plan, read, (stream) => this.turns.isBusy(stream));
        if (answer instanceof StreamTaken) return this.turns.run(answer.stream, () => this.tryInTurn(metadata, plan, 1));
        return answer;
      } catch (error) {
        // A store that cannot be reached now would fail a fresh read and a look-up too, each after
        // its own timeout: the caller hears at once, and a retry with the same key is answered
        // with the first result if the append was made after all (here and in `tryInTurn`).
        if (error instanceof StoreUnavailableError) throw error;
        if (read.tookKeptState) {
          // Judged on a kept state, which may be stale: decide again on a fresh read, at once,
          // before anything is reported or counted as a collision.
          mayTakeKeptState = false;
          continue;
        }
        if (error instanceof FactsMovedError) return this.turns.run(error.target, () => this.tryInTurn(metadata, plan, 2, error.stream));
        if (error instanceof ConcurrencyError && !movedUnderIfMatch(error, metadata)) {
          // Taken at once, before any look-up or pause: while this command waits to try again,
          // the other commands of this process for the stream queue behind it instead of
          // overtaking it, which could refuse it attempt after attempt.
          return this.turns.run(error.stream, () => this.tryInTurn(metadata, plan, 2));
        }
        return this.answerToRefusal(metadata, error);
      }
    }
  }

  /**
   * Tries the command from attempt `firstAttempt` on, holding the stream's turn throughout, its pauses
   * included: only writers in other processes, and commands of this one already past their check
   * of the turns, can still get in first.
   *
   * Attempt 1 (a command that took its turn before appending anything) neither looks the command
   * up nor pauses, as a first attempt outside the turns does not, and takes the kept state where
   * `execute` would: within the turns it is current unless another process wrote, which the
   * append's expected revision refuses, and the attempt is then made again at once on a fresh
   * read, not counted. After a collision every try reads afresh: the kept state is then known
   * to be behind.
   */
  private async tryInTurn(metadata: CommandMetadata, plan: CommandPlanner, firstAttempt: number, movedBefore?: string): Promise<CommandResult> {
    let mayTakeKeptState = firstAttempt === 1 && this.mayTakeKeptState(metadata);
    // A stream the facts came from that moved under an attempt: the next ones read, decide and
    // append in its turn too, so that this process's own commands on it (a busy body) cannot move
    // it under every attempt. Only body streams are such streams, and a body's commands take no
    // other turn, so two commands never wait on each other.
    let factsTurn = movedBefore;
    for (let attempt = firstAttempt; ; attempt += 1) {
      if (attempt > 1) {
        const earlier = await this.earlierResult(metadata);
        if (earlier) return earlier;
        await backOff(attempt - 1);
      }
      for (;;) {
        const read = new TargetRead(mayTakeKeptState);
        const once = (): Promise<CommandResult> => this.attempt(metadata, plan, read);
        try {
          return await (factsTurn === undefined ? once() : this.turns.run(factsTurn, once));
        } catch (error) {
          if (error instanceof StoreUnavailableError) throw error;
          if (error instanceof FactsMovedError) factsTurn = error.stream;
          if (read.tookKeptState) {
            mayTakeKeptState = false;
            continue;
          }
          if (!(error instanceof ConcurrencyError) || movedUnderIfMatch(error, metadata) || attempt >= MAX_ATTEMPTS) {
            return this.answerToRefusal(metadata, error, attempt);
          }
          // What this read kept is behind the stream now.
          mayTakeKeptState = false;
          break;
        }
      }
    }
  }

  /** Whether a first try may decide on the command side's kept state (see `TargetRead`). */
  private mayTakeKeptState(metadata: CommandMetadata): boolean {
    return metadata.expectedRevision === undefined && this.store instanceof StreamCachingStore;
  }

  /**
   * The answer to a refused attempt. The same command may have been recorded by a concurrent retry
   * between the look-up and the decision, which then sees its effect ("already a member", a stale
   * If-Match): the answer to a retry is the first result, so it is looked up again before any
   * refusal is reported. With `If-Match` a collision means the caller's revision is stale; without,
   * collisions in every one of the attempts made give up.
   */
  private async answerToRefusal(metadata: CommandMetadata, error: unknown, attempts = 1): Promise<CommandResult> {
    const recordedMeanwhile = await this.earlierResult(metadata);
    if (recordedMeanwhile) return recordedMeanwhile;
    if (!(error instanceof ConcurrencyError)) throw error;
    if (metadata.expectedRevision !== undefined && movedUnderIfMatch(error, metadata))
      throw new PreconditionFailedError(error.stream, metadata.expectedRevision, error.actualRevision);
    throw new ConcurrencyExhaustedError(error instanceof FactsMovedError ? error.target : error.stream, attempts);
  }

  /** One try; with `takenInTurns`, it answers `StreamTaken` instead of deciding when that says the stream is taken. */
  private attempt(metadata: CommandMetadata, plan: CommandPlanner, read: TargetRead): Promise<CommandResult>;
  private attempt(
    metadata: CommandMetadata,
    plan: CommandPlanner,
    read: TargetRead,
    takenInTurns: (stream: string) => boolean,
  ): Promise<CommandResult | StreamTaken>;
  private async attempt(
    metadata: CommandMetadata,
    plan: CommandPlanner,
    read: TargetRead,
    takenInTurns?: (stream: string) => boolean,
  ): Promise<CommandResult | StreamTaken> {
    const recordedAt = this.clock.now();
    const settled = this.stamps.begin(recordedAt);
    try {
      return await this.stampedAttempt(recordedAt, metadata, plan, read, takenInTurns);
    } finally {
      settled();
    }
  }

  private async stampedAttempt(
    recordedAt: Date,
    metadata: CommandMetadata,
    plan: CommandPlanner,
    read: TargetRead,
    takenInTurns?: (stream: string) => boolean,
  ): Promise<CommandResult | StreamTaken> {
    const planned = await plan({ now: recordedAt.toISOString(), occurredAtIsMoment: metadata.occurredAtIsMoment === true }, read);
    if (takenInTurns?.(planned.stream) === true) return new StreamTaken(planned.stream);
    if (metadata.expectedRevision !== undefined && metadata.expectedRevision !== planned.revision) {
      throw new PreconditionFailedError(planned.stream, metadata.expectedRevision, planned.revision);
    }
    const decided = planned.decide();
    const events = decided.map((event) => this.envelope(event, metadata, recordedAt));
    const appended = await this.store
      .append(planned.stream, events, { expectedRevision: planned.revision === -1 ? 'no-stream' : planned.revision, decidedOn: planned.decidedOn })
      .catch((error: unknown) => {
        if (error instanceof ConcurrencyError && error.stream !== planned.stream) throw new FactsMovedError(planned.stream, error);
        throw error;
      });
    if (appended.duplicate) return this.replay(appended, metadata);
    const lastEventId = appended.eventIds.at(-1);
    if (lastEventId !== undefined) planned.recorded?.(decided, { position: appended.lastPosition, eventId: lastEventId });
    this.observer.appended?.(appended.eventIds.length);
    return toResult(appended, false);
  }

  private async earlierResult(metadata: CommandMetadata): Promise<CommandResult | undefined> {
    const earlier = await this.store.findCommand(metadata.commandId);
    return earlier ? this.replay(earlier, metadata) : undefined;
  }

  private async replay(earlier: AppendResult, metadata: CommandMetadata): Promise<CommandResult> {
    const firstEventId = earlier.eventIds[0];
    const first = (await this.store.readStream(earlier.stream)).find((event) => event.eventId === firstEventId);
    // A record without the digest of its request (entered by import) matches no request: replaying
    // it would answer a new command with another's record and record nothing.
    const storedFingerprint = first?.metadata.commandFingerprint;
    if (first !== undefined && storedFingerprint !== metadata.fingerprint) {
      throw new IdempotencyKeyReusedError(metadata.commandId, { type: first.type, stream: first.stream, fingerprinted: storedFingerprint !== undefined });
    }
    return toResult(earlier, true);
  }

  private envelope(event: GovernanceEvent, metadata: CommandMetadata, recordedAt: Date): EventToAppend {
    const schemaVersion = CURRENT_SCHEMA_VERSION[event.type];
    // The deciders should never produce an event its published schema refuses; if one does, it is
    // a defect, and it must not reach the log that integrators read.
    const validation = validateEventData(event.type, schemaVersion, event.data);
    if (!validation.valid) throw new Error(`${event.type} v${schemaVersion} does not match its schema: ${validation.errors.join('; ')}`);
    return {
      eventId: uuidV7(recordedAt),
      type: event.type,
      schemaVersion,
      data: event.data,
      metadata: {
        commandId: metadata.commandId,
        correlationId: metadata.correlationId,
        causationId: metadata.causationId,
        actor: metadata.actor,
        recordedAt: recordedAt.toISOString(),
        commandFingerprint: metadata.fingerprint,
      },
    };
  }
}

function toResult(appended: AppendResult, replayed: boolean): CommandResult {
  return {
    eventIds: appended.eventIds,
    stream: appended.stream,
    streamRevision: appended.streamRevision,
    position: appended.lastPosition,
    replayed,
  };
}
