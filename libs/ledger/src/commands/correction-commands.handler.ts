import { decideCorrection, RecordCorrection, refuse } from '@concord/governance';
import { EventStore } from '@concord/event-store';
import { readAsCorrected } from './aggregate-loader';
import { CommandExecutor } from './command-executor';
import { CommandMetadata, CommandResult } from './command-metadata';

/**
 * A correction is appended to the stream of the event it corrects, so both read in one place. The
 * store says which stream that is: the write side never asks the read side.
 */
export class CorrectionCommandsHandler {
  constructor(
    private readonly store: EventStore,
    private readonly executor: CommandExecutor,
  ) {}

  handle(command: RecordCorrection, metadata: CommandMetadata): Promise<CommandResult> {
    const { correctsEventId } = command.data;
    return this.executor.execute(metadata, async (context) => {
      const stream = await this.store.streamOf(correctsEventId);
      const events = stream === undefined ? [] : await this.store.readStream(stream);
      // The target as it reads now, earlier corrections included, so "changes nothing" is judged
      // against what the ledger currently says.
      const current = readAsCorrected(events);
      const target = current.find((identified) => identified.eventId === correctsEventId);
      if (stream === undefined || !target) {
        const isCorrection = events.some((event) => event.eventId === correctsEventId);
        if (isCorrection) refuse('correction-not-applicable', 'a correction cannot itself be corrected; record a new correction of the original event');
        refuse('event-not-found', `no event ${correctsEventId} is recorded`, { correctsEventId });
      }
      const revision = events[events.length - 1]?.streamRevision ?? -1;
      const { type, data } = target.event;
      return { stream, revision, decide: () => decideCorrection(command, { eventId: correctsEventId, type, data }, context, current) };
    });
  }
}
