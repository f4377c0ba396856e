import { BodyCommand, bodyFacts, bodyStream, decideBody } from '@concord/governance';
import { EventStore } from '@concord/event-store';
import { loadBody } from './aggregate-loader';
import { CommandExecutor, planOn } from './command-executor';
import { CommandMetadata, CommandResult } from './command-metadata';
import { readFacts } from './store-fact-reader';
import { requireAddressedBody } from './addressed-body';

/**
 * Membership and offices: every command writes the body's own stream, and reads it as it stands; an
 * office dated before its holder's last change of status also reads the body as it stood on its
 * date (`bodyFacts`), through the command side's world-time index.
 */
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
        if (command.type !== 'EstablishBody') requireAddressedBody(bodyId, body.state);
        // Only the body's own stream is read: its expected revision covers it.
        const facts = await bodyFacts(bodyId, command, body.state, readFacts(this.store).reader);
        return planOn(body, () => decideBody(command, body.state, context, facts));
      },
      bodyStream(bodyId),
    );
  }
}
