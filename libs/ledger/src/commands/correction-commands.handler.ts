import {
  ConsensusPolicy,
  correctionFacts,
  decideCorrection,
  evolveProposal,
  initialProposalState,
  isProposalEvent,
  RecordCorrection,
  refuse,
} from '@concord/governance';
import { EventStore, StoredEvent } from '@concord/event-store';
import { readAsCorrected } from './aggregate-loader';
import { CommandExecutor } from './command-executor';
import { CommandMetadata, CommandResult } from './command-metadata';
import { readFacts } from './store-fact-reader';

/** The record a correction names: by its eventId, or by where a history shows it (stream and revision). */
export type CorrectedRecord = { readonly eventId: string } | { readonly stream: string; readonly streamRevision: number };

/** What a correction says, whichever way it names its record. */
export type CorrectionData = Omit<RecordCorrection['data'], 'correctsEventId'>;

/**
 * A correction is appended to the stream of the event it corrects, so both read in one place. The
 * store says which stream that is: the write side never asks the read side.
 */
export class CorrectionCommandsHandler {
  constructor(
    private readonly store: EventStore,
    private readonly executor: CommandExecutor,
    private readonly policy: ConsensusPolicy,
  ) {}

  handle(command: RecordCorrection, metadata: CommandMetadata): Promise<CommandResult> {
    const { correctsEventId, ...data } = command.data;
    return this.handleNamed({ eventId: correctsEventId }, data, metadata);
  }

  handleNamed(record: CorrectedRecord, data: CorrectionData, metadata: CommandMetadata): Promise<CommandResult> {
    return this.executor.execute(metadata, async (context) => {
      const { stream, events, eventId } = await this.locate(record);
      // The target as it reads now, earlier corrections included, so "changes nothing" is judged
      // against what the ledger currently says.
      const current = readAsCorrected(events);
      const target = current.find((identified) => identified.eventId === eventId);
      if (stream === undefined || !target) {
        const isCorrection = events.some((event) => event.eventId === eventId);
        if (isCorrection) refuse('correction-not-applicable', 'a correction cannot itself be corrected; record a new correction of the original event');
        refuse('event-not-found', `no event ${eventId} is recorded`, { correctsEventId: eventId });
      }
      const revision = events[events.length - 1]?.streamRevision ?? -1;
      const { type, data: targetData } = target.event;
      const command: RecordCorrection = { type: 'RecordCorrection', data: { correctsEventId: eventId, ...data } };
      // A corrected decision is decided again against its body and meeting, as its command was,
      // support or an objection moved to another date against the body on that date, a tabling
      // or a deferral so moved against the body and the meeting it names on that date, and a
      // statement so moved against its meeting's body and the proposal it is about. Only a
      // proposal's record needs the proposal: a body's or a meeting's stream is not folded for it.
      const proposal = isProposalEvent(target.event)
        ? current
            .map(({ event }) => event)
            .filter(isProposalEvent)
            .reduce(evolveProposal, initialProposalState)
        : initialProposalState;
      const factsRead = readFacts(this.store);
      const facts = await correctionFacts({ type, data: targetData }, data.corrections, proposal, factsRead.reader, this.policy);
      const decide = () => decideCorrection(command, { eventId, type, data: targetData }, context, current, facts);
      return { stream, revision, decidedOn: factsRead.decidedOn(stream), decide };
    });
  }

  private async locate(record: CorrectedRecord): Promise<{ stream: string | undefined; events: StoredEvent[]; eventId: string }> {
    if ('eventId' in record) {
      const stream = await this.store.streamOf(record.eventId);
      return { stream, events: stream === undefined ? [] : await this.store.readStream(stream), eventId: record.eventId };
    }
    const events = await this.store.readStream(record.stream);
    const named = events[record.streamRevision];
    if (named === undefined) {
      refuse('event-not-found', `no record at revision ${record.streamRevision} of ${record.stream}`, {
        stream: record.stream,
        streamRevision: record.streamRevision,
      });
    }
    return { stream: record.stream, events, eventId: named.eventId };
  }
}
