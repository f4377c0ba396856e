import { ConveneMeeting, decideMeeting, MeetingCommand, meetingStream, refuse } from '@concord/governance';
import { EventStore } from '@concord/event-store';
import { loadBody, loadBodyAt, loadMeeting, loadProposal } from './aggregate-loader';
import { CommandExecutor } from './command-executor';
import { CommandMetadata, CommandResult } from './command-metadata';

export class MeetingCommandsHandler {
  constructor(
    private readonly store: EventStore,
    private readonly executor: CommandExecutor,
  ) {}

  convene(bodyId: string, command: ConveneMeeting, metadata: CommandMetadata): Promise<CommandResult> {
    return this.executor.execute(metadata, async (context) => {
      const [meeting, body] = await Promise.all([loadMeeting(this.store, command.data.meetingId), loadBody(this.store, bodyId)]);
      return {
        stream: meeting.stream,
        revision: meeting.revision,
        decide: () => decideMeeting(command, meeting.state, { body: body.state }, context),
      };
    });
  }

  handle(meetingId: string, command: Exclude<MeetingCommand, ConveneMeeting>, metadata: CommandMetadata): Promise<CommandResult> {
    return this.executor.execute(metadata, async (context) => {
      const meeting = await loadMeeting(this.store, meetingId);
      if (meeting.state.status === 'unknown') refuse('meeting-not-found', `meeting ${meetingId} has not been convened`, { meetingId });
      const body = await loadBodyAt(this.store, meeting.state.bodyId, command.data.occurredAt);
      const proposalId = command.type === 'RecordStatement' ? command.data.proposalId : null;
      const proposalBodyId = proposalId === null ? undefined : await this.bodyOfProposal(proposalId);
      return {
        stream: meetingStream(meetingId),
        revision: meeting.revision,
        decide: () => decideMeeting(command, meeting.state, { body: body.state, proposalBodyId }, context),
      };
    });
  }

  private async bodyOfProposal(proposalId: string): Promise<string | null> {
    const proposal = await loadProposal(this.store, proposalId);
    return proposal.state.status === 'unknown' ? null : proposal.state.bodyId;
  }
}
