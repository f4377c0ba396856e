import { BeforeApplicationShutdown, Injectable } from '@nestjs/common';

/** Whether the process is going away: from then on it is not ready, though it still answers. */
@Injectable()
export class Readiness implements BeforeApplicationShutdown {
  private stopping = false;

  get shuttingDown(): boolean {
    return this.stopping;
  }

  beforeApplicationShutdown(): void {
    this.stopping = true;
  }
}
