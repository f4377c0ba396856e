import { ConsensusPolicy, decideProposal, ProposalCommand, proposalFacts, proposalStream, TableProposal } from '@concord/governance';
import { EventStore } from '@concord/event-store';
import { loadProposal } from './aggregate-loader';
import { CommandExecutor, planOn } from './command-executor';
import { CommandMetadata, CommandResult } from './command-metadata';
import { readFacts } from './store-fact-reader';
import { requireAddressedBody } from './addressed-body';

/**
 * Proposal commands read the proposal and, as `proposalFacts` declares, its body as it stood on the
 * command's date (who could act, who chaired) and the meeting they name. Another writer may change
 * the body between that read and the append; the window is one request long and documented in the
 * README, as the design accepts.
 */
export class ProposalCommandsHandler {
  constructor(
    private readonly store: EventStore,
    private readonly executor: CommandExecutor,
    private readonly policy: ConsensusPolicy,
  ) {}

  table(bodyId: string, command: TableProposal, metadata: CommandMetadata): Promise<CommandResult> {
    return this.record(command.data.proposalId, command, metadata, bodyId);
  }

  handle(proposalId: string, command: Exclude<ProposalCommand, TableProposal>, metadata: CommandMetadata): Promise<CommandResult> {
    return this.record(proposalId, command, metadata);
  }

  private record(proposalId: string, command: ProposalCommand, metadata: CommandMetadata, bodyId?: string): Promise<CommandResult> {
    return this.executor.execute(
      metadata,
      async (context, read) => {
        const proposal = await loadProposal(this.store, proposalId, read);
        const factsRead = readFacts(this.store);
        const facts = await proposalFacts(proposalId, command, proposal.state, factsRead.reader, this.policy, bodyId);
        requireAddressedBody(bodyId, facts.body);
        return planOn(proposal, () => decideProposal(command, proposal.state, facts, context), factsRead);
      },
      proposalStream(proposalId),
    );
  }
}
