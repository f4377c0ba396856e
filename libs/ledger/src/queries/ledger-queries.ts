import { ConsensusPolicy, ProposalStatus } from '@concord/governance';
import { BodyView, ChairTermView, MeetingView, ProjectionRunner, ProposalView, ReadModels } from '@concord/projections';
import { EventLocator } from '../commands/correction-commands.handler';
import { Clock } from '../support/clock';

/** The read side: every answer comes from projections caught up to the store's head first. */
export class LedgerQueries implements EventLocator {
  constructor(
    private readonly runner: ProjectionRunner,
    private readonly policy: ConsensusPolicy,
    private readonly clock: Clock,
  ) {}

  async body(bodyId: string): Promise<BodyView | undefined> {
    return (await this.readModels()).body(bodyId, this.clock.now());
  }

  async chairs(bodyId: string): Promise<ChairTermView[] | undefined> {
    return (await this.readModels()).chairs(bodyId);
  }

  async proposals(bodyId: string, status?: ProposalStatus): Promise<ProposalView[] | undefined> {
    return (await this.readModels()).proposalsOfBody(bodyId, status);
  }

  async proposal(proposalId: string): Promise<ProposalView | undefined> {
    return (await this.readModels()).proposal(proposalId);
  }

  async meeting(meetingId: string): Promise<(MeetingView & { streamRevision: number }) | undefined> {
    return (await this.readModels()).meeting(meetingId);
  }

  async streamOf(eventId: string): Promise<string | undefined> {
    return (await this.runner.catchUp()).eventIndex.get(eventId)?.stream;
  }

  private async readModels(): Promise<ReadModels> {
    return new ReadModels(await this.runner.catchUp(), this.policy);
  }
}
