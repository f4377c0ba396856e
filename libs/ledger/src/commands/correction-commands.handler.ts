import { decideCorrection, RecordCorrection, refuse } from '@concord/governance';
import { EventStore } from '@concord/event-store';
import { toDomainEvent } from '../support/stored-to-domain';
import { CommandExecutor } from './command-executor';
import { CommandMetadata, CommandResult } from './command-metadata';

/** Finds the stream an event was stored in; the projections keep that index. */
export interface EventLocator {
  streamOf(eventId: string): Promise<string | undefined>;
}

/** A correction is appended to the stream of the event it corrects, so both read in one place. */
export class CorrectionCommandsHandler {
  constructor(
    private readonly store: EventStore,
    private readonly executor: CommandExecutor,
    private readonly locator: EventLocator,
  ) {}

  handle(command: RecordCorrection, metadata: CommandMetadata): Promise<CommandResult> {
    const { correctsEventId } = command.data;
    return this.executor.execute(metadata, async (context) => {
      const stream = await this.locator.streamOf(correctsEventId);
      const events = stream === undefined ? [] : await this.store.readStream(stream);
      const target = events.find((event) => event.eventId === correctsEventId);
      if (stream === undefined || !target) refuse('event-not-found', `no event ${correctsEventId} is recorded`, { correctsEventId });
      const revision = events[events.length - 1]?.streamRevision ?? -1;
      const { type, data } = toDomainEvent(target);
      return { stream, revision, decide: () => decideCorrection(command, { eventId: correctsEventId, type, data }, context) };
    });
  }
}
