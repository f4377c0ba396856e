import { BodyCommand, bodyStream, decideBody } from '@concord/governance';
import { EventStore } from '@concord/event-store';
import { loadBody } from './aggregate-loader';
import { CommandExecutor, planOn } from './command-executor';
import { CommandMetadata, CommandResult } from './command-metadata';

/** Membership and offices: every command reads and writes the body's own stream only. */
export class BodyCommandsHandler {
  constructor(
    private readonly store: EventStore,
    private readonly executor: CommandExecutor,
  ) {}

  handle(bodyId: string, command: BodyCommand, metadata: CommandMetadata): Promise<CommandResult> {
    return this.executor.execute(
      metadata,
      async (context, read) => {
        const body = await loadBody(this.store, bodyId, read);
        return planOn(body, () => decideBody(command, body.state, context));
      },
      bodyStream(bodyId),
    );
  }
}
