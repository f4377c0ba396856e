import { ConveneMeeting, decideMeeting, MeetingCommand, meetingFacts, meetingStream } from '@concord/governance';
import { EventStore } from '@concord/event-store';
import { loadMeeting } from './aggregate-loader';
import { CommandExecutor, planOn } from './command-executor';
import { CommandMetadata, CommandResult } from './command-metadata';
import { readFacts } from './store-fact-reader';
import { requireAddressedBody } from './addressed-body';

/** Meeting commands read the meeting and, as `meetingFacts` declares, the body (and a proposal) they concern. */
export class MeetingCommandsHandler {
  constructor(
    private readonly store: EventStore,
    private readonly executor: CommandExecutor,
  ) {}

  convene(bodyId: string, command: ConveneMeeting, metadata: CommandMetadata): Promise<CommandResult> {
    return this.record(command.data.meetingId, command, metadata, bodyId);
  }

  handle(meetingId: string, command: Exclude<MeetingCommand, ConveneMeeting>, metadata: CommandMetadata): Promise<CommandResult> {
    return this.record(meetingId, command, metadata);
  }

  private record(meetingId: string, command: MeetingCommand, metadata: CommandMetadata, bodyId?: string): Promise<CommandResult> {
    return this.executor.execute(
      metadata,
      async (context, read) => {
        const meeting = await loadMeeting(this.store, meetingId, read);
        const factsRead = readFacts(this.store);
        const facts = await meetingFacts(meetingId, command, meeting.state, factsRead.reader, bodyId);
        requireAddressedBody(bodyId, facts.body);
        return planOn(meeting, () => decideMeeting(command, meeting.state, facts, context), factsRead);
      },
      meetingStream(meetingId),
    );
  }
}
