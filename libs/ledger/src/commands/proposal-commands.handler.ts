import { ConsensusPolicy, decideProposal, MeetingState, ProposalCommand, proposalStream, refuse, TableProposal } from '@concord/governance';
import { EventStore } from '@concord/event-store';
import { loadBodyAt, loadMeeting, loadProposal } from './aggregate-loader';
import { CommandExecutor } from './command-executor';
import { CommandMetadata, CommandResult } from './command-metadata';

/**
 * Proposal commands read the proposal, its body as it stood on the command's date (who could act,
 * who chaired) and the meeting they name. Another writer may change the body between that read and the append; the window is one
 * request long and documented in the README, as the design accepts.
 */
export class ProposalCommandsHandler {
  constructor(
    private readonly store: EventStore,
    private readonly executor: CommandExecutor,
    private readonly policy: ConsensusPolicy,
  ) {}

  table(bodyId: string, command: TableProposal, metadata: CommandMetadata): Promise<CommandResult> {
    return this.executor.execute(metadata, async (context) => {
      const [proposal, body, meeting] = await Promise.all([
        loadProposal(this.store, command.data.proposalId),
        loadBodyAt(this.store, bodyId, command.data.occurredAt),
        this.meetingNamed(command.data.meetingId),
      ]);
      return {
        stream: proposal.stream,
        revision: proposal.revision,
        decide: () => decideProposal(command, proposal.state, { body: body.state, meeting, policy: this.policy }, context),
      };
    });
  }

  handle(proposalId: string, command: Exclude<ProposalCommand, TableProposal>, metadata: CommandMetadata): Promise<CommandResult> {
    return this.executor.execute(metadata, async (context) => {
      const proposal = await loadProposal(this.store, proposalId);
      if (proposal.state.status === 'unknown') refuse('proposal-not-found', `proposal ${proposalId} has not been tabled`, { proposalId });
      const [body, meeting] = await Promise.all([
        loadBodyAt(this.store, proposal.state.bodyId, command.data.occurredAt),
        this.meetingNamed(meetingNamedBy(command)),
      ]);
      return {
        stream: proposalStream(proposalId),
        revision: proposal.revision,
        decide: () => decideProposal(command, proposal.state, { body: body.state, meeting, policy: this.policy }, context),
      };
    });
  }

  private async meetingNamed(meetingId: string | null): Promise<MeetingState | undefined> {
    return meetingId === null ? undefined : (await loadMeeting(this.store, meetingId)).state;
  }
}

function meetingNamedBy(command: Exclude<ProposalCommand, TableProposal>): string | null {
  switch (command.type) {
    case 'DeclareOutcome':
      return command.data.meetingId;
    case 'DeferProposal':
      return command.data.toMeetingId;
    default:
      return null;
  }
}
