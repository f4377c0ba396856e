import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';

/** Whether the process is going away: from then on it is not ready, though it still answers. */
@Injectable()
export class Readiness implements BeforeApplicationShutdown {
  private readonly logger = new Logger('lifecycle');
  private stopping = false;

  get shuttingDown(): boolean {
    return this.stopping;
  }

  beforeApplicationShutdown(signal?: string): void {
    this.stopping = true;
    // The one line an operator sees of a stop until the process exits: what asked for it.
    this.logger.log({ msg: 'stopping: requests in flight and webhook deliveries get 2 s, then their connections are cut', signal: signal ?? null });
  }
}
